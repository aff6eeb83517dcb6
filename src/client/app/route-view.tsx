import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router-dom';
import { routeDataQuery } from '../features/posts/api/get-route-data.ts';
import { HomeList } from '../features/posts/components/home-list.tsx';
import { PostList } from '../features/posts/components/post-list.tsx';
import { NotFoundError, routeOfPathname } from '../lib/entry.ts';

const Article = lazy(() => import('../features/reader/components/article.tsx'));

/** Every URL: find its route's data (inline on first load, else its entry page) and show it. */
export function RouteView() {
  const { pathname } = useLocation();
  const route = routeOfPathname(pathname);
  const { data, error, isPending, refetch } = useQuery(routeDataQuery(route));
  if (isPending) return <p aria-busy="true">…</p>;
  if (error instanceof NotFoundError || data?.kind === 'notFound')
    return (
      <section>
        <h1>404 · 找不到</h1>
        <Link to="/">首页 / Home</Link>
      </section>
    );
  if (error)
    return (
      <p role="alert">
        {error.message} <button onClick={() => void refetch()}>重试 / Retry</button>
      </p>
    );
  switch (data.kind) {
    case 'home':
      return <HomeList list={data.list} next={data.next} />;
    case 'post':
      return (
        <Suspense fallback={<p aria-busy="true">…</p>}>
          <Article post={data.post} />
        </Suspense>
      );
    case 'page':
      return (
        <Suspense fallback={<p aria-busy="true">…</p>}>
          <Article
            post={{
              ...data.page,
              ordinal: 0,
              authors: [],
              tags: [],
              categories: [],
              excerpt: '',
              readingMinutes: 1,
              wordCount: 0,
              imageCount: 0,
              headings: [],
            }}
          />
        </Suspense>
      );
    case 'facet':
    case 'archive':
      return (
        <section>
          <h1>{data.kind === 'facet' ? data.name : (data.year ?? '归档 / Archive')}</h1>
          <PostList posts={data.list.posts} />
          <p className="count">{data.list.total}</p>
        </section>
      );
    case 'tags':
      return <h1>标签 / Tags</h1>;
  }
}
