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

/**
 * weserv addresses for an original, by width: WebP, or GIF kept animated (`n=-1`). The original is
 * encoded once for every width (an article's image is offered at four).
 */
export function weservSized(original: string): (width: number) => string {
  const start = `https://images.weserv.nl/?url=${encodeURIComponent(original)}&w=`;
  const format = isGif(original) ? '&n=-1' : '&output=webp';
  return (width) => start + width + format;
}

/** A weserv address for an original at a given width (weservSized). */
export const weservUrl = (original: string, width: number): string => weservSized(original)(width);

/** Whether an image host refuses requests that carry a foreign Referer. */
export function isHotlinkProtected(src: string): boolean {
  try {
    return HOTLINK_PROTECTED.test(new URL(src).hostname);
  } catch {
    return false;
  }
}

const SVG_DATA = /^\s*data:image\/svg\+xml([^,]*),([\s\S]*)$/i;
const DRAWING = /<(?:path|circle|ellipse|line|polyline|polygon|text|image|use|rect)\b/i;
/** The root `<svg …>` tag's width or height, in any unit but a percentage. */
const svgSize = (tag: string, name: string) => {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*([\\d.]+)(?!\\s*%)`, 'i').exec(tag);
  return m ? Number(m[1]) : undefined;
};

/**
 * Whether an image is a lazy-load placeholder that draws nothing: WeChat's `data:image/svg+xml` of a
 * 1 px transparent rectangle (its real address, when the page kept one, is in `data-src`), or any
 * `data:` SVG with nothing to draw. A mirror that saved the placeholder lost the image: it shows as
 * nothing, not as an empty box.
 */
export function isSvgPlaceholder(src: string): boolean {
  const m = SVG_DATA.exec(src);
  if (!m) return false;
  let svg = m[2]!;
  if (svg.length > 8192) return false;
  try {
    svg = /;base64/i.test(m[1]!) ? atob(svg) : decodeURIComponent(svg);
  } catch {
    // kept as written
  }
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const w = svgSize(root, 'width');
  const h = svgSize(root, 'height');
  return (w !== undefined && w <= 1 && h !== undefined && h <= 1) || !DRAWING.test(svg);
}

/** Ratios (width / height) an image box takes: the tallest strip and the widest banner a page holds. */
const RATIO_MIN = 1 / 20;
const RATIO_MAX = 20;

/** A number of pixels as markup writes it (`640`, `"640px"`); NaN for anything else (`100%`). */
const pixels = (v: unknown) =>
  typeof v === 'number' || (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(v))
    ? Number.parseFloat(String(v))
    : NaN;

/** What an image's markup tells of its shape: width / height, and its width in pixels. */
export interface ImageShape {
  ratio?: number;
  width?: number;
}

/**
 * An image's shape where its markup tells it: `width` and `height` in pixels (raw HTML), else WeChat's
 * `data-ratio` (height / width) and `data-w` (its width); nothing where nothing does, or it makes no
 * sense.
 */
export function knownShape(attrs: {
  width?: unknown;
  height?: unknown;
  dataRatio?: unknown;
  dataW?: unknown;
}): ImageShape {
  const w = pixels(attrs.width);
  const h = pixels(attrs.height);
  let ratio = w > 0 && h > 0 ? w / h : NaN;
  if (!(ratio > 0)) {
    const r = pixels(attrs.dataRatio);
    ratio = r > 0 ? 1 / r : NaN;
  }
  const width = w > 0 ? w : pixels(attrs.dataW);
  const shape: ImageShape = {};
  if (ratio >= RATIO_MIN && ratio <= RATIO_MAX) shape.ratio = ratio;
  if (width >= 1) shape.width = width;
  return shape;
}

/**
 * The address an image of a post is shown from, as its attributes were parsed: its `src`; or, where
 * that is missing (a sanitiser dropped a `data:` address) or a placeholder, WeChat's `data-src`; ''
 * when neither holds an image: not shown. Not yet judged: callers pass it through safeUrl.
 */
export function imageAddress(p: { src?: unknown; dataSrc?: unknown }): string {
  const src = typeof p.src === 'string' ? p.src.trim() : '';
  if (src && !isSvgPlaceholder(src)) return src;
  return typeof p.dataSrc === 'string' ? p.dataSrc.trim() : '';
}
