// A tag's, category's or author's page: its posts, and the tags that appear with it most.
import { Link } from 'react-router-dom';
import type { RouteData } from '../../../../shared/contract.ts';
import { paths } from '../../../lib/paths.ts';
import { PostList } from '../../../components/post-list.tsx';
import { facetKindLabel, manifest, t } from '../../../lib/site.ts';
import { NewerPosts } from '../../../components/pager.tsx';
import { routes } from '../../../../shared/paths.ts';
import { coTags } from '../../../lib/tag-sets.ts';

export function FacetView({ data }: { data: Extract<RouteData, { kind: 'facet' }> }) {
  const together = data.facet === 'tag' ? coTags(data.list.posts, [data.name], 10) : [];
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
      <p className="post-meta">{t.postsCount(data.list.total)}</p>
      {together.length > 0 && (
        <nav aria-label={t.coTags} className="co-tags">
          <span>{t.coTags}</span>
          <ul className="chips">
            {together.map((c) => (
              <li key={c.name} className="chip">
                <Link to={paths.filter([data.name, c.name], 'and')}>+ {c.name}</Link>
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
