// `/archive/`, `/archive/<yyyy>/`, `/archive/<yyyy>/<mm>/`: counts per year and month (a year's months
// in a grid of twelve), the way to the year or month beside and up, and the posts.
import { Link } from 'react-router-dom';
import type { ArchivePeriod, RouteData } from '../../../../shared/contract.ts';
import { archiveMonths } from '../../../../shared/format.ts';
import { routes } from '../../../../shared/paths.ts';
import { NewerPosts } from '../../../components/pager.tsx';
import { paths } from '../../../lib/paths.ts';
import { PostList } from '../../../components/post-list.tsx';
import { manifest, t } from '../../../lib/site.ts';
import { archiveTitle } from '../../../../shared/messages/titles.ts';

/** A year's or a month's way to the one just newer, up (its year, or the archive), and just older. */
function Around({ data, year }: { data: Extract<RouteData, { kind: 'archive' }>; year: number }) {
  const to = (p: ArchivePeriod) => paths.archive(p.year, p.month);
  return (
    <nav className="archive-around" aria-label={t.archiveAround}>
      {data.newer && (
        <Link to={to(data.newer)} className="archive-newer">
          ‹ {archiveTitle(t, data.newer.year, data.newer.month)}
        </Link>
      )}
      <Link to={data.month === undefined ? paths.archive() : paths.archive(year)} className="archive-up">
        {archiveTitle(t, data.month === undefined ? undefined : year)}
      </Link>
      {data.older && (
        <Link to={to(data.older)} className="archive-older">
          {archiveTitle(t, data.older.year, data.older.month)} ›
        </Link>
      )}
    </nav>
  );
}

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
      {data.year !== undefined && <Around data={data} year={data.year} />}
      {years.length > 0 && (
        <nav aria-label={t.archive} className="archive-index">
          <ul>
            {years.map((y) => (
              <li key={y.year}>
                <p className="archive-year">
                  <Link to={paths.archive(y.year)}>{t.year(y.year)}</Link>{' '}
                  <span className="chip-count">{y.count}</span>
                </p>
                <ol className="archive-months">
                  {archiveMonths(y).map(([month, m]) =>
                    m ? (
                      <li key={month}>
                        <Link
                          to={paths.archive(y.year, month)}
                          aria-label={`${t.yearMonth(y.year, month)} ${t.postsCount(m.count)}`}
                        >
                          {t.month(month)} <span className="chip-count">{m.count}</span>
                        </Link>
                      </li>
                    ) : (
                      <li key={month} className="archive-empty" aria-hidden="true">
                        {t.month(month)}
                      </li>
                    ),
                  )}
                </ol>
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
