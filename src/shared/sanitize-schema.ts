// What raw HTML in a post may keep, for the reader and the feeds alike: GitHub's rules, plus harmless
// elements that mirrored WeChat and Zhihu articles use for captions and emphasis (attributes beyond
// the defaults are still dropped), plus the reader's image numbers.
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
  attributes: { ...defaultSchema.attributes, img: [...(defaultSchema.attributes?.img ?? []), 'dataN'] },
};
