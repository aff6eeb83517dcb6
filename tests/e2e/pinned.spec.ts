// Pinned posts lead the home page, with and without JavaScript, the app taking over without a jump
// (the search fixture: 一季度 GDP… is `pinned: true`, 春运收官… Hexo's `sticky: 5`).
import { expect, test } from '@playwright/test';
import { appStarted } from './support/app.ts';
import { layoutShift, watchLayoutShift } from './support/layout-shift.ts';

const PINNED = ['春运收官：全国铁路发送旅客四亿人次', '一季度 GDP 同比增长百分之五点三'];
const pinnedTitles = (page: import('@playwright/test').Page) =>
  page.locator('.pinned-posts .post-card-title').allTextContents();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the home page leads with the pinned posts, most pinned first, then the newest', async ({ page }) => {
    await page.goto('./');
    const pinned = page.getByRole('region', { name: '置顶' });
    await expect(pinned).toBeVisible();
    expect(await pinnedTitles(page)).toEqual(PINNED);
    // above the list, which keeps its order by date (each pinned post in its place there too)
    const order = await page
      .locator('.pinned-posts, .post-list')
      .evaluateAll((els) => els.map((e) => e.className));
    expect(order).toEqual(['pinned-posts', 'post-list']);
    const list = await page.locator('.post-list .post-card-title').allTextContents();
    expect(list[0]).not.toBe(PINNED[0]);
    expect(list).toContain(PINNED[1]);
  });
});

test('the app shows the same pinned posts where the page had them: nothing moves', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await watchLayoutShift(page);
  await page.goto('./');
  await appStarted(page);
  expect(await pinnedTitles(page)).toEqual(PINNED);
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);
  await page.getByRole('region', { name: '置顶' }).getByRole('link', { name: PINNED[0] }).click();
  await expect(page.getByRole('heading', { level: 1, name: PINNED[0] })).toBeVisible();
  await page.goBack();
  await expect(page.locator('.pinned-posts .post-card-title')).toHaveText(PINNED);
});
