// Pinned posts (`pinned: true`, Hexo's `sticky: N`, `top: true`) lead the home page's first page:
// most pinned first, then newest, at most PINNED_MAX, the rest named in the report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import { PINNED_MAX, routes } from '../../src/shared/paths.ts';
import { optionsFor } from '../helpers/content-dir.ts';

const now = Date.parse('2026-01-01T00:00:00Z');

function site(posts: Record<string, string>) {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-pinned-')), 'content');
  fs.mkdirSync(dir);
  for (const [name, front] of Object.entries(posts))
    fs.writeFileSync(path.join(dir, `${name}.md`), `---\ntitle: ${name}\n${front}\n---\n正文。\n`);
  const result = runPipeline(optionsFor(dir, { pageSize: 2 }), { now });
  const home = result.data.routes.get(routes.home());
  if (home?.kind !== 'home') throw new Error('no home route');
  const issues = (name: string) =>
    result.report.files
      .find((f) => f.path === `${name}.md`)!
      .issues.map((i) => `${i.severity}: ${i.message}`);
  return { result, home, issues };
}

test('pinned, sticky and top lead the home page, most pinned first, then newest; the list keeps its order', () => {
  const { home, result, issues } = site({
    a: 'date: 2024-01-01\npinned: true',
    b: 'date: 2024-02-01\nsticky: 100',
    c: 'date: 2024-03-01\ntop: true',
    d: 'date: 2024-04-01',
    e: 'date: 2024-05-01\nsticky: false',
    f: 'date: 2024-06-01\npinned: 0',
    g: 'date: 2024-07-01\npinned: "yes"',
  });
  expect(home.pinned?.map((p) => p.title)).toEqual(['b', 'c', 'a']);
  expect(home.list.posts.map((p) => p.title)).toEqual(['g', 'f']);
  expect(result.posts.map((p) => p.title)).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
  expect(issues('g')).toEqual([
    'warning: pinned is neither true, false nor a positive number: the post is not pinned',
  ]);
  expect(issues('e')).toEqual([]);
  // the later pages of the list carry none
  expect(result.data.routes.get(routes.listPage(routes.home(), 2))).not.toHaveProperty('pinned');
});

test('a site with nothing pinned has no pinned list', () => {
  const { home } = site({ a: 'date: 2024-01-01', b: 'date: 2024-02-01' });
  expect(home).not.toHaveProperty('pinned');
});

test(`past ${PINNED_MAX} pinned posts, the home page leads with the most pinned and the report names the rest`, () => {
  const posts: Record<string, string> = {};
  for (let i = 0; i < PINNED_MAX + 3; i++)
    posts[`p${String(i).padStart(2, '0')}`] = `date: 2024-01-${String(i + 1).padStart(2, '0')}\npinned: true`;
  posts.heavy = 'date: 2020-01-01\nsticky: 9';
  const { home, issues } = site(posts);
  expect(home.pinned).toHaveLength(PINNED_MAX);
  expect(home.pinned![0]!.title).toBe('heavy');
  // then the newest of the rest: p12 … p04; p03, p02, p01, p00 are left out
  expect(home.pinned!.slice(1).map((p) => p.title)).toEqual(
    Array.from({ length: PINNED_MAX - 1 }, (_, i) => `p${String(PINNED_MAX + 2 - i).padStart(2, '0')}`),
  );
  for (const left of ['p00', 'p01', 'p02', 'p03'])
    expect(issues(left)).toEqual([
      `warning: pinned, but ${PINNED_MAX + 4} posts are: the home page leads with the ${PINNED_MAX} most pinned (then newest), not this one`,
    ]);
  expect(issues('p04')).toEqual([]);
});
