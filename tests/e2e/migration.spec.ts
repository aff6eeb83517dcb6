// A Hugo site moved to Folio (tests/fixtures/hugo-site: its folio.config.json beside its content sets
// the permalink, folder and feed names, and the site's aliases; a post keeps its own in `aliases:`):
// every address the Hugo site had lands on its page, with and without JavaScript, and every feed
// address a reader subscribed to still answers.
import { expect, test } from '@playwright/test';

const FIRST = '我的第一篇文章';
const OLD: [string, string, string][] = [
  // old address, the title it lands on, where it lands
  ['/post/my-first-post/', FIRST, '/post/my-first-post/'],
  ['/post/2020-01-02-second/', '第二篇：文件名带日期', '/post/2020-01-02-second/'],
  [`/post/${encodeURIComponent('第三篇')}/`, '第三篇：中文文件名', `/post/${encodeURIComponent('第三篇')}/`],
  // a post's own aliases
  ['/2019/05/first/', FIRST, '/post/my-first-post/'],
  ['/old/first.html', FIRST, '/post/my-first-post/'],
  // the site's
  ['/about/', '关于', '/p/about/'],
  ['/tags/hugo/', 'Hugo', '/tags/hugo/'],
  [`/tags/${encodeURIComponent('迁移')}/`, '迁移', `/tags/${encodeURIComponent('迁移')}/`],
  [`/author/${encodeURIComponent('老王')}/`, '老王', `/author/${encodeURIComponent('老王')}/`],
];

for (const javaScriptEnabled of [true, false])
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });
    for (const [old, title, lands] of OLD)
      test(`${decodeURIComponent(old)} lands on ${title}`, async ({ page }) => {
        await page.goto(old);
        await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
        expect(new URL(page.url()).pathname).toBe(lands);
      });
  });

test('an old address is a page of no script: the new one as its canonical link, not to be indexed', async ({
  request,
}) => {
  const html = await (await request.get('/2019/05/first/')).text();
  expect(html).toContain('<link rel="canonical" href="https://blog.example.org/post/my-first-post/" />');
  expect(html).toContain('<meta http-equiv="refresh" content="0; url=/post/my-first-post/" />');
  expect(html).toContain('<meta name="robots" content="noindex" />');
  expect(html).not.toContain('<script');
});

test('every feed address answers: the site’s, a section’s old one, a tag’s and an author’s', async ({
  request,
}) => {
  const site = await (await request.get('/index.xml')).text();
  expect(site).toMatch(/^<\?xml[^>]*>\s*<rss version="2.0"/);
  expect(site).toContain('<link>https://blog.example.org/post/my-first-post/</link>');
  expect(await (await request.get('/post/index.xml')).text()).toBe(site);
  const tag = await (await request.get('/tags/hugo/index.xml')).text();
  expect(tag).toContain('https://blog.example.org/post/2020-01-02-second/');
  expect(tag).toContain('https://blog.example.org/post/my-first-post/');
  expect((await request.get(`/author/${encodeURIComponent('老王')}/index.xml`)).status()).toBe(200);
  // the feed Folio would have named otherwise is not there
  expect((await request.get('/feed.xml')).status()).toBe(404);
});

test('the app links by the same scheme: a card to its permalink, an author to /author/, feeds by their name', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: '切换深色模式' })).toBeVisible();
  await page.locator('.post-list').getByRole('link', { name: '第二篇：文件名带日期' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '第二篇：文件名带日期' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/post/2020-01-02-second/');
  await page.getByRole('link', { name: '老王' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '老王' })).toBeVisible();
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/author/老王/');
  await expect(page.locator('main .feed-link')).toHaveAttribute(
    'href',
    `/author/${encodeURIComponent('老王')}/index.xml`,
  );
  await expect(page.locator('.site-footer .feed-link')).toHaveAttribute('href', '/index.xml');
});
