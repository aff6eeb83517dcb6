// The reader on the sample content (content/): every kind of URL, the sample post's images, themes,
// not-found pages and accessibility.
import AxeBuilder from '@axe-core/playwright';
import { appStarted } from './support/app.ts';
import { expect, test, type Page } from '@playwright/test';
import { layoutShift, watchLayoutShift } from './support/layout-shift.ts';

const enc = encodeURIComponent;
const cards = (page: Page) => page.locator('.post-list > ol > li');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mP8z8DwnwEIGGEMAC0VBP+ZbLtbAAAAAElFTkSuQmCC',
  'base64',
);

test.describe('every URL of the reader', () => {
  for (const [url, h1] of [
    ['', 'Folio'],
    ['tags/', '标签云'],
    [`tags/${enc('家庭')}/`, '家庭'],
    ['categories/blog/', 'Blog'],
    [`authors/${enc('小白菜')}/`, '小白菜'],
    ['archive/', '归档'],
    ['archive/2024/', '2024 年'],
    ['archive/2024/03/', '2024 年 3 月'],
    ['posts/markdown-features/', 'Markdown 能做什么：表格、脚注和代码'],
    ['p/about/', '关于本站'],
    [`?tags=${enc('家庭')},${enc('美食')}&mode=or`, '筛选标签'],
    [`search/?q=${enc('长安')}`, '搜索'],
  ]) {
    test(`/${decodeURIComponent(url)} has one h1: ${h1}`, async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(h1);
      await expect(page.locator('h1')).toHaveCount(1);
    });
  }

  test('list pages show their posts and counts', async ({ page }) => {
    await page.goto(`tags/${enc('家庭')}/`);
    await expect(cards(page)).toHaveCount(2);
    await page.goto('archive/2024/');
    await expect(page.getByText('3 篇文章')).toBeVisible();
    await expect(page.getByRole('link', { name: '2024 年 9 月' })).toBeVisible();
    await page.goto('categories/blog/');
    await expect(cards(page)).toHaveCount(3);
  });

  for (const url of ['no-such-page/', 'posts/no-such-post/', `tags/${enc('没有这个标签')}/`]) {
    test(`/${decodeURIComponent(url)} is not found, with a search box, the newest posts and a way home`, async ({
      page,
    }) => {
      const warnings: string[] = [];
      page.on('console', (m) => m.type() !== 'error' && warnings.push(m.text()));
      const fetched: string[] = [];
      page.on('request', (r) => r.url().includes(url) && fetched.push(r.url()));
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('404 · 找不到');
      await expect(page).toHaveTitle(/404/);
      const newest = page.getByRole('region', { name: '最新文章' }).locator('article');
      await expect(newest).toHaveCount(5);
      await expect(newest.first()).toContainText('给家里的老人做一个语音助手');
      // the missing page is fetched once: the page itself (the host's fallback says it is missing)
      expect(fetched).toHaveLength(1);
      expect(warnings.filter((w) => /HydrateFallback/.test(w))).toEqual([]);
      await appStarted(page); // (404.html's own form, before the app, is a plain form)
      const box = page.getByRole('main').getByRole('searchbox', { name: '在本站搜索' });
      await box.fill('静态网站');
      await box.press('Enter');
      await expect(page).toHaveURL(/\/search\/\?q=%E9%9D%99/);
      await page.goBack();
      await page.getByRole('link', { name: '回到首页' }).click();
      await expect(cards(page)).toHaveCount(20);
    });
  }
});

test('home: newest first; without IntersectionObserver the button loads more; a card opens its article', async ({
  page,
}) => {
  // The button is the fallback of infinite scroll: take the observer away so only the button can load.
  await page.addInitScript(() => delete (window as { IntersectionObserver?: unknown }).IntersectionObserver);
  await page.goto('');
  await expect(cards(page)).toHaveCount(20);
  await expect(cards(page).first().getByRole('heading')).toHaveText('给家里的老人做一个语音助手');
  await page.getByRole('button', { name: /加载更多/ }).click();
  await expect(cards(page)).toHaveCount(21);
  await expect(page.getByText('21 / 21')).toBeVisible();
  await page.getByRole('link', { name: 'Markdown 能做什么：表格、脚注和代码' }).click();
  await expect(page).toHaveURL(/\/posts\/markdown-features\/$/);
  await expect(page.getByRole('table').first()).toContainText('上海');
  await expect(page.locator('pre code')).toContainText('export function slugify');
  await expect(page.getByRole('navigation', { name: '目录' })).toBeVisible();
});

test('the sample post: first image eager, the rest lazy, none sending a Referer', async ({ page }) => {
  const referers: (string | undefined)[] = [];
  await page.route('https://images.weserv.nl/**', async (route) => {
    referers.push((await route.request().headerValue('referer')) ?? undefined);
    await route.fulfill({ contentType: 'image/png', body: PNG });
  });
  await page.goto('posts/guan-yuan-fan-che/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/又有官员翻车了/);
  const imgs = page.locator('article .prose img');
  await expect(imgs).toHaveCount(6);
  await expect(imgs.first()).toHaveAttribute('loading', 'eager');
  await expect(imgs.first()).toHaveAttribute('fetchpriority', 'high');
  for (let i = 1; i < 6; i++) await expect(imgs.nth(i)).toHaveAttribute('loading', 'lazy');
  for (let i = 0; i < 6; i++) await expect(imgs.nth(i)).toHaveAttribute('referrerpolicy', 'no-referrer');
  await expect(imgs.first()).toHaveAttribute(
    'src',
    /images\.weserv\.nl\/\?url=https%3A%2F%2Fmmbiz\.qpic\.cn.*&w=720&n=-1/,
  );
  await expect.poll(() => referers.length).toBeGreaterThan(0);
  expect(referers.every((r) => r === undefined)).toBe(true);
  // the viewer is the app's (before it arrives, an image links to its original, as without script)
  await appStarted(page);
  await imgs.first().click();
  await expect(page.locator('.yarl__root')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.yarl__root')).toHaveCount(0);
});

test('scrolling to the end of the list loads the next page by itself', async ({ page }) => {
  await page.goto('');
  await expect(cards(page)).toHaveCount(20);
  await page.locator('.list-footer').scrollIntoViewIfNeeded();
  await expect(cards(page)).toHaveCount(21);
  await expect(page.getByRole('button', { name: /加载更多/ })).toHaveCount(0);
});

test('without JavaScript, the home page and an article show their first screen', async ({ page }) => {
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.goto('');
  // the home page's first page of posts, and the way to the next
  await expect(cards(page)).toHaveCount(20);
  await expect(cards(page).first().getByRole('heading', { level: 2 }).getByRole('link')).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '较早的文章' }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Folio' }).getByRole('link', { name: '标签' }),
  ).toBeVisible();
  await page.goto('posts/guan-yuan-fan-che/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '又有官员翻车了！男领导工作群误发信息：你的身体只属于我',
  );
  await expect(page.getByText('近日，一张微信聊天截图引爆关注。')).toBeVisible();
});

test('a query opened from elsewhere (the 404 page’s box) stays, even while the search page’s code is slow to come', async ({
  page,
}) => {
  await page.route(/\/assets\/search-view-[\w-]+\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await page.goto('no-such-page/');
  await appStarted(page); // (404.html's own form, before the app, is a plain form)
  const box = page.getByRole('main').getByRole('searchbox', { name: '在本站搜索' });
  await box.fill('静态网站');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=%E9%9D%99%E6%80%81%E7%BD%91%E7%AB%99$/);
  await expect(page.locator('.site-header input[type="search"]')).toHaveValue('静态网站');
  await page.waitForTimeout(1500);
  await expect(page).toHaveURL(/\/search\/\?q=%E9%9D%99%E6%80%81%E7%BD%91%E7%AB%99$/);
});

test('dark mode is remembered and applied before the app runs (no flash)', async ({ page }) => {
  await page.goto('');
  await page.getByRole('button', { name: '切换深色模式' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Hold the app's script back: the page must already be dark without it.
  let appReleased = false;
  await page.route(/\/assets\/index-.*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    appReleased = true;
    await route.continue();
  });
  await page.reload({ waitUntil: 'commit' });
  // The first paint: the page's stylesheet (render-blocking) has been applied by then. The body
  // alone may exist before the stylesheet has arrived, and then has no background yet at all.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(appReleased).toBe(false);
  expect(bg).toBe('rgb(21, 23, 26)');
});

test.describe('accessibility (axe)', () => {
  for (const url of [
    '',
    'tags/',
    `tags/${enc('家庭')}/`,
    'posts/gdp-shu-ju-zen-me-kan/',
    `search/?q=${enc('长安')}`,
    'no-such-page/',
  ]) {
    test(`/${decodeURIComponent(url)} has no serious or critical violation`, async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('the loading placeholder has no serious or critical violation', async ({ page }) => {
    // Hold every data file back so the placeholder stays up while axe looks at it (a filter's posts
    // come from data files; the tag cloud's page now carries its tags).
    await page.route(/\/data\//, () => undefined);
    await page.goto(`?tags=${enc('家庭')},${enc('读书')}`);
    await expect(page.locator('.skeleton')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('.skeleton').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('a skip link leads to the content; controls are reachable by keyboard', async ({ page }) => {
    await page.goto('');
    await appStarted(page);
    await expect(cards(page)).toHaveCount(20);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: '跳到正文' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test('search finds Chinese and English words, here and under a base path', async ({ page }) => {
  await page.goto(`search/?q=${enc('荔枝')}`);
  await expect(page.locator('.post-list .post-card-title')).toHaveText(['长安的荔枝：一篇小说里的物流学']);
  await expect(page.locator('.post-list mark').first()).toHaveText('荔枝');
  await page.getByRole('searchbox', { name: '搜索' }).fill('thread-safe');
  await expect(page.locator('.post-list .post-card-title')).toHaveText([
    'Is ArrayList thread-safe? A short experiment',
  ]);
  await page.locator('.post-list .post-card-title a').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Is ArrayList thread-safe? A short experiment',
  );
});

test('an article comes as HTML, raw HTML sanitised at build time: no Markdown renderer loads for it', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('posts/markdown-features/');
  await expect(page.getByRole('table').first()).toBeVisible();
  // and one reached inside the app, from its page's HTML
  await page.goto('');
  await page.getByRole('link', { name: '带原始 HTML 的文章' }).click();
  await expect(page.locator('.prose figcaption')).toHaveText('原网页的图注');
  await expect(page.locator('.prose details summary')).toHaveText('展开阅读全文');
  await expect(page.locator('.prose')).toContainText('这一段带着原网页的行内样式。');
  // the post's own styles and handlers are gone; the image boxes' shapes are the build's
  expect(await page.locator('.prose [style]:not(.post-image)').count()).toBe(0);
  expect(await page.locator('.prose script, .prose [onclick], .prose [onerror]').count()).toBe(0);
  expect(scripts.filter((u) => /raw-html-plugins|cjk-plugins|page-view|markdown-body/.test(u))).toEqual([]);
});

for (const [post, note] of [
  ['posts/markdown-features/', '数据在构建时就写成了文件。'],
  ['posts/raw-html-demo/', '镜像自原网页，HTML 经过清理后保留。'],
]) {
  test(`footnotes jump to their note and back, under a heading in the site's language: ${post}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(post);
    const notes = page.locator('.prose section[data-footnotes]');
    await expect(notes.getByRole('heading', { level: 2 })).toHaveText('脚注');
    const ref = page.locator('.prose sup a[data-footnote-ref]').first();
    await ref.click();
    const target = page.locator('.prose li:target');
    await expect(target).toContainText(note);
    await expect(target).toBeInViewport();
    await target.locator('a[data-footnote-backref]').first().click();
    await expect(ref).toBeInViewport();
    expect(await ref.evaluate((a) => a.matches(':target'))).toBe(true);
  });
}

test('each heading links to itself: a tap puts its address in the address bar and on the clipboard', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
  await page.goto('posts/markdown-features/');
  await appStarted(page);
  // (the link is hidden from screen readers: the heading's name is its text alone)
  const heading = page.getByRole('heading', { level: 2, name: '任务列表', exact: true });
  const link = heading.locator('a.heading-anchor');
  await expect(link).toHaveAttribute('title', '本节链接');
  const id = await heading.getAttribute('id');
  expect(id).toBeTruthy();
  await expect(link).toHaveAttribute('href', `#${id}`);
  // the heading's text is its own: the mark is the style sheet's
  expect(await heading.textContent()).toBe('任务列表');
  await heading.hover();
  const before = await page.evaluate(() => scrollY);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`posts/markdown-features/#${encodeURIComponent(id!)}$`));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  await expect(link).toHaveAttribute('data-copied', '链接已复制');
  await expect(page.getByRole('status').filter({ hasText: '链接已复制' })).toBeAttached();
  // the page did not jump to the heading, and the article is still the app's (no reload)
  expect(Math.abs((await page.evaluate(() => scrollY)) - before)).toBeLessThan(2);
  await appStarted(page);
});

test('without JavaScript a heading’s link is a plain in-page link', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('posts/markdown-features/');
  const heading = page.getByRole('heading', { level: 2, name: '代码', exact: true });
  await heading.locator('a.heading-anchor').click();
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent((await heading.getAttribute('id'))!)}$`));
  expect((await heading.boundingBox())!.y).toBeLessThan(50);
  await context.close();
});

test('the tag filter narrowed to a range of months: its posts, and the months kept as the mode changes', async ({
  page,
}) => {
  const tags = `?tags=${['笔记', '示例', '家庭', '运维', '财政'].map(encodeURIComponent).join(',')}&mode=or`;
  const dates = () =>
    page
      .locator('.post-list .post-card time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!.slice(0, 7)));
  await page.goto(tags);
  await expect(page.locator('.filter-count')).toBeVisible();
  const all = await dates();
  expect(all.length).toBeGreaterThan(2);
  const from = [...all].sort()[Math.floor(all.length / 2)]!;
  await page.goto(`${tags}&from=${from}`);
  await expect(page.locator('details.date-range')).toHaveAttribute('open', '');
  await expect(page.locator('.post-list .post-card')).toHaveCount(all.filter((d) => d >= from).length);
  expect(await dates()).toEqual(all.filter((d) => d >= from));
  // AND: the months stay in the URL
  await page.getByRole('link', { name: '全部满足（AND）' }).click();
  await expect(page).toHaveURL(new RegExp(`mode=and&from=${from}$`));
});

test('bold beside Chinese punctuation is bold, with no parser loaded in the browser', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('posts/zhihu-du-yan-zhi-de-ma/');
  await expect(page.locator('article nav.neighbours')).toBeAttached(); // the app has taken over
  await expect(page.locator('.prose strong')).toHaveText([
    '先想清楚：你要的是学历，还是能力？',
    '「机会成本」',
    '别为了逃避工作去读研。',
  ]);
  expect(await page.locator('.prose').textContent()).not.toContain('**');
  expect(scripts.filter((u) => u.includes('cjk-plugins'))).toEqual([]);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const javaScriptEnabled of [false, true])
    test(`a long table of contents is closed with its count; the text starts on the first screen (${
      javaScriptEnabled ? 'the app' : 'the entry page alone'
    })`, async ({ browser, baseURL }) => {
      const context = await browser.newContext({
        javaScriptEnabled,
        viewport: { width: 390, height: 844 },
        baseURL,
      });
      const page = await context.newPage();
      await page.goto('posts/zhihu-du-yan-zhi-de-ma/');
      if (javaScriptEnabled) await appStarted(page);
      const toc = page.locator('nav.toc details');
      await expect(toc.locator('summary')).toHaveText('目录（8）');
      expect(await toc.getAttribute('open')).toBeNull();
      const first = page.locator('.prose p').first();
      await expect(first).toBeVisible();
      expect((await first.boundingBox())!.y + 20).toBeLessThan(844);
      await toc.locator('summary').click();
      await expect(page.locator('nav.toc li')).toHaveCount(8);
      await context.close();
    });

  test('a short one is open', async ({ page }) => {
    await page.goto('posts/markdown-features/');
    await expect(page.locator('nav.toc details')).toHaveAttribute('open', '');
  });

  test('table cells never break a number; a wide table scrolls in its own box', async ({ page }) => {
    await page.goto('posts/markdown-features/');
    const wide = page.locator('.prose table').nth(1);
    await expect(wide).toBeVisible();
    const lines = await wide.evaluate((table) =>
      [...table.querySelectorAll('td')]
        .filter((td) => /^(\(\d{4}\)|[\d.,]+%?)$/.test(td.textContent!))
        .map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return [td.textContent, tops.size];
        }),
    );
    expect(lines.length).toBe(15);
    expect(lines.filter(([, n]) => n !== 1)).toEqual([]);
    expect(await wide.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test('articles on screen are fetched ahead, so opening one needs no request', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => r.resourceType() === 'fetch' && fetched.push(new URL(r.url()).pathname));
  await page.goto('');
  await expect(cards(page)).toHaveCount(20);
  await expect.poll(() => fetched.some((p) => p.endsWith('/posts/ai-xiao-zhi/'))).toBe(true);
  const before = fetched.length;
  await page.getByRole('link', { name: '给家里的老人做一个语音助手' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('给家里的老人做一个语音助手');
  expect(fetched.slice(before).filter((p) => p.endsWith('/posts/ai-xiao-zhi/'))).toEqual([]);
});

test.describe('an article whole in its page (issue 26, points 1 and 6)', () => {
  /**
   * The article's text, headings and image boxes, as a reader sees them (spaces apart: renderers break
   * lines; an image's box, loaded or a line saying it failed, apart: this machine has no network).
   */
  const article = (page: Page) =>
    page.locator('article.article').evaluate((a) => {
      const prose = a.querySelector('.prose')!.cloneNode(true) as Element;
      const images = prose.querySelectorAll('.post-image');
      images.forEach((box) => box.remove());
      return {
        title: a.querySelector('h1')!.textContent,
        text: prose.textContent!.replace(/\s+/g, ''),
        headings: [...prose.querySelectorAll('h2, h3')].map((h) => `${h.id} ${h.textContent}`),
        images: images.length,
      };
    });

  for (const post of ['posts/zhihu-du-yan-zhi-de-ma/', 'posts/raw-html-demo/', 'posts/markdown-features/'])
    test(`the app shows what the page holds without script, loaded or reached in the app: ${post}`, async ({
      browser,
      baseURL,
    }) => {
      const plain = await browser.newContext({ javaScriptEnabled: false, baseURL });
      const without = await article(await (await plain.newPage()).goto(post).then(() => plain.pages()[0]!));
      await plain.close();
      expect(without.text.length).toBeGreaterThan(50);
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await page.goto(post);
      await appStarted(page);
      await expect(page.locator('article nav.neighbours')).toBeAttached(); // the app's article view
      expect(await article(page)).toEqual(without);
      // reached inside the app: from its page's HTML, fetched
      await page.goto('');
      await appStarted(page);
      await page.getByRole('link', { name: without.title!, exact: true }).first().click();
      await expect(page.locator('article nav.neighbours')).toBeAttached();
      expect(await article(page)).toEqual(without);
      await context.close();
    });

  test('a reader far into the article when the app arrives stays there; nothing moves', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await watchLayoutShift(page);
    // every image fails, by both routes (at once: no waiting on this machine's name lookups)
    await page.route(/^https:\/\/(images\.weserv\.nl|mmbiz\.qpic\.cn)\//, (route) => route.abort());
    // the app held back until the reader has scrolled
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // (not waiting for the page's load event: the held app may be what it waits for)
    await page.goto('posts/zhihu-du-yan-zhi-de-ma/', { waitUntil: 'commit' });
    // mid-article, with images above that fail (this machine has no network) as the app arrives
    const reading = page.locator('.prose > p').nth(6);
    await reading.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(844);
    const at = (await reading.boundingBox())!.y;
    const node = await reading.elementHandle();
    release();
    await expect(page.locator('article nav.neighbours')).toBeAttached();
    await appStarted(page);
    await expect(page.locator('.prose .post-image-failed').first()).toBeAttached();
    // the paragraph being read is where it was, and is the same one: the app took the page's article
    // over, it did not make it again
    expect(Math.abs((await reading.boundingBox())!.y - at)).toBeLessThan(1);
    expect(await node!.evaluate((p) => p.isConnected)).toBe(true);
    expect(await layoutShift(page)).toBeLessThanOrEqual(0.02);
  });
});
