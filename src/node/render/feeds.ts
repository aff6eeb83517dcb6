// Posts → feeds. In: ordered posts, every facet's ordinals, site settings. Out: RSS 2.0, Atom and JSON
// Feed of the newest 50 posts (full content up to the feedItemBytes option, then a link to the article;
// or, with feedContent `summary`, the summary and the link), and an
// RSS feed of the newest 20 of every tag, category and author (excerpts: full content for every tag
// would cost a Markdown render per post per tag).
// A title and an excerpt are text; RSS and Atom read those fields as HTML, so there they are escaped
// (a title `<script>…` stays its text in a feed reader); JSON Feed's title and summary are plain text.
import { Feed, type Item } from 'feed';
import type { FacetKind, SiteInfo } from '../../shared/contract.ts';
import { isGif } from '../../shared/images.ts';
import { escapeHtml, xmlChars } from '../escape-html.ts';
import { bodyOf } from '../read/load-body.ts';
import { absoluteUrl, feedFile, HOME_FEEDS, postRoute, routes } from '../../shared/paths.ts';
import type { OrderedPost } from '../collect/order-posts.ts';
import { feedHtml, feedImageUrl } from './html.ts';
import { listFeed, listItem } from './list-feed.ts';
import { messagesFor } from '../../shared/messages/titles.ts';

const HOME_ITEMS = 50;
export const LIST_ITEMS = 20;

interface FeedContext {
  site: SiteInfo;
  base: string;
  /** What the site's feed carries of a post: its article (within `itemBytes`) or its summary. */
  content?: 'full' | 'summary';
  itemBytes?: number;
}

/** An item's HTML content for the site's feeds (feedHtml; or the summary and the link). */
function itemContent(ctx: FeedContext, p: OrderedPost, link: string): string {
  const more = messagesFor(ctx.site.lang).continueReading;
  if (ctx.content === 'summary')
    return `${p.excerpt ? `<p>${escapeHtml(p.excerpt)}</p>\n` : ''}<p><a href="${escapeHtml(link)}">${escapeHtml(more)}</a></p>`;
  return feedHtml(bodyOf(p), link, more, ctx.site.lang, ctx.itemBytes);
}

function newFeed(
  ctx: FeedContext,
  route: string,
  title: string,
  updated: Date,
  links: Record<string, string>,
): Feed {
  const url = absoluteUrl(ctx.site.siteUrl, ctx.base, route);
  return new Feed({
    id: url,
    link: url,
    title,
    description: ctx.site.description,
    language: ctx.site.lang,
    updated,
    generator: 'Folio',
    copyright: '',
    feedLinks: links,
  });
}

function item(ctx: FeedContext, p: OrderedPost, full: boolean): Item {
  const link = absoluteUrl(ctx.site.siteUrl, ctx.base, postRoute(p));
  const image = p.cover ? feedImageUrl(p.cover.src, link) : undefined;
  return {
    title: p.title,
    id: link,
    link,
    date: new Date(p.updated?.ms ?? p.date!.ms),
    published: new Date(p.date!.ms),
    description: p.excerpt,
    content: full ? itemContent(ctx, p, link) : undefined,
    author: p.authors.length > 0 ? p.authors.map((name) => ({ name })) : undefined,
    category: [...p.categories, ...p.tags].map((name) => ({ name })),
    image: image ? { url: image, type: isGif(image) ? 'image/gif' : 'image/webp', length: 0 } : undefined,
  };
}

/** An item whose title and description are read as HTML (RSS, Atom). */
function asHtml(it: Item): Item {
  return { ...it, title: escapeHtml(it.title), description: it.description && escapeHtml(it.description) };
}

const KIND_LABEL: Record<FacetKind, string> = { tag: '#', category: '', author: '@' };

/**
 * Atom's `<category label="…">` with its `<` escaped: the `feed` package escapes `&` and `"` in an
 * attribute, not `<`, which XML forbids there (a tag named `<b>粗体</b>` made atom.xml no XML). A
 * label holds no `"` (that is `&quot;`), and nothing else of the feed is such a tag: content is in
 * CDATA, sanitised, with its own `<` escaped.
 */
const atomLabels = (xml: string) =>
  xml.replace(
    /<category label="([^"]*)"/g,
    (_, label: string) => `<category label="${label.replaceAll('<', '&lt;')}"`,
  );

/** Every feed file, made one at a time as it is written (3,000 tag feeds are 70 MB of strings). */
export function* emitFeeds(
  posts: OrderedPost[],
  facets: { kind: FacetKind; name: string; ordinals: number[] }[],
  ctx: FeedContext,
): Generator<[string, string]> {
  const dated = posts.filter((p) => p.date);
  const newest = dated[0] ? new Date(dated[0].updated?.ms ?? dated[0].date!.ms) : new Date(0);
  const abs = (file: string) => absoluteUrl(ctx.site.siteUrl, ctx.base, file);
  const home = newFeed(ctx, routes.home(), ctx.site.title, newest, {
    rss: abs(HOME_FEEDS.rss),
    atom: abs(HOME_FEEDS.atom),
    json: abs(HOME_FEEDS.json),
  });
  const homeJson = newFeed(ctx, routes.home(), ctx.site.title, newest, {
    rss: abs(HOME_FEEDS.rss),
    atom: abs(HOME_FEEDS.atom),
    json: abs(HOME_FEEDS.json),
  });
  for (const p of dated.slice(0, HOME_ITEMS)) {
    const it = item(ctx, p, true);
    home.addItem(asHtml(it));
    homeJson.addItem(it);
  }
  yield [HOME_FEEDS.rss, xmlChars(home.rss2())];
  yield [HOME_FEEDS.atom, atomLabels(xmlChars(home.atom1()))];
  yield [HOME_FEEDS.json, homeJson.json1()];

  // A post sits in several lists (each of its tags, categories and authors): its item is made once.
  const items = new Map<OrderedPost, string>();
  const excerptItem = (p: OrderedPost) => {
    let it = items.get(p);
    if (it === undefined) {
      const { title, link, published, description, author, category, image } = asHtml(item(ctx, p, false));
      items.set(
        p,
        (it = listItem({
          title,
          link: link,
          date: published!,
          description: description ?? '',
          authors: (author ?? []).map((a) => a.name!),
          categories: (category ?? []).map((c) => c.name!),
          image: image && typeof image !== 'string' ? { url: image.url, type: image.type! } : undefined,
        })),
      );
    }
    return it;
  };
  for (const f of facets) {
    const list = f.ordinals
      .map((o) => posts[o]!)
      .filter((p) => p.date)
      .slice(0, LIST_ITEMS);
    const route = routes.facet(f.kind, f.name);
    const feed = listFeed(
      {
        title: `${KIND_LABEL[f.kind]}${f.name} · ${ctx.site.title}`,
        link: abs(route),
        description: ctx.site.description,
        updated: list[0] ? new Date(list[0].date!.ms) : newest,
        language: ctx.site.lang,
        self: abs(feedFile(route)),
      },
      list.map(excerptItem),
    );
    yield [feedFile(route), feed];
  }
}
