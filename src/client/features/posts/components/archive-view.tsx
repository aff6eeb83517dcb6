// `/archive/`, `/archive/<yyyy>/`, `/archive/<yyyy>/<mm>/`: counts per year and month, and the posts.
import { Link } from 'react-router-dom';
import type { RouteData } from '../../../../shared/contract.ts';
import { routes } from '../../../../shared/paths.ts';
import { NewerPosts } from '../../../components/pager.tsx';
import { paths } from '../../../lib/paths.ts';
import { PostList } from '../../../components/post-list.tsx';
import { manifest, t } from '../../../lib/site.ts';
import { archiveTitle } from '../../../../shared/messages/titles.ts';

export function ArchiveView({ data }: { data: Extract<RouteData, { kind: 'archive' }> }) {
  const title = archiveTitle(t, data.year, data.month);
  // (the archive's page and a year's carry their years and months; a list's later pages, none)
  const page = data.page ?? 1;
  const years = page === 1 ? (data.years ?? []) : [];
  const from = (page - 1) * manifest.pageSize;
  return (
    <section>
      <h1>{title}</h1>
      <p className="post-meta">{t.postsCount(data.list.total)}</p>
      {years.length > 0 && (
        <nav aria-label={t.archive} className="archive-index">
          <ul>
            {years.map((y) => (
              <li key={y.year}>
                <Link to={paths.archive(y.year)}>{t.year(y.year)}</Link>{' '}
                <span className="chip-count">{y.count}</span>
                <ul className="chips">
                  {y.months.map((m) => (
                    <li key={m.month} className="chip">
                      <Link to={paths.archive(y.year, m.month)}>{t.yearMonth(y.year, m.month)}</Link>{' '}
                      <span className="chip-count">{m.count}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <NewerPosts
        page={page}
        pages={data.pages}
        to={paths.listPage(routes.archive(data.year, data.month), page - 1)}
      />
      <PostList
        source={{ kind: 'range', start: data.start + from, count: data.list.total - from }}
        total={data.list.total - from}
        first={data.list.posts}
      />
    </section>
  );
}
