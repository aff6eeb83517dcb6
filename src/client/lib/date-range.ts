// A date range that narrows a list (search results; `from` and `to` in the URL, as `YYYY-MM`): the
// posts of the months from one to the other, both included. Posts are numbered newest first, so the
// posts of a run of months are a run of ordinals, read off the archive's index (its months' first
// ordinals and counts); an undated post is in no range.
import type { ArchiveIndex } from '../../shared/contract.ts';

export interface DateRange {
  /** The first month, `YYYY-MM`. */
  from?: string;
  /** The last month, `YYYY-MM`. */
  to?: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The range a URL's `from` and `to` give (anything else in them is ignored). */
export function parseRange(params: URLSearchParams): DateRange {
  const range: DateRange = {};
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && MONTH.test(value)) range[key] = value;
  }
  // the other way round is the same range
  if (range.from && range.to && range.from > range.to) [range.from, range.to] = [range.to, range.from];
  return range;
}

export const hasRange = (r: DateRange) => r.from !== undefined || r.to !== undefined;

/** `from` and `to` for a URL, in that order. */
export function rangeParams(r: DateRange, params: URLSearchParams): void {
  if (r.from) params.set('from', r.from);
  if (r.to) params.set('to', r.to);
}

/** A month as the range names it. */
export const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** The ordinals `[start, end)` of the range's posts. */
export function rangeOrdinals(archive: ArchiveIndex, r: DateRange): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const y of archive.years)
    for (const m of y.months) {
      const key = monthKey(y.year, m.month);
      if ((r.from && key < r.from) || (r.to && key > r.to)) continue;
      start = Math.min(start, m.start);
      end = Math.max(end, m.start + m.count);
    }
  return end < start ? { start: 0, end: 0 } : { start, end };
}

/** The ordinals (ascending or not) within `[start, end)`. */
export const within = (ordinals: number[], { start, end }: { start: number; end: number }) =>
  ordinals.filter((o) => o >= start && o < end);
