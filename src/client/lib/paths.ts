// Every href of the app, relative to the router's basename; segments URL-encoded.
import type { FacetKind } from '../../shared/contract.ts';
import { postRoute, routes, routeUrl } from '../../shared/paths.ts';
import type { Facet } from './tag-sets.ts';
import { rangeParams, type DateRange } from './date-range.ts';

const href = (route: string) => routeUrl('/', route);

export const paths = {
  home: () => '/',
  homePage: (n: number) => href(routes.homePage(n)),
  /** A list's n-th page, the list given by its route path (`routes.facet(…)`, `routes.archive(…)`). */
  listPage: (route: string, n: number) => href(routes.listPage(route, n)),
  /** The tag filter: its tags, AND or OR, the months it is narrowed to (date-range.ts). */
  filter: (tags: string[], mode: 'and' | 'or', range: DateRange = {}) => {
    if (tags.length === 0) return '/';
    const params = new URLSearchParams();
    rangeParams(range, params);
    const months = params.toString();
    return `/?tags=${tags.map(encodeURIComponent).join(',')}&mode=${mode}${months ? `&${months}` : ''}`;
  },
  post: (post: { slug: string; route?: string }) => href(postRoute(post)),
  page: (slug: string) => href(routes.page(slug)),
  tags: () => href(routes.tags()),
  facet: (kind: FacetKind, name: string) => href(routes.facet(kind, name)),
  tag: (name: string) => href(routes.facet('tag', name)),
  archive: (year?: number, month?: number) => href(routes.archive(year, month)),
  /**
   * The search page: the query, the tags, categories and authors it is narrowed by (tag-sets.ts reads
   * them back), the order (relevance unless `date`), the months it is narrowed to (date-range.ts).
   */
  search: (
    q: string,
    facets: readonly Facet[] = [],
    sort: 'relevance' | 'date' = 'relevance',
    range: DateRange = {},
  ) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    const tags = facets.filter((f) => f.kind === 'tag').map((f) => f.name);
    if (tags.length > 0) params.set('tags', tags.join(','));
    for (const f of facets) if (f.kind !== 'tag') params.append(f.kind, f.name);
    if (sort === 'date') params.set('sort', 'date');
    rangeParams(range, params);
    const query = params.toString();
    return href(routes.search()) + (query ? `?${query}` : '');
  },
} as const;
