// `/archive/`, `/archive/<yyyy>/`, `/archive/<yyyy>/<mm>/`: counts per year and month, and the posts.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import type { ArchiveIndex, RouteData } from '../../../../shared/contract.ts';
import { paths } from '../../../lib/paths.ts';
import { PostList } from '../../../components/post-list.tsx';
import { dataFileQuery } from '../../../lib/queries.ts';
import { manifest, t } from '../../../lib/site.ts';
import { archiveTitle } from '../../../../shared/messages/titles.ts';

export function ArchiveView({ data }: { data: Extract<RouteData, { kind: 'archive' }> }) {
  const index = useQuery(dataFileQuery<ArchiveIndex>(manifest.files.archive));
  const title = archiveTitle(t, data.year, data.month);
  const years = (index.data?.years ?? []).filter((y) => data.year === undefined || y.year === data.year);
  return (
    <section>
      <h1>{title}</h1>
      <p className="post-meta">{t.postsCount(data.list.total)}</p>
      {data.month === undefined && (
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
      <PostList
        source={{ kind: 'range', start: data.start, count: data.list.total }}
        total={data.list.total}
        first={data.list.posts}
      />
    </section>
  );
}
