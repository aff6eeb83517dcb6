// A rehype step before raw HTML is parsed: numbers Markdown images (`data-n`, for the first-eager rule
// and the `图片 N` fallback) and gives depth-2/3 headings the ids the build computed (github-slugger
// over all headings, as rehype-slug would) so the table of contents links match; not the footnotes'
// heading, which remark-rehype adds after them.
import type { Heading } from '../../../../shared/contract.ts';
import { imageAddress } from '../../../../shared/images.ts';

/** An image the article does not show: a placeholder, or no address, with no real one beside it. */
export const isPlaceholder = (p: Record<string, unknown>) => imageAddress(p) === '';

/** A rehype step after raw HTML is parsed and sanitised: every image numbered again, in order. */
export function rehypeNumberImages() {
  return (tree: Node) => {
    let images = 0;
    const walk = (node: Node) => {
      if (node.type === 'element' && node.tagName === 'img' && node.properties) {
        if (isPlaceholder(node.properties)) delete node.properties.dataN;
        else node.properties.dataN = ++images;
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

interface Node {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

export function rehypeNumber({ headings }: { headings: Heading[] }) {
  return (tree: Node) => {
    let images = 0;
    let heading = 0;
    const walk = (node: Node, notes: boolean) => {
      if (node.type === 'element' && node.properties) {
        if (node.tagName === 'img') {
          // a placeholder that draws nothing is not shown, nor counted (the first shown is eager)
          if (!isPlaceholder(node.properties)) node.properties.dataN = ++images;
        } else if ((node.tagName === 'h2' || node.tagName === 'h3') && !notes && headings[heading])
          node.properties.id = headings[heading++]!.id;
        // the footnotes' own heading is not the post's
        else if (node.tagName === 'section' && node.properties.dataFootnotes) notes = true;
      }
      node.children?.forEach((child) => walk(child, notes));
    };
    walk(tree, false);
  };
}
