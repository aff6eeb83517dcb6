import fs from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from './tests/helpers/chromium.ts';

// What a reader sees, in Debian's Chromium (browser downloads are impossible here), against production
// builds served by `vite preview`: the sample content, and a generated 2,000-post archive.
const launchOptions = { executablePath: CHROMIUM, args: CHROMIUM_ARGS };
const serve = 'npx tsx tests/e2e/support/static-server.ts';
// The README's nginx recipe runs for real where nginx is installed (.ci/run installs it).
const nginx = fs.existsSync('/usr/sbin/nginx');
// Vite's commands as `npm run build` and `npm run preview` give them (src/node/bin/folio.mjs).
const vite = 'node src/node/bin/folio.mjs';
const build = (out: string, base = '/') =>
  `${vite} build --base ${base} --outDir ${out} --emptyOutDir --logLevel warn`;
const site = (out: string, port: number) =>
  `${vite} build --outDir ${out} --emptyOutDir --logLevel warn && ${vite} preview --outDir ${out} --port ${port} --strictPort --host 127.0.0.1`;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/playwright.json' }]] : 'list',
  use: { launchOptions },
  projects: [
    { name: 'sample', testMatch: /sample\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4174/' } },
    {
      name: 'sample, base path',
      testMatch: /sample\.spec\.ts/,
      use: { baseURL: 'http://127.0.0.1:4177/folio/' },
    },
    { name: 'archive', testMatch: /(archive|faults)\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4175/' } },
    { name: 'static host', testMatch: /static-host\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4176/' } },
    {
      name: 'static host, base path',
      testMatch: /static-host\.spec\.ts/,
      use: { baseURL: 'http://127.0.0.1:4177/folio/' },
    },
    { name: 'redeploy', testMatch: /redeploy\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4178/' } },
    { name: 'hostile', testMatch: /hostile\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4180/' } },
    { name: 'package', testMatch: /package\.spec\.ts/ },
    { name: 'migration', testMatch: /migration\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4184/' } },
    {
      name: 'operator',
      testMatch: /(unlisted|identity)\.spec\.ts/,
      use: { baseURL: 'http://127.0.0.1:4183/' },
    },
    { name: 'search', testMatch: /(search|pinned)\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4181/' } },
    {
      name: 'search, base path',
      testMatch: /(search|pinned)\.spec\.ts/,
      use: { baseURL: 'http://127.0.0.1:4182/folio/' },
    },
    ...(nginx
      ? [
          {
            name: 'nginx, base path',
            testMatch: /static-host\.spec\.ts/,
            use: { baseURL: 'http://127.0.0.1:4179/folio/' },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: site('reports/site', 4174),
      url: 'http://127.0.0.1:4174/',
      timeout: 120_000,
      reuseExistingServer: false,
      env: { FOLIO_REPORT: 'reports/folio-report.json' },
    },
    {
      command: `npx tsx tests/e2e/make-archive.ts reports/archive-content && ${site('reports/archive-site', 4175)}`,
      url: 'http://127.0.0.1:4175/',
      timeout: 180_000,
      reuseExistingServer: false,
      env: { FOLIO_CONTENT: 'reports/archive-content', FOLIO_REPORT: 'reports/archive-report.json' },
    },
    {
      command: `${build('reports/static-site')} && ${serve} reports/static-site 4176 / --404`,
      url: 'http://127.0.0.1:4176/',
      timeout: 120_000,
      env: { FOLIO_REPORT: 'reports/static-report.json' },
    },
    {
      command: `${build('reports/base-site', '/folio/')} && ${serve} reports/base-site 4177 /folio/ --404`,
      url: 'http://127.0.0.1:4177/folio/',
      timeout: 120_000,
      env: { FOLIO_REPORT: 'reports/base-report.json' },
    },
    {
      command: `rm -rf reports/redeploy-content && cp -r content reports/redeploy-content && ${build('reports/redeploy-site')} && ${serve} reports/redeploy-site 4178 /`,
      url: 'http://127.0.0.1:4178/',
      timeout: 120_000,
      env: { FOLIO_CONTENT: 'reports/redeploy-content', FOLIO_REPORT: 'reports/redeploy-report.json' },
    },
    {
      command: `${build('reports/hostile-site')} && ${serve} reports/hostile-site 4180 / --404`,
      url: 'http://127.0.0.1:4180/',
      timeout: 120_000,
      env: { FOLIO_CONTENT: 'tests/fixtures/hostile', FOLIO_REPORT: 'reports/hostile-report.json' },
    },
    // An operator's site: unlisted and removed posts beside listed ones, its own logo, icon, menu,
    // footer and article links (every option as a variable, as for one run).
    {
      command: `${build('reports/unlisted-site')} && ${serve} reports/unlisted-site 4183 / --404`,
      url: 'http://127.0.0.1:4183/',
      timeout: 120_000,
      env: {
        FOLIO_CONTENT: 'tests/fixtures/unlisted',
        FOLIO_REPORT: 'reports/unlisted-report.json',
        FOLIO_SITE_URL: 'https://archive.example.org',
        FOLIO_TITLE: '某某存档',
        FOLIO_LOGO: 'tests/fixtures/identity/logo.png',
        FOLIO_FAVICON: 'tests/fixtures/identity/icon.svg',
        FOLIO_MENU: JSON.stringify([
          { label: 'RSS', url: '/feed.xml' },
          { label: 'Telegram', url: 'https://t.me/example' },
        ]),
        FOLIO_FOOTER: '© 2026 某某存档',
        FOLIO_FOOTER_LINKS: JSON.stringify([{ label: '联系', url: 'mailto:archive@example.org' }]),
        FOLIO_EDIT_LINK: 'https://github.com/me/archive/edit/main/content/{path}',
        FOLIO_REPORT_LINK: 'https://github.com/me/archive/issues/new?title={title}',
      },
    },
    // A Hugo site moved to Folio: its config beside its content keeps every old address.
    {
      command: `${vite} build tests/fixtures/hugo-site/content --out reports/hugo-site --report reports/hugo-report.json --empty-out-dir --log-level warn && ${serve} reports/hugo-site 4184 / --404`,
      url: 'http://127.0.0.1:4184/',
      timeout: 120_000,
      // (a flag's path is from where the command runs; a variable's, like the config's, from the config's folder)
    },
    // The search fixtures (news-style Chinese posts), as a static host serves them, at the root and
    // under a base path.
    {
      command: `${build('reports/search-site')} && ${serve} reports/search-site 4181 / --404`,
      url: 'http://127.0.0.1:4181/',
      timeout: 120_000,
      env: { FOLIO_CONTENT: 'tests/fixtures/search', FOLIO_REPORT: 'reports/search-report.json' },
    },
    {
      command: `${build('reports/search-base-site', '/folio/')} && ${serve} reports/search-base-site 4182 /folio/ --404`,
      url: 'http://127.0.0.1:4182/folio/',
      timeout: 120_000,
      env: { FOLIO_CONTENT: 'tests/fixtures/search', FOLIO_REPORT: 'reports/search-base-report.json' },
    },
    ...(nginx
      ? [
          {
            command: `${build('reports/nginx-root/folio', '/folio/')} && tests/e2e/support/nginx.sh reports/nginx-root 4179 /folio/`,
            url: 'http://127.0.0.1:4179/folio/',
            timeout: 120_000,
            env: { FOLIO_REPORT: 'reports/nginx-report.json' },
          },
        ]
      : []),
  ],
});
