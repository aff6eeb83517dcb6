// The site's address (`siteUrl`) as a production build needs it. Empty, the build writes no feeds and
// no sitemap, and its canonical links are relative; on the builder's own machine (localhost, a private
// name), every absolute address it writes points there. Either way the site goes out wrong without a
// word: the build says so at the top of its summary (with `strict`, it fails), and the report names
// what depends on the address.
import type { Severity } from '../issues.ts';

export interface SiteUrlCheck {
  siteUrl: string;
  severity: Severity;
  problem: string;
  /** What the build writes that takes its address from `siteUrl` (or leaves out without it). */
  dependsOnIt: string[];
}

const LOCAL_HOST =
  /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])$|\.(?:localhost|local|test|internal|lan)$/i;

const ABSOLUTE = [
  'the canonical link of every page',
  'og:url and og:image of every page (link previews)',
  'the url, image and isBasedOn of every page’s JSON-LD',
  'every link of feed.xml, atom.xml, feed.json and each tag’s, category’s and author’s feed',
  'every entry of sitemap.xml, and robots.txt’s Sitemap line',
];

const MISSING = [
  'feed.xml, atom.xml, feed.json and each tag’s, category’s and author’s feed: not written',
  'sitemap.xml and robots.txt’s Sitemap line: not written',
  'canonical links, og:url and JSON-LD urls: relative, not absolute',
];

/** The problem with `siteUrl` for a site that goes out to readers, if there is one. */
export function checkSiteUrl(siteUrl: string, strict: boolean): SiteUrlCheck | undefined {
  const severity: Severity = strict ? 'error' : 'warning';
  if (!siteUrl)
    return {
      siteUrl,
      severity,
      problem:
        'siteUrl is not set: no feeds and no sitemap are written, and links are not absolute (set siteUrl in the config file, or --site-url, to where the site is served)',
      dependsOnIt: MISSING,
    };
  const host = new URL(siteUrl).hostname;
  if (!LOCAL_HOST.test(host)) return undefined;
  return {
    siteUrl,
    severity,
    problem: `siteUrl is ${siteUrl}, an address on this machine: every canonical link, link preview, feed and sitemap entry points there (set siteUrl in the config file, or --site-url, to where the site is served)`,
    dependsOnIt: ABSOLUTE,
  };
}
