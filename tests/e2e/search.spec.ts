// Search in Chromium, over news-style Chinese posts (tests/fixtures/search/) served as a static host
// serves them, at the root and under a base path, with the site's Content-Security-Policy: Chinese
// words of two, three and four characters and a phrase, English words, tag, category and author
// filters and their counts, an English post found by stems, sorting by date, results as you type, and
// queries that try to do harm.
import { expect, test, type Page } from '@playwright/test';
import { appStarted } from './support/app.ts';

const titles = (page: Page) => page.locator('.post-list .post-card-title').allTextContents();
const count = (page: Page) => page.locator('.search .filter-count');

async function search(page: Page, q: string, extra = '') {
  await page.goto(`search/?q=${encodeURIComponent(q)}${extra}`);
  await expect(count(page)).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  page.on('dialog', () => {
    throw new Error('a dialog opened');
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text()))
      throw new Error(m.text());
  });
});

const FOUND: [string, string[]][] = [
  ['高铁', ['春运收官：全国铁路发送旅客四亿人次']],
  ['充电桩', ['新能源汽车下乡 充电桩成了新难题']],
  ['暴雨预警', ['长江中下游提前入汛 多地发布暴雨预警']],
  ['跨省直接结算', ['医保跨省直接结算覆盖所有统筹地区']],
  ['GDP', ['一季度 GDP 同比增长百分之五点三']],
  ['5G', ['人工智能走进县城课堂']],
  ['火星殖民', []],
];

for (const [q, expected] of FOUND)
  test(`“${q}” finds what holds it`, async ({ page }) => {
    await search(page, q);
    expect(await titles(page)).toEqual(expected);
    if (expected.length > 0) {
      await expect(count(page)).toHaveText(`找到 ${expected.length} 篇`);
      await expect(page.locator('.post-list mark').first()).toBeVisible();
    } else await expect(page.locator('.no-results')).toContainText(q);
  });

test('a three-character word in several posts: the title that holds it first, every post found', async ({
  page,
}) => {
  await search(page, '县城');
  const found = await titles(page);
  expect(found).toHaveLength(3);
  expect(found[0]).toBe('县城足球联赛火出圈 一场比赛吸引三万观众');
  await expect(page.locator('.post-list mark', { hasText: '县城' }).first()).toBeVisible();
});

test('sorting by date puts the newest first', async ({ page }) => {
  await search(page, '县城', '&sort=date');
  await expect(page.locator('.post-list .post-card')).toHaveCount(3);
  const dates = await page
    .locator('.post-list .post-card time')
    .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
  expect(dates).toEqual([...dates].sort().reverse());
  await page.getByRole('link', { name: '按相关度' }).click();
  await expect(page).not.toHaveURL(/sort=date/);
});

test('a tag narrows the results; its count is the number it leaves', async ({ page }) => {
  await search(page, '县城');
  await expect(count(page)).toHaveText('找到 3 篇');
  const chip = page.getByRole('link', { name: '把“经济”加入筛选' });
  await expect(chip).toContainText('1');
  await chip.click();
  await expect(page).toHaveURL(/tags=%E7%BB%8F%E6%B5%8E/);
  await expect(count(page)).toHaveText('找到 1 篇');
  expect(await titles(page)).toEqual(['新能源汽车下乡 充电桩成了新难题']);
  await page.getByRole('link', { name: '从筛选中移除“经济”' }).click();
  await expect(count(page)).toHaveText('找到 3 篇');
});

test('a category and an author narrow the results too, each with its count, and leave the URL', async ({
  page,
}) => {
  await search(page, '县城');
  await expect(count(page)).toHaveText('找到 3 篇');
  const category = page.getByRole('link', { name: '把“分类：社会”加入筛选' });
  await expect(category).toContainText('2');
  await category.click();
  await expect(page).toHaveURL(/category=%E7%A4%BE%E4%BC%9A/);
  await expect(count(page)).toHaveText('找到 2 篇');
  const author = page.getByRole('link', { name: '把“作者：本报记者”加入筛选' });
  await expect(author).toContainText('1');
  await author.click();
  await expect(page).toHaveURL(/author=%E6%9C%AC%E6%8A%A5%E8%AE%B0%E8%80%85/);
  await expect(count(page)).toHaveText('找到 1 篇');
  expect(await titles(page)).toEqual(['人工智能走进县城课堂']);
  await page.reload();
  await expect(count(page)).toHaveText('找到 1 篇');
  await page.getByRole('link', { name: '从筛选中移除“分类：社会”' }).click();
  await expect(count(page)).toHaveText('找到 2 篇');
  expect((await titles(page)).sort()).toEqual(
    ['人工智能走进县城课堂', '新能源汽车下乡 充电桩成了新难题'].sort(),
  );
});

test('an English post (lang: en) is found by the stems of its words, and its article says it is English', async ({
  page,
}) => {
  await search(page, 'economies');
  expect(await titles(page)).toEqual(['Yunnan tea finds new buyers abroad']);
  await search(page, 'economy farmer');
  expect(await titles(page)).toEqual(['Yunnan tea finds new buyers abroad']);
  const html = await (await page.request.get('posts/tea-exports/')).text();
  expect(html).toContain('<article class="article" lang="en">');
  await page.locator('.post-list .post-card-title a').click();
  await expect(page.locator('article.article')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Yunnan tea finds new buyers abroad');
});

test('typing in the header finds as you type, from any page; / focuses the box', async ({ page }) => {
  await page.goto('tags/');
  await appStarted(page);
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('人工智');
  await expect(page).toHaveURL(/search\/\?q=%E4%BA%BA%E5%B7%A5%E6%99%BA/);
  await expect(page.locator('.post-list .post-card-title')).toHaveText(['人工智能走进县城课堂']);
  await page.keyboard.type('能');
  await expect(page).toHaveURL(/q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/);
  await page.goBack();
  await expect(page).toHaveURL(/tags\/$/);
});

test('passages and excerpts are plain text: no ** or ### or link syntax, no boilerplate', async ({
  page,
}) => {
  for (const q of ['补纸的颜色', '修旧如旧', '托裱']) {
    await search(page, q);
    const card = page.locator('.post-list li', { hasText: '古籍修复' });
    await expect(card.locator('mark').first()).toBeVisible();
    const text = await card.locator('.post-card-excerpt').innerText();
    expect(text).not.toMatch(/\*\*|###|\]\(|\[\^|\||^>|javascript/);
  }
  await search(page, '补纸的颜色');
  await expect(page.locator('.post-list .search-passage').first()).toContainText(
    '老师傅说：“补纸的颜色要比原纸浅一点。”详见修复手记。',
  );
  // the excerpt skips the mirror's lines about itself
  await page.goto('tags/文化/');
  const excerpt = page.locator('.post-list li', { hasText: '古籍修复' }).locator('.post-card-excerpt');
  await expect(excerpt).toHaveText(/^修复一页古籍要先托裱，再补洞。/);
});

test('Chinese text takes its quotes and ellipses from the Chinese face, ragged right; English keeps its own', async ({
  page,
}) => {
  /** The width of `ch`, where it first follows `before` in the article's text, in ems of its font. */
  // (polled: the page's first screen is replaced by the app's article as it starts)
  const width = (before: string, ch: string) => () =>
    page.locator('article .prose').evaluate(
      (prose, [before, ch]) => {
        const walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = n.textContent!.indexOf(before + ch);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at + before.length);
          range.setEnd(n, at + before.length + ch.length);
          return (
            range.getBoundingClientRect().width / parseFloat(getComputedStyle(n.parentElement!).fontSize)
          );
        }
        return NaN;
      },
      [before, ch],
    );
  // (a quote after a Chinese character, not after other punctuation: Chromium trims the blank half of
  // adjacent punctuation, as Chinese typesetting does)
  await page.goto('posts/zhi-hu-hui-da/');
  await expect.poll(width('作', '“')).toBeGreaterThan(0.9);
  // …… as two full-width, centred marks (a Latin face draws each 0.8 em wide, on the baseline)
  await expect.poll(width('遍', '……')).toBeGreaterThan(1.9);
  expect(
    await page
      .locator('.prose p')
      .first()
      .evaluate((p) => getComputedStyle(p).textAlign),
  ).toBe('start');
  await page.goto('posts/tea-exports/');
  await expect.poll(width('', '“')).toBeLessThan(0.6);
  await expect.poll(width('It', '’')).toBeLessThan(0.5);
});

test('typing Chinese with an input method: nothing is searched or fetched until a character is chosen', async ({
  page,
}) => {
  await page.goto('tags/');
  await appStarted(page);
  const searched: string[] = [];
  page.on('request', (r) => {
    if (/\/data\/search\//.test(r.url())) searched.push(r.url());
  });
  await page.locator('#site-search').focus();
  // Chromium's own composition, as an input method drives it: pinyin shown in the box, not yet text
  const ime = await page.context().newCDPSession(page);
  for (const pinyin of ['h', 'huo', 'huoz', 'huozai'])
    await ime.send('Input.imeSetComposition', {
      text: pinyin,
      selectionStart: pinyin.length,
      selectionEnd: pinyin.length,
    });
  await expect(page.locator('#site-search')).toHaveValue('huozai');
  await page.waitForTimeout(800); // three times the box's pause before it searches
  await expect(page).toHaveURL(/tags\/$/);
  expect(searched).toEqual([]);
  // the characters chosen: now it searches
  await ime.send('Input.insertText', { text: '人工智能' });
  await expect(page).toHaveURL(/search\/\?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/);
  await expect(page.locator('.post-list .post-card-title')).toHaveText(['人工智能走进县城课堂']);
  // composing more on the search page changes neither the query nor its results
  await ime.send('Input.imeSetComposition', { text: 'xian', selectionStart: 4, selectionEnd: 4 });
  await page.waitForTimeout(800);
  await expect(page).toHaveURL(/q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD$/);
  await expect(count(page)).toHaveText('找到 1 篇');
});

test('a passage shows the whole query; opening the result scrolls the article to it, marked', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await search(page, '量子纠缠');
  const passage = page.locator('.search-passage').first();
  // the article says 纠缠 alone first; the passage shows where it says 量子纠缠
  await expect(passage.locator('mark')).toHaveText(['量子纠缠']);
  await page.getByRole('link', { name: '量子通信走进城市网络' }).click();
  const found = page.locator('.prose mark.found');
  await expect(found).toHaveText('量子纠缠');
  await expect(found).toBeInViewport();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(844);
  // back to the results and forward again: the reader's place, not the mark, decides where it opens
  await page.goBack();
  await expect(passage).toBeVisible();
  await page.goForward();
  await expect(page.locator('.prose mark.found')).toHaveCount(0);
});

test('a date range narrows the results to its months, from the URL or chosen on the page', async ({
  page,
}) => {
  const dates = () =>
    page
      .locator('.post-list .post-card time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!.slice(0, 7)));
  await search(page, '县城', '&sort=date');
  const all = await dates();
  expect(all.length).toBe(3);
  await search(page, '县城', '&sort=date&from=2024-06&to=2024-12');
  const some = await dates();
  expect(some).toEqual(all.filter((d) => d >= '2024-06' && d <= '2024-12'));
  expect(some.length).toBeLessThan(all.length);
  await expect(count(page)).toHaveText(`找到 ${some.length} 篇`);
  // the range is shown as chosen; leaving it open brings every result back
  const dates2 = page.locator('details.date-range');
  await expect(dates2).toHaveAttribute('open', '');
  await expect(dates2.getByLabel('从')).toHaveValue('2024-06');
  await dates2.getByLabel('从').selectOption('');
  await expect(page).not.toHaveURL(/from=/);
  await expect(page).toHaveURL(/to=2024-12/);
  await expect(count(page)).toHaveText(`找到 ${all.filter((d) => d <= '2024-12').length} 篇`);
  // chosen on the page: the months the archive has
  await dates2.getByLabel('到').selectOption({ label: '2024 年 5 月' });
  await expect(page).toHaveURL(/to=2024-05/);
  await expect.poll(dates).toEqual(all.filter((d) => d <= '2024-05'));
});

test('Simplified and Traditional find each other: 火災 what 火灾 finds, 習近平 what 习近平 finds', async ({
  page,
}) => {
  const fire = ['冬季住宅火灾多发 消防部门提醒检查电线', '臺北老舊公寓火災 市府將全面檢查消防設備'];
  for (const q of ['火灾', '火災', '习近平', '習近平']) {
    await search(page, q);
    await expect(count(page)).toHaveText('找到 2 篇');
    expect((await titles(page)).sort(), q).toEqual([...fire].sort());
  }
  // the passage shows the text as written, the words marked whichever script the query used
  await search(page, '火灾');
  const card = page.locator('.post-card').filter({ hasText: '臺北老舊公寓' });
  await expect(card.locator('mark').first()).toHaveText('火災');
});

test('tags that differ only in script are one tag, shown as the oldest post wrote it', async ({ page }) => {
  // 2025-02-10 wrote 台湾, 2025-02-12 臺灣
  await page.goto(`tags/${encodeURIComponent('台湾')}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('台湾');
  await expect(page.getByText('2 篇文章')).toBeVisible();
  const card = page.locator('.post-card').filter({ hasText: '臺北老舊公寓' });
  await expect(card.getByRole('list', { name: '标签' }).getByRole('link', { name: '台湾' })).toBeVisible();
  expect(await page.getByText('臺灣', { exact: true }).count()).toBe(0);
  const other = await page.request.get(`tags/${encodeURIComponent('臺灣')}/`);
  expect(other.status()).toBe(404);
});

test('Esc leaves the search box and keeps the query', async ({ page }) => {
  await search(page, '高铁');
  const box = page.locator('#site-search');
  await box.focus();
  await page.keyboard.press('Escape');
  await expect(box).not.toBeFocused();
  await expect(box).toHaveValue('高铁');
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/q=%E9%AB%98%E9%93%81/);
  expect(await titles(page)).toEqual(['春运收官：全国铁路发送旅客四亿人次']);
});

test('the box hints at / only where there is a keyboard', async ({ browser, baseURL }) => {
  for (const [hasTouch, hint] of [
    [false, '搜索文章…（按 / 聚焦）'],
    [true, '搜索文章…'],
  ] as const) {
    const context = await browser.newContext({
      baseURL,
      hasTouch,
      isMobile: hasTouch,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto('tags/');
    await appStarted(page);
    await expect(page.locator('#site-search')).toHaveAttribute('placeholder', hint);
    await context.close();
  }
});

test('quotes, markup and 200 characters do no harm', async ({ page }) => {
  for (const q of [
    '"春运" \'高铁\'',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '春'.repeat(199) + '运',
  ])
    await search(page, q);
  await search(page, '"春运"');
  expect(await titles(page)).toEqual(['春运收官：全国铁路发送旅客四亿人次']);
  expect(await page.locator('.post-list img[onerror], .post-list script').count()).toBe(0);
});

test('no query: a hint; the search page is a real page for deep links', async ({ page }) => {
  const res = await page.goto('search/');
  expect(res!.status()).toBe(200);
  await expect(page.getByRole('heading', { name: '搜索' })).toBeVisible();
  await expect(page.getByText('输入关键词')).toBeVisible();
});
