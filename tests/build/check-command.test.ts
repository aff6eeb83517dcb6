// `npm run check` as an operator runs it: the sources bundled once into node_modules/.cache/folio,
// then every file read and checked (on both cores past 2,000 files), the report written, a summary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { checkContent } from '../../src/node/pipeline.ts';
import { optionsFor, tempCopy } from '../helpers/content-dir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const check = (env: Record<string, string>, args = ['check']) =>
  spawnSync('node', [path.join(root, 'src/node/bin/folio.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

test('the check writes the report the pipeline makes, and says what it found', async () => {
  const dir = tempCopy('site');
  for (let i = 0; i < 2100; i++)
    // past PARALLEL_FROM: workers read too, from the bundle
    fs.writeFileSync(path.join(dir, `posts/2021-01-01-p${i}.md`), `---\ntitle: p${i}\n---\n正文 ${i}\n`);
  const report = path.join(dir, '..', 'check-report.json');
  const run = check({ FOLIO_CONTENT: dir, FOLIO_REPORT: report });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^folio: 2113 files found: 2106 posts and 1 pages published/m);
  expect(run.stdout).toMatch(/folio: pipeline took [\d.]+ s for 2106 posts/);
  const written = JSON.parse(fs.readFileSync(report, 'utf8'));
  const expected = (await checkContent(optionsFor(dir, { report }))).report;
  // the same files, statuses and issues (dates in the future are judged against each run's clock)
  expect(written.summary).toEqual(expected.summary);
  expect(written.files.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual(
    expected.files.map((f) => [f.path, f.status]),
  );
  const bundles = fs.readdirSync(path.join(root, 'node_modules/.cache/folio'));
  expect(bundles.length).toBeGreaterThan(0);
});

test('strict mode fails on errors; a wrong command says so and how to use Folio', () => {
  const dir = tempCopy('site');
  const report = path.join(dir, '..', 'strict-report.json');
  expect(check({ FOLIO_CONTENT: dir, FOLIO_REPORT: report, FOLIO_STRICT: '1' }).status).toBe(1);
  const wrong = check({}, ['chek']);
  expect(wrong.status).toBe(2);
  expect(wrong.stderr).toContain('folio: unknown command chek');
  expect(wrong.stderr).toContain('usage: folio <command> [content folder] [flags]');
});
