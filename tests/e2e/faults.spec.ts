// A flaky network costs a retry, not the page (on the generated 2,000-post archive): a data file or an
// entry page that fails is retried by itself, then offered again with a "重试" button that works once
// the network is back; offline, pages already seen still open and others say they wait for the
// network; a slow data file keeps its placeholder in place, with no layout shift.
import { appStarted } from './support/app.ts';
import { expect, test, type Page, type Route } from '@playwright/test';
import { tagName } from '../bench/generate-corpus.ts';
import { layoutShift, watchLayoutShift } from './support/layout-shift.ts';

const enc = encodeURIComponent;
const cards = (page: Page) => page.locator('.post-list > ol > li');
const matchCount = (page: Page) => page.getByRole('status').filter({ hasText: '篇符合' });
const filterUrl = `/?tags=${enc(tagName(0))},${enc(tagName(1))}&mode=and`;
/** The app has taken over from the entry page's HTML (only the app has the theme switch). */
const POSTINGS = /\/data\/postings\.[^/]+\.json$/;

const faults: [string, (route: Route) => Promise<void>][] = [
  ['a network error', (route) => route.abort('connectionreset')],
  ['a 500', (route) => route.fulfill({ status: 500, body: 'Internal Server Error' })],
  [
    'a truncated file',
    async (route) => {
      const real = await route.fetch();
      const body = await real.text();
      await route.fulfill({ response: real, body: body.slice(0, body.length >> 1) });
    },
  ],
  [
    'a file of the wrong shape',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"posts":"none"}' }),
  ],
];

for (const [name, fault] of faults)
  test(`${name} for a data file: retried twice by itself, then 重试 works once the network is back`, async ({
    page,
  }) => {
    const tries = new Map<string, number>();
    let failing = true;
    await page.route(POSTINGS, (route) => {
      if (!failing) return route.continue();
      const url = route.request().url();
      tries.set(url, (tries.get(url) ?? 0) + 1);
      return fault(route);
    });
    await page.goto(filterUrl);
    await expect(page.getByRole('alert')).toContainText('加载失败', { timeout: 20_000 });
    expect(tries.size).toBeGreaterThan(0);
    for (const n of tries.values()) expect(n).toBe(3); // the first try and two retries
    expect(await cards(page).count()).toBe(0);

    failing = false;
    await page.getByRole('button', { name: '重试' }).click();
    await expect(matchCount(page)).toHaveText(/^共 \d+ 篇符合$/);
    await expect(cards(page).first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

test('a 404 for a data file costs one reload (a redeploy), then retries and 重试, never a loop', async ({
  page,
}) => {
  let loads = 0;
  page.on('load', () => loads++);
  let failing = true;
  await page.route(POSTINGS, (route) => (failing ? route.fulfill({ status: 404 }) : route.continue()));
  await page.goto(filterUrl);
  await expect(page.getByRole('alert')).toContainText('加载失败', { timeout: 20_000 });
  expect(loads).toBe(2);
  failing = false;
  await page.getByRole('button', { name: '重试' }).click();
  await expect(cards(page).first()).toBeVisible();
  expect(loads).toBe(2);
});

test('an entry page that fails while moving around: retried, then 重试 opens it', async ({ page }) => {
  await page.goto('/');
  await appStarted(page);
  const link = cards(page).first().getByRole('list', { name: '标签' }).getByRole('link').first();
  const name = (await link.textContent())!;
  const href = (await link.getAttribute('href'))!;
  let tries = 0;
  let failing = true;
  await page.route(
    (url) => url.pathname === href,
    (route) => {
      if (!failing || route.request().resourceType() === 'document') return route.continue();
      tries++;
      return route.fulfill({ status: 503, body: 'Service Unavailable' });
    },
  );
  await link.click();
  await expect(page.getByRole('alert')).toContainText('加载失败', { timeout: 20_000 });
  expect(tries).toBe(4); // once before the route renders, then three times under its placeholder
  failing = false;
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.locator('main h1')).toContainText(name);
  await expect(cards(page).first()).toBeVisible();
});

/** An entry page cut just before its inline data, as a dropped connection leaves it. */
async function cutBeforeData(route: Route) {
  const real = await route.fetch();
  const body = await real.text();
  await route.fulfill({
    response: real,
    body: body.slice(0, body.indexOf('<script type="application/json"')),
  });
}

test('an entry page cut before its data, opened: its first screen, an error and 重试, which loads it whole', async ({
  page,
}) => {
  await page.goto('/');
  await appStarted(page);
  const href = (await cards(page).first().locator('a').first().getAttribute('href'))!;
  let cut = true;
  await page.route(
    (url) => url.pathname === href,
    (route) => (cut ? cutBeforeData(route) : route.continue()),
  );
  await page.goto(href);
  await expect(page.getByRole('alert')).toContainText('页面没有完整送达');
  await expect(page.getByText('找不到这个页面')).toHaveCount(0);
  await expect(page.locator('#root h1')).toBeVisible(); // the first screen, as far as it came
  cut = false;
  await page.getByRole('button', { name: '重试' }).click();
  await appStarted(page);
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an entry page cut before its data while moving around: an error and 重试, never "not found"', async ({
  page,
}) => {
  await page.goto('/');
  await appStarted(page);
  // (a tag's page: a card's article may have been fetched already, as it came into view)
  const link = cards(page).first().getByRole('list', { name: '标签' }).getByRole('link').first();
  const name = (await link.textContent())!;
  const href = (await link.getAttribute('href'))!;
  let cut = true;
  await page.route(
    (url) => url.pathname === href,
    (route) => (cut ? cutBeforeData(route) : route.continue()),
  );
  await link.click();
  await expect(page.getByRole('alert')).toContainText('页面没有完整送达', { timeout: 20_000 });
  await expect(page.getByText('找不到这个页面')).toHaveCount(0);
  cut = false;
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.locator('main h1')).toContainText(name);
  await expect(cards(page).first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('offline after the first load: pages already seen open, others say they wait for the network', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await appStarted(page);
  const links = cards(page).getByRole('heading').getByRole('link');
  const seen = (await links.nth(0).textContent())!;
  const unseen = (await links.nth(19).textContent())!; // below the screen: not fetched ahead
  await links.nth(0).click();
  await expect(page.locator('article nav.neighbours')).toBeAttached(); // the app's article, fully loaded
  await page.goBack();
  await expect(cards(page).first()).toBeVisible();

  await context.setOffline(true);
  await cards(page).getByRole('link', { name: seen, exact: true }).click();
  await expect(page.locator('article h1')).toHaveText(seen);
  await page.goBack();
  await expect(cards(page).first()).toBeVisible();

  await cards(page).getByRole('link', { name: unseen, exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '网络已断开，已看过的页面仍可打开' }),
  ).toBeVisible();
  await context.setOffline(false); // it goes on by itself
  await expect(page.locator('article h1')).toHaveText(unseen);
});

test('a slow data file (3 s): the placeholder holds the place, nothing shifts', async ({ page }) => {
  await page.route(POSTINGS, async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  await watchLayoutShift(page);
  const start = Date.now();
  await page.goto(filterUrl);
  await expect(page.locator('.skeleton')).toBeVisible();
  await expect(cards(page).first()).toBeVisible({ timeout: 15_000 });
  expect(Date.now() - start).toBeGreaterThanOrEqual(3000);
  await page.waitForTimeout(500);
  const shift = await layoutShift(page);
  expect(shift).toBeLessThanOrEqual(0.02);
});
