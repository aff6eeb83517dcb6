// The files static hosts and crawlers read: sitemap (an index past 50,000 addresses), robots.txt,
// _headers (Netlify, Cloudflare Pages) and .nojekyll (GitHub Pages).
import type { SiteInfo } from '../../shared/contract.ts';
import { absoluteUrl, ASSET_DIR, DATA_DIR, MEDIA_DIR } from '../../shared/paths.ts';
import { CSP_HEADER } from '../csp.ts';
import { escapeXml } from '../escape-html.ts';

const SITEMAP_LIMIT = 50_000;

function urlset(entries: { loc: string; lastmod?: string }[]): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${escapeXml(e.lastmod)}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** `lastmod` by route path: the updated date of posts, the newest post's for lists. */
export function emitHostFiles(
  routePaths: string[],
  lastmod: Map<string, string>,
  site: SiteInfo,
  base: string,
): Map<string, string> {
  const files = new Map<string, string>();
  if (site.siteUrl) {
    const entries = routePaths.map((r) => ({
      loc: absoluteUrl(site.siteUrl, base, r),
      lastmod: lastmod.get(r),
    }));
    if (entries.length <= SITEMAP_LIMIT) files.set('sitemap.xml', urlset(entries));
    else {
      const parts: string[] = [];
      for (let i = 0; i * SITEMAP_LIMIT < entries.length; i++) {
        const name = `sitemap-${i + 1}.xml`;
        files.set(name, urlset(entries.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT)));
        parts.push(`<sitemap><loc>${escapeXml(absoluteUrl(site.siteUrl, base, name))}</loc></sitemap>`);
      }
      files.set(
        'sitemap.xml',
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join('\n')}\n</sitemapindex>\n`,
      );
    }
    files.set(
      'robots.txt',
      `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site.siteUrl, base, 'sitemap.xml')}\n`,
    );
  }
  // Every page under the site's Content-Security-Policy. Hashed files never change: cache them for a
  // year. Entry pages and feeds keep the hosts' default (revalidate on every visit); both hosts merge
  // the rules that match a path, so the catch-all one sets nothing but the policy. Files posts
  // reference are sandboxed, and served as the type they are named by: opened, nothing in them runs.
  const immutable = '  Cache-Control: public, max-age=31536000, immutable\n';
  files.set(
    '_headers',
    [
      `${base}*\n  Content-Security-Policy: ${CSP_HEADER}\n`,
      ...[`${base}${ASSET_DIR}/*`, `${base}${DATA_DIR}/*`].map((p) => `${p}\n${immutable}`),
      `${base}${MEDIA_DIR}/*\n${immutable}  Content-Security-Policy: sandbox\n  X-Content-Type-Options: nosniff\n`,
    ].join('\n'),
  );
  files.set('.nojekyll', '');
  return files;
}
