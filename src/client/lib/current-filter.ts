// The tag filter the reader is building (its tags, AND or OR, its months), for this tab: a `+` on a
// tag anywhere (the cloud, a tag's page, a card) adds to it instead of starting a new one. The filter
// view sets it; it lasts while the tab does (sessionStorage: a new tab starts afresh) and ends when
// the reader takes off its last tag or clears it.
import { useSyncExternalStore } from 'react';
import { facetKey } from '../../shared/facets.ts';
import { parseRange, type DateRange } from './date-range.ts';
import { paths } from './paths.ts';
import type { Mode } from './tag-sets.ts';

export interface CurrentFilter {
  tags: string[];
  mode: Mode;
  range: DateRange;
}

const KEY = 'folio:filter';
const listeners = new Set<() => void>();

/** What the tab kept, if it is a filter (the storage is the reader's, but read as any input is). */
function stored(): CurrentFilter | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { tags, mode, from, to } = value as Record<string, unknown>;
    if (!Array.isArray(tags) || tags.length === 0 || !tags.every((x) => typeof x === 'string')) return null;
    const months = new URLSearchParams();
    if (typeof from === 'string') months.set('from', from);
    if (typeof to === 'string') months.set('to', to);
    return { tags: tags as string[], mode: mode === 'or' ? 'or' : 'and', range: parseRange(months) };
  } catch {
    return null; // no storage (a private window's), or not JSON
  }
}

let current: CurrentFilter | null = typeof sessionStorage === 'undefined' ? null : stored();

const same = (a: CurrentFilter | null, b: CurrentFilter | null) => JSON.stringify(a) === JSON.stringify(b);

/** Makes `filter` the current one (null: none). */
export function setCurrentFilter(filter: CurrentFilter | null): void {
  if (same(filter, current)) return;
  current = filter && filter.tags.length > 0 ? filter : null;
  try {
    if (current) {
      const { tags, mode, range } = current;
      sessionStorage.setItem(KEY, JSON.stringify({ tags, mode, ...range }));
    } else sessionStorage.removeItem(KEY);
  } catch {
    // kept for this page only
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The current filter; null while there is none (and in a page's HTML built ahead of time). */
export const useCurrentFilter = () =>
  useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );

/** Whether the filter holds the tag. */
export const holds = (filter: CurrentFilter | null, name: string) =>
  filter?.tags.some((x) => facetKey(x) === facetKey(name)) ?? false;

/** The address of the current filter with these tags added: a new filter of them when there is none. */
export function adding(filter: CurrentFilter | null, names: string[]): string {
  const tags = [...(filter?.tags ?? [])];
  for (const name of names) if (!tags.some((x) => facetKey(x) === facetKey(name))) tags.push(name);
  return paths.filter(tags, filter?.mode ?? 'and', filter?.range);
}
