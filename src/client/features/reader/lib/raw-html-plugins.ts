// Loaded only for posts with raw HTML (its own chunk): parse it, then sanitise with GitHub's rules,
// keeping the image numbers.
import type { PluggableList } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';

const schema = {
  ...defaultSchema,
  attributes: { ...defaultSchema.attributes, img: [...(defaultSchema.attributes?.img ?? []), 'dataN'] },
};

export const rawHtmlPlugins: PluggableList = [rehypeRaw, [rehypeSanitize, schema]];
