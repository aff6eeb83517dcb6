import { Link } from 'react-router-dom';
import { paths } from '../lib/paths.ts';
import { t } from '../lib/site.ts';

export function NotFound() {
  return (
    <section className="not-found">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <Link to={paths.home()}>{t.backHome}</Link>
      </p>
    </section>
  );
}
