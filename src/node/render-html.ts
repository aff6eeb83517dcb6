// Markdown → HTML for feeds, by the reader's rules: GFM, raw HTML sanitised by the shared schema,
// `javascript:` links dropped; then every address made absolute and every image from a host that
// refuses hot-linking routed through images.weserv.nl, so feed readers can show it.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { isHotlinkProtected, weservOriginal, weservUrl } from '../shared/images.ts';
import { sanitizeSchema } from '../shared/sanitize-schema.ts';

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

function absolute(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** The address a feed reader should load an image from. */
export function feedImageUrl(src: string, base: string): string | undefined {
  const abs = absolute(src, base);
  if (!abs || !/^https?:/.test(abs)) return undefined;
  const proxied = weservOriginal(abs);
  return proxied || isHotlinkProtected(abs) ? weservUrl(proxied ?? abs, 720) : abs;
}

function rehypeAbsolute({ base }: { base: string }) {
  return (tree: Node) => {
    const walk = (node: Node) => {
      const p = node.properties;
      if (node.type === 'element' && p) {
        if (node.tagName === 'a' && typeof p.href === 'string') p.href = absolute(p.href, base);
        if (node.tagName === 'img' && typeof p.src === 'string') {
          p.src = feedImageUrl(p.src, base);
          p.referrerPolicy = 'no-referrer';
          delete p.dataN;
        }
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);

/** Safe HTML of a post body; relative addresses resolve against `pageUrl` (the post's absolute URL). */
export function renderHtml(markdown: string, pageUrl: string): string {
  const tree = processor.runSync(processor.parse(markdown));
  rehypeAbsolute({ base: pageUrl })(tree as Node);
  return processor.stringify(tree);
}
