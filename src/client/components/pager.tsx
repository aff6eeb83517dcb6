// A list opened at one of its pages after the first (`page/2/`…): the way back to the newer posts; the
// older ones come as the reader scrolls.
import { Link } from 'react-router-dom';
import { t } from '../lib/site.ts';

export function NewerPosts({ page, pages, to }: { page: number; pages?: number; to: string }) {
  if (page <= 1) return null;
  return (
    <nav className="pager" aria-label={t.pagination}>
      <Link to={to} rel="prev">
        {t.newerPosts}
      </Link>
      <span>{t.pageOf(page, pages ?? page)}</span>
    </nav>
  );
}
