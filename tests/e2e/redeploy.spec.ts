// A tab opened before a redeploy: its data files are gone after the rebuild; the page recovers by
// reloading once, and never loops.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { appStarted } from './support/app.ts';

const content = path.resolve('reports/redeploy-content');
const out = path.resolve('reports/redeploy-site');

test('a vanished data file after a redeploy costs one reload', async ({ page }) => {
  test.setTimeout(180_000); // it rebuilds the site inside the test
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto('/');
  await expect(page.locator('.post-list > ol > li')).toHaveCount(20);
  expect(loads).toBe(1);

  const post = path.join(content, 'posts/2025-06-05-ai-xiao-zhi.md');
  fs.writeFileSync(
    post,
    fs.readFileSync(post, 'utf8').replace('给家里的老人做一个语音助手', '给家里的老人做一个语音助手（修订）'),
  );
  execFileSync(
    'node',
    // (written over the last build in place, as `npm run build` does: the old files are removed at its end)
    ['src/node/bin/folio.mjs', 'build', '--outDir', out, '--logLevel', 'error'],
    {
      env: { ...process.env, FOLIO_CONTENT: content, FOLIO_REPORT: 'reports/redeploy-report.json' },
      stdio: 'ignore',
    },
  );

  // The old tab asks for page 2 of the list, whose old file name no longer exists (scrolling to the
  // end asks for it; clicking "加载更多" would race the scroll that brings it into view).
  await page.locator('.list-footer').scrollIntoViewIfNeeded();
  await expect(page.locator('.post-list > ol > li').first().getByRole('heading')).toHaveText(
    '给家里的老人做一个语音助手（修订）',
  );
  // The reloaded page shows its first screen as HTML before its load event: wait for the event.
  await expect.poll(() => loads).toBe(2);
  await page.locator('.list-footer').scrollIntoViewIfNeeded(); // scrolling loads the rest
  await expect(page.locator('.post-list > ol > li')).toHaveCount(21);
  expect(loads).toBe(2);
});

test('a code chunk gone after a redeploy costs one reload, and never a loop', async ({ page }) => {
  let loads = 0;
  page.on('load', () => loads++);
  let failures = 0;
  await page.route(/\/assets\/article-view-.*\.js$/, (route) =>
    failures++ === 0 ? route.fulfill({ status: 404 }) : route.continue(),
  );
  await page.goto('/');
  await appStarted(page); // (before it, a card's link is a plain link: a page load of its own)
  await page.locator('.post-list > ol > li').first().getByRole('heading').getByRole('link').click();
  // the app's article (its previous/next list), not the entry page's first screen of HTML
  await expect(page.locator('article nav.neighbours')).toBeAttached();
  await expect.poll(() => loads).toBe(2);

  await page.unroute(/\/assets\/article-view-.*\.js$/);
  await page.route(/\/assets\/page-view-.*\.js$/, (route) => route.fulfill({ status: 404 }));
  await page.getByRole('link', { name: '关于本站' }).click();
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: '重试' })).toBeVisible();
  await page.waitForTimeout(1000);
  expect(loads).toBeLessThanOrEqual(3);
});
