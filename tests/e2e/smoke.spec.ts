// The minimal reader on the sample content: the list comes from the data files, articles and tag
// pages open from links and from deep links.
import { expect, test } from '@playwright/test';

test('home lists the newest posts first and loads more on demand', async ({ page }) => {
  await page.goto('/');
  const items = page.locator('.post-list > li');
  await expect(items).toHaveCount(20);
  await expect(items.first().getByRole('link').first()).toHaveText('给家里的老人做一个语音助手');
  await page.getByRole('button', { name: /加载更多/ }).click();
  await expect(items).toHaveCount(21);
  await expect(page.getByText('21 / 21')).toBeVisible();
  await expect(page.getByRole('button', { name: /加载更多/ })).toHaveCount(0);
});

test('an article opens from the list, with its Markdown rendered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Markdown 能做什么：表格、脚注和代码' }).click();
  await expect(page).toHaveURL(/\/posts\/markdown-features\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Markdown 能做什么：表格、脚注和代码');
  await expect(page.getByRole('table')).toContainText('上海');
  await expect(page.locator('pre code')).toContainText('export function slugify');
});

test('deep links to an article and a Chinese tag load directly', async ({ page }) => {
  const response = await page.goto('/posts/guan-yuan-fan-che/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('又有官员翻车了！男领导工作群误发信息：你的身体只属于我 · Folio');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/又有官员翻车了/);
  await expect(page.locator('article img').first()).toHaveAttribute('src', /images\.weserv\.nl/);
  await page.goto(`/tags/${encodeURIComponent('家庭')}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('家庭');
  await expect(page.locator('.post-list > li')).toHaveCount(2);
});

test('a tag link on a card opens that tag page', async ({ page }) => {
  await page.goto('/');
  await page.locator('.post-list > li').first().getByRole('link', { name: '硬件' }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/${encodeURIComponent('硬件')}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('硬件');
  await expect(page.locator('.post-list > li')).toHaveCount(1);
});

test('an unknown article says 404 with a way home', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    history.pushState({}, '', '/posts/no-such-post/');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { name: /404/ })).toBeVisible();
  await page.getByRole('link', { name: /首页/ }).click();
  await expect(page.locator('.post-list > li')).toHaveCount(20);
});
