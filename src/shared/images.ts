// Image addresses: the images.weserv.nl proxy, and the hosts that refuse hot-linking by Referer.
const WESERV = /^(?:https?:)?\/\/(?:images\.weserv\.nl|wsrv\.nl)\//i;
const HOTLINK_PROTECTED = /(?:^|\.)(?:qpic\.cn|qlogo\.cn|zhimg\.com|sinaimg\.cn|weixin\.qq\.com)$/i;

const URL_PARAM = /[?&]url=([^&#]*)/;

/** The original address behind an images.weserv.nl (or wsrv.nl) proxy URL. */
export function weservOriginal(src: string): string | undefined {
  if (!WESERV.test(src)) return undefined;
  // The `url` parameter as URLSearchParams reads it (`+` is a space), without a URL parse per image.
  const m = URL_PARAM.exec(src);
  if (!m?.[1]) return undefined;
  let inner: string;
  try {
    inner = decodeURIComponent(m[1].replaceAll('+', ' '));
  } catch {
    // a stray `%`: kept as written, the escapes around it decoded
    inner = m[1].replaceAll('+', ' ').replace(/(?:%[0-9a-f]{2})+/gi, (seq) => {
      try {
        return decodeURIComponent(seq);
      } catch {
        return seq;
      }
    });
  }
  if (!inner) return undefined;
  if (/^https?:\/\//i.test(inner)) return inner;
  return inner.startsWith('//') ? `https:${inner}` : `https://${inner}`;
}

export function isGif(src: string): boolean {
  return /\.gif(?:$|[?#])|wx_fmt(?:=|%3D)gif|mmbiz_gif/i.test(src);
}

/** A weserv address for an original at a given width: WebP, or GIF kept animated (`n=-1`). */
export function weservUrl(original: string, width: number): string {
  const format = isGif(original) ? 'n=-1' : 'output=webp';
  return `https://images.weserv.nl/?url=${encodeURIComponent(original)}&w=${width}&${format}`;
}

/** Whether an image host refuses requests that carry a foreign Referer. */
export function isHotlinkProtected(src: string): boolean {
  try {
    return HOTLINK_PROTECTED.test(new URL(src).hostname);
  } catch {
    return false;
  }
}
