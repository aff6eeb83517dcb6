// A search result: the post's card with the passage that matches the query, marked, in the excerpt's
// place. The passage comes from the post's own entry page, which a card in view fetches anyway (the
// article is then ready to open); until it is there, and where the text holds no match, the excerpt.
// The passage is plain text (passageText): no Markdown mark reaches the reader.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { PostSummary } from '../../../../shared/contract.ts';
import { routes } from '../../../../shared/paths.ts';
import { findPassage, passageText } from '../../../../shared/search-terms.ts';
import { PostCard } from '../../../components/post-card.tsx';
import { routeDataQuery } from '../../../lib/queries.ts';

export function SearchCard({
  post,
  pieces,
  onIntent,
}: {
  post: PostSummary;
  pieces: string[];
  onIntent: (slug: string) => void;
}) {
  const route = useQuery({ ...routeDataQuery(routes.post(post.slug)), enabled: false });
  const body = route.data?.kind === 'post' ? route.data.post.body : undefined;
  // plain text, as the excerpt is: no `**`, `###` or link syntax (worked out once per body)
  const text = useMemo(() => (body === undefined ? post.excerpt : passageText(body)), [body, post.excerpt]);
  const parts = findPassage(text, pieces) ?? findPassage(`${post.title} ${post.excerpt}`, pieces);
  return (
    <PostCard
      post={post}
      onIntent={onIntent}
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
