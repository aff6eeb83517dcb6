// Post records → published posts in order. In: records of all posts. Out: the published ones newest
// first (ties by slug, undated last), each with its ordinal and a unique slug; clashes as issues.
import type { PostRecord } from './normalise-post.ts';
import type { ContentIssue } from './issues.ts';

export interface OrderedPost extends PostRecord {
  ordinal: number;
  slug: string;
}

function newestFirst(a: PostRecord, b: PostRecord): number {
  if (a.date && b.date) {
    if (a.date.ms !== b.date.ms) return b.date.ms - a.date.ms;
    const sub = b.date.sub.padEnd(9, '0').localeCompare(a.date.sub.padEnd(9, '0'));
    if (sub !== 0) return sub;
  } else if (a.date || b.date) {
    return a.date ? -1 : 1;
  }
  return a.slugBase < b.slugBase ? -1 : a.slugBase > b.slugBase ? 1 : a.path < b.path ? -1 : 1;
}

/** Gives each record a unique slug; the oldest keeps the bare slug, so adding a post moves no URL. */
function assignSlugs(oldestFirst: PostRecord[], issues: ContentIssue[]): Map<PostRecord, string> {
  const taken = new Set<string>();
  const owner = new Map<string, string>();
  const slugs = new Map<PostRecord, string>();
  for (const r of oldestFirst) {
    let slug = r.slugBase;
    for (let n = 2; taken.has(slug.toLowerCase()); n++) slug = `${r.slugBase}-${n}`;
    if (slug !== r.slugBase)
      issues.push({
        file: r.path,
        severity: 'warning',
        message: `slug "${r.slugBase}" is taken by ${owner.get(r.slugBase.toLowerCase())}; this post gets "${slug}"`,
      });
    taken.add(slug.toLowerCase());
    owner.set(slug.toLowerCase(), r.path);
    slugs.set(r, slug);
  }
  return slugs;
}

/**
 * `memo` (the dev server's) hands back last run's object for a record whose place and slug held, so
 * that what is worked out per post (emitData's list JSON) can be kept by identity.
 */
export function orderPosts(
  records: PostRecord[],
  issues: ContentIssue[],
  memo?: WeakMap<PostRecord, OrderedPost>,
): OrderedPost[] {
  const sorted = records.filter((r) => !r.excluded).sort(newestFirst);
  const dated = sorted.filter((r) => r.date);
  const undated = sorted.filter((r) => !r.date);
  // Dated posts claim slugs oldest first, then undated ones.
  const slugs = assignSlugs([...dated.reverse(), ...undated], issues);
  return sorted.map((r, ordinal) => {
    const slug = slugs.get(r)!;
    const last = memo?.get(r);
    if (last && last.ordinal === ordinal && last.slug === slug) return last;
    const post = { ...r, slug, ordinal };
    memo?.set(r, post);
    return post;
  });
}
