// The build's Markdown reader: markdown-it with CJK-friendly emphasis (markdown-it-cjk-friendly), the
// rules the reader's renderer follows too (remark-cjk-friendly), so `**她最先求助的是父亲。**2024年`
// is bold in the article, its excerpt, its search text and its feed alike. CommonMark's own rules
// leave those `**` as they are beside Chinese punctuation (450 of 752 posts of a real archive).
import MarkdownIt, { type Options } from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';

export function markdownIt(options: Options): MarkdownIt {
  return new MarkdownIt(options).use(cjkFriendly);
}
