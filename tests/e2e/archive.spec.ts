// The reader on a generated 2,000-post archive (tests/e2e/make-archive.ts): paging, scroll
// restoration, the tag cloud, multi-tag filters checked against a brute-force count of the files,
// hostile content and broken images.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { facetKey } from '../../src/shared/facets.ts';
import { appStarted } from './support/app.ts';
import { crawl, sitemapPosts } from './support/crawl.ts';
import { tagName } from '../bench/generate-corpus.ts';
import { layoutShift, watchLayoutShift } from './support/layout-shift.ts';

const enc = encodeURIComponent;
const cards = (page: Page) => page.locator('.post-list > ol > li');
// The live count of the filter (the loading placeholder is a status region too).
const matchCount = (page: Page) => page.getByRole('status').filter({ hasText: '篇符合' });

/** Every post's tag keys, read straight from the generated files. */
const postTags: Set<string>[] = (() => {
  const dir = path.resolve('reports/archive-content/posts');
  return fs.readdirSync(dir).map((f) => {
    const m = /^tags: \[(.*)\]$/m.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
    return new Set((m?.[1] ?? '').split(',').map((t) => facetKey(t.replace(/^"|"$/g, ''))));
  });
})();
const bruteForce = (tags: string[], mode: 'and' | 'or') =>
  postTags.filter((s) =>
    mode === 'and' ? tags.every((t) => s.has(facetKey(t))) : tags.some((t) => s.has(facetKey(t))),
  ).length;

test('scrolling loads pages 2 and 3; back returns to the same place with the same pages', async ({
  page,
}) => {
  await page.goto('/');
  await appStarted(page);
  await expect(cards(page)).toHaveCount(20);
  await cards(page).last().scrollIntoViewIfNeeded();
  await expect(cards(page)).toHaveCount(40);
  await cards(page).last().scrollIntoViewIfNeeded();
  await expect(cards(page)).toHaveCount(60);
  const target = cards(page).nth(45);
  await target.scrollIntoViewIfNeeded();
  const title = await target.getByRole('heading').textContent();
  const before = await page.evaluate(() => scrollY);
  await target.getByRole('heading').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
  await page.goBack();
  await expect(cards(page).nth(45).getByRole('heading')).toHaveText(title!);
  expect(await cards(page).count()).toBeGreaterThanOrEqual(60);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before - 50);
  expect(Math.abs((await page.evaluate(() => scrollY)) - before)).toBeLessThan(50);
});

test('the first view lays out cards below the first screen lazily, until the first navigation', async ({
  page,
}) => {
  const visibility = (i: number) =>
    cards(page)
      .nth(i)
      .locator('.post-card')
      .evaluate((el) => getComputedStyle(el).contentVisibility);
  await page.goto('/');
  await appStarted(page);
  await expect(cards(page)).toHaveCount(20); // the app's own list
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-first-view'))).toBe(true);
  expect([await visibility(0), await visibility(5), await visibility(6), await visibility(19)]).toEqual([
    'visible',
    'visible',
    'auto',
    'auto',
  ]);
  // a card laid out lazily is still read and found: its title is there to the accessibility tree
  await expect(cards(page).nth(19).getByRole('heading')).toHaveText(/\S/);
  await cards(page).nth(0).getByRole('heading').getByRole('link').click();
  await expect(page.getByRole('article')).toBeVisible();
  await page.goBack();
  await expect(cards(page)).toHaveCount(20);
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-first-view'))).toBe(false);
  expect(await visibility(19)).toBe('visible');
});

test('the cloud leads to tag pages whose counts match the files', async ({ page }) => {
  await page.goto('/tags/');
  await expect(page.locator('.tag-cloud > li')).toHaveCount(150);
  const first = page.locator('.tag-cloud > li').first().getByRole('link').first();
  const name = (await first.evaluate((a) => a.firstChild!.textContent!)).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText(`${bruteForce([name], 'or')} 篇文章`)).toBeVisible();
  await expect(cards(page)).toHaveCount(20);
});

for (const [a, b] of [
  [tagName(0), tagName(1)],
  [tagName(2), tagName(7)],
  [tagName(0), tagName(30)],
]) {
  test(`${a} + ${b}: AND and OR counts equal a brute-force count`, async ({ page }) => {
    for (const mode of ['and', 'or'] as const) {
      await page.goto(`/?tags=${enc(a!)},${enc(b!)}&mode=${mode}`);
      const n = bruteForce([a!, b!], mode);
      await expect(matchCount(page)).toHaveText(`共 ${n} 篇符合`);
      // a filter's first page is a screenful (its posts lie in a shard file each), then whole pages
      await expect(cards(page)).toHaveCount(Math.min(n, 6));
      await page.locator('.list-footer').scrollIntoViewIfNeeded();
      await expect(cards(page)).toHaveCount(Math.min(n, 6 + 20));
      for (const card of (await cards(page).all()).slice(0, 5)) {
        const tags = (await card.getByRole('list', { name: '标签' }).getByRole('link').allTextContents()).map(
          facetKey,
        );
        const hits = [a!, b!].filter((t) => tags.includes(facetKey(t))).length;
        expect(mode === 'and' ? hits === 2 : hits >= 1).toBe(true);
      }
    }
  });
}

test('a suggested tag says how many posts it would leave, and the filter state lives in the URL', async ({
  page,
}) => {
  const [a, b] = [tagName(0), tagName(1)];
  await page.goto(`/?tags=${enc(a)},${enc(b)}&mode=and`);
  const suggestion = page.locator('.suggestions .chip a').first();
  await expect(suggestion.locator('.chip-count')).toHaveText(/^\d+$/);
  const label = (await suggestion.textContent())!;
  const [, c, count] = /^\+ (.*) (\d+)$/.exec(label.trim())!;
  expect(Number(count)).toBe(bruteForce([a, b, c!], 'and'));
  await suggestion.click();
  await expect(matchCount(page)).toHaveText(`共 ${count} 篇符合`);
  await page.getByRole('link', { name: '满足任一（OR）' }).click();
  await expect(page).toHaveURL(/mode=or/);
  const orCount = bruteForce([a, b, c!], 'or');
  await expect(matchCount(page)).toHaveText(`共 ${orCount} 篇符合`);
  await page.reload();
  await expect(matchCount(page)).toHaveText(`共 ${orCount} 篇符合`);
  await page.getByRole('link', { name: `从筛选中移除“${c}”` }).click();
  await expect(matchCount(page)).toHaveText(`共 ${bruteForce([a, b], 'or')} 篇符合`);
  await page.goBack();
  await expect(matchCount(page)).toHaveText(`共 ${orCount} 篇符合`);
});

test('a suggestion under the pointer has its list fetched before it is clicked: the click needs no more', async ({
  page,
}) => {
  await page.goto(`/?tags=${enc(tagName(0))}&mode=and`);
  const suggestion = page.locator('.suggestions .chip a').nth(1);
  await expect(suggestion.locator('.chip-count')).toHaveText(/^\d+$/);
  const count = (await suggestion.locator('.chip-count').textContent())!;
  await page.waitForLoadState('networkidle');
  const lists: string[] = [];
  page.on('request', (r) => {
    if (/\/data\/list\.[^/]+\.json$/.test(r.url())) lists.push(r.url());
  });
  await suggestion.hover();
  await expect.poll(() => lists.length).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
  // From here no list file can be had: the new list's first screen must come from what the hover got.
  await page.route(/\/data\/list\.[^/]+\.json$/, (route) => route.abort());
  await suggestion.click();
  await expect(matchCount(page)).toHaveText(`共 ${count} 篇符合`);
  await expect(cards(page)).toHaveCount(Math.min(6, Number(count)));
  await expect(cards(page).first().getByRole('heading')).toBeVisible();
});

const suggestionChips = (page: Page) => page.locator('.suggestions .chip a');
/** A suggestion's tag and its figure ("24", or "+28" in OR mode). */
const suggested = async (page: Page) =>
  (await suggestionChips(page).allTextContents()).map((text) => {
    const [, name, figure] = /^\+ (.*) (\+?\d+)$/.exec(text.trim())!;
    return [name!, figure!] as const;
  });

test('the tags offered to narrow a filter are ranked over all its posts: 日本 offers 中国 (24), not 高山 (1)', async ({
  page,
}) => {
  await page.goto(`/?tags=${enc('日本')}&mode=and`);
  await expect(matchCount(page)).toHaveText('共 30 篇符合');
  await expect(suggestionChips(page).first()).toHaveText('+ 中国 24');
  const offered = await suggested(page);
  expect(offered.slice(0, 2)).toEqual([
    ['中国', '24'],
    ['经济', '10'],
  ]);
  // each says how many it would leave, counted from the files; none leaves none or all
  for (const [name, figure] of offered) {
    expect(Number(figure)).toBe(bruteForce(['日本', name], 'and'));
    expect(Number(figure)).toBeGreaterThan(0);
    expect(Number(figure)).toBeLessThan(30);
  }
  await expect(page.getByRole('link', { name: '把“中国”加入筛选，剩 24 篇' })).toBeVisible();
  // two tags: counted against the result (every 日本 + 经济 post has 中国: nothing narrows it)
  await page.getByRole('link', { name: '把“经济”加入筛选，剩 10 篇' }).click();
  await expect(matchCount(page)).toHaveText('共 10 篇符合');
  await expect(page.locator('.suggestions')).toContainText('没有能再缩小范围的标签。');
});

test('in OR mode the offered tags widen the result, say by how much, and none adds nothing', async ({
  page,
}) => {
  const chosen = ['高山', '温泉'];
  await page.goto(`/?tags=${chosen.map(enc).join(',')}&mode=or`);
  await expect(matchCount(page)).toHaveText('共 2 篇符合');
  await expect(page.locator('.suggestions h2')).toHaveText('扩大范围（加入后多出的篇数）');
  await expect(suggestionChips(page).first()).toHaveText(/^\+ .* \+\d+$/);
  const offered = await suggested(page);
  expect(offered[0]).toEqual(['日本', '+28']);
  for (const [name, figure] of offered)
    expect(Number(figure)).toBe(bruteForce([...chosen, name], 'or') - bruteForce(chosen, 'or'));
  await suggestionChips(page).first().click();
  await expect(matchCount(page)).toHaveText('共 30 篇符合');
});

test('a `+` on a tag page, a card or the cloud adds to the filter being built; the box adds one by name', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?tags=${enc('日本')}&mode=and`);
  await expect(matchCount(page)).toHaveText('共 30 篇符合');
  // by name: a word of it finds it, Enter adds the first found
  const box = page.getByRole('searchbox', { name: '按名称加入标签' });
  await box.fill('中');
  await expect(page.locator('.add-tag .chip a').first()).toHaveText('+ 中国 30');
  await box.press('Enter');
  await expect(page).toHaveURL(`/?tags=${enc('日本')},${enc('中国')}&mode=and`);
  await expect(matchCount(page)).toHaveText('共 24 篇符合');
  await box.fill('没有这个标签');
  await expect(page.locator('.add-tag')).toContainText('没有叫“没有这个标签”的标签。');
  // off to a tag's page: the filter is named at the foot of the screen, and the page's `+` adds to it
  await page.getByRole('link', { name: `从筛选中移除“中国”` }).click();
  await expect(matchCount(page)).toHaveText('共 30 篇符合');
  await page.getByRole('list', { name: '筛选标签' }).getByRole('link', { name: '日本', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('日本');
  const tray = page.getByRole('complementary', { name: '正在筛选' });
  await expect(tray).toContainText('日本');
  await expect(page.getByRole('link', { name: '把“日本”加入筛选' })).toHaveCount(0); // it holds it
  // the tags found with it, over all its posts, as the page's HTML has them
  await expect(page.locator('.co-tags .chip a').first()).toHaveText('+ 中国');
  const html = await (await page.request.get(`/tags/${enc('日本')}/`)).text();
  expect(html).toContain(`<li class="chip"><a href="/tags/${enc('中国')}/">+ 中国</a></li>`);
  await page.goto(`/tags/${enc('中国')}/`);
  await expect(tray).toContainText('日本'); // (kept in the tab across a load)
  await expect(page.locator('.add-filter')).toHaveAccessibleName('把“中国”加入筛选');
  // the filter's view is code of its own, fetched as the reader heads for it
  const view = page.waitForRequest(/\/assets\/tag-filter-view-[^/]+\.js$/);
  await page.locator('.add-filter').hover();
  await view;
  await page.locator('.add-filter').click();
  await expect(page).toHaveURL(`/?tags=${enc('日本')},${enc('中国')}&mode=and`);
  await expect(matchCount(page)).toHaveText('共 24 篇符合');
  await expect(tray).toHaveCount(0); // (not on the filter's own page)
  // a card's tag the filter does not hold has a `+`
  const card = cards(page)
    .filter({ has: page.getByRole('link', { name: '经济', exact: true }) })
    .first();
  await expect(card.getByRole('link', { name: '把“日本”加入筛选' })).toHaveCount(0);
  await card.getByRole('link', { name: '把“经济”加入筛选' }).click();
  await expect(matchCount(page)).toHaveText('共 10 篇符合');
  // the cloud's `+` too; once the last tag is taken off, a `+` starts a new filter
  await page.goto('/tags/');
  const first = page.locator('.tag-cloud > li').first();
  const name = (
    await first
      .getByRole('link')
      .first()
      .evaluate((a) => a.firstChild!.textContent!)
  ).trim();
  await expect(first.locator('a.cloud-add')).toHaveAttribute(
    'href',
    `/?tags=${['日本', '中国', '经济', name].map(enc).join(',')}&mode=and`,
  );
  await tray.getByRole('button', { name: '清除筛选' }).click();
  await expect(tray).toHaveCount(0);
  await expect(first.locator('a.cloud-add')).toHaveAttribute('href', `/?tags=${enc(name)}&mode=and`);
});

test('a hostile post runs nothing and keeps its text readable', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/posts/hostile/');
  await expect(page.getByText('正文继续可读。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    "<script>window.__pwned='title'</script>",
  );
  for (const link of await page.getByText(/点我|大小写混写/).all())
    await link.click({ force: true }).catch(() => {});
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('[onerror], [onclick], iframe, main script').count()).toBe(0);
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.toLowerCase()));
  expect(hrefs.filter((h) => h.replace(/\s/g, '').startsWith('javascript:'))).toEqual([]);
});

test('a broken image shows the fallback linking to the original; on its card the cover goes', async ({
  page,
}) => {
  await page.route(/broken\.example|images\.weserv\.nl/, (route) => route.abort());
  await page.goto(`/tags/${encodeURIComponent('图片测试')}/`);
  await appStarted(page); // (the page's first screen has no covers: the app's cards do)
  const card = page.locator('.post-card', { hasText: '坏掉的图片' });
  await expect(card.locator('.post-card-cover')).toHaveCount(1);
  await expect(card.locator('.post-image')).toHaveCount(0);
  await expect(card.locator('.post-card-cover')).toBeHidden();
  await page.goto('/posts/broken-image/');
  const fallback = page.getByRole('link', { name: /图片无法加载，查看原图/ });
  await expect(fallback).toBeVisible();
  await expect(fallback).toHaveAttribute('href', 'https://broken.example/missing.png');
  // failed while the reader sees it: the box stays (the text below does not move), and becomes a line
  // once out of sight
  const box = page.locator('.post-image-failed');
  expect((await box.boundingBox())!.height).toBeGreaterThan(150);
  await page.evaluate(() => (document.body.style.paddingBottom = '3000px'));
  await page.mouse.wheel(0, 2000);
  await expect.poll(async () => (await box.boundingBox())!.height).toBeLessThan(60);
});

/** Answers img.test: `/WxH/…` an image of that size, after `delay` ms; anything else 404. */
async function imageHost(page: Page, delay = 300) {
  await page.route(/images\.weserv\.nl/, (route) => route.abort());
  await page.route(/img\.test/, async (route) => {
    const size = /img\.test\/(\d+)x(\d+)\//.exec(route.request().url());
    await new Promise((r) => setTimeout(r, delay));
    if (!size) return route.fulfill({ status: 404 });
    const [, w, h] = size;
    return route.fulfill({
      contentType: 'image/svg+xml',
      body: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#8ab"/></svg>`,
    });
  });
}

test('a WeChat mirror’s images: lazy but the first, boxes of their known shape, no placeholder, a gone image a line; nothing jumps', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await imageHost(page);
  await watchLayoutShift(page);
  await page.goto('/posts/wechat-images/');
  const images = page.locator('article .prose .post-image img');
  // six: the two placeholders saved unloaded (one with no data-src) are not shown
  await expect(images).toHaveCount(6);
  expect(await images.evaluateAll((els) => els.map((e) => e.getAttribute('loading')))).toEqual([
    'eager',
    'lazy',
    'lazy',
    'lazy',
    'lazy',
    'lazy',
  ]);
  // raw HTML's boxes have their shape (width and height; WeChat's data-ratio) before their images arrive
  const shape = (n: number) =>
    page
      .locator('article .prose .post-image')
      .nth(n)
      .evaluate((e) => (e as HTMLElement).style.aspectRatio);
  expect([await shape(1), await shape(2), await shape(5)]).toEqual(['2 / 1', '0.666667 / 1', '0.666667 / 1']);
  expect(await page.locator('article .prose img[src^="data:"]').count()).toBe(0);
  for (let y = 0; y < 12; y++) {
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(150);
  }
  // the gone image, tried by both routes, is a line with a link to it
  const gone = page.locator('.post-image-failed');
  await expect(gone).toHaveCount(1);
  await expect(images).toHaveCount(5);
  await expect(gone.getByRole('link')).toHaveAttribute('href', 'https://img.test/gone/e.png');
  expect((await gone.boundingBox())!.height).toBeLessThan(60);
  await page.waitForTimeout(500);
  expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);
});

test('the viewer opens the image tapped, as it loaded, zooms by wheel, pans, and swipes to the next', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await imageHost(page, 0);
  await page.goto('/posts/wechat-images/');
  const second = page.locator('article .prose .post-image img').nth(1);
  await second.scrollIntoViewIfNeeded();
  await expect
    .poll(() => second.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(800);
  // the viewer is the app's (before it arrives, an image links to its original, as without script)
  await appStarted(page);
  await second.click();
  const current = page.locator('.yarl__slide_current img');
  await expect(current).toHaveAttribute('src', 'https://img.test/800x400/b.png');
  await expect(current).toHaveAttribute('referrerpolicy', 'no-referrer');
  // wheel zoom, then a drag pans the zoomed image
  const box = (await current.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const scale = () =>
    current.evaluate((img) => new DOMMatrix(getComputedStyle(img.parentElement!).transform).a);
  await page.mouse.wheel(0, -400);
  await expect.poll(scale).toBeGreaterThan(1.2);
  const moved = () =>
    current.evaluate((img) => new DOMMatrix(getComputedStyle(img.parentElement!).transform).e);
  const before = await moved();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(moved).not.toBe(before);
  // back to 1:1, then a swipe (a drag) goes on to the next image
  await page.keyboard.press('Escape');
  await second.click();
  await expect(current).toHaveAttribute('src', 'https://img.test/800x400/b.png');
  const slide = (await current.boundingBox())!;
  await page.mouse.move(slide.x + slide.width * 0.8, slide.y + slide.height / 2);
  await page.mouse.down();
  await page.mouse.move(slide.x + slide.width * 0.1, slide.y + slide.height / 2, { steps: 10 });
  await page.mouse.up();
  await expect(current).toHaveAttribute('src', 'https://img.test/600x900/c.png');
  await page.keyboard.press('ArrowRight');
  await expect(current).toHaveAttribute('src', 'https://img.test/300x1500/d.png');
});

test('a crawler that runs no script reaches every one of 2,000 articles by the home list’s pages alone', async ({
  request,
  baseURL,
}) => {
  const expected = await sitemapPosts(request, baseURL!);
  expect(expected.size).toBeGreaterThan(2000);
  const { posts, fetched } = await crawl(request, baseURL!, (route) => /^page\/\d+\/$/.test(route), 200);
  expect(fetched).toBe(Math.ceil(expected.size / 20));
  expect(posts.size).toBe(expected.size);
  expect([...posts].filter((p) => !expected.has(p))).toEqual([]);
});

/** The most used tag of the archive, and its count, from the data the tag cloud reads. */
async function topTag(request: APIRequestContext): Promise<{ name: string; count: number }> {
  const home = await (await request.get('/')).text();
  const data = /<script type="application\/json" id="folio-data">([\s\S]*?)<\/script>/.exec(home)![1]!;
  const file = (JSON.parse(data) as { manifest: { files: { tagsTop: string } } }).manifest.files.tagsTop;
  return ((await (await request.get(`/${file}`)).json()) as { name: string; count: number }[])[0]!;
}

test("a crawler reaches every post of a tag by the tag's pages alone, and every post by the archive's", async ({
  request,
  baseURL,
}) => {
  const tag = await topTag(request);
  expect(tag.count).toBeGreaterThan(60); // three pages and more
  const own = `tags/${tag.name}/`;
  const byTag = await crawl(request, baseURL!, (route) => route.startsWith(`${own}page/`), 100, own);
  expect(byTag.fetched).toBe(Math.ceil(tag.count / 20));
  expect(byTag.posts.size).toBe(tag.count);
  const expected = await sitemapPosts(request, baseURL!);
  const archive = await crawl(request, baseURL!, (route) => route.startsWith('archive/'), 2000, 'archive/');
  expect(archive.posts.size).toBe(expected.size);
});

test("the app opens a tag's second page at its own posts, the first a link away", async ({
  page,
  request,
}) => {
  const tag = await topTag(request);
  const second = `/tags/${encodeURIComponent(tag.name)}/page/2/`;
  const html = await (await request.get(second)).text();
  const firstInHtml = /<h2 class="post-card-title"><a href="([^"]+)"/.exec(html)![1]!;
  await page.goto(second);
  await expect(page).toHaveTitle(new RegExp(`^${tag.name} · 第 2 页 · `));
  await expect(page.locator('.post-list .post-card-title a').first()).toHaveAttribute('href', firstInHtml);
  await expect(page.getByRole('link', { name: '较新的文章' })).toHaveAttribute(
    'href',
    `/tags/${encodeURIComponent(tag.name)}/`,
  );
});

test('the app opens a page of the home list at its own posts, newer ones a link away, older ones as it scrolls', async ({
  page,
}) => {
  const html = await (await page.request.get('/page/3/')).text();
  const firstInHtml = /<h2 class="post-card-title"><a href="([^"]+)"/.exec(html)![1]!;
  await page.goto('/page/3/');
  await expect(page).toHaveTitle(/^第 3 页 · /);
  const cards = page.locator('.post-list .post-card-title a');
  await expect(cards.first()).toHaveAttribute('href', firstInHtml);
  await expect(page.getByRole('link', { name: '较新的文章' })).toHaveAttribute('href', '/page/2/');
  await expect(page.getByText('第 3 页，共 ')).toBeVisible();
  for (let i = 0; i < 6 && (await cards.count()) <= 20; i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(300);
  }
  expect(await cards.count()).toBeGreaterThan(20);
});

test('a post saved twice is not its copy’s related post', async ({ page }) => {
  await page.goto('/posts/twin-a/');
  await page.locator('nav.neighbours').scrollIntoViewIfNeeded();
  const related = page.getByRole('navigation', { name: '相关文章' }).getByRole('link');
  await expect(related.first()).toBeVisible();
  const titles = await related.allInnerTexts();
  expect(titles).toContain('同一个话题的另一篇');
  expect(titles).not.toContain('同一篇文章存了两次');
});

test('an article fetches the data below its text (previous/next, related) only when the reader nears the end', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.route(/images\.weserv\.nl/, (route) => route.abort());
  const data: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/data/')) data.push(r.url());
  });
  await page.goto('/posts/post-1000/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(data).toEqual([]);
  await page.locator('nav.neighbours').scrollIntoViewIfNeeded();
  await expect(page.locator('nav.neighbours a[rel="prev"]')).toHaveCount(1);
  await expect(page.locator('nav.neighbours a[rel="next"]')).toHaveCount(1);
  // Chinese labels take a full-width colon
  await expect(page.locator('nav.neighbours p').first()).toHaveText(/^(上一篇|下一篇)：\S/);
  await expect(page.getByRole('navigation', { name: '相关文章' }).getByRole('link')).toHaveCount(5);
  expect(data.length).toBeGreaterThan(0);
});

test('the archive: a grid of months under each year; a month leads to the months beside it and up', async ({
  page,
}) => {
  await page.goto('archive/');
  await appStarted(page);
  const grids = page.locator('.archive-index .archive-months');
  expect(await grids.count()).toBeGreaterThan(1);
  for (const grid of await grids.all()) await expect(grid.locator('> li')).toHaveCount(12);
  // the newest month with posts: no newer one; its older one, then up to its year and the archive
  const first = page.locator('.archive-months a').first();
  const href = (await first.getAttribute('href'))!;
  await page.locator('.archive-index .archive-year a').first().click();
  await expect(page.locator('.archive-around .archive-up')).toHaveText('归档');
  await page.goto(href);
  await appStarted(page);
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  const older = page.locator('.archive-around .archive-older');
  const olderTitle = (await older.textContent())!.replace(' ›', '');
  await older.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(olderTitle);
  await expect(page.locator('.archive-around .archive-newer')).toHaveText(`‹ ${heading}`);
  await page.locator('.archive-around .archive-up').click();
  await expect(page).toHaveURL(/archive\/\d{4}\/$/);
  await expect(page.locator('.archive-around .archive-up')).toHaveText('归档');
});

test('the tag cloud on a phone: several tags a line, each tag’s + part of it with a 44 px target', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('tags/');
  await appStarted(page);
  const tags = page.locator('.tag-cloud > li');
  await expect(tags.nth(11)).toBeVisible();
  const boxes = await tags.evaluateAll((lis) =>
    lis.slice(0, 12).map((li) => {
      const [name, add] = [...li.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
      const r = li.getBoundingClientRect();
      return { line: r.top + r.height / 2, right: r.right, name: name!, add: add! };
    }),
  );
  // dense: twelve tags on at most six lines, none wider than the screen
  const lines = boxes.filter((b, i) => i === 0 || b.line - boxes[i - 1]!.line > 5).length;
  expect(lines).toBeLessThanOrEqual(6);
  for (const b of boxes) {
    expect(b.right).toBeLessThanOrEqual(390);
    // the + sits at its own tag's end, inside its pill
    expect(Math.abs(b.add.left - b.name.right)).toBeLessThan(1);
    expect(b.add.right).toBeLessThanOrEqual(b.right + 0.5);
  }
  // a tap up to 22 px above or below the +'s middle lands on it
  const hits = await tags.evaluateAll((lis) =>
    lis.slice(0, 12).flatMap((li) => {
      const add = li.querySelector('a.cloud-add')!;
      const r = add.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return [y - 21, y + 21].map(
        (at) => document.elementFromPoint(x, at) === add || `${li.textContent} ${Math.round(y)} ${at}`,
      );
    }),
  );
  expect(hits.filter((h) => h !== true)).toEqual([]);
  await tags.first().locator('a.cloud-add').click();
  await expect(page).toHaveURL(/\?tags=/);
});
