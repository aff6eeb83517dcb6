import { defineConfig } from '@playwright/test';

// What a reader sees, in Debian's Chromium (browser downloads are impossible here), against production
// builds served by `vite preview`: the sample content, and a generated 2,000-post archive.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
const site = (out: string, port: number) =>
  `npx vite build --outDir ${out} --emptyOutDir --logLevel warn && npx vite preview --outDir ${out} --port ${port} --strictPort --host 127.0.0.1`;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  workers: 2,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/playwright.json' }]] : 'list',
  use: { launchOptions },
  projects: [
    { name: 'sample', testMatch: /sample\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4174' } },
    { name: 'archive', testMatch: /archive\.spec\.ts/, use: { baseURL: 'http://127.0.0.1:4175' } },
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
  ],
});
