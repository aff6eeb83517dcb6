// Post records → published posts in order. In: records of all posts. Out: the published ones newest
// first (ties by slug, undated last), each with its ordinal and a unique slug; clashes as issues.
import type { PostRecord } from '../read/normalise-post.ts';
import type { ContentIssue } from '../issues.ts';
import { foldKey } from '../../shared/slug.ts';
import { PINNED_MAX } from '../../shared/paths.ts';

export interface OrderedPost extends PostRecord {
  ordinal: number;
  slug: string;
}

function newestFirst(a: PostRecord, b: PostRecord): number {
  // unlisted posts after every listed one: the lists are the ordinals below them (pipeline.ts)
  if (!a.unlisted !== !b.unlisted) return a.unlisted ? 1 : -1;
  if (a.date && b.date) {
    if (a.date.ms !== b.date.ms) return b.date.ms - a.date.ms;
    const sub = b.date.sub.padEnd(9, '0').localeCompare(a.date.sub.padEnd(9, '0'));
    if (sub !== 0) return sub;
  } else if (a.date || b.date) {
    return a.date ? -1 : 1;
  }
  return a.slugBase < b.slugBase ? -1 : a.slugBase > b.slugBase ? 1 : a.path < b.path ? -1 : 1;
}

/**
 * Gives each record a unique slug, in the order given (posts oldest first: adding a post moves no
 * URL). Two slugs are one when a disk that ignores case and Unicode form would take them for one
 * folder (foldKey); the later gets `-2`, `-3`…, with a warning naming the first.
 */
export function assignSlugs<R extends { slugBase: string; path: string }>(
  records: R[],
  issues: ContentIssue[],
  what = 'post',
): Map<R, string> {
  const owner = new Map<string, string>();
  const slugs = new Map<R, string>();
  for (const r of records) {
    let slug = r.slugBase;
    for (let n = 2; owner.has(foldKey(slug)); n++) slug = `${r.slugBase}-${n}`;
    if (slug !== r.slugBase)
      issues.push({
        file: r.path,
        severity: 'warning',
        message: `slug "${r.slugBase}" is taken by ${owner.get(foldKey(r.slugBase))}; this ${what} gets "${slug}"`,
      });
    owner.set(foldKey(slug), r.path);
    slugs.set(r, slug);
  }
  return slugs;
}

/** What the dev server keeps of the last order: the records it came from, sorted, their slugs and issues. */
export interface OrderMemo {
  posts: WeakMap<PostRecord, OrderedPost>;
  last?: {
    records: PostRecord[];
    sorted: PostRecord[];
    slugs: Map<PostRecord, string>;
    issues: ContentIssue[];
    /** What orderPosts returned. */
    ordered: OrderedPost[];
  };
}

export const orderMemo = (): OrderMemo => ({ posts: new WeakMap() });

/** Whether a record takes the same place and slug as the one it replaces. */
const samePlace = (a: PostRecord, b: PostRecord) =>
  a.path === b.path &&
  a.slugBase === b.slugBase &&
  a.excluded === b.excluded &&
  a.unlisted === b.unlisted &&
  a.date?.ms === b.date?.ms &&
  a.date?.sub === b.date?.sub;

/**
 * The last order with changed records in their old places, if every record is last run's or takes
 * its predecessor's place (a saved post whose date and slug held): no sort, no slugs worked out again.
 */
function lastOrder(records: PostRecord[], memo: OrderMemo): OrderedPost[] | undefined {
  const last = memo.last;
  if (!last || last.records.length !== records.length) return undefined;
  const swapped = new Map<PostRecord, PostRecord>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const was = last.records[i]!;
    if (r === was) continue;
    if (!samePlace(r, was)) return undefined;
    swapped.set(was, r);
  }
  const ordered = last.ordered.slice();
  const sorted = last.sorted.slice();
  const slugs = swapped.size === 0 ? last.slugs : new Map(last.slugs);
  for (const [was, r] of swapped) {
    const slug = slugs.get(was);
    slugs.delete(was);
    if (slug === undefined) continue; // excluded, as before
    slugs.set(r, slug);
    const ordinal = sorted.indexOf(was);
    sorted[ordinal] = r;
    const post = { ...r, slug, ordinal };
    ordered[ordinal] = post;
    memo.posts.set(r, post);
  }
  memo.last = { ...last, records, sorted, slugs, ordered };
  return ordered;
}

/**
 * `memo` (the dev server's) hands back last run's object for a record whose place and slug held, so
 * that what is worked out per post (emitData's list JSON) can be kept by identity.
 */
export function orderPosts(records: PostRecord[], issues: ContentIssue[], memo?: OrderMemo): OrderedPost[] {
  const kept = memo && lastOrder(records, memo);
  if (kept) {
    issues.push(...memo.last!.issues);
    return kept;
  }
  const sorted = records.filter((r) => !r.excluded).sort(newestFirst);
  const dated = sorted.filter((r) => r.date);
  const undated = sorted.filter((r) => !r.date);
  // Dated posts claim slugs oldest first, then undated ones.
  const slugIssues: ContentIssue[] = [];
  const slugs = assignSlugs([...dated.reverse(), ...undated], slugIssues);
  issues.push(...slugIssues);
  const ordered = sorted.map((r, ordinal) => {
    const slug = slugs.get(r)!;
    const last = memo?.posts.get(r);
    if (last && last.ordinal === ordinal && last.slug === slug) return last;
    const post = { ...r, slug, ordinal };
    memo?.posts.set(r, post);
    return post;
  });
  if (memo) memo.last = { records, sorted, slugs, issues: slugIssues, ordered };
  return ordered;
}

/** The pinned posts the home page leads with: most pinned first, then newest; at most PINNED_MAX. */
export function pinnedPosts(posts: OrderedPost[]): OrderedPost[] {
  const pinned: OrderedPost[] = [];
  for (const p of posts) if (p.pinned) pinned.push(p);
  return pinned.sort((a, b) => b.pinned! - a.pinned! || a.ordinal - b.ordinal).slice(0, PINNED_MAX);
}
