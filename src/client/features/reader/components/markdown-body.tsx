// The article renderer: react-markdown + remark-gfm; remark-cjk-friendly (emphasis beside Chinese
// punctuation, as the build's markdown-it-cjk-friendly reads it) and raw HTML through chunks of their
// own, for the texts that need them.
import { useMemo, type ComponentProps } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import type { Heading } from '../../../../shared/contract.ts';
import { PostImage } from '../../../components/post-image.tsx';
import { rehypeNumber } from '../lib/rehype-number.ts';
import { imageAddress, knownShape } from '../../../../shared/images.ts';
import { isExternal, safeUrl } from '../../../../shared/safe-url.ts';
import { CLOBBER_PREFIX, footnoteOptions } from '../../../../shared/footnotes.ts';
import { t } from '../../../lib/site.ts';

export interface MarkdownBodyProps {
  body: string;
  headings: Heading[];
  /** rehype-raw + rehype-sanitize, for posts with raw HTML. */
  rawPlugins?: PluggableList;
  /** remark-cjk-friendly, for texts that may need it (cjk-plugins.ts). */
  cjkPlugins?: PluggableList;
  onOpenImage?: (img: HTMLImageElement) => void;
}

/** What a link keeps of its attributes besides its address: a footnote's ids, marks and labels. */
type LinkProps = Pick<
  ComponentProps<'a'>,
  'href' | 'id' | 'className' | 'aria-describedby' | 'aria-label' | 'children'
> & { 'data-footnote-ref'?: unknown; 'data-footnote-backref'?: unknown };

function SafeLink({ href, children, ...kept }: LinkProps) {
  if (!href) return <span className="dead-link">{children}</span>;
  return isExternal(href, location.origin) ? (
    <a {...kept} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a {...kept} href={href}>
      {children}
    </a>
  );
}

/** remark-rehype's options: footnotes in the site's language; ids prefixed here, or by the sanitiser. */
const NOTES = footnoteOptions(t);
const AS_IS = { ...NOTES, clobberPrefix: CLOBBER_PREFIX };
const SANITISED = { ...NOTES, clobberPrefix: '' };

export default function MarkdownBody({
  body,
  headings,
  rawPlugins,
  cjkPlugins,
  onOpenImage,
}: MarkdownBodyProps) {
  const remarkPlugins = useMemo<PluggableList>(() => [remarkGfm, ...(cjkPlugins ?? [])], [cjkPlugins]);
  const components = useMemo<Components>(
    () => ({
      a: ({ href, id, className, children, ...rest }) => (
        <SafeLink
          href={href}
          id={id}
          className={className}
          aria-describedby={rest['aria-describedby']}
          aria-label={rest['aria-label']}
          data-footnote-ref={(rest as LinkProps)['data-footnote-ref']}
          data-footnote-backref={(rest as LinkProps)['data-footnote-backref']}
        >
          {children}
        </SafeLink>
      ),
      img: ({ node, src, alt }) => {
        const p = node?.properties ?? {};
        // a placeholder that draws nothing (WeChat's lazy images, saved unloaded) is not shown; where
        // the page kept the real address (`data-src`), that is the image (src: as urlTransform judged it)
        const address = imageAddress(p);
        const shown = address === p.src ? String(src ?? '') : safeUrl(address, 'src', 'img');
        if (!shown) return null;
        const n = Number(p.dataN) || 1;
        return (
          <PostImage
            src={shown}
            alt={alt}
            index={n}
            eager={n === 1}
            variant="article"
            shape={knownShape(p)}
            onOpen={onOpenImage}
          />
        );
      },
    }),
    [onOpenImage],
  );
  const rehypePlugins = useMemo<PluggableList>(
    () => [[rehypeNumber, { headings }], ...(rawPlugins ?? [])],
    [headings, rawPlugins],
  );
  return (
    <div className="prose">
      <Markdown
        remarkPlugins={remarkPlugins}
        remarkRehypeOptions={rawPlugins ? SANITISED : AS_IS}
        rehypePlugins={rehypePlugins}
        components={components}
        urlTransform={(url, key, node) => safeUrl(url, key, node.tagName)}
      >
        {body}
      </Markdown>
    </div>
  );
}
