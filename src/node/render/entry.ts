// Route data → an entry page. In: the app shell (index.html as Vite built it), a route's data, where
// the site lives. Out: the shell with that page's title, description, lang, canonical link, link-preview
// tags and feed link, its data inline as JSON, and its first screen as HTML (first-screen.ts).
import type { EntryData, PostSummary, RouteData } from '../../shared/contract.ts';
import { weservOriginal, weservUrl } from '../../shared/images.ts';
import { absoluteUrl, ENTRY_DATA_ID, feedFile, routeUrl, siteAddress } from '../../shared/paths.ts';
import { CSP_META } from '../csp.ts';
import { escapeHtml, firstScreen } from './first-screen.ts';
import { structuredData } from './structured-data.ts';
import { messagesFor, routeTitle } from '../../shared/messages/titles.ts';

const SCRIPT_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON that is safe inside a `<script>` element: no `</script>`, no `<!--`, no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c]!);
}

/** A build's manifest as script JSON, made once: every entry page carries the same one. */
const manifestJson = new WeakMap<EntryData['manifest'], string>();

/** A post's summary as script JSON, made once: a post is on ~5 lists (home, its tags, the archive's). */
const summaryJson = new WeakMap<PostSummary, string>();

/** A route's script JSON, its list's posts' parts made once per post (the value of scriptJson(route)). */
function routeJson(route: RouteData): string {
  if (!('list' in route)) return scriptJson(route);
  const { list, ...rest } = route;
  const posts = list.posts.map((p) => {
    let json = summaryJson.get(p);
    if (json === undefined) summaryJson.set(p, (json = scriptJson(p)));
    return json;
  });
  const empty = `"list":{"total":${list.total},"posts":[]}`;
  return scriptJson({ ...rest, list: { total: list.total, posts: [] } }).replace(
    empty,
    () => `"list":{"total":${list.total},"posts":[${posts.join(',')}]}`,
  );
}

/** An entry's script JSON, its manifest's part made once per manifest (the value of scriptJson(entry)). */
function entryJson(entry: EntryData): string {
  let manifest = manifestJson.get(entry.manifest);
  if (manifest === undefined) manifestJson.set(entry.manifest, (manifest = scriptJson(entry.manifest)));
  return `{"path":${scriptJson(entry.path)},"manifest":${manifest},"route":${routeJson(entry.route)}}`;
}

// The four places of the shell an entry page fills, in document order.
const SLOTS: [RegExp, string][] = [
  [/<html[^>]*>/, '<html>'],
  [/<title>[\s\S]*?<\/title>/, '<title>'],
  [/<div id="root"><\/div>/, '<div id="root"></div>'],
  [/<\/body>/, '</body>'],
];
let lastShell: { shell: string; deferApp: boolean; parts: string[] } | undefined;

/** The shell's icon (index.html): none, so that no browser asks for /favicon.ico. */
const EMPTY_ICON = /<link rel="icon" href="data:," \/>/;

const APP_SCRIPT = /<script type="module" crossorigin src="([^"]+)"><\/script>/;

/** The shell cut around its slots once (a build fills it 10,000 times and more). */
function shellParts(shell: string, deferApp: boolean): string[] {
  if (lastShell?.shell === shell && lastShell.deferApp === deferApp) return lastShell.parts;
  const parts: string[] = [];
  // The app's script named for boot.js to start after the first paint, not fetched from the head;
  // the site's Content-Security-Policy first in the head, before anything it governs.
  let rest = deferApp
    ? shell
        .replace(APP_SCRIPT, '<meta name="folio-app" content="$1" />')
        .replace(
          /<meta charset="UTF-8" \/>/i,
          `$&\n    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP_META)}" />`,
        )
    : shell;
  for (const [slot, name] of SLOTS) {
    const m = slot.exec(rest);
    if (!m) throw new Error(`folio: the app shell (index.html) lacks ${name}`);
    parts.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  lastShell = { shell, deferApp, parts };
  return parts;
}

export interface EntryContext {
  /** Vite's base, starting and ending with `/`. */
  base: string;
  /** Whether feeds were written (they need `siteUrl`). */
  feeds: boolean;
  /**
   * Code chunks a kind of page needs at once (an article's view and Markdown renderer), as URLs:
   * preloaded with the app instead of after it.
   */
  preload?: Partial<Record<RouteData['kind'], string[]>>;
  /**
   * Whether the app is started by public/boot.js after the page's HTML is painted and the page carries
   * the site's Content-Security-Policy (built sites), or the shell is left as it is (the dev server,
   * whose pages run Vite's inline scripts).
   */
  deferApp?: boolean;
}

/** The list whose feed a page offers: its own for the home page and facets, else the home feed. */
function feedRoute(entry: EntryData): string {
  return entry.route.kind === 'facet' ? entry.path : '';
}

/** Characters of a page's description made from its list, at most. */
const DESCRIPTION_CHARS = 160;

/**
 * A description for a page where the site has none: a list's heading, its number of posts and its
 * newest titles (what a link preview or search result then shows), else the heading.
 */
function describe(route: RouteData, heading: string, t: ReturnType<typeof messagesFor>): string {
  if (!('list' in route) || !route.list) return heading;
  const titles = route.list.posts.slice(0, 3).map((p) => p.title);
  const text = t.describeList(heading, route.list.total, titles);
  if (text.length <= DESCRIPTION_CHARS) return text;
  return `${text.slice(0, DESCRIPTION_CHARS - 1).replace(/[\ud800-\udbff]$/, '')}…`;
}

export function renderEntry(
  shell: string,
  entry: EntryData,
  ctx: EntryContext = { base: '/', feeds: false },
): string {
  const site = entry.manifest.site;
  const t = messagesFor(site.lang);
  const own = routeTitle(entry.route, t);
  const title = own ? `${own} · ${site.title}` : site.title;
  const post = entry.route.kind === 'post' ? entry.route.post : undefined;
  const description = post?.excerpt || site.description || describe(entry.route, own ?? site.title, t);
  const local = routeUrl(ctx.base, entry.path);
  const url = site.siteUrl ? absoluteUrl(site.siteUrl, ctx.base, entry.path) : local;
  const cover = post?.cover && /^(?:https?:)?\/\//.test(post.cover.src) ? post.cover : undefined;
  const image = cover ? weservUrl(weservOriginal(cover.src) ?? cover.original ?? cover.src, 1200) : undefined;
  const meta: [string, string, string][] = [
    ['name', 'description', description],
    ['property', 'og:title', own ?? site.title],
    ['property', 'og:description', description],
    ['property', 'og:type', post ? 'article' : 'website'],
    ['property', 'og:site_name', site.title],
    ['property', 'og:locale', site.lang.replace('-', '_')],
    ['name', 'twitter:card', image ? 'summary_large_image' : 'summary'],
  ];
  if (site.siteUrl && entry.route.kind !== 'notFound') meta.push(['property', 'og:url', url]);
  if (image) meta.push(['property', 'og:image', image]);
  if (post?.date) meta.push(['property', 'article:published_time', post.date]);
  if (post?.updated) meta.push(['property', 'article:modified_time', post.updated]);
  for (const tag of post?.tags ?? []) meta.push(['property', 'article:tag', tag]);
  // an unlisted or removed post: reachable at its address, not to be indexed
  if (post?.unlisted) meta.push(['name', 'robots', 'noindex']);
  const links: string[] = [];
  if (entry.route.kind !== 'notFound') links.push(`<link rel="canonical" href="${escapeHtml(url)}" />`);
  if (ctx.feeds) {
    const feed = routeUrl(ctx.base, feedFile(feedRoute(entry)));
    links.push(
      `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(own ?? site.title)}" href="${escapeHtml(feed)}" />`,
    );
  }
  const chunks = ctx.preload?.[entry.route.kind] ?? [];
  if (ctx.deferApp && chunks.length > 0)
    links.push(`<meta name="folio-preload" content="${escapeHtml(chunks.join(' '))}" />`);
  else
    for (const chunk of chunks)
      links.push(`<link rel="modulepreload" crossorigin href="${escapeHtml(chunk)}" />`);
  const head = [
    `<title>${escapeHtml(title)}</title>`,
    ...meta.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escapeHtml(value)}" />`),
    ...links,
    ...structuredData(entry, ctx.base, image).map(
      (ld) => `<script type="application/ld+json">${scriptJson(ld)}</script>`,
    ),
  ].join('\n    ');
  // An article's body is in the page as HTML (first-screen.ts), where the app reads it: not again here.
  const inline: EntryData =
    entry.route.kind === 'post'
      ? { ...entry, route: { ...entry.route, post: { ...entry.route.post, body: '' } } }
      : entry;
  const data = `<script type="application/json" id="${ENTRY_DATA_ID}">${entryJson(inline)}</script>`;
  // The first screen as HTML: seen before the app starts, and by readers and crawlers without JavaScript.
  const body = `<div id="root">${firstScreen(entry, ctx.base)}</div>`;
  const [start, top, middle, end, tail] = shellParts(shell, ctx.deferApp ?? false);
  // the site's icon in place of the shell's empty one
  const icon = site.favicon
    ? top!.replace(
        EMPTY_ICON,
        `<link rel="icon" href="${escapeHtml(siteAddress(site.favicon, ctx.base))}" />`,
      )
    : top;
  return `${start}<html lang="${escapeHtml(site.lang)}">${icon}${head}${middle}${body}${end}  ${data}\n  </body>${tail}`;
}
