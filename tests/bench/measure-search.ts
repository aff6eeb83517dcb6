// Search on a built site, in Chromium against a plain static host: the bytes the first query costs
// (everything fetched from typing it until nothing has been in flight for 500 ms: the search code, the
// index buckets, the cards' data, the entry pages their passages come from and what the suggestions'
// counts need, as sent), and the milliseconds from a query being issued (the header box, after its
// debounce) to its results on screen.
import { chromium, type Page, type Request } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../helpers/chromium.ts';
import { serve, stop } from './measure-reader.ts';

/** Types a query into the header's box; resolves with the query-to-results milliseconds. */
async function ask(page: Page, q: string): Promise<number> {
  await page.evaluate(() => performance.clearMarks());
  const box = page.locator('#site-search');
  await box.fill('');
  await box.pressSequentially(q);
  await page.waitForFunction(
    (q) =>
      performance
        .getEntriesByName('folio:search-rendered')
        .some((m) => (m as PerformanceMark).detail?.startsWith(`${q}\n`)),
    q,
  );
  return page.evaluate((q) => {
    const query = performance
      .getEntriesByName('folio:search-query')
      .filter((m) => (m as PerformanceMark).detail === q)
      .at(-1)!;
    const shown = performance
      .getEntriesByName('folio:search-rendered')
      .find((m) => (m as PerformanceMark).detail?.startsWith(`${q}\n`))!;
    return shown.startTime - query.startTime;
  }, q);
}

export interface SearchFigures {
  /** Bytes on the wire for the first query, from typing to a quiet network. */
  firstQueryBytes: number;
  /** Files fetched for it. */
  firstQueryFiles: number;
  /** Query issued → results on screen, one per query (the first on a fresh page). */
  ms: number[];
  /** Results each query found (a query that finds nothing would measure little). */
  found: number[];
}

export async function searchFigures(
  root: string,
  outDir: string,
  queries: string[],
  port = 4292,
): Promise<SearchFigures> {
  const server = await serve(root, outDir, port);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const out: SearchFigures = { firstQueryBytes: 0, firstQueryFiles: 0, ms: [], found: [] };
  try {
    for (const [i, q] of queries.entries()) {
      // Each query on a fresh page (nothing of the index cached), the first one counted byte by byte.
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
      await page.locator('.theme-toggle').waitFor(); // the app has started
      const sizes: Promise<number>[] = [];
      // A request that finishes as the page closes has no sizes left to ask for: it counts none
      // (unhandled, its rejection stopped the whole bench).
      const count = (req: Request) =>
        sizes.push(
          req.sizes().then(
            (s) => s.responseBodySize + s.responseHeadersSize,
            () => 0,
          ),
        );
      // Requests in flight, for "quiet": Playwright's networkidle was reached before the query was
      // typed, and a load state once reached is not waited for again (it undercounted what the
      // results' suggestions fetch after the results are on screen).
      let inFlight = 0;
      let lastChange = performance.now();
      const started = () => {
        inFlight++;
        lastChange = performance.now();
      };
      const ended = () => {
        inFlight--;
        lastChange = performance.now();
      };
      if (i === 0) {
        page.on('request', started);
        page.on('requestfinished', ended);
        page.on('requestfailed', ended);
        page.on('requestfinished', count);
      }
      out.ms.push(await ask(page, q));
      out.found.push(Number((await page.locator('.search .filter-count').textContent())?.match(/\d+/)?.[0]));
      if (i === 0) {
        // Quiet: nothing in flight for 500 ms.
        while (inFlight > 0 || performance.now() - lastChange < 500) await page.waitForTimeout(50);
        page.off('requestfinished', count);
        const all = await Promise.all(sizes);
        out.firstQueryBytes = all.reduce((a, b) => a + b, 0);
        out.firstQueryFiles = all.length;
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await stop(server);
  }
  return out;
}
