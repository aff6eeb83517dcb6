// The operator's identity as a reader meets it (the operator project: every option given as a FOLIO_*
// variable): logo, icon, menu and footer on every page, "edit" and "report" on articles, the same with
// and without JavaScript, and nothing moves when the app takes over.
import { expect, test, type Page } from '@playwright/test';
import { appStarted } from './support/app.ts';
import { layoutShift, watchLayoutShift } from './support/layout-shift.ts';

const identity = async (page: Page) => {
  const header = page.locator('.site-header');
  await expect(header.locator('.site-title')).toHaveText('某某存档');
  await expect(header.locator('img.site-logo')).toHaveAttribute('src', /^\/media\/site-logo\.\w{10}\.png$/);
  await expect(header.getByRole('link', { name: 'Telegram' })).toHaveAttribute(
    'href',
    'https://t.me/example',
  );
  await expect(header.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/feed.xml');
  const footer = page.locator('.site-footer');
  await expect(footer).toContainText('© 2026 某某存档');
  await expect(footer.getByRole('link', { name: '联系' })).toHaveAttribute(
    'href',
    'mailto:archive@example.org',
  );
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /^\/media\/site-icon\.\w{10}\.svg$/);
};

for (const javaScriptEnabled of [false, true])
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });
    test('every page carries the logo, icon, menu and footer; an article its edit and report links', async ({
      page,
    }) => {
      await page.goto('./');
      if (javaScriptEnabled) await appStarted(page);
      await identity(page);
      await page.goto('./posts/listed-one/');
      if (javaScriptEnabled) await appStarted(page);
      await identity(page);
      const actions = page.locator('.post-actions');
      await expect(actions.getByRole('link', { name: '编辑此文' })).toHaveAttribute(
        'href',
        'https://github.com/me/archive/edit/main/content/posts/2024-01-01-listed-one.md',
      );
      await expect(actions.getByRole('link', { name: '报告问题' })).toHaveAttribute(
        'href',
        `https://github.com/me/archive/issues/new?title=${encodeURIComponent('公开的第一篇')}`,
      );
    });
  });

test('the app takes over the header, the footer and the article links without moving them', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await watchLayoutShift(page);
  for (const path of ['./', './posts/listed-one/']) {
    await page.goto(path);
    await appStarted(page);
    await page.waitForTimeout(300);
    expect(await layoutShift(page), path).toBeLessThanOrEqual(0.02);
  }
});
