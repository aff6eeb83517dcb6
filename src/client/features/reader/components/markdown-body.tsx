// The article renderer: react-markdown + remark-gfm; remark-cjk-friendly (emphasis beside Chinese
// punctuation, as the build's markdown-it-cjk-friendly reads it) and raw HTML through chunks of their
// own, for the texts that need them.
import { useMemo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { PluggableList } from 'unified';
import type { Heading } from '../../../../shared/contract.ts';
import { PostImage } from '../../../components/post-image.tsx';
import { rehypeNumber } from '../lib/rehype-number.ts';
import { isExternal, safeUrl } from '../../../../shared/safe-url.ts';

export interface MarkdownBodyProps {
  body: string;
  headings: Heading[];
  /** rehype-raw + rehype-sanitize, for posts with raw HTML. */
  rawPlugins?: PluggableList;
  /** remark-cjk-friendly, for texts that may need it (cjk-plugins.ts). */
  cjkPlugins?: PluggableList;
  onOpenImage?: (src: string) => void;
}

function SafeLink({ href, children }: { href?: string; children?: ReactNode }) {
  if (!href) return <span className="dead-link">{children}</span>;
  return isExternal(href, location.origin) ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a href={href}>{children}</a>
  );
}

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
      a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink>,
      img: ({ node, src, alt }) => {
        const n = Number(node?.properties?.dataN) || 1;
        return (
          <PostImage
            src={String(src ?? '')}
            alt={alt}
            index={n}
            eager={n === 1}
            variant="article"
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
        rehypePlugins={rehypePlugins}
        components={components}
        urlTransform={(url, key, node) => safeUrl(url, key, node.tagName)}
      >
        {body}
      </Markdown>
    </div>
  );
}
