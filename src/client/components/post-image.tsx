// The image component of cards and standalone pages: lazy (a page's first eager), no Referer, a
// reserved box (of the image's own shape where its markup tells it), one retry by the other route;
// then, in a page, a line linking to the original, and on a card nothing. An article's images are its
// page's HTML, given the same behaviour by features/reader/lib/article-images.ts.
import { useRef, useState, type SyntheticEvent } from 'react';
import { inSight, useOutOfSight } from '../lib/use-in-view.ts';
import { t } from '../lib/site.ts';
import { IMAGE_SIZES, IMAGE_WIDTHS, imageSources } from '../../shared/image-sources.ts';
import type { ImageShape } from '../../shared/images.ts';

export interface PostImageProps {
  src: string;
  alt?: string;
  /** 1-based position in the article, for the fallback alt text. */
  index?: number;
  eager?: boolean;
  variant: 'card' | 'article';
  /**
   * What the post's markup tells of the image (knownShape): the box has its ratio before the image
   * arrives, and is no wider than the image.
   */
  shape?: ImageShape;
  /** Called with the image that loaded when the reader taps it (the viewer opens what loaded). */
  onOpen?: (img: HTMLImageElement) => void;
}

export function PostImage({
  src,
  alt,
  index = 1,
  eager = false,
  variant,
  shape = {},
  onOpen,
}: PostImageProps) {
  const known = shape.ratio;
  const sources = imageSources(src, IMAGE_WIDTHS[variant]);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setRatio] = useState<number>();
  const ratio = known ?? loaded;
  const text = alt?.trim() || t.image(index);
  const current = sources.tries[attempt];
  const box = useRef<HTMLSpanElement>(null);
  // What changes a box's height (an image of unknown shape taking its own; a failed image becoming a
  // line) waits while the reader sees the box, or the text below would jump under their eyes: it
  // happens once the box is out of sight (above the screen, the browser keeps the text in view where
  // it was).
  const [waiting, setWaiting] = useState<number>();
  const [held, setHeld] = useState(false);
  useOutOfSight(box, waiting !== undefined || held, () => {
    if (waiting !== undefined) setRatio(waiting);
    setWaiting(undefined);
    setHeld(false);
  });
  const onLoad = (e: SyntheticEvent<HTMLImageElement>) => {
    const { naturalWidth: w, naturalHeight: h } = e.currentTarget;
    if (variant !== 'article' || known !== undefined || !(w > 0 && h > 0)) return;
    if (inSight(box.current)) setWaiting(w / h);
    else setRatio(w / h);
  };
  const onError = () => {
    if (attempt + 1 >= sources.tries.length && variant === 'article') setHeld(inSight(box.current));
    setAttempt(attempt + 1);
  };
  const style = {
    aspectRatio: ratio ? String(ratio) : undefined,
    width: shape.width ? `${shape.width}px` : undefined,
  };
  // a card's cover that failed goes (its title links to the article already)
  if (!current && variant === 'card') return null;
  if (!current)
    return (
      <span
        ref={box}
        className={`post-image post-image-${variant} post-image-failed${held ? ' post-image-held' : ''}`}
        style={held ? style : undefined}
      >
        <a href={sources.original} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer">
          {t.imageFailed}
          <span className="visually-hidden">: {text}</span>
        </a>
      </span>
    );
  const img = (
    <img
      key={current.src}
      src={current.src}
      srcSet={current.srcSet}
      sizes={current.srcSet ? IMAGE_SIZES[variant] : undefined}
      alt={text}
      loading={eager ? 'eager' : 'lazy'}
      fetchPriority={eager ? 'high' : 'auto'}
      decoding="async"
      referrerPolicy="no-referrer"
      onLoad={onLoad}
      onError={onError}
    />
  );
  return (
    <span ref={box} className={`post-image post-image-${variant}`} style={style}>
      {onOpen ? (
        <button
          type="button"
          className="post-image-open"
          onClick={(e) => onOpen(e.currentTarget.querySelector('img')!)}
        >
          {img}
        </button>
      ) : (
        img
      )}
    </span>
  );
}
