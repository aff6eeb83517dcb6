// Jekyll's answer as the oracle: for every post Jekyll 4.3.1 publishes from its own test posts and docs
// (tests/fixtures/jekyll/jekyll-posts.json, made by make-oracle.sh), Folio gives the same slug, date,
// title, categories and tags — except where Folio differs on purpose, each difference explained below.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import { slugify } from '../../src/shared/slug.ts';
import { fixtures, listAll, optionsFor } from '../helpers/content-dir.ts';

interface JekyllPost {
  path: string;
  slug: string;
  date: string;
  title: string;
  categories: string[];
  tags: (string | number)[];
}

const HOUR = 3_600_000;
const oracle = JSON.parse(fs.readFileSync(path.join(fixtures, 'jekyll/jekyll-posts.json'), 'utf8')) as Record<
  string,
  JekyllPost[]
>;

describe.for(['source', 'docs'] as const)('Jekyll fixtures: %s', (set) => {
  const dir = path.join(fixtures, 'jekyll', set);
  const result = runPipeline(optionsFor(dir), { now: Date.parse('2026-01-01T00:00:00Z') });
  const ours = new Map(result.report.files.map((f) => [f.path, f]));
  const jekyll = oracle[set]!;

  test('the report accounts for every file', () => {
    expect(result.report.files.map((f) => f.path).sort()).toEqual(listAll(dir));
  });

  test.for(jekyll.map((j) => [j.path, j] as const))('%s', ([, j]) => {
    const f = ours.get(j.path)!;
    // Difference: Folio reads Markdown only; Jekyll passes `.text` and `.Rmd` through its identity converter.
    if (/\.(text|Rmd)$/.test(j.path)) {
      expect(f).toMatchObject({
        status: 'skipped',
        reason: expect.stringMatching(/^not a post \(\.(text|Rmd)\)/),
      });
      return;
    }
    expect(f.status).toBe('published');
    // Difference: slugs are URL-safe (`escape-+ %20[]` → `escape-20`), and unique: Jekyll lets posts in
    // different category folders share one (`categories` ×3); Folio's `/posts/<slug>/` gives a suffix.
    const slug = slugify(j.slug);
    if (f.slug !== slug) {
      expect(f.slug).toMatch(new RegExp(`^${slug}-\\d+$`));
      expect(f.issues).toContainEqual(
        expect.objectContaining({ message: expect.stringContaining(`this post gets "${f.slug}"`) }),
      );
    }
    const written = f.issues.find((i) => i.field === 'date');
    const zoneless = /date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n/.test(
      fs.readFileSync(path.join(dir, j.path), 'utf8'),
    );
    if (written) {
      // Difference: `2023-01-29 18:30:22 2023 -0800` is not a date Folio guesses at; the file name's date is
      // used, with an error in the report.
      expect(written).toMatchObject({ severity: 'error', message: expect.stringContaining('is not a date') });
      expect(f.date).toBe(`${j.path.match(/(\d{4}-\d\d-\d\d)-/)![1]}T00:00:00+08:00`);
    } else if (zoneless) {
      // Difference: Ruby's YAML reads a time without a zone as UTC; Folio reads it in the site's time
      // zone (Asia/Shanghai here), as the operator wrote it.
      expect(Date.parse(j.date) - Date.parse(f.date!)).toBe(8 * HOUR);
    } else {
      expect(Date.parse(f.date!)).toBe(Date.parse(j.date));
    }
    // Difference: without a title Jekyll names the post from its slug; Folio first tries the first heading.
    if (j.path.endsWith('permalink-traversal.md')) expect(f.title).toBe('Test');
    else expect(f.title).toBe(j.title);
    expect(f.categories).toEqual(j.categories.map(String));
    expect(f.tags).toEqual(j.tags.map(String));
  });

  test('Folio publishes nothing Jekyll drops, except undated posts, which it reports instead of losing', () => {
    const published = new Set(jekyll.map((j) => j.path));
    const extra = result.report.files.filter((f) => f.status === 'published' && !published.has(f.path));
    for (const f of extra) {
      expect(f.date).toBeUndefined();
      expect(f.issues).toContainEqual(
        expect.objectContaining({ severity: 'error', message: expect.stringContaining('no date') }),
      );
    }
    expect(extra.map((f) => f.path)).toEqual(
      set === 'source' ? ['_posts/2013-03-19-not-a-post/dubious.markdown'] : [],
    );
  });

  test('what Jekyll leaves out, Folio reports with a reason', () => {
    const published = new Set(jekyll.map((j) => j.path));
    const rest = result.report.files.filter((f) => !published.has(f.path) && f.status !== 'published');
    for (const f of rest) expect(f.reason).toBeTruthy();
    if (set === 'source')
      expect(Object.fromEntries(rest.map((f) => [f.path, f.reason]))).toMatchObject({
        '_posts/2008-02-02-not-published.markdown': 'published: false',
        '_posts/2008-02-03-wrong-extension.yml': 'not a post (.yml) and no post references it',
      });
  });
});
