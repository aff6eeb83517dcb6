// What raw HTML in a post may keep, for the reader and the feeds alike: GitHub's rules, plus harmless
// elements that mirrored WeChat and Zhihu articles use for captions and emphasis (attributes beyond
// the defaults are still dropped), plus the reader's image numbers and WeChat's lazy images' real
// addresses, ratios and widths.
import { defaultSchema, type Options } from 'rehype-sanitize';

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

export const sanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), ...EXTRA_TAGS],
  // (an image's `data-src` and `data-ratio`: where WeChat keeps a lazy image's address and shape; the
  // address passes the reader's URL rules before it is used)
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), 'dataN', 'dataSrc', 'dataRatio', 'dataW'],
  },
};
