// Which addresses a post may link to and load images from (docs/readers.md).
const SAFE_LINK = /^(?:https?:|mailto:)/i;
const RASTER_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif);/i;

/** A link or image address from a post, or '' when it must not be used. */
export function safeUrl(url: string, key: string, tagName?: string): string {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed.replace(/[\p{Cc}\s]/gu, ''));
  if (!scheme) return trimmed; // relative
  if (SAFE_LINK.test(trimmed)) return trimmed;
  if (key === 'src' && tagName === 'img' && RASTER_DATA.test(trimmed)) return trimmed;
  return '';
}

/** Whether a link leaves the site (`origin`: the site's own, when known): it opens without a referrer. */
export function isExternal(href: string, origin?: string): boolean {
  return /^https?:/i.test(href) && !(origin && href.startsWith(origin));
}
