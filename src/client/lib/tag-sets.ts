// Multi-tag filtering on sorted ordinal lists (ascending = newest first): pure functions.
import type { FacetKind, PostSummary } from '../../shared/contract.ts';
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

/** A tag, category or author a list is narrowed by. */
export interface Facet {
  kind: FacetKind;
  name: string;
}

const KINDS: readonly FacetKind[] = ['tag', 'category', 'author'];

/**
 * The tags, categories and authors the given posts carry, most frequent first, at most `limits[kind]`
 * of each kind, leaving out those named; tags first, then categories, then authors.
 */
export function coFacets(
  posts: readonly PostSummary[],
  exclude: readonly Facet[],
  limits: Partial<Record<FacetKind, number>>,
): (Facet & { count: number })[] {
  const of = { tag: 'tags', category: 'categories', author: 'authors' } as const;
  return KINDS.flatMap((kind) => {
    const limit = limits[kind] ?? 0;
    if (limit === 0) return [];
    const skip = new Set(exclude.filter((f) => f.kind === kind).map((f) => facetKey(f.name)));
    const counts = new Map<string, Facet & { count: number }>();
    for (const p of posts)
      for (const name of p[of[kind]]) {
        const key = facetKey(name);
        if (skip.has(key)) continue;
        const c = counts.get(key) ?? counts.set(key, { kind, name, count: 0 }).get(key)!;
        c.count++;
      }
    return [...counts.values()]
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, limit);
  });
}

/** Tags carried by the given posts, most frequent first, leaving out those named. */
export function coTags(
  posts: readonly PostSummary[],
  exclude: readonly string[],
  limit: number,
): { name: string; count: number }[] {
  return coFacets(
    posts,
    exclude.map((name) => ({ kind: 'tag', name })),
    { tag: limit },
  ).map(({ name, count }) => ({ name, count }));
}

/** One of each name (by facetKey), in the order given. */
const distinct = (names: string[]) => [
  ...new Map(
    names
      .map((s) => s.trim())
      .filter(Boolean)
      .map((n) => [facetKey(n), n]),
  ).values(),
];

/**
 * Reads the search page's narrowing: `tags=A,B` (as the tag filter writes them: no tag holds a comma),
 * `category=C` and `author=D`, each repeated for more (their names may hold commas).
 */
export function parseFacets(search: URLSearchParams): Facet[] {
  return [
    ...parseFilter(search).tags.map((name) => ({ kind: 'tag' as const, name })),
    ...distinct(search.getAll('category')).map((name) => ({ kind: 'category' as const, name })),
    ...distinct(search.getAll('author')).map((name) => ({ kind: 'author' as const, name })),
  ];
}

/** Reads `?tags=A,B&mode=and|or`. */
export function parseFilter(search: URLSearchParams): { tags: string[]; mode: Mode } {
  return {
    tags: distinct((search.get('tags') ?? '').split(',')),
    mode: search.get('mode') === 'or' ? 'or' : 'and',
  };
}
