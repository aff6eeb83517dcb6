// An article's headings' links to themselves (the build's HTML: src/node/render/article.ts, headingAnchor):
// a tap puts the heading's address in the address bar and on the clipboard, and says so briefly (beside
// the mark, and to a screen reader). Without JavaScript the link is a plain in-page link.
import { t } from '../../../lib/site.ts';

/** How long "copied" shows beside the mark. */
const SHOWN_MS = 1600;

/** Text onto the clipboard: the Clipboard API where the page may use it, else a selection copied. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:0;left:0;opacity:0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** A live region that tells a screen reader the link was copied (made once). */
function announcer(): HTMLElement {
  let region = document.getElementById('folio-announce');
  if (!region) {
    region = document.createElement('p');
    region.id = 'folio-announce';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
}

/** Makes the heading links of `prose` copy their address; returns what undoes it. */
export function enhanceHeadings(prose: HTMLElement): () => void {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const onClick = (e: MouseEvent) => {
    const link = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a.heading-anchor') : null;
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    const hash = link.getAttribute('href') ?? '';
    // the address bar shows the heading's address; the router's own state is kept as it is
    history.replaceState(history.state, '', hash);
    void copyText(new URL(hash, location.href).href).then((copied) => {
      if (!copied) return;
      link.dataset.copied = t.linkCopied;
      announcer().textContent = t.linkCopied;
      const timer = setTimeout(() => {
        delete link.dataset.copied;
        timers.delete(timer);
      }, SHOWN_MS);
      timers.add(timer);
    });
  };
  prose.addEventListener('click', onClick);
  return () => {
    prose.removeEventListener('click', onClick);
    for (const timer of timers) clearTimeout(timer);
  };
}
