// A page the site does not have: say so, and offer a way on: a search box and the newest posts (404.html
// carries them; a missing page found in the app, or answered by a host's fallback page, fetches them:
// the list directory's first file and its first shard, both small), then home.
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import type { PostSummary } from '../../shared/contract.ts';
import { NOT_FOUND_NEWEST } from '../../shared/paths.ts';
import { MAX_QUERY } from '../../shared/search-limits.ts';
import { paths } from '../lib/paths.ts';
import { fetchSummaries } from '../lib/queries.ts';
import { manifest, t } from '../lib/site.ts';
import { PostCard } from './post-card.tsx';

export function NotFound({ newest }: { newest?: PostSummary[] }) {
  const navigate = useNavigate();
  const count = Math.min(NOT_FOUND_NEWEST, manifest.posts);
  const fetched = useQuery({
    queryKey: ['content', 'newest', count],
    queryFn: ({ client }) =>
      fetchSummaries(
        client,
        Array.from({ length: count }, (_, i) => i),
      ),
    enabled: newest === undefined && count > 0,
  });
  const posts = newest ?? fetched.data;
  return (
    <section className="not-found">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <form
        role="search"
        className="not-found-search"
        action={paths.search('')}
        onSubmit={(e) => {
          e.preventDefault();
          const q = new FormData(e.currentTarget).get('q');
          void navigate(paths.search(typeof q === 'string' ? q.trim() : ''));
        }}
      >
        <label htmlFor="not-found-q">{t.notFoundSearch}</label>
        <input
          id="not-found-q"
          type="search"
          name="q"
          maxLength={MAX_QUERY}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit">{t.search}</button>
      </form>
      {posts && posts.length > 0 && (
        <>
          <h2>{t.newestPosts}</h2>
          <section className="post-list" aria-label={t.newestPosts}>
            <ol>
              {posts.map((p) => (
                <li key={p.slug}>
                  <PostCard post={p} />
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
      <p>
        <Link to={paths.home()}>{t.backHome}</Link>
      </p>
    </section>
  );
}
