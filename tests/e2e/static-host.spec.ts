// The build on a plain static server with no fallback, at the root and under a base path: deep links,
// not-found via 404.html, and what a link preview or crawler sees without JavaScript.
import { crawl, sitemapPosts } from './support/crawl.ts';
import { expect, test, type APIRequestContext } from '@playwright/test';

const enc = encodeURIComponent;
const SITE = 'http://localhost:4173'; // siteUrl in vite.config.ts

const deepLinks: [string, string][] = [
  ['posts/guan-yuan-fan-che/', '又有官员翻车了！男领导工作群误发信息：你的身体只属于我'],
  [`tags/${enc('家庭')}/`, '家庭'],
  [`authors/${enc('小白菜')}/`, '小白菜'],
  ['archive/2024/03/', '2024 年 3 月'],
  ['p/about/', '关于本站'],
];

for (const [path, h1] of deepLinks) {
  test(`a direct load of ${decodeURIComponent(path)} renders`, async ({ page }) => {
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
  });
}

test('moving around stays under the base path', async ({ page, baseURL }) => {
  await page.goto('');
  await page.getByRole('link', { name: 'Markdown 能做什么：表格、脚注和代码' }).click();
  await expect(page).toHaveURL(`${baseURL}posts/markdown-features/`);
  await page.getByRole('link', { name: '标签', exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}tags/`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签云');
});

test('the page is painted from its own HTML before the app is fetched, and then the app takes over', async ({
  page,
}) => {
  await page.goto('posts/guan-yuan-fan-che/');
  await expect(page.locator('article nav.neighbours')).toBeAttached(); // only the app renders it
  const { paint, app, views } = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
    const js = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
    const start = (re: RegExp) => js.find((r) => re.test(r.name))?.startTime ?? -1;
    return {
      paint: fcp,
      app: start(/\/assets\/index-[\w-]+\.js$/),
      views: [start(/article-view-[\w-]+\.js$/)],
    };
  });
  expect(app).toBeGreaterThanOrEqual(paint);
  for (const view of views) expect(view).toBeGreaterThanOrEqual(paint);
});

test('the app, its styles, data and pages go out gzipped', async ({ page, request }) => {
  const res = await page.goto('');
  const html = (await res!.text()) ?? '';
  const script = /<meta name="folio-app" content="([^"]+)"/.exec(html)?.[1];
  const style = /<link rel="stylesheet" crossorigin href="([^"]+)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  expect(style).toBeTruthy();
  const data = (await page.evaluate(() => document.getElementById('folio-data')?.textContent)) ?? '';
  const shard = (JSON.parse(data) as { route: { next?: string } }).route.next;
  for (const url of [script!, style!, 'posts/guan-yuan-fan-che/', ...(shard ? [shard] : [])]) {
    // `/…` from the origin, the rest under the base path (request resolves both against baseURL).
    const r = await request.get(url, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(r.status(), url).toBe(200);
    expect(r.headers()['content-encoding'], url).toBe('gzip');
  }
});

test('an unknown URL gets the not-found page through 404.html, its newest posts carried with it', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (r) => /\/(data|no)\//.test(new URL(r.url()).pathname) && fetched.push(r.url()));
  const res = await page.goto('no/such/page/');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('404 · 找不到');
  await expect(page.getByRole('region', { name: '最新文章' }).locator('article')).toHaveCount(5);
  await expect(page.getByRole('main').getByRole('searchbox', { name: '在本站搜索' })).toBeVisible();
  // nothing fetched but the page itself: 404.html carries the newest posts
  expect(fetched).toHaveLength(1);
  await page.getByRole('link', { name: '回到首页' }).click();
  await expect(page.locator('.post-list > ol > li')).toHaveCount(20);
});

test('a crawler that runs no script reaches every article from the home page', async ({
  request,
  baseURL,
}) => {
  const expected = await sitemapPosts(request, baseURL!);
  expect(expected.size).toBeGreaterThan(15);
  const { posts } = await crawl(
    request,
    baseURL!,
    (route) => !/^(assets|data|media)\//.test(route) && !/\.(xml|json|js|css|txt)$/.test(route),
  );
  expect([...posts].sort()).toEqual([...expected].sort());
});

test('without JavaScript no page is blank: the tag cloud, the archive, a standalone page, and a search page that says why', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('tags/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('标签云');
  const tag = page.locator('.tag-cloud a').first();
  await expect(tag).toBeVisible();
  expect(await page.locator('.tag-cloud a').count()).toBeGreaterThan(10);
  await tag.click();
  await expect(page.locator('.post-list article').first()).toBeVisible();
  await page.goto('archive/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('归档');
  await page.goto('p/about/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect((await page.locator('main .prose').innerText()).length).toBeGreaterThan(20);
  await page.goto('search/?q=%E9%9D%99%E6%80%81');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('搜索');
  await expect(page.getByText('站内搜索要在浏览器里运行 JavaScript')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: '归档' }).click();
  await expect(page).toHaveURL(/\/archive\/$/);
  await context.close();
});

test('the feeds are links a reader sees: the site’s in the footer, a tag’s and an author’s on their pages, with or without JavaScript', async ({
  browser,
  baseURL,
}) => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled, baseURL });
    const page = await context.newPage();
    for (const [path, name, feed] of [
      ['', 'RSS 订阅', 'feed.xml'],
      [`tags/${enc('家庭')}/`, '订阅“家庭”（RSS）', `tags/${enc('家庭')}/feed.xml`],
      [`authors/${enc('小白菜')}/`, '订阅“小白菜”（RSS）', `authors/${enc('小白菜')}/feed.xml`],
    ]) {
      await page.goto(path!);
      const link = page.getByRole('link', { name, exact: true });
      await expect(link, `${path} ${javaScriptEnabled}`).toBeVisible();
      await expect(link).toHaveText('RSS');
      const href = (await link.getAttribute('href'))!;
      expect(new URL(href, page.url()).href).toBe(new URL(feed!, baseURL).href);
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(await res.text()).toContain('<rss');
    }
    await context.close();
  }
});

test('with JavaScript, the search page says nothing of needing it', async ({ page }) => {
  await page.goto('search/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('搜索');
  await expect(page.getByText('站内搜索要在浏览器里运行 JavaScript')).toBeHidden();
});

test('without JavaScript the not-found page offers the search form and the newest posts', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('no/such/page/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('404 · 找不到');
  const newest = page.getByRole('region', { name: '最新文章' }).getByRole('link');
  await expect(newest.first()).toBeVisible();
  const box = page.getByRole('main').getByRole('searchbox', { name: '在本站搜索' });
  await box.fill('静态网站');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await context.close();
});

async function head(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status()).toBe(200);
  const html = await res.text();
  const meta = (key: string) =>
    new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];
  const link = (rel: string) => new RegExp(`<link rel="${rel}"[^>]* href="([^"]*)"`).exec(html)?.[1];
  return { html, title: /<title>([^<]*)<\/title>/.exec(html)?.[1], meta, link };
}

test.describe('link previews and crawlers see each page without JavaScript', () => {
  for (const [path, title, type] of [
    ['', 'Folio', 'website'],
    ['posts/guan-yuan-fan-che/', '又有官员翻车了！男领导工作群误发信息：你的身体只属于我 · Folio', 'article'],
    [`tags/${enc('家庭')}/`, '家庭 · Folio', 'website'],
    [`authors/${enc('小白菜')}/`, '小白菜 · Folio', 'website'],
    // the title the app gives the page too (routeTitle)
    ['archive/2024/03/', '2024 年 3 月 · Folio', 'website'],
    ['p/about/', '关于本站 · Folio', 'website'],
  ] as const) {
    test(`${decodeURIComponent(path) || 'home'}`, async ({ request, baseURL }) => {
      const base = new URL(baseURL!).pathname;
      const page = await head(request, path);
      expect(page.title).toBe(title);
      expect(page.meta('description')).toBeTruthy();
      // the site has no description of its own (the sample config): a list says what it holds
      if (!path || path.startsWith('tags/') || path.startsWith('authors/'))
        expect(page.meta('description')).toMatch(
          new RegExp(`^${title.replace(/ · Folio$/, '')}，\\d+ 篇文章：[^、]+(、[^、]+){0,2}$`),
        );
      expect(page.meta('og:title')).toBe(title.replace(/ · Folio$/, '') || 'Folio');
      expect(page.meta('og:description')).toBe(page.meta('description'));
      expect(page.meta('og:type')).toBe(type);
      expect(page.meta('og:url')).toBe(`${SITE}${base}${path}`);
      expect(page.link('canonical')).toBe(`${SITE}${base}${path}`);
      expect(page.meta('twitter:card')).toMatch(/^summary/);
      const feed = page.link('alternate')!;
      expect(feed).toBe(
        path.startsWith('tags/') || path.startsWith('authors/')
          ? `${base}${path}feed.xml`
          : `${base}feed.xml`,
      );
      const feedRes = await request.get(new URL(feed, baseURL).href);
      expect(feedRes.status()).toBe(200);
      expect(await feedRes.text()).toMatch(/^<\?xml[^>]*>\s*<rss version="2.0"/);
    });
  }

  test('an article page holds its title, date, whole text and cover for crawlers', async ({ request }) => {
    const page = await head(request, 'posts/guan-yuan-fan-che/');
    expect(page.meta('og:image')).toMatch(
      /^https:\/\/images\.weserv\.nl\/\?url=https%3A%2F%2Fmmbiz\.qpic\.cn.*&amp;w=1200/,
    );
    expect(page.meta('article:published_time')).toBe('2023-02-21T20:08:46.213858+00:00');
    expect(page.meta('article:modified_time')).toBe('2023-02-21T20:08:46.214583+00:00');
    expect(page.html).toContain('<html lang="zh-CN">');
    expect(page.html).toMatch(
      /<main id="main" tabindex="-1"><article class="article"><header><h1>又有官员翻车了！[^<]*<\/h1><p class="post-meta"><time datetime="2023-02-21T20:08:46.213858\+00:00">2023年2月22日<\/time>/,
    );
    expect(page.html).toMatch(
      /<\/header><div class="prose"><p><span class="post-image post-image-article"><a class="post-image-open" href="https:\/\/mmbiz\.qpic\.cn\/[^"]*" target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer"><img src="https:\/\/images\.weserv\.nl\/[^"]*" srcset="[^"]*" sizes="[^"]*" alt="图片 1" loading="eager" fetchpriority="high" decoding="async" referrerpolicy="no-referrer"><\/a><\/span><\/p>\n<p>近日，一张微信聊天截图引爆关注。<\/p>/,
    );
    // to its last words, and once: the page's data does not carry the body again
    expect(page.html).toMatch(/<p><strong>免责声明：[^<]*<\/strong><\/p>\n<\/div><\/article>/);
    expect(page.html.match(/免责声明/g)).toHaveLength(1);
  });
});

test('files posts reference are served from media/, under nginx sandboxed and as the type they are named by', async ({
  request,
}, testInfo) => {
  const html = await (await request.get('posts/sevenhabits/')).text();
  const svg = /"([^"]*media\/folio-three-stages\.\w{10}\.svg)"/.exec(html)?.[1];
  expect(svg).toBeDefined();
  const response = await request.get(svg!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(await response.text()).toContain('<text x="80" y="68">依赖</text>');
  // the nginx recipe of docs/deployment.md sends what _headers asks of Netlify and Cloudflare Pages
  if (testInfo.project.name.startsWith('nginx')) {
    expect(response.headers()['content-security-policy']).toBe('sandbox');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
  }
});
