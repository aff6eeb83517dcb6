// Which addresses an image is tried at, in order, and at which widths (docs/readers.md).
import { isHotlinkProtected, weservOriginal, weservSized } from './images.ts';

/** Widths an image is offered at (the first is the `src`), and the `sizes` it is shown at, by place. */
export const IMAGE_WIDTHS = { card: [240, 480], article: [720, 360, 1080, 1440] };
export const IMAGE_SIZES = { card: '120px', article: '(max-width: 760px) 100vw, 720px' };

export interface ImageSources {
  /** Addresses to try in order: the second is the other route (weserv ↔ original). */
  tries: { src: string; srcSet?: string }[];
  /** Where the placeholder links when every try failed. */
  original: string;
}

export function imageSources(src: string, widths: number[]): ImageSources {
  if (/^\s*data:/i.test(src) || !/^(?:https?:)?\/\//i.test(src)) return { tries: [{ src }], original: src };
  const proxied = weservOriginal(src);
  const original = proxied ?? (src.startsWith('//') ? `https:${src}` : src);
  const at = weservSized(original);
  const sized = { src: at(widths[0]!), srcSet: widths.map((w) => `${at(w)} ${w}w`).join(', ') };
  if (proxied || isHotlinkProtected(original)) {
    // Proxied, or a host that refuses hot-linking: weserv first (sized), then the original without Referer.
    return proxied
      ? { tries: [sized, { src: original }], original }
      : { tries: [{ src: original }, sized], original };
  }
  return { tries: [{ src: original }, sized], original };
}
