import { defineConfig } from 'vitest/config';

// Every suite but the browser's (Playwright's, tests/e2e, playwright.config.ts): one folder per stage of
// the build (read, collect, emit, search, render, write, dev), shared rules, the client's logic and
// components, and the whole build (build/).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
  },
});
