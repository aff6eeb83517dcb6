// An article's images, as its entry page holds them (the build's HTML: src/node/render/article.ts),
// given what the reader's image component (components/post-image.tsx) does for a card's: the image
// viewer on a tap; one retry by the other route (images.weserv.nl ↔ the original); then a line linking
// to the original. What changes a box's height (an image of unknown shape taking its own, a failed one
// becoming a line) waits while the reader sees the box, or the text below would jump under their eyes.
import { IMAGE_SIZES, IMAGE_WIDTHS, imageSources } from '../../../../shared/image-sources.ts';
import { inSight, whenOutOfSight } from '../../../lib/use-in-view.ts';
import { t } from '../../../lib/site.ts';

const BOX = '.post-image-article';

/** The first of the article's blocks that starts on screen (or the first thing after the article). */
function firstOnScreen(prose: Element): Element | null {
  const blocks = prose.children;
  let [lo, hi] = [0, blocks.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.getBoundingClientRect().top >= 0) hi = mid;
    else lo = mid + 1;
  }
  return blocks[lo] ?? prose.parentElement?.nextElementSibling ?? null;
}

/** Makes the images of `prose` work; returns what undoes it (listeners, observers). */
export function enhanceImages(prose: HTMLElement, onOpen: (img: HTMLImageElement) => void): () => void {
  const waits: (() => void)[] = [];
  /**
   * A change to a box out of sight that keeps the text on screen where it is: the first block that
   * starts on screen is put back where it was (the browser's scroll anchoring does this where it can,
   * not in every browser nor while the app takes the page over, when its anchor is moved with the
   * article).
   */
  const keepInPlace = (box: Element, change: () => void) => {
    if (box.getBoundingClientRect().top >= innerHeight) return change(); // below: nothing seen moves
    const anchor = firstOnScreen(prose);
    const before = anchor?.getBoundingClientRect().top;
    change();
    const moved = before === undefined ? 0 : anchor!.getBoundingClientRect().top - before;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  };
  const later = (box: Element, change: () => void) => {
    if (inSight(box)) waits.push(whenOutOfSight(box, () => keepInPlace(box, change)));
    else keepInPlace(box, change);
  };

  const loaded = (img: HTMLImageElement) => {
    const box = img.closest<HTMLElement>(BOX);
    const { naturalWidth: w, naturalHeight: h } = img;
    // a box of known shape keeps it
    if (!box || box.style.aspectRatio || !(w > 0 && h > 0)) return;
    later(box, () => (box.style.aspectRatio = String(w / h)));
  };

  const failed = (img: HTMLImageElement) => {
    const box = img.closest<HTMLElement>(BOX);
    if (!box) return;
    // the image's routes, from the original it links to (its address, where it links nowhere)
    const current = img.getAttribute('src') ?? '';
    const source = box.querySelector('a.post-image-open')?.getAttribute('href') ?? current;
    const { tries, original } = imageSources(source, IMAGE_WIDTHS.article);
    const failures = Number(img.dataset.failed ?? 0) + 1;
    img.dataset.failed = String(failures);
    // once: the other route
    const route = failures === 1 ? tries.find((t) => t.src !== current) : undefined;
    if (route) {
      if (route.srcSet) Object.assign(img, { srcset: route.srcSet, sizes: IMAGE_SIZES.article });
      else img.removeAttribute('srcset');
      img.src = route.src;
      return;
    }
    const link = document.createElement('a');
    Object.assign(link, { href: original, target: '_blank', rel: 'noopener noreferrer' });
    link.referrerPolicy = 'no-referrer';
    const name = document.createElement('span');
    name.className = 'visually-hidden';
    name.textContent = `: ${img.alt}`;
    link.append(t.imageFailed, name);
    box.replaceChildren(link);
    box.classList.add('post-image-failed', 'post-image-held');
    later(box, () => {
      box.classList.remove('post-image-held');
      box.removeAttribute('style');
    });
  };

  const onLoad = (e: Event) => e.target instanceof HTMLImageElement && loaded(e.target);
  const onError = (e: Event) => e.target instanceof HTMLImageElement && failed(e.target);
  const onClick = (e: MouseEvent) => {
    // a click with a modifier opens the original, as the link says
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const img = (e.target as Element).closest(BOX)?.querySelector('img');
    if (!img) return;
    e.preventDefault();
    onOpen(img);
  };
  // load and error do not bubble: caught on their way down
  prose.addEventListener('load', onLoad, true);
  prose.addEventListener('error', onError, true);
  prose.addEventListener('click', onClick);
  // What loaded or failed before the app arrived: a frame later, once the browser has laid the page
  // out again with the article in its place (changed in the frame the app takes the article over, a
  // box above the screen moved the text under the reader's eyes: the browser's scroll anchor was lost).
  const frame = requestAnimationFrame(() => {
    for (const img of prose.querySelectorAll<HTMLImageElement>(`${BOX} img`))
      if (img.complete && img.currentSrc) (img.naturalWidth > 0 ? loaded : failed)(img);
  });
  return () => {
    cancelAnimationFrame(frame);
    prose.removeEventListener('load', onLoad, true);
    prose.removeEventListener('error', onError, true);
    prose.removeEventListener('click', onClick);
    waits.forEach((stop) => stop());
  };
}
