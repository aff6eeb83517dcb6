// Counts what `npm test` ran: Vitest's and Playwright's JSON reports, plus typecheck and lint, which
// ran before them (npm test stops at the first failing step). Prints `N passed, N failed`.
import fs from 'node:fs';

const status = Number(process.argv[2] ?? 0);
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
const vitest = read('reports/vitest.json');
const playwright = read('reports/playwright.json');

let passed = 0;
let failed = 0;
if (vitest) {
  passed += 2; // typecheck and lint ran and passed, or Vitest would not have run
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
}
// A step that failed without a report (typecheck, lint, a suite that crashed) still counts.
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
