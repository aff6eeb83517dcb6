// Multi-tag filtering on sorted ordinal lists (ascending = newest first): pure functions.
import type { PostSummary } from '../../shared/contract.ts';
import { facetKey } from '../../shared/facets.ts';

export type Mode = 'and' | 'or';

export function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

export function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** The posts matching every list (AND) or any (OR); no lists → none. */
export function combine(lists: readonly (readonly number[])[], mode: Mode): number[] {
  if (lists.length === 0) return [];
  const sorted = mode === 'and' ? [...lists].sort((x, y) => x.length - y.length) : lists;
  return sorted
    .slice(1)
    .reduce<number[]>((acc, l) => (mode === 'and' ? intersect(acc, l) : union(acc, l)), [...sorted[0]!]);
}

/** How many posts the filter would show with one more tag. */
export function countWith(result: readonly number[], candidate: readonly number[], mode: Mode): number {
  if (mode === 'and') return intersect(result, candidate).length;
  return result.length + candidate.length - intersect(result, candidate).length;
}

/** Tags carried by the given posts, most frequent first, leaving out those named. */
export function coTags(
  posts: readonly PostSummary[],
  exclude: readonly string[],
  limit: number,
): { name: string; count: number }[] {
  const skip = new Set(exclude.map(facetKey));
  const counts = new Map<string, { name: string; count: number }>();
  for (const p of posts)
    for (const tag of p.tags) {
      const key = facetKey(tag);
      if (skip.has(key)) continue;
      const c = counts.get(key) ?? counts.set(key, { name: tag, count: 0 }).get(key)!;
      c.count++;
    }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** Reads `?tags=A,B&mode=and|or`. */
export function parseFilter(search: URLSearchParams): { tags: string[]; mode: Mode } {
  const tags = (search.get('tags') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    tags: [...new Map(tags.map((tag) => [facetKey(tag), tag])).values()],
    mode: search.get('mode') === 'or' ? 'or' : 'and',
  };
}
