// A production build's word on `siteUrl` (src/node/collect/site-url.ts): empty or on the builder's own
// machine, the site would go out with feeds and absolute links missing or pointing there.
import { expect, test } from 'vitest';
import { checkSiteUrl } from '../../src/node/collect/site-url.ts';
import { makeReport, summarise } from '../../src/node/collect/report.ts';

test.each([
  'http://localhost:4173',
  'http://127.0.0.1:8080/archive',
  'http://[::1]:3000',
  'http://0.0.0.0',
  'https://blog.local',
  'http://site.test',
  'http://LOCALHOST',
])('%s is an address on this machine', (url) => {
  const check = checkSiteUrl(url, false)!;
  expect(check.severity).toBe('warning');
  expect(check.problem).toBe(
    `siteUrl is ${url}, an address on this machine: every canonical link, link preview, feed and sitemap entry points there (set siteUrl in the config file, or --site-url, to where the site is served)`,
  );
  expect(check.dependsOnIt).toContain('every entry of sitemap.xml, and robots.txt’s Sitemap line');
});

test.each([
  'https://example.org',
  'https://example.org/archive',
  'https://localhost.example.org',
  'http://10.0.0.5',
])('%s is where readers can be', (url) => {
  expect(checkSiteUrl(url, true)).toBeUndefined();
});

test('an empty siteUrl says what is not written; in strict mode it is an error', () => {
  const check = checkSiteUrl('', true)!;
  expect(check.severity).toBe('error');
  expect(check.problem).toMatch(/^siteUrl is not set: no feeds and no sitemap are written/);
  expect(check.dependsOnIt).toContain('sitemap.xml and robots.txt’s Sitemap line: not written');
});

test('it leads the summary, under the counts', () => {
  const report = makeReport([]);
  report.siteUrl = checkSiteUrl('http://localhost:4173', false);
  const lines = summarise(report, '/r.json').split('\n');
  expect(lines[0]).toMatch(/^folio: 0 files found/);
  expect(lines[1]).toBe(`  warning: ${report.siteUrl!.problem}`);
});
