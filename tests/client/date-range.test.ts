// A date range that narrows search results (issue 27, point 7): read from the URL, written back in
// the same order, and turned into the run of ordinals its months hold (posts are numbered newest first).
import { describe, expect, test } from 'vitest';
import type { ArchiveIndex } from '../../src/shared/contract.ts';
import { hasRange, parseRange, rangeOrdinals, within } from '../../src/client/lib/date-range.ts';
import { paths } from '../../src/client/lib/paths.ts';

// 2024-03 (ordinals 0–2), 2024-01 (3–4), 2023-12 (5), 2023-06 (6–9); then two undated (10–11)
const archive: ArchiveIndex = {
  years: [
    {
      year: 2024,
      count: 5,
      start: 0,
      months: [
        { month: 3, count: 3, start: 0 },
        { month: 1, count: 2, start: 3 },
      ],
    },
    {
      year: 2023,
      count: 5,
      start: 5,
      months: [
        { month: 12, count: 1, start: 5 },
        { month: 6, count: 4, start: 6 },
      ],
    },
  ],
  undated: 2,
};

describe('a date range', () => {
  test.for([
    ['from=2023-12&to=2024-01', { from: '2023-12', to: '2024-01' }],
    ['to=2024-01&from=2023-12', { from: '2023-12', to: '2024-01' }],
    ['from=2024-01&to=2023-12', { from: '2023-12', to: '2024-01' }],
    ['from=2024-13&to=24-01', {}],
    ['from=2024-1', {}],
    ['from=<script>', {}],
    ['to=2023-06', { to: '2023-06' }],
  ] as const)('?%s reads as %o', ([query, range]) => {
    expect(parseRange(new URLSearchParams(query))).toEqual(range);
  });

  test('its months’ posts are a run of ordinals; a month without posts adds none; undated posts are in none', () => {
    expect(rangeOrdinals(archive, { from: '2023-12', to: '2024-01' })).toEqual({ start: 3, end: 6 });
    expect(rangeOrdinals(archive, { from: '2024-01' })).toEqual({ start: 0, end: 5 });
    expect(rangeOrdinals(archive, { to: '2023-11' })).toEqual({ start: 6, end: 10 });
    expect(rangeOrdinals(archive, { from: '2023-07', to: '2023-11' })).toEqual({ start: 0, end: 0 });
    expect(within([11, 0, 4, 5, 9, 3], rangeOrdinals(archive, { from: '2023-12', to: '2024-01' }))).toEqual([
      4, 5, 3,
    ]);
    expect(hasRange({})).toBe(false);
  });

  test('the search page’s and the tag filter’s URLs keep it after the other parameters', () => {
    expect(
      paths.search('县城', [{ kind: 'tag', name: '体育' }], 'date', { from: '2024-07', to: '2024-12' }),
    ).toBe(
      `/search/?q=${encodeURIComponent('县城')}&tags=${encodeURIComponent('体育')}&sort=date&from=2024-07&to=2024-12`,
    );
    expect(paths.search('x')).toBe('/search/?q=x');
    expect(paths.filter(['a', 'b'], 'or', { to: '2023-06' })).toBe('/?tags=a,b&mode=or&to=2023-06');
    expect(paths.filter(['a'], 'and')).toBe('/?tags=a&mode=and');
  });
});
