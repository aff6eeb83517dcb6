// Route data → schema.org JSON-LD for an entry page's head: an article is a BlogPosting (headline,
// dates, authors, image, the original it mirrors as `isBasedOn`); a list page, the path to it from
// home as a BreadcrumbList. Search engines read these; nothing runs them (the site's CSP allows no
// inline script, and a `<script type="application/ld+json">` is data). Each value is a post's field:
// the JSON is escaped like the page's inline data, so no field can end the element.
import type { EntryData, FacetKind } from '../../shared/contract.ts';
import { authorLabel } from '../../shared/format.ts';
import { archiveTitle, messagesFor } from '../../shared/messages/titles.ts';
import { absoluteUrl, routes, routeUrl } from '../../shared/paths.ts';

/** Where the page's links point: absolute with the site's address, else from the host's root. */
type UrlOf = (route: string) => string;

const FACET_LIST: Record<Exclude<FacetKind, 'tag'>, 'category' | 'author'> = {
  category: 'category',
  author: 'author',
};

function breadcrumbs(items: [name: string, url: string][]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map(([name, item], i) => ({ '@type': 'ListItem', position: i + 1, name, item })),
  };
}

/** The JSON-LD objects of an entry page (none for pages that are neither an article nor a list). */
export function structuredData(entry: EntryData, base: string, image: string | undefined): object[] {
  const site = entry.manifest.site;
  const t = messagesFor(site.lang);
  const url: UrlOf = (route) =>
    site.siteUrl ? absoluteUrl(site.siteUrl, base, route) : routeUrl(base, route);
  const home: [string, string] = [t.home, url(routes.home())];
  const route = entry.route;
  switch (route.kind) {
    case 'post': {
      const p = route.post;
      const article: Record<string, unknown> = {
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        headline: p.title,
        url: url(entry.path),
        mainEntityOfPage: url(entry.path),
        inLanguage: p.lang ?? site.lang,
        publisher: { '@type': 'Organization', name: site.title },
      };
      if (p.excerpt) article.description = p.excerpt;
      if (p.date) article.datePublished = p.date;
      if (p.updated ?? p.date) article.dateModified = p.updated ?? p.date;
      if (p.authors.length > 0)
        article.author = p.authors.map((a) =>
          /^https?:\/\//i.test(a)
            ? { '@type': 'Person', name: authorLabel(a), url: a }
            : { '@type': 'Person', name: a },
        );
      if (image) article.image = image;
      if (p.tags.length > 0) article.keywords = p.tags.join(', ');
      if (p.sourceUrl) article.isBasedOn = p.sourceUrl;
      if (p.wordCount) article.wordCount = p.wordCount;
      return [article];
    }
    case 'facet':
      return [
        breadcrumbs([
          home,
          ...(route.facet === 'tag' ? [[t.tagCloud, url(routes.tags())] as [string, string]] : []),
          [
            route.facet === 'tag' ? route.name : `${t[FACET_LIST[route.facet]]}${t.colon}${route.name}`,
            url(entry.path),
          ],
        ]),
      ];
    case 'archive': {
      const trail: [string, string][] = [home, [t.archive, url(routes.archive())]];
      if (route.year !== undefined)
        trail.push([archiveTitle(t, route.year), url(routes.archive(route.year))]);
      if (route.month !== undefined)
        trail.push([archiveTitle(t, route.year, route.month), url(routes.archive(route.year, route.month))]);
      return [breadcrumbs(trail)];
    }
    case 'tags':
      return [breadcrumbs([home, [t.tagCloud, url(routes.tags())]])];
    default:
      return [];
  }
}
