// Loaded only for posts with raw HTML (its own chunk): parse it, then sanitise it by the shared rules.
import type { PluggableList } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { followPrefixedIds } from '../../../../shared/footnotes.ts';
import { sanitizeSchema } from '../../../../shared/sanitize-schema.ts';
import { rehypeNumberImages } from './rehype-number.ts';

/** The sanitiser prefixes ids: in-page links (footnotes, headings) follow them. */
export const rawHtmlPlugins: PluggableList = [
  rehypeRaw,
  [rehypeSanitize, sanitizeSchema],
  followPrefixedIds,
  // raw HTML's images are numbered with the Markdown ones, in order: only the first shown is eager
  rehypeNumberImages,
];
