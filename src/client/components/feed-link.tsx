// A list's RSS feed as a visible link (the site's in the footer, a tag's, category's or author's on its
// page), as the page's HTML has it: a file, not a route of the app.
import { feedFile, routeUrl } from '../../shared/paths.ts';
import { BASE } from '../lib/entry.ts';

export function FeedLink({ route, label }: { route: string; label: string }) {
  return (
    <a className="feed-link" href={routeUrl(BASE, feedFile(route))} aria-label={label}>
      RSS
    </a>
  );
}
