// Every URL: its route's data (inline on first load, else its entry page, primed by the loader).
import { Suspense, use, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useSearchParams } from 'react-router-dom';
import { NotFound } from '../components/not-found.tsx';
import { NewerPosts } from '../components/pager.tsx';
import { PinnedPosts } from '../components/pinned-posts.tsx';
import { PostList } from '../components/post-list.tsx';
import { ErrorNotice, Skeleton } from '../components/status.tsx';
import { ArchiveView } from '../features/posts/components/archive-view.tsx';
import { SearchPage } from '../features/search/search-page.tsx';
import { FacetView } from '../features/tags/components/facet-view.tsx';
import { TagCloudView } from '../features/tags/components/tag-cloud-view.tsx';
import { setFilterView } from '../lib/filter-intent.ts';
import { parseFilter, type Mode } from '../lib/tag-sets.ts';
import { routeOfPathname } from '../lib/entry.ts';
import { routeDataQuery } from '../lib/queries.ts';
import { manifest, t } from '../lib/site.ts';
import { paths } from '../lib/paths.ts';
import { routeTitle } from '../../shared/messages/titles.ts';
import type { PageData, PostData, RouteData } from '../../shared/contract.ts';
import { preloadable } from '../lib/preloadable.ts';

// The article's and the page's views, their own chunks: read with use() once loaded (preloadable.ts), so
// the app's first render of the page it started on, once they are here, does not suspend (a suspended
// first render showed a placeholder where the page's own article had been, for ~300 ms).
export const loadArticleView = preloadable(() => import('../features/reader/components/article-view.tsx'));
const loadPageView = preloadable(() => import('../features/reader/components/page-view.tsx'));
// The tag filter's view: not on a first visit's path (the initial JS budget); fetched as the reader
// heads for a filter (FilterLink) or when the page starts on one (viewReady).
const loadFilterView = preloadable(() => import('../features/tags/components/tag-filter-view.tsx'));
setFilterView(loadFilterView);

function ArticleView({ post }: { post: PostData }) {
  const { default: View } = use(loadArticleView());
  return <View post={post} />;
}

function TagFilterView(props: { tags: string[]; mode: Mode }) {
  const { TagFilterView: View } = use(loadFilterView());
  return <View {...props} />;
}

function PageView({ page }: { page: PageData }) {
  const { default: View } = use(loadPageView());
  return <View page={page} />;
}

/** Loads the view the start route needs before the app renders it (main.tsx); settles either way. */
export function viewReady(data: RouteData | undefined): Promise<unknown> {
  const load =
    data?.kind === 'post'
      ? loadArticleView
      : data?.kind === 'page'
        ? loadPageView
        : data?.kind === 'home' && parseFilter(new URLSearchParams(location.search)).tags.length > 0
          ? loadFilterView
          : undefined;
  return load ? load().catch(() => undefined) : Promise.resolve();
}

export function RouteView() {
  const { pathname } = useLocation();
  const [search] = useSearchParams();
  const route = routeOfPathname(pathname);
  const query = useQuery(routeDataQuery(route));
  const filter = parseFilter(search);
  const title = query.data && routeTitle(query.data, t, filter.tags);
  useEffect(() => {
    if (!query.isPending) document.title = title ? `${title} · ${manifest.site.title}` : manifest.site.title;
  }, [title, query.isPending]);

  if (query.data?.kind === 'notFound') return <NotFound newest={query.data.newest} />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton />;
  const data = query.data;
  switch (data.kind) {
    case 'home': {
      if (filter.tags.length > 0)
        return (
          <Suspense fallback={<Skeleton />}>
            <TagFilterView tags={filter.tags} mode={filter.mode} />
          </Suspense>
        );
      // a page of the list (`page/2/`…): its posts, then the rest as the reader scrolls; newer ones a
      // link away
      const page = data.page ?? 1;
      const start = (page - 1) * manifest.pageSize;
      return (
        <>
          <h1 className="visually-hidden">
            {title ? `${manifest.site.title} · ${title}` : manifest.site.title}
          </h1>
          <NewerPosts page={page} pages={data.pages} to={paths.homePage(page - 1)} />
          {page === 1 && data.pinned && <PinnedPosts posts={data.pinned} />}
          <PostList
            key={page}
            source={{ kind: 'range', start, count: data.list.total - start }}
            total={data.list.total - start}
            first={data.list.posts}
          />
        </>
      );
    }
    case 'post':
      return (
        <Suspense fallback={<Skeleton />}>
          <ArticleView key={data.post.slug} post={data.post} />
        </Suspense>
      );
    case 'page':
      return (
        <Suspense fallback={<Skeleton />}>
          <PageView page={data.page} />
        </Suspense>
      );
    case 'facet':
      return <FacetView key={route} data={data} />;
    case 'archive':
      return <ArchiveView key={route} data={data} />;
    case 'tags':
      return <TagCloudView top={data.top} />;
    case 'search':
      return (
        <Suspense fallback={<Skeleton />}>
          <SearchPage />
        </Suspense>
      );
  }
}
