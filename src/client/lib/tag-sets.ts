// Multi-tag filtering on sorted ordinal lists (ascending = newest first): pure functions.
import type { CoTag, FacetKind, PostSummary } from '../../shared/contract.ts';
import { facetKey } from '../../shared/facets.ts';
import { CO_TAGS } from '../../shared/paths.ts';

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

/** A tag the filter could offer, and the most posts it could leave (AND) or how related it is (OR). */
export interface Candidate {
  name: string;
  score: number;
}

/**
 * The tags to count as suggestions for a filter, from its tags' tags found together (each tag's
 * CO_TAGS most frequent, counted over every post: CoTagsShard), best first, at most `limit`.
 * AND: a tag's score is the most posts it could leave, the least of its counts with each chosen tag
 * (not among a full list's: at most that list's last count; not in a list that is whole: none, and it
 * is left out). With one tag that is the number it leaves. OR: how often it is found with the chosen
 * tags, in all (a related tag, not merely a big one).
 */
export function candidateTags(
  chosen: readonly string[],
  together: readonly (readonly CoTag[])[],
  mode: Mode,
  limit: number,
): Candidate[] {
  const skip = new Set(chosen.map(facetKey));
  const found = new Map<string, { name: string; counts: (number | undefined)[] }>();
  together.forEach((list, i) => {
    for (const [name, count] of list) {
      const key = facetKey(name);
      if (skip.has(key)) continue;
      const entry = found.get(key) ?? found.set(key, { name, counts: [] }).get(key)!;
      entry.counts[i] = count;
    }
  });
  const score = (counts: (number | undefined)[]) =>
    mode === 'or'
      ? counts.reduce<number>((sum, c) => sum + (c ?? 0), 0)
      : Math.min(...together.map((list, i) => counts[i] ?? (list.length >= CO_TAGS ? list.at(-1)![1] : 0)));
  return [...found.values()]
    .map(({ name, counts }) => ({ name, score: score(counts) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** A suggestion: in AND mode the posts the filter would leave with it, in OR mode the posts it adds. */
export interface Suggestion {
  name: string;
  count: number;
}

/**
 * The suggestions for a filter's posts (`result`) from the candidates' own posts, counted over all of
 * them, at most `limit`. AND: by the posts each would leave, leaving out one that leaves none or all
 * (it would narrow nothing). OR: in the candidates' order, leaving out one that adds none.
 */
export function rankSuggestions(
  result: readonly number[],
  candidates: readonly { name: string; ordinals: readonly number[] }[],
  mode: Mode,
  limit: number,
): Suggestion[] {
  const counted = candidates.map(({ name, ordinals }) => ({
    name,
    count: countWith(result, ordinals, mode) - (mode === 'or' ? result.length : 0),
  }));
  const useful = counted.filter((c) => c.count > 0 && (mode === 'or' || c.count < result.length));
  if (mode === 'and') useful.sort((a, b) => b.count - a.count);
  return useful.slice(0, limit);
}

/**
 * Tags whose key holds `needle` (a facetKey), leaving out those in `skip`: the one named exactly first,
 * then those that begin with it, then the rest, each group most used first as `tags` is; at most
 * `limit`. `fold` is applied to both (script folding: 台灣 finds 台湾).
 */
export function matchTags(
  tags: readonly { name: string; count: number }[],
  needle: string,
  skip: ReadonlySet<string>,
  limit: number,
  fold: (text: string) => string = (text) => text,
): { name: string; count: number }[] {
  const groups: { name: string; count: number }[][] = [[], [], []];
  needle = fold(needle);
  for (const tag of tags) {
    const key = facetKey(tag.name);
    const folded = fold(key);
    const at = folded.indexOf(needle);
    if (at < 0 || skip.has(key)) continue;
    groups[folded === needle ? 0 : at === 0 ? 1 : 2]!.push(tag);
  }
  return groups.flat().slice(0, limit);
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
