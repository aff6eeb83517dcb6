// The posts an operator pinned, leading the home page's first page (as its HTML shows them:
// src/node/render/first-screen.ts).
import type { PostSummary } from '../../shared/contract.ts';
import { t } from '../lib/site.ts';
import { PostCard } from './post-card.tsx';

export function PinnedPosts({ posts }: { posts: PostSummary[] }) {
  return (
    <section className="pinned-posts" aria-labelledby="pinned-heading">
      <h2 className="eyebrow" id="pinned-heading">
        {t.pinned}
      </h2>
      <ol>
        {posts.map((p) => (
          <li key={p.ordinal}>
            <PostCard post={p} />
          </li>
        ))}
      </ol>
    </section>
  );
}
