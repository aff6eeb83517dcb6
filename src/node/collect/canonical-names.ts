// Ordered posts → the same posts, each tag, category and author named as the archive first wrote it.
// Names that differ only in case, width or script (台灣, 台湾, 臺灣; GDP, gdp) are one facet: its key
// is facetKey's, folded to Simplified script (script-fold.ts). A post that wrote another form than the
// oldest post's carries the oldest's (once, where it wrote two forms), so its card, its article, the
// feeds and the search show one name and link to one page. In: posts newest first. Out: the posts,
// the same objects where nothing changed (a changed one is the same copy from run to run, for the dev
// server's memos).
import { facetKey } from '../../shared/facets.ts';
import { foldScript } from '../../shared/script-fold.ts';
import type { OrderedPost } from './order-posts.ts';

const KINDS = ['tags', 'categories', 'authors'] as const;

/** A name's facet, across scripts. */
export const facetGroup = (name: string) => foldScript(facetKey(name));

const copies = new WeakMap<OrderedPost, { names: string; copy: OrderedPost }>();

export function canonicalNames(posts: OrderedPost[]): OrderedPost[] {
  const group = new Map<string, string>();
  const groupOf = (name: string) => {
    let g = group.get(name);
    if (g === undefined) group.set(name, (g = facetGroup(name)));
    return g;
  };
  // newest first: the last form seen is the oldest post's
  const canonical = KINDS.map(() => new Map<string, string>());
  for (const p of posts) KINDS.forEach((kind, k) => p[kind].forEach((n) => canonical[k]!.set(groupOf(n), n)));
  return posts.map((p) => {
    let changed = false;
    const renamed = KINDS.map((kind, k) => {
      const names = p[kind];
      if (names.every((n) => canonical[k]!.get(groupOf(n)) === n)) return names;
      changed = true;
      return [...new Set(names.map((n) => canonical[k]!.get(groupOf(n))!))];
    });
    if (!changed) return p;
    const names = JSON.stringify(renamed);
    const last = copies.get(p);
    if (last?.names === names) return last.copy;
    const copy: OrderedPost = { ...p, tags: renamed[0]!, categories: renamed[1]!, authors: renamed[2]! };
    copies.set(p, { names, copy });
    return copy;
  });
}
