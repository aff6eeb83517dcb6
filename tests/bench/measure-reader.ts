// The reader's side, in Chromium against a built site served as a plain static host: the bytes of data
// (not code) a first visit to a page needs — its entry page's inline JSON and every data file it
// fetches before the network goes quiet — each gzipped, as a host would send them.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

import { CHROMIUM, CHROMIUM_ARGS as ARGS } from '../helpers/chromium.ts';
const INLINE = /<script type="application\/json" id="folio-data">([\s\S]*?)<\/script>/;

export async function serve(root: string, outDir: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    [path.join(root, 'tests/e2e/support/static-server.ts'), outDir, String(port)],
    { stdio: 'ignore' },
  );
  const end = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) {
      server.kill();
      throw new Error(`bench: the static server on port ${port} did not start`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops the server and waits until its port is free again. */
export function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill();
  });
}

/** Gzipped data bytes of the first screen of each URL path (relative to the site root). */
export async function firstScreenData(
  root: string,
  outDir: string,
  urls: string[],
  port = 4290,
): Promise<Map<string, number>> {
  const server = await serve(root, outDir, port);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const out = new Map<string, number>();
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      const fetched: Promise<number>[] = [];
      page.on('response', (res) => {
        if (new URL(res.url()).pathname.startsWith('/data/'))
          fetched.push(res.body().then((b) => gzipSync(b).length));
      });
      const doc = await page.goto(`http://127.0.0.1:${port}/${url}`, { waitUntil: 'networkidle' });
      const inline = INLINE.exec((await doc?.text()) ?? '')?.[1];
      if (inline === undefined) throw new Error(`bench: /${url} has no inline data`);
      const files = await Promise.all(fetched);
      out.set(url, gzipSync(inline).length + files.reduce((a, b) => a + b, 0));
      await page.close();
    }
  } finally {
    await browser.close();
    await stop(server);
  }
  return out;
}

// In the page: click the marked suggestion, resolve with the milliseconds until a new list with
// cards is on screen for two tags. A string, so the bench's TypeScript loader adds no helpers to it.
const TIME_CHOICE = `new Promise((resolve) => {
  const before = document.querySelector('.post-list');
  const link = document.querySelector('[data-bench="next"]');
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    const list = document.querySelector('.post-list');
    const tags = (new URLSearchParams(location.search).get('tags') || '').split(',');
    if (tags.length === 2 && list && list !== before && list.querySelector('ol > li')) {
      observer.disconnect();
      resolve(performance.now() - t0);
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  link.click();
})`;

/**
 * Milliseconds from choosing a second tag (its suggestion on the filter page of `tag`, once its count
 * is shown) to the AND-filtered list being on screen, one fresh page load per run.
 */
export async function filterTiming(root: string, outDir: string, tag: string, runs = 10, port = 4291) {
  const server = await serve(root, outDir, port);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/?tags=${encodeURIComponent(tag)}&mode=and`);
      const suggestion = page.locator('.suggestions a').nth(i % 4);
      // The page as a reader chooses from it: the list on screen, the suggestion's count shown.
      await suggestion.locator('.chip-count').filter({ hasText: /\d/ }).waitFor();
      await page.locator('.post-list > ol > li').first().waitFor();
      await suggestion.evaluate((link) => link.setAttribute('data-bench', 'next'));
      times.push(await page.evaluate<number>(TIME_CHOICE));
      await page.close();
    }
  } finally {
    await browser.close();
    await stop(server);
  }
  return times;
}
