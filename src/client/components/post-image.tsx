// The one image component of cards and articles: lazy (the article's first eager), no Referer, a
// reserved box, one retry by the other route, then a placeholder linking to the original.
import { useState, type SyntheticEvent } from 'react';
import { t } from '../lib/site.ts';
import { IMAGE_SIZES, IMAGE_WIDTHS, imageSources } from '../../shared/image-sources.ts';

export interface PostImageProps {
  src: string;
  alt?: string;
  /** 1-based position in the article, for the fallback alt text. */
  index?: number;
  eager?: boolean;
  variant: 'card' | 'article';
  /** Called with the largest address when the reader taps the image. */
  onOpen?: (src: string) => void;
}

export function PostImage({ src, alt, index = 1, eager = false, variant, onOpen }: PostImageProps) {
  const sources = imageSources(src, IMAGE_WIDTHS[variant]);
  const [attempt, setAttempt] = useState(0);
  const [ratio, setRatio] = useState<number>();
  const text = alt?.trim() || t.image(index);
  const current = sources.tries[attempt];
  const onLoad = (e: SyntheticEvent<HTMLImageElement>) => {
    const { naturalWidth: w, naturalHeight: h } = e.currentTarget;
    if (variant === 'article' && w > 0 && h > 0) setRatio(w / h);
  };
  const box = `post-image post-image-${variant}${current ? '' : ' post-image-failed'}`;
  if (!current && variant === 'card') return <span className={box} />; // a card's title links already
  if (!current)
    return (
      <span className={box}>
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
    <span className={box} style={ratio ? { aspectRatio: String(ratio) } : undefined}>
      {onOpen ? (
        <button type="button" className="post-image-open" onClick={() => onOpen(sources.tries[0]!.src)}>
          {img}
        </button>
      ) : (
        img
      )}
    </span>
  );
}
