// `/posts/<slug>/`: the article, its table of contents, previous/next, related posts.
import { lazy, Suspense, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigationType } from 'react-router-dom';
import type { PostData, PostSummary } from '../../../../shared/contract.ts';
import { paths } from '../../../lib/paths.ts';
import { TagList } from '../../../components/tag-list.tsx';
import { authorLabel, formatDate, sameDay, TOC_OPEN_MAX } from '../../../../shared/format.ts';
import { manifest, t } from '../../../lib/site.ts';
import { useInView } from '../../../lib/use-in-view.ts';
import { neighboursQuery, relatedQuery } from '../api/get-neighbours.ts';
import { viewerSlides } from '../lib/viewer-slides.ts';
import { enhanceImages } from '../lib/article-images.ts';
import { enhanceHeadings } from '../lib/heading-links.ts';
import { showFound } from '../lib/find-in-article.ts';
import type { ArticleState } from '../../../components/post-card.tsx';
import { startArticle } from '../../../lib/entry.ts';

const ImageViewer = lazy(() => import('./image-viewer.tsx'));

function PostLink({ post, rel }: { post: PostSummary; rel?: string }) {
  return (
    <Link to={paths.post(post)} rel={rel}>
      {post.title}
    </Link>
  );
}

/**
 * The article's text: the HTML its entry page holds (rendered and sanitised at build time), not made
 * again here. The page the app started on keeps its own nodes (its images do not load again, nothing
 * moves); another article's is its page's HTML, as fetched.
 */
function ArticleBody({
  post,
  onOpenImage,
}: {
  post: PostData;
  onOpenImage: (img: HTMLImageElement) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  // opened from a search result (not come back to: the reader's place is restored then)
  const state = useLocation().state as ArticleState | null;
  const find = useNavigationType() === 'PUSH' && typeof state?.find === 'string' ? state.find : undefined;
  useLayoutEffect(() => {
    let prose = startArticle(post.slug) as HTMLElement | undefined;
    if (!prose) {
      prose = document.createElement('div');
      prose.className = 'prose';
      prose.innerHTML = post.html ?? '';
    }
    host.current!.replaceChildren(prose);
    const undo = [enhanceImages(prose, onOpenImage), enhanceHeadings(prose)];
    // after the router has put the new page at its top
    const frame = find === undefined ? 0 : requestAnimationFrame(() => showFound(prose, find));
    return () => {
      cancelAnimationFrame(frame);
      undo.forEach((f) => f());
    };
  }, [post.slug, post.html, onOpenImage, find]);
  return <div ref={host} className="article-body" />;
}

export default function ArticleView({ post }: { post: PostData }) {
  const { lang, timeZone } = manifest.site;
  const [viewing, setViewing] = useState<ReturnType<typeof viewerSlides>>();
  const onOpenImage = useCallback((img: HTMLImageElement) => setViewing(viewerSlides(img)), []);
  // Previous/next and related posts sit below the text: their data (listing shards, a tag's postings,
  // growing with the archive) is fetched when the reader nears the end, not for the first screen.
  const [nearEndOf, setNearEndOf] = useState<number>();
  const nearEnd = nearEndOf === post.ordinal;
  const endRef = useInView<HTMLElement>(() => setNearEndOf(post.ordinal));
  // an unlisted post has no place in the lists to be next to; a removed one, nothing related
  const listed = !post.unlisted;
  const removed = post.removed !== undefined;
  const neighbours = useQuery({ ...neighboursQuery(post.ordinal), enabled: nearEnd && listed });
  const related = useQuery({ ...relatedQuery(post), enabled: nearEnd && !removed });
  const anchor = (id: string) => `#${post.rawHtml ? 'user-content-' : ''}${id}`;
  return (
    <article className="article" lang={post.lang}>
      <header>
        <h1>{post.title}</h1>
        <p className="post-meta">
          {post.date && <time dateTime={post.date}>{formatDate(post.date, lang, timeZone)}</time>}
          {post.updated && !(post.date && sameDay(post.updated, post.date, timeZone)) && (
            <span>
              {t.updated} <time dateTime={post.updated}>{formatDate(post.updated, lang, timeZone)}</time>
            </span>
          )}
          {!removed &&
            post.authors.map((a) => (
              <Link key={a} to={paths.facet('author', a)}>
                {authorLabel(a)}
              </Link>
            ))}
          {!removed && <span>{t.readingTime(post.readingMinutes)}</span>}
        </p>
        {!removed && <TagList tags={post.tags} categories={post.categories} />}
      </header>
      {post.headings.length >= 3 && (
        <nav className="toc" aria-label={t.toc}>
          <details open={post.headings.length <= TOC_OPEN_MAX}>
            <summary>{t.tocCount(post.headings.length)}</summary>
            <ol>
              {post.headings.map((h) => (
                <li key={h.id} className={`toc-${h.depth}`}>
                  <a href={anchor(h.id)}>{h.text}</a>
                </li>
              ))}
            </ol>
          </details>
        </nav>
      )}
      <ArticleBody post={post} onOpenImage={onOpenImage} />
      {(post.editUrl || post.reportUrl) && (
        <p className="post-actions">
          {post.editUrl && (
            <a href={post.editUrl} rel="nofollow">
              {t.editPost}
            </a>
          )}
          {post.editUrl && post.reportUrl && ' · '}
          {post.reportUrl && (
            <a href={post.reportUrl} rel="nofollow">
              {t.reportPost}
            </a>
          )}
        </p>
      )}
      {post.sourceUrl && (
        <p className="source-link">
          <a href={post.sourceUrl} target="_blank" rel="noopener noreferrer">
            {t.original}
          </a>
        </p>
      )}
      <nav ref={endRef} className="neighbours" aria-label={`${t.previous} / ${t.next}`}>
        {neighbours.data?.older && (
          <p>
            {t.previous}
            {t.colon}
            <PostLink post={neighbours.data.older} rel="prev" />
          </p>
        )}
        {neighbours.data?.newer && (
          <p>
            {t.next}
            {t.colon}
            <PostLink post={neighbours.data.newer} rel="next" />
          </p>
        )}
      </nav>
      {related.data && related.data.length > 0 && (
        <nav className="related" aria-label={t.related}>
          <h2>{t.related}</h2>
          <ul>
            {related.data.map((p) => (
              <li key={p.slug}>
                <PostLink post={p} />
              </li>
            ))}
          </ul>
        </nav>
      )}
      {viewing && (
        <Suspense fallback={null}>
          <ImageViewer slides={viewing.slides} index={viewing.index} onClose={() => setViewing(undefined)} />
        </Suspense>
      )}
    </article>
  );
}
