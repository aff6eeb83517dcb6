// remark-cjk-friendly's parser (emphasis beside Chinese punctuation, as the build reads it with
// markdown-it-cjk-friendly), fetched only for texts that may need it (mayNeedCjkEmphasis): ~6 KB gzip
// the article renderer's chunk would otherwise carry past its 50 KB budget. Its parse-only entry: the
// whole plugin also brings mdast-util-to-markdown, which the reader never runs.
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/parseOnly';
import type { PluggableList } from 'unified';

/** Emphasis, and GFM's strikethrough (`~~删除~~。`, as markdown-it strikes it), by the CJK-friendly rules. */
export const cjkPlugins: PluggableList = [remarkCjkFriendly, remarkCjkFriendlyStrikethrough];
