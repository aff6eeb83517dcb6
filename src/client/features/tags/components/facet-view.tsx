// A tag's, category's or author's page: its posts; a tag's, the tags found with it most (over all its
// posts) and a way to add it to the filter being built (current-filter.ts).
import type { RouteData } from '../../../../shared/contract.ts';
import { paths } from '../../../lib/paths.ts';
import { PostList } from '../../../components/post-list.tsx';
import { facetKindLabel, manifest, t } from '../../../lib/site.ts';
import { NewerPosts } from '../../../components/pager.tsx';
import { routes } from '../../../../shared/paths.ts';
import { adding, holds, useCurrentFilter } from '../../../lib/current-filter.ts';
import { FilterLink } from '../../../components/filter-link.tsx';
import { FeedLink } from '../../../components/feed-link.tsx';

export function FacetView({ data }: { data: Extract<RouteData, { kind: 'facet' }> }) {
  const together = data.together ?? [];
  const filter = useCurrentFilter();
  // opened at a page after the first (`page/2/`…): its posts, then the rest as the reader scrolls
  const page = data.page ?? 1;
  const start = (page - 1) * manifest.pageSize;
  const postings = {
    ...data.postings,
    offset: data.postings.offset + start,
    count: data.postings.count - start,
  };
  return (
    <section>
      <p className="eyebrow">{facetKindLabel[data.facet]}</p>
      <h1>{data.name}</h1>
      <p className="post-meta">
        {t.postsCount(data.list.total)}
        {manifest.site.siteUrl && (
          <>
            {' · '}
            <FeedLink route={routes.facet(data.facet, data.name)} label={t.feedOf(data.name)} />
          </>
        )}
        {data.facet === 'tag' && !holds(filter, data.name) && (
          <>
            {' · '}
            <FilterLink
              className="add-filter"
              to={adding(filter, [data.name])}
              label={t.addToFilter(data.name)}
            >
              + {t.addThisTag}
            </FilterLink>
          </>
        )}
      </p>
      {together.length > 0 && (
        <nav aria-label={t.coTags} className="co-tags">
          <span>{t.coTags}</span>
          <ul className="chips">
            {together.map(([name]) => (
              <li key={name} className="chip">
                <FilterLink to={adding(filter, [data.name, name])}>+ {name}</FilterLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <NewerPosts
        page={page}
        pages={data.pages}
        to={paths.listPage(routes.facet(data.facet, data.name), page - 1)}
      />
      <PostList
        source={{ kind: 'postings', ref: postings }}
        total={data.list.total - start}
        first={data.list.posts}
      />
    </section>
  );
}
