// Posts in order → the ones that repeat another: the same title and the same text (a mirror that saved
// an article twice). Each later copy gets a warning naming the first; the copies know one another
// (`duplicates`), so none is offered as another's related post. Both stay published: which one an
// operator keeps is theirs to decide.
import type { ContentIssue } from '../issues.ts';
import type { OrderedPost } from './order-posts.ts';

/**
 * `posts` with `duplicates` set on each post that has twins (and removed from any that no longer
 * has), and a warning for each later copy. Twins share a title (whitespace folded, as read), a body
 * length and a body hash (FNV-1a, read-post.ts): bodies need not be kept to be compared.
 */
export function findDuplicates(posts: OrderedPost[]): { posts: OrderedPost[]; issues: ContentIssue[] } {
  const groups = new Map<string, OrderedPost[]>();
  for (const p of posts) {
    const key = `${p.bodyChars}\0${p.bodyHash}\0${p.title}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const issues: ContentIssue[] = [];
  const twins = new Map<number, number[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // the oldest is the first (posts are newest first: the highest ordinal)
    const [first, ...copies] = [...group].sort((a, b) => b.ordinal - a.ordinal);
    for (const copy of copies)
      issues.push({
        file: copy.path,
        severity: 'warning',
        message: `same title and text as ${first!.path}: a duplicate? (both are published; neither is the other's related post)`,
      });
    for (const p of group)
      twins.set(
        p.ordinal,
        group.filter((q) => q !== p).map((q) => q.ordinal),
      );
  }
  if (twins.size === 0 && !posts.some((p) => p.duplicates)) return { posts, issues };
  return {
    posts: posts.map((p) => {
      const duplicates = twins.get(p.ordinal);
      if (duplicates) return { ...p, duplicates };
      if (!p.duplicates) return p;
      const rest = { ...p };
      delete rest.duplicates;
      return rest;
    }),
    issues,
  };
}
