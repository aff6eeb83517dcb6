// Loaded only for posts with raw HTML (its own chunk): parse it, then sanitise it by the shared rules.
import type { PluggableList } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { followPrefixedIds } from '../../../../shared/footnotes.ts';
import { sanitizeSchema } from '../../../../shared/sanitize-schema.ts';

/** The sanitiser prefixes ids: in-page links (footnotes, headings) follow them. */
export const rawHtmlPlugins: PluggableList = [rehypeRaw, [rehypeSanitize, sanitizeSchema], followPrefixedIds];
