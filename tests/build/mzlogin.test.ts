// A real Chinese Jekyll blog (tests/fixtures/mzlogin, MIT): 187 posts with dates only in file names.
import path from 'node:path';
import { expect, test } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import { fixtures, listAll, optionsFor } from '../helpers/content-dir.ts';

const dir = path.join(fixtures, 'mzlogin');
const result = runPipeline(optionsFor(dir), { now: Date.parse('2026-11-01T00:00:00Z') });
const posts = result.report.files.filter((f) => f.path.startsWith('_posts/'));

test('the report accounts for every file', () => {
  expect(result.report.files.map((f) => f.path).sort()).toEqual(listAll(dir));
});

test('all 187 posts are published', () => {
  expect(posts).toHaveLength(187);
  expect(posts.filter((f) => f.status !== 'published')).toEqual([]);
});

test.for(posts.filter((f) => f.path !== '_posts/template.md').map((f) => [f.path, f] as const))(
  '%s is dated from its file name',
  ([p, f]) => {
    const [, y, m, d] = /(\d{4})-(\d\d)-(\d\d)-/.exec(p)!;
    expect(f.date).toBe(`${y}-${m}-${d}T00:00:00+08:00`);
    expect(f.title).not.toBe('');
  },
);

test('the template, with no date anywhere, is published undated and reported', () => {
  expect(posts.find((f) => f.path === '_posts/template.md')).toMatchObject({
    status: 'published',
    date: undefined,
    issues: [{ severity: 'error', message: 'no date in front matter or file name; listed last, undated' }],
  });
  expect(result.posts.at(-1)!.path).toBe('_posts/template.md');
});

test('categories written as a word or a flow list, and raw HTML, are read', () => {
  const byCategories = new Map(result.posts.map((p) => [p.slug, p.categories]));
  expect(byCategories.get('how-to-save-money-in-devops')).toEqual(['DevOps']); // categories: DevOps
  expect(byCategories.get('spring-security')).toEqual(['Java']); // categories: [Java]
  expect(result.data.routes.get('categories/java/')).toMatchObject({ name: 'Java', list: { total: 31 } }); // 32 files say Java, one only inside a code sample
  expect(result.posts.filter((p) => p.rawHtml).length).toBeGreaterThan(20);
});
