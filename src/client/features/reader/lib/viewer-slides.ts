// What the image viewer shows: the article's images as they loaded, the tapped one first on screen.
// Each opens by the route that loaded it (the original, or images.weserv.nl), at the largest width that
// route offers; an image not loaded yet (lazy, below) by the address it would load from.

export interface ViewerSlide {
  src: string;
  alt: string;
}

/** The largest candidate of a `srcset` (`url 720w, url 1440w`). */
function largest(srcset: string): string | undefined {
  let best: string | undefined;
  let bestWidth = 0;
  for (const part of srcset.split(/,\s+/)) {
    const [url, w] = part.trim().split(/\s+/);
    const width = Number.parseInt(w ?? '', 10);
    if (url && width > bestWidth) [best, bestWidth] = [url, width];
  }
  return best;
}

/** The slide of one image element: the route that loaded, at its largest. */
export function slideOf(img: HTMLImageElement): ViewerSlide {
  const loaded = img.currentSrc || img.src;
  // the sized route (a srcset) loaded: its widest; else the address that loaded, as it is
  const src = img.srcset && img.srcset.includes(loaded) ? (largest(img.srcset) ?? loaded) : loaded;
  return { src, alt: img.alt };
}

/** Every image shown in the article that holds `img`, and where `img` is among them. */
export function viewerSlides(img: HTMLImageElement): { slides: ViewerSlide[]; index: number } {
  const all = [
    ...(img.closest('.prose') ?? img.ownerDocument).querySelectorAll<HTMLImageElement>('.post-image img'),
  ];
  const index = Math.max(0, all.indexOf(img));
  return { slides: all.map(slideOf), index };
}
