// Ordered posts → the same posts, each tag, category and author named as the archive first wrote it,
// the operator's synonyms renamed (`tagSynonyms`) and hidden tags (`hiddenTags`) taken off.
// Names that differ only in case, width or script (台灣, 台湾, 臺灣; GDP, gdp) are one facet: its key
// is facetKey's, folded to Simplified script (script-fold.ts). A post that wrote another form than the
// oldest post's carries the oldest's (once, where it wrote two forms), so its card, its article, the
// feeds and the search show one name and link to one page. In: posts newest first, the operator's
// tag rules. Out: the posts, the same objects where nothing changed (a changed one is the same copy
// from run to run, for the dev server's memos), and how many posts each rule touched.
import { facetKey } from '../../shared/facets.ts';
import { foldScript } from '../../shared/script-fold.ts';
import type { OrderedPost } from './order-posts.ts';

const KINDS = ['tags', 'categories', 'authors'] as const;

/** A name's facet, across scripts. */
const facetGroup = (name: string) => foldScript(facetKey(name));

const copies = new WeakMap<OrderedPost, { names: string; copy: OrderedPost }>();

export interface Renamed {
  posts: OrderedPost[];
  /** Each hidden tag, as listed, with the number of posts that carried it. */
  hidden: { tag: string; posts: number }[];
  /** Each synonym, as given, with the number of posts that wrote it. */
  synonyms: { from: string; to: string; posts: number }[];
}

/** The operator's word on tags: those to hide, and those to rename (`台灣 → 台湾`, `USA → 美国`). */
export interface TagRules {
  hidden?: string[];
  synonyms?: Record<string, string>;
}

export function canonicalNames(posts: OrderedPost[], rules: TagRules = {}): Renamed {
  const group = new Map<string, string>();
  const groupOf = (name: string) => {
    let g = group.get(name);
    if (g === undefined) group.set(name, (g = facetGroup(name)));
    return g;
  };
  const synonyms = new Map(
    Object.entries(rules.synonyms ?? {}).map(([from, to]) => [groupOf(from), { from, to, posts: 0 }]),
  );
  // a tag as the operator would have it: its synonym's name, else as written
  const tagName = (n: string) => synonyms.get(groupOf(n))?.to ?? n;
  const named = (k: number, names: string[]) => (k === 0 && synonyms.size > 0 ? names.map(tagName) : names);
  const hidden = new Map((rules.hidden ?? []).map((tag) => [groupOf(tag), { tag, posts: 0 }]));
  // newest first: the last form seen is the oldest post's; a synonym's name is the operator's
  const canonical = KINDS.map(() => new Map<string, string>());
  for (const p of posts)
    KINDS.forEach((kind, k) => named(k, p[kind]).forEach((n) => canonical[k]!.set(groupOf(n), n)));
  for (const { to } of synonyms.values()) canonical[0]!.set(groupOf(to), to);
  const out = posts.map((p) => {
    let changed = false;
    const renamed = KINDS.map((kind, k) => {
      const written = p[kind];
      const names = named(k, written);
      const hides = k === 0 && hidden.size > 0 && names.some((n) => hidden.has(groupOf(n)));
      if (!hides && names === written && names.every((n) => canonical[k]!.get(groupOf(n)) === n))
        return written;
      if (k === 0)
        for (const g of new Set(written.map(groupOf))) {
          const synonym = synonyms.get(g);
          if (synonym) synonym.posts++;
        }
      if (hides) for (const g of new Set(names.map(groupOf))) if (hidden.has(g)) hidden.get(g)!.posts++;
      const kept = new Set<string>();
      for (const n of names)
        if (!(k === 0 && hidden.has(groupOf(n)))) kept.add(canonical[k]!.get(groupOf(n))!);
      const list = [...kept];
      if (list.length !== written.length || list.some((n, i) => n !== written[i])) changed = true;
      return changed ? list : written;
    });
    if (!changed) return p;
    const names = JSON.stringify(renamed);
    const last = copies.get(p);
    if (last?.names === names) return last.copy;
    const copy: OrderedPost = { ...p, tags: renamed[0]!, categories: renamed[1]!, authors: renamed[2]! };
    copies.set(p, { names, copy });
    return copy;
  });
  return { posts: out, hidden: [...hidden.values()], synonyms: [...synonyms.values()] };
}
