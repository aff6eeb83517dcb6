// An old address's page (an alias): the new address as its canonical link and a meta refresh, no
// script, so that old links, bookmarks and search results land on the page as it now is.
import { absoluteUrl, routeUrl } from '../../shared/paths.ts';
import { escapeHtml } from '../escape-html.ts';
import { messagesFor } from '../../shared/messages/titles.ts';

export function redirectPage(
  to: string,
  title: string,
  site: { siteUrl: string; lang: string },
  base: string,
): string {
  const local = routeUrl(base, to);
  const canonical = site.siteUrl ? absoluteUrl(site.siteUrl, base, to) : local;
  const t = messagesFor(site.lang);
  return `<!doctype html>
<html lang="${escapeHtml(site.lang)}">
  <head>
    <meta charset="UTF-8" />
    <title>${escapeHtml(title)}</title>
    <link rel="canonical" href="${escapeHtml(canonical)}" />
    <meta name="robots" content="noindex" />
    <meta http-equiv="refresh" content="0; url=${escapeHtml(local)}" />
  </head>
  <body>
    <p>${escapeHtml(t.movedTo)}<a href="${escapeHtml(local)}">${escapeHtml(title)}</a></p>
  </body>
</html>
`;
}
