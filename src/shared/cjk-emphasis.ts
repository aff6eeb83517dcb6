// Whether a Markdown text may hold emphasis (or strikethrough) that only CJK-friendly rules read
// (`**…。**2024年`, `~~删除~~。`): a run of `*`, `_` or `~` with a Han, kana or hangul character, or CJK punctuation, next to it (a punctuation mark,
// symbol or variation selector may stand between). CommonMark and the CJK-friendly rules read every
// other text alike, so the reader fetches its CJK-friendly parser only for texts where this is true
// (a test checks the claim on random texts).
const CJK = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2010-\u2027]`;
const BETWEEN = String.raw`[\p{P}\p{S}\p{M}]?`;
const NEAR = new RegExp(String.raw`${CJK}${BETWEEN}[*_~]|[*_~]${BETWEEN}${CJK}`, 'u');

export function mayNeedCjkEmphasis(markdown: string): boolean {
  return NEAR.test(markdown);
}
