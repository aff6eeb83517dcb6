// A search result: the post's card with the passage that matches the query, marked, in the excerpt's
// place. The passage comes from the post's own entry page, which a card in view fetches anyway (the
// article is then ready to open); until it is there, and where the text holds no match, the excerpt.
// The passage is plain text: the article's HTML's text (the page holds it so), its blocks apart. The
// result opens its article at those words, marked.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PostSummary } from '../../../../shared/contract.ts';
import { postRoute } from '../../../../shared/paths.ts';
import { findPassage, passageTarget } from '../../../../shared/search-terms.ts';
import { PostCard } from '../../../components/post-card.tsx';
import { routeDataQuery } from '../../../lib/queries.ts';

/** Blocks whose text ends where the next begins: a passage never runs two paragraphs' words together. */
const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,th,td,pre,blockquote,figcaption,dt,dd';

/** Marks that are not the article's words: a note's number, the way back from a note, its heading. */
const MARKS = 'sup:has(> a[data-footnote-ref]), a[data-footnote-backref], .footnotes > h2';

/** The text of an article's HTML (parsed inert: nothing in it loads or runs). */
export function articleText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  for (const mark of body.querySelectorAll(MARKS)) mark.remove();
  for (const block of body.querySelectorAll(BLOCKS)) block.append(' ');
  return (body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function SearchCard({
  post,
  pieces,
  onIntent,
}: {
  post: PostSummary;
  pieces: string[];
  onIntent: (post: PostSummary) => void;
}) {
  const route = useQuery({ ...routeDataQuery(postRoute(post)), enabled: false });
  const html = route.data?.kind === 'post' ? route.data.post.html : undefined;
  // plain text, as the excerpt is (worked out once per article)
  const text = useMemo(() => (html === undefined ? post.excerpt : articleText(html)), [html, post.excerpt]);
  const parts = findPassage(text, pieces) ?? findPassage(`${post.title} ${post.excerpt}`, pieces);
  const find = parts && passageTarget(parts);
  return (
    <PostCard
      post={post}
      onIntent={onIntent}
      state={find ? { find } : undefined}
      passage={
        parts && (
          <p className="post-card-excerpt search-passage">
            {parts.map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : p.text))}
          </p>
        )
      }
    />
  );
}
