// Route data → an entry page. In: the app shell (index.html as Vite built it), a route's data.
// Out: the shell with that page's title, description and lang, and its data inline as JSON.
import type { EntryData, RouteData } from '../shared/contract.ts';
import { ENTRY_DATA_ID } from '../shared/paths.ts';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** JSON that is safe inside a `<script>` element: no `</script>`, no `<!--`, no line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function pageTitle(route: RouteData): string | undefined {
  switch (route.kind) {
    case 'post':
      return route.post.title;
    case 'page':
      return route.page.title;
    case 'facet':
      return route.name;
    case 'archive':
      return route.year === undefined
        ? undefined
        : route.month === undefined
          ? String(route.year)
          : `${route.year}-${String(route.month).padStart(2, '0')}`;
    default:
      return undefined;
  }
}

export function renderEntry(shell: string, entry: EntryData): string {
  const site = entry.manifest.site;
  const own = pageTitle(entry.route);
  const title = own ? `${own} · ${site.title}` : site.title;
  const description = entry.route.kind === 'post' ? entry.route.post.excerpt : site.description;
  const head = `<title>${escapeHtml(title)}</title>\n    <meta name="description" content="${escapeHtml(description)}" />`;
  const data = `<script type="application/json" id="${ENTRY_DATA_ID}">${scriptJson(entry)}</script>`;
  return shell
    .replace(/<html[^>]*>/, `<html lang="${escapeHtml(site.lang)}">`)
    .replace(/<title>[\s\S]*?<\/title>/, head)
    .replace('</body>', `  ${data}\n  </body>`);
}
