// Footnotes as GitHub writes them (`[^1]` and `[^1]: text`), the same markup from the reader's
// renderer (remark-gfm → remark-rehype) and the build's (markdown-it-footnote, its rules rewritten in
// src/node/markdown.ts): a `<sup><a id="…fnref-1" href="#…fn-1">1</a></sup>` per reference, and a
// `<section data-footnotes>` at the end with a heading in the site's language and a way back from each
// note.
//
// Ids are prefixed `user-content-` so a post cannot clobber the page's globals: by remark-rehype where
// nothing is sanitised after it, else by the sanitiser alone, which prefixes ids but not the links
// that point to them; `followPrefixedIds` points those links at the prefixed ids after it (as GitHub's
// own script does on its pages). Before it did, a post with raw HTML had its footnote ids prefixed
// twice and neither direction of a note jumped.
import type { Element, Nodes, Root } from 'hast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { Messages } from './messages/zh-CN.ts';

export const CLOBBER_PREFIX = 'user-content-';

/** A footnote's label as its ids hold it: `[^Note]` → `note`, `[^注]` → `%E6%B3%A8` (remark's rule). */
export function footnoteId(label: string): string {
  return normalizeUri(normalizeIdentifier(label).toLowerCase());
}

/** remark-rehype's footnote options in the site's language (the build's renderer says the same). */
export function footnoteOptions(t: Messages) {
  return {
    footnoteLabel: t.footnotes,
    footnoteLabelProperties: {},
    footnoteBackLabel: (note: number, again: number) => t.footnoteBack(note + 1, again),
  };
}

/**
 * A rehype step after the sanitiser: each in-page link (`#x`) whose target has no id `x` but has the
 * sanitiser's `user-content-x` points there.
 */
export function followPrefixedIds() {
  return (tree: Root) => {
    const ids = new Set<string>();
    const links: Element[] = [];
    const walk = (node: Nodes) => {
      if (node.type === 'element') {
        const { id, href } = node.properties;
        if (typeof id === 'string') ids.add(id);
        if (typeof href === 'string' && href.startsWith('#')) links.push(node);
      }
      if ('children' in node) for (const child of node.children) walk(child);
    };
    walk(tree);
    for (const link of links) {
      const raw = (link.properties.href as string).slice(1);
      let decoded = raw;
      try {
        decoded = decodeURIComponent(raw);
      } catch {
        // a malformed escape: compared as written
      }
      if (ids.has(raw) || ids.has(decoded)) continue;
      if (ids.has(CLOBBER_PREFIX + raw) || ids.has(CLOBBER_PREFIX + decoded))
        link.properties.href = `#${CLOBBER_PREFIX}${raw}`;
    }
  };
}
