// Ordered posts → the same posts, each tag, category and author named as the archive first wrote it,
// and the hidden tags (the operator's stop-list) taken off.
// Names that differ only in case, width or script (台灣, 台湾, 臺灣; GDP, gdp) are one facet: its key
// is facetKey's, folded to Simplified script (script-fold.ts). A post that wrote another form than the
// oldest post's carries the oldest's (once, where it wrote two forms), so its card, its article, the
// feeds and the search show one name and link to one page. In: posts newest first, the tags to hide.
// Out: the posts, the same objects where nothing changed (a changed one is the same copy from run to
// run, for the dev server's memos), and how many posts carried each hidden tag.
import { facetKey } from '../../shared/facets.ts';
import { foldScript } from '../../shared/script-fold.ts';
import type { OrderedPost } from './order-posts.ts';

const KINDS = ['tags', 'categories', 'authors'] as const;

/** A name's facet, across scripts. */
export const facetGroup = (name: string) => foldScript(facetKey(name));

const copies = new WeakMap<OrderedPost, { names: string; copy: OrderedPost }>();

export interface Renamed {
  posts: OrderedPost[];
  /** Each hidden tag, as listed, with the number of posts that carried it. */
  hidden: { tag: string; posts: number }[];
}

export function canonicalNames(posts: OrderedPost[], hiddenTags: string[] = []): Renamed {
  const group = new Map<string, string>();
  const groupOf = (name: string) => {
    let g = group.get(name);
    if (g === undefined) group.set(name, (g = facetGroup(name)));
    return g;
  };
  const hidden = new Map(hiddenTags.map((tag) => [groupOf(tag), { tag, posts: 0 }]));
  // newest first: the last form seen is the oldest post's
  const canonical = KINDS.map(() => new Map<string, string>());
  for (const p of posts) KINDS.forEach((kind, k) => p[kind].forEach((n) => canonical[k]!.set(groupOf(n), n)));
  const out = posts.map((p) => {
    let changed = false;
    const renamed = KINDS.map((kind, k) => {
      const names = p[kind];
      const hides = k === 0 && hidden.size > 0 && names.some((n) => hidden.has(groupOf(n)));
      if (!hides && names.every((n) => canonical[k]!.get(groupOf(n)) === n)) return names;
      changed = true;
      const kept = new Set<string>();
      for (const n of names) {
        const hide = k === 0 ? hidden.get(groupOf(n)) : undefined;
        if (!hide) kept.add(canonical[k]!.get(groupOf(n))!);
      }
      if (hides) for (const g of new Set(names.map(groupOf))) if (hidden.has(g)) hidden.get(g)!.posts++;
      return [...kept];
    });
    if (!changed) return p;
    const names = JSON.stringify(renamed);
    const last = copies.get(p);
    if (last?.names === names) return last.copy;
    const copy: OrderedPost = { ...p, tags: renamed[0]!, categories: renamed[1]!, authors: renamed[2]! };
    copies.set(p, { names, copy });
    return copy;
  });
  return { posts: out, hidden: [...hidden.values()] };
}
