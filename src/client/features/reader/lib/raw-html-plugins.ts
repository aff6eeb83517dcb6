// Loaded only for posts with raw HTML (its own chunk): parse it, then sanitise it by the shared rules.
import type { PluggableList } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { sanitizeSchema } from '../../../../shared/sanitize-schema.ts';

export const rawHtmlPlugins: PluggableList = [rehypeRaw, [rehypeSanitize, sanitizeSchema]];
