// Unlisted and removed posts as a reader meets them (tests/fixtures/unlisted): the home page, a tag
// and the archive list the others; a link to an unlisted post opens it; a removed post's address
// shows the operator's notice, with or without JavaScript, and nothing of its text.
import { expect, test } from '@playwright/test';
import { appStarted } from './support/app.ts';

const LISTED = ['写错的标记', '公开的第二篇', '公开的第一篇'];

test('the lists hold the listed posts alone; an unlisted post opens at its address, whole', async ({
  page,
}) => {
  await page.goto('./');
  await appStarted(page);
  await expect(page.locator('.post-list .post-card-title')).toHaveText(LISTED);
  await page.goto(`./tags/${encodeURIComponent('共同')}/`);
  await expect(page.locator('.post-list .post-card-title')).toHaveText(['公开的第一篇']);
  await page.goto('./posts/draft-link/');
  await appStarted(page);
  await expect(page.getByRole('heading', { level: 1, name: '只给链接的人看' })).toBeVisible();
  await expect(page.getByText('秘密花园里的郁金香')).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  // the end of the article offers no neighbours in lists it is not in
  // (it is the newest unlisted post, the ordinal after the oldest listed one; its related posts,
  // fetched with the neighbours, come: the end was reached)
  await page.locator('.neighbours').scrollIntoViewIfNeeded();
  await expect(page.getByRole('navigation', { name: '相关文章' }).getByRole('link')).toHaveText([
    '公开的第一篇',
  ]);
  await expect(page.locator('.neighbours a')).toHaveCount(0);
});

for (const javaScriptEnabled of [true, false])
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });
    test('a removed post is the notice at its address, and nothing of its text', async ({ page }) => {
      await page.goto('./posts/taken-down/');
      if (javaScriptEnabled) await appStarted(page);
      await expect(page.getByRole('heading', { level: 1, name: '已下架的文章' })).toBeVisible();
      await expect(page.getByRole('note')).toHaveText('此文已被移除：应原作者要求删除');
      await expect(page.locator('body')).not.toContainText('机密档案');
      await expect(page.locator('.tag-list, .toc')).toHaveCount(0);
    });
  });
