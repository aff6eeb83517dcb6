import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { PostSummary } from '../../shared/contract.ts';
import { paths } from '../lib/paths.ts';
import { authorLabel, formatDate } from '../../shared/format.ts';
import { manifest, t } from '../lib/site.ts';
import { useInView } from '../lib/use-in-view.ts';
import { PostImage } from './post-image.tsx';
import { TagList } from './tag-list.tsx';

export interface PostCardProps {
  post: PostSummary;
  /** Called when the card is hovered, focused or scrolled into view, to prefetch the article. */
  onIntent?: (post: PostSummary) => void;
  /** Shown in the excerpt's place (a search result's matching passage). */
  passage?: ReactNode;
  /** What the article is opened with (a search result's words to show: ArticleView). */
  state?: ArticleState;
}

/** What an article may be opened with: the words a search result showed, to scroll to and mark. */
export interface ArticleState {
  find?: string;
}

/**
 * Words (and Han characters) up to which a card scrolled into view prefetches its article: about 25
 * minutes of reading, ~12 KB gzip. A real archive's median post is 56,000 characters and some are
 * 2 MB; those load when the reader points at, focuses or opens them, not for being scrolled past (a
 * search's passages then come from the excerpt, and its first query stays a few hundred KB).
 */
export const PREFETCH_IN_VIEW = 10_000;

export function PostCard({ post, onIntent, passage, state }: PostCardProps) {
  const { lang, timeZone } = manifest.site;
  const intent = onIntent ? () => onIntent(post) : undefined;
  const seen = useInView<HTMLElement>(() => intent?.(), '0px', post.wordCount <= PREFETCH_IN_VIEW);
  return (
    <article className="post-card" ref={seen} onMouseEnter={intent} onFocus={intent}>
      <div className="post-card-text">
        <h2 className="post-card-title">
          <Link to={paths.post(post)} state={state}>
            {post.title}
          </Link>
        </h2>
        <p className="post-meta">
          {post.date && <time dateTime={post.date}>{formatDate(post.date, lang, timeZone)}</time>}
          {post.authors.length > 0 && <span>{post.authors.map(authorLabel).join('、')}</span>}
          <span>{t.readingTime(post.readingMinutes)}</span>
        </p>
        {passage ?? (post.excerpt && <p className="post-card-excerpt">{post.excerpt}</p>)}
        <TagList tags={post.tags} />
      </div>
      {post.cover && (
        // The title's link covers the whole card (CSS), so the cover needs no link of its own.
        <div className="post-card-cover" aria-hidden="true">
          <PostImage src={post.cover.src} alt={post.cover.alt} variant="card" />
        </div>
      )}
    </article>
  );
}
