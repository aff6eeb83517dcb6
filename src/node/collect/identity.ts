// The site's identity (options.ts): its logo and icon copied into media/ under their hash, and what
// the manifest says of them, its menu, footer and article links. In: the resolved options. Out: the
// site's fields and the files to write.
import fs from 'node:fs';
import path from 'node:path';
import type { PostData, SiteInfo } from '../../shared/contract.ts';
import { absoluteUrl, mediaFile, postRoute, routeUrl } from '../../shared/paths.ts';
import { contentHash } from '../hash.ts';
import type { ResolvedOptions } from '../options.ts';
import { sanitiseSvg } from './sanitise-svg.ts';
import type { MediaFile } from './media.ts';

export interface Identity {
  site: Pick<SiteInfo, 'logo' | 'favicon' | 'menu' | 'footer' | 'footerLinks'>;
  /** Output path → the file. */
  files: Map<string, MediaFile>;
}

export function siteIdentity(options: ResolvedOptions): Identity {
  const files = new Map<string, MediaFile>();
  /** An image option as the pages name it: its https address, or its copy's path under the base. */
  const image = (value: string, name: string): string | undefined => {
    if (!value) return undefined;
    if (/^https:/i.test(value)) return value;
    const ext = path.extname(value).toLowerCase();
    let file: MediaFile = { copy: value };
    if (ext === '.svg') {
      const svg = sanitiseSvg(fs.readFileSync(value, 'utf8'));
      if (svg === undefined) throw new Error(`folio: ${value} holds no SVG drawing`);
      file = Buffer.from(svg);
    }
    const out = mediaFile(name, contentHash(file instanceof Uint8Array ? file : fs.readFileSync(value)), ext);
    files.set(out, file);
    return out;
  };
  const site: Identity['site'] = {};
  const logo = image(options.logo, 'site-logo');
  if (logo) site.logo = logo;
  const favicon = image(options.favicon, 'site-icon');
  if (favicon) site.favicon = favicon;
  if (options.menu.length > 0) site.menu = options.menu;
  if (options.footer) site.footer = options.footer;
  if (options.footerLinks.length > 0) site.footerLinks = options.footerLinks;
  return { site, files };
}

/** A template's address for a post: `{path}`, `{url}` and `{title}` filled in, each encoded. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(path|url|title)\}/g, (_, key: string) =>
    key === 'path'
      ? values.path!.split('/').map(encodeURIComponent).join('/')
      : encodeURIComponent(values[key]!),
  );
}

/** A post's "edit" and "report" addresses, where the site has the templates. */
export function postLinks(
  options: Pick<ResolvedOptions, 'editLink' | 'reportLink' | 'siteUrl'>,
  post: { path: string; slug: string; route?: string; title: string },
  base: string,
): Pick<PostData, 'editUrl' | 'reportUrl'> {
  if (!options.editLink && !options.reportLink) return {};
  const route = postRoute(post);
  const values = {
    path: post.path,
    url: options.siteUrl ? absoluteUrl(options.siteUrl, base, route) : routeUrl(base, route),
    title: post.title,
  };
  return {
    ...(options.editLink ? { editUrl: fill(options.editLink, values) } : {}),
    ...(options.reportLink ? { reportUrl: fill(options.reportLink, values) } : {}),
  };
}
