// Dates at the edges (tests/fixtures/hostile/posts/edge-date-*.md): published with feed dates a feed
// reader parses and a real archive month, or refused with an error; never an orphan archive page such
// as archive/2/12/ (1 BC read without its era).
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { emitFeeds } from '../../src/node/render/feeds.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { fixtures, optionsFor } from '../helpers/content-dir.ts';

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('dates at the edges', () => {
  // (with the future option: a date at 9999's end is published; by default it is left out, below)
  const result = runPipeline(
    optionsFor(path.join(fixtures, 'hostile'), { siteUrl: 'https://example.org', future: true }),
    { now: Date.parse('2026-01-01T00:00:00Z') },
  );
  const entry = (name: string) => result.report.files.find((f) => f.path === `posts/${name}`)!;
  const OUTSIDE = 'lies outside the years 0001–9999 that feeds and the archive can hold';

  test('outside 0001–9999 (in UTC or in the site zone): refused with an error, the post published undated', () => {
    for (const [name, written] of [
      ['edge-date-year-0.md', '0000-01-01'],
      ['edge-date-10000.md', '9999-12-31T23:59:59-14:00'],
    ]) {
      const e = entry(name!);
      expect(e.status).toBe('published');
      expect(e.date).toBeUndefined();
      expect(e.issues).toContainEqual({
        severity: 'error',
        line: 3,
        field: 'date',
        message: `date: "${written}" ${OUTSIDE}`,
      });
    }
  });

  test('within: published with its date, in the archive month it was written in', () => {
    expect(entry('edge-date-year-1.md')).toMatchObject({
      status: 'published',
      date: '0001-03-01T00:00:00+08:06',
    });
    expect(entry('edge-date-9999.md')).toMatchObject({
      status: 'published',
      date: '9999-12-31T23:59:59+14:00',
    });
    const archive = [...result.data.routes.keys()].filter((r) => r.startsWith('archive/')).sort();
    expect(archive).toEqual(
      expect.arrayContaining(['archive/1/', 'archive/1/03/', 'archive/9999/', 'archive/9999/12/']),
    );
    // every archive page is a year 1–9999 and a month 01–12 that a post was dated in
    for (const r of archive) expect(r).toMatch(/^archive\/(?:[1-9]\d{0,3}\/(?:(?:0[1-9]|1[0-2])\/)?)?$/);
    expect(archive).not.toContain('archive/1/02/');
  });

  test('by default, as Hugo and Jekyll, a date in the future is left out, with its reason', () => {
    const { report } = runPipeline(optionsFor(path.join(fixtures, 'hostile')), {
      now: Date.parse('2026-01-01T00:00:00Z'),
    });
    expect(report.files.find((f) => f.path === 'posts/edge-date-9999.md')).toMatchObject({
      status: 'excluded',
      reason: 'dated in the future (9999-12-31T23:59:59+14:00) and the future option is off',
    });
  });

  test('every date in every feed is one a feed reader parses', () => {
    const dates: string[] = [];
    for (const [name, text] of emitFeeds(result.posts, result.data.facets, {
      site: result.data.manifest.site,
      base: '/',
    })) {
      if (name.endsWith('.json')) {
        for (const item of (
          JSON.parse(text) as { items: { date_published?: string; date_modified?: string }[] }
        ).items)
          for (const d of [item.date_published, item.date_modified]) if (d) expect(d, name).toMatch(RFC_3339);
        continue;
      }
      for (const m of text.matchAll(/<(pubDate|lastBuildDate)>([^<]*)</g)) {
        expect(m[2], name).toMatch(RFC_822);
        dates.push(m[2]!);
      }
      for (const m of text.matchAll(/<(updated|published)>([^<]*)</g)) expect(m[2], name).toMatch(RFC_3339);
    }
    expect(dates).toContain('Fri, 31 Dec 9999 09:59:59 GMT');
    expect(dates).toContain('Wed, 28 Feb 0001 15:54:00 GMT');
  });
});
