// Loaded only for posts with raw HTML (its own chunk): parse it, then sanitise with GitHub's rules,
// keeping the image numbers.
import type { PluggableList } from 'unified';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';

// GitHub's rules, plus harmless elements that mirrored WeChat and Zhihu articles use for captions and
// emphasis (their attributes other than the defaults are still dropped).
const EXTRA_TAGS = [
  'figure',
  'figcaption',
  'mark',
  'small',
  'u',
  'cite',
  'abbr',
  'caption',
  'colgroup',
  'col',
  'center',
];

const schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS],
  attributes: { ...defaultSchema.attributes, img: [...(defaultSchema.attributes?.img ?? []), 'dataN'] },
};

export const rawHtmlPlugins: PluggableList = [rehypeRaw, [rehypeSanitize, schema]];
