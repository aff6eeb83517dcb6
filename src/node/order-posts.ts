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
function assignSlugs<T extends { slugBase: string; path: string }>(
  oldestFirst: T[],
  issues: ContentIssue[],
  taken = new Set<string>(),
): (T & { slug: string })[] {
  const owner = new Map<string, string>();
  return oldestFirst.map((r) => {
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
    return { ...r, slug };
  });
}

export function orderPosts(records: PostRecord[], issues: ContentIssue[]): OrderedPost[] {
  const sorted = records.filter((r) => !r.excluded).sort(newestFirst);
  const dated = sorted.filter((r) => r.date);
  const undated = sorted.filter((r) => !r.date);
  // Dated posts claim slugs oldest first, then undated ones.
  const withSlugs = assignSlugs([...dated.reverse(), ...undated], issues);
  const bySlugOrder = [...withSlugs.slice(0, dated.length).reverse(), ...withSlugs.slice(dated.length)];
  return bySlugOrder.map((p, ordinal) => ({ ...p, ordinal }));
}
