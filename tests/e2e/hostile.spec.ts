// Hostile posts (tests/fixtures/hostile/) in Chromium, under the site's Content-Security-Policy:
// nothing runs, nothing navigates or frames, no link or image carries a script address, the text
// stays readable; the HTML, feeds and sitemap hold every hostile string as text.
import { XMLValidator } from 'fast-xml-parser';
import { expect, test, type Page } from '@playwright/test';
import { feedFile, routes, routeUrl } from '../../src/shared/paths.ts';
import { slugify } from '../../src/shared/slug.ts';

const posts = ['script-everywhere', 'links-and-images', 'embeds', 'bidi', 'active-files'];

async function watch(page: Page) {
  const seen = {
    dialogs: [] as string[],
    violations: [] as string[],
    errors: [] as string[],
    away: [] as string[],
  };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text()))
      seen.violations.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('framenavigated', (f) => {
    if (!f.url().startsWith('http://127.0.0.1:4180/') && f.url() !== 'about:blank') seen.away.push(f.url());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

/** What a post's content may not hold once rendered. */
async function dangerous(page: Page) {
  return page.evaluate(() => {
    const bad: string[] = [];
    const scheme = (v: string) => v.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
    for (const a of document.querySelectorAll('a[href]')) {
      const href = scheme(a.getAttribute('href')!);
      if (/^(javascript|vbscript|data):/.test(href)) bad.push(`a ${href}`);
      if (a.getAttribute('target') === '_blank' && !/noopener/.test(a.getAttribute('rel') ?? ''))
        bad.push('blank without rel');
    }
    for (const img of document.querySelectorAll('img[src]'))
      if (/^(javascript|vbscript):/.test(scheme(img.getAttribute('src')!))) bad.push('img script');
    const root = document.getElementById('root')!;
    // (the header's search box is the site's own form, not content's)
    for (const sel of ['iframe', 'object', 'embed', 'form', 'base', 'meta', 'style', 'link', 'script'])
      if ([...root.querySelectorAll(sel)].some((el) => !el.closest('.site-header'))) bad.push(sel);
    for (const el of root.querySelectorAll('*'))
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) bad.push(`${el.tagName} ${attr}`);
    return bad;
  });
}

for (const slug of posts)
  test(`the post ${slug} runs nothing and stays readable`, async ({ page }) => {
    const seen = await watch(page);
    await page.goto(`posts/${slug}/`);
    await expect(page.locator('article nav.neighbours')).toBeAttached(); // the app has taken over
    await page.mouse.move(200, 300);
    await page.locator('article').hover();
    await page.waitForTimeout(500);
    expect(await dangerous(page)).toEqual([]);
    expect(seen).toEqual({ dialogs: [], violations: [], errors: [], away: [] });
    await expect(page.locator('body')).toBeVisible();
    await expect(page.locator('article h1')).toBeVisible();
    expect(page.url()).toContain(`/posts/${slug}/`);
  });

test('files a post references never run: the SVG opened by itself, and the files not copied', async ({
  page,
}) => {
  const seen = await watch(page);
  await page.goto('posts/active-files/');
  const svg = page.getByRole('img', { name: '带脚本的图' });
  await expect(svg).toHaveJSProperty('complete', true);
  const src = await svg.getAttribute('src');
  expect(src).toMatch(/^\/media\/evil\.\w{10}\.svg$/);
  expect(await svg.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(200);
  // opened as a document of its own, at the site's origin
  await page.goto(src!);
  await page.mouse.click(100, 40);
  await page.waitForTimeout(300);
  expect(await page.locator('svg text').textContent()).toContain('安全的图');
  expect(await page.evaluate(() => document.querySelectorAll('script, foreignObject, a').length)).toBe(0);
  // the files not copied are not on the site: their links lead nowhere
  for (const name of ['page.html', 'page.xhtml', 'code.js'])
    expect((await page.request.get(`posts/active-files/files/${name}`)).status(), name).toBe(404);
  expect(seen).toEqual({ dialogs: [], violations: [], errors: [], away: [] });
});

test('the text of hostile posts is there to read, as text', async ({ page }) => {
  await watch(page);
  await page.goto('posts/script-everywhere/');
  await expect(page.locator('article h1')).toHaveText(
    "标题<script>alert('title')</script><img src=x onerror=alert(1)>",
  );
  await expect(page.getByText('这里的文字应当照常可读', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: "<script>alert('tag')</script>" }).first()).toBeVisible();
  await page.goto('posts/links-and-images/');
  await expect(page.getByText('文字依旧可读')).toBeVisible();
  await expect(page.getByText('脚本链接')).toBeVisible(); // a dead link's text stays
  await page.goto('posts/embeds/');
  await expect(page.getByText('嵌入前的文字')).toBeVisible();
  await expect(page.getByText('嵌入后的文字')).toBeVisible();
  await page.goto('posts/bidi/');
  const title = (await page.locator('article h1').textContent())!;
  expect(title).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
});

test('home, tag and author pages of hostile posts run nothing', async ({ page }) => {
  const seen = await watch(page);
  const tag = routeUrl('', routes.facet('tag', "<script>alert('tag')</script>"));
  const author = routeUrl('', routes.facet('author', "<script>alert('author')</script>"));
  for (const url of ['', 'tags/', tag, author]) {
    expect((await page.goto(url))!.status(), url).toBe(200);
    await expect(page.locator('main h1, main .post-list, main .tag-cloud').first()).toBeAttached();
    await page.waitForTimeout(300);
    expect(await dangerous(page)).toEqual([]);
  }
  expect(seen).toEqual({ dialogs: [], violations: [], errors: [], away: [] });
});

test('tags named as files the site keeps, or cut for length, open as their own lists', async ({ page }) => {
  const seen = await watch(page);
  for (const name of ['index.html', 'CON', 'ﷺ'.repeat(60), 'story']) {
    const url = routeUrl('', routes.facet('tag', name));
    expect((await page.goto(url))!.status(), name).toBe(200);
    await expect(page.locator('main .post-list .post-card-title')).toHaveText(['名字过长、保留或只差大小写']);
  }
  // from the article, its tag `index.html` leads to that list, not to the tag cloud
  await page.goto(routeUrl('', routes.post(slugify('s'.repeat(300)))));
  await page.locator('article a[href*="/tags/"]', { hasText: 'index.html' }).first().click();
  await expect(page).toHaveURL(/\/tags\/~_index\.html\/$/);
  await expect(page.locator('main .post-list .post-card-title')).toHaveText(['名字过长、保留或只差大小写']);
  // a post whose file is named index.html has a folder of its own
  await page.goto('posts/~_index.html/');
  await expect(page.locator('article h1')).toHaveText('文件名是保留名');
  expect(seen).toEqual({ dialogs: [], violations: [], errors: [], away: [] });
});

test('pages that share a slug each open at their own address', async ({ page }) => {
  for (const [slug, title] of [
    ['About', '关于我们'],
    ['about-2', '关于'],
    ['about-3', '联系'],
  ]) {
    expect((await page.goto(`p/${slug}/`))!.status(), slug).toBe(200);
    await expect(page.locator('main h1')).toHaveText(title!);
  }
});

test('dates at the edges: year 1 has its real archive month; 9999, in the future, is left out by default', async ({
  page,
}) => {
  expect((await page.goto('archive/1/03/'))!.status()).toBe(200);
  await expect(page.locator('main .post-list .post-card-title')).toHaveText(['公元一年三月']);
  for (const url of ['archive/9999/12/', 'archive/2/12/'])
    expect((await page.goto(url))!.status(), url).toBe(404);
});

/** What an HTML document or fragment holds that content may not: scripts other than the site's, embeds, handlers, script addresses. */
function unsafeIn(page: Page, html: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html');
    const bad: string[] = [];
    // (data blocks: the page's own data, and its JSON-LD in the head, whole JSON that nothing runs)
    const json = (text: string | null) => {
      try {
        JSON.parse(text ?? '');
        return true;
      } catch {
        return false;
      }
    };
    for (const s of doc.querySelectorAll('script')) {
      const type = s.getAttribute('type');
      if (type === 'application/json' || /^\/boot\.js$/.test(s.getAttribute('src') ?? '')) continue;
      if (type === 'application/ld+json' && s.closest('head') && json(s.textContent)) continue;
      bad.push(`script ${s.outerHTML.slice(0, 80)}`);
    }
    // (the header's search box is the site's own form: content's would lie outside the header)
    for (const sel of ['iframe', 'object', 'embed', 'form', 'base', 'meta[http-equiv="refresh"]'])
      if ([...doc.querySelectorAll(sel)].some((el) => !el.closest('.site-header'))) bad.push(sel);
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) bad.push(`${el.tagName} ${attr}`);
    for (const a of doc.querySelectorAll('[href], [src]'))
      if (/^\s*(javascript|vbscript|data:text)/i.test(a.getAttribute('href') ?? a.getAttribute('src') ?? ''))
        bad.push(`address ${a.outerHTML.slice(0, 80)}`);
    return bad;
  }, html);
}

test('entry pages, feeds and the sitemap hold hostile strings as text', async ({ page, request }) => {
  await page.goto('about:blank');
  for (const slug of posts) {
    const html = await (await request.get(`posts/${slug}/`)).text();
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;');
    expect(await unsafeIn(page, html), slug).toEqual([]); // as the browser parses it
    expect(html).toContain('<form role="search" class="site-search" action="/search/">');
  }
  for (const file of ['feed.xml', 'atom.xml', 'sitemap.xml']) {
    const xml = await (await request.get(file)).text();
    expect(XMLValidator.validate(xml), file).toBe(true);
  }
  // The HTML a feed reader renders (RSS item titles and descriptions and content, Atom's type="html"
  // fields) is as clean as the site's.
  const fragments: string[] = [];
  for (const [file, parts] of [
    ['feed.xml', 'item > title, item > description, item > *|encoded'],
    ['atom.xml', 'entry > [type="html"]'],
    [
      routeUrl('', feedFile(routes.facet('tag', "<script>alert('tag')</script>"))),
      'item > title, item > description',
    ],
  ] as const) {
    const response = await request.get(file);
    expect(response.ok(), file).toBe(true);
    const xml = await response.text();
    fragments.push(
      ...(await page.evaluate(
        ([text, sel]) =>
          [...new DOMParser().parseFromString(text, 'application/xml').querySelectorAll(sel)].map(
            (c) => c.textContent!,
          ),
        [xml, parts] as const,
      )),
    );
  }
  expect(fragments.length).toBeGreaterThanOrEqual(posts.length * 5);
  for (const html of fragments) expect(await unsafeIn(page, html), html.slice(0, 80)).toEqual([]);
  expect(fragments).toContain(
    '标题&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
  );
  const headers = await (await request.get('_headers')).text();
  expect(headers).toContain("Content-Security-Policy: default-src 'self'; script-src 'self';");
});
