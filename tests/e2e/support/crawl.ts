// A crawler that runs no script, as Baidu's, Sogou's or archive.org's do: it fetches a page, follows the
// links its HTML holds (those `follow` accepts, under the site's base), and notes every article linked.
import type { APIRequestContext } from '@playwright/test';

/**
 * Article paths (`posts/<slug>/`, decoded) linked from the pages reached from `start` (a route of the
 * site at `base`: its home page by default), and the pages fetched.
 */
export async function crawl(
  request: APIRequestContext,
  base: string,
  follow: (route: string) => boolean,
  limit = 1000,
  start = '',
): Promise<{ posts: Set<string>; fetched: number }> {
  const root = new URL(base);
  const posts = new Set<string>();
  const seen = new Set<string>([start]);
  const queue = [start];
  let fetched = 0;
  while (queue.length > 0 && fetched < limit) {
    const route = queue.shift()!;
    const res = await request.get(new URL(encodeURI(route), root).href);
    fetched++;
    if (!res.ok()) continue;
    for (const [, href] of (await res.text()).matchAll(/<a [^>]*href="([^"]+)"/g)) {
      const url = new URL(href!.replaceAll('&amp;', '&'), new URL(route, root));
      if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname) || url.search) continue;
      const next = decodeURIComponent(url.pathname.slice(root.pathname.length));
      if (/^posts\/[^/]+\/$/.test(next)) posts.add(next);
      else if (!seen.has(next) && follow(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return { posts, fetched };
}

/** Every article a site's sitemap names, as crawl() notes them. */
export async function sitemapPosts(request: APIRequestContext, base: string): Promise<Set<string>> {
  const xml = await (await request.get(new URL('sitemap.xml', base).href)).text();
  return new Set(
    [...xml.matchAll(/<loc>[^<]*?\/(posts\/[^/<]+\/)<\/loc>/g)].map((m) => decodeURIComponent(m[1]!)),
  );
}
