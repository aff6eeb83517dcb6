import { Link } from 'react-router-dom';
import type { PostSummary } from '../../../../shared/contract.ts';
import { routes } from '../../../../shared/paths.ts';

const toHref = (route: string) => '/' + route.split('/').map(encodeURIComponent).join('/');

export function PostList({ posts }: { posts: PostSummary[] }) {
  return (
    <ol className="post-list">
      {posts.map((p) => (
        <li key={p.slug}>
          <Link to={toHref(routes.post(p.slug))}>{p.title}</Link>
          <div className="meta">
            {p.date && <time dateTime={p.date}>{p.date.slice(0, 10)}</time>}
            {p.authors.length > 0 && <span> · {p.authors.join(', ')}</span>}
            {p.tags.map((t) => (
              <Link key={t} className="tag" to={toHref(routes.facet('tag', t))}>
                {t}
              </Link>
            ))}
          </div>
          <p>{p.excerpt}</p>
        </li>
      ))}
    </ol>
  );
}

export { toHref };
