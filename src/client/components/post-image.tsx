// The one image component of cards and articles: lazy (the article's first eager), no Referer, a
// reserved box (of the image's own shape where its markup tells it), one retry by the other route;
// then, in an article, a line linking to the original, and on a card nothing.
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
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
  // An image of unknown shape takes its own once loaded; but not while the reader sees its box (the
  // text below would jump): it is shown contained in its box until the box is out of sight, and takes
  // its shape then (above the screen, the browser keeps the text in view where it was).
  const [waiting, setWaiting] = useState<number>();
  useEffect(() => {
    const el = box.current;
    if (waiting === undefined || !el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => !e.isIntersecting)) {
        setRatio(waiting);
        setWaiting(undefined);
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [waiting]);
  const onLoad = (e: SyntheticEvent<HTMLImageElement>) => {
    const { naturalWidth: w, naturalHeight: h } = e.currentTarget;
    if (variant !== 'article' || known !== undefined || !(w > 0 && h > 0)) return;
    const rect = box.current?.getBoundingClientRect();
    const seen = rect !== undefined && rect.bottom > 0 && rect.top < window.innerHeight && rect.height > 0;
    if (seen && typeof IntersectionObserver !== 'undefined') setWaiting(w / h);
    else setRatio(w / h);
  };
  const classes = `post-image post-image-${variant}${current ? '' : ' post-image-failed'}`;
  // a card's cover that failed goes (its title links to the article already)
  if (!current && variant === 'card') return null;
  if (!current)
    return (
      <span className={classes}>
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
      onError={() => setAttempt(attempt + 1)}
    />
  );
  return (
    <span
      ref={box}
      className={classes}
      style={{
        aspectRatio: ratio ? String(ratio) : undefined,
        width: shape.width ? `${shape.width}px` : undefined,
      }}
    >
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
