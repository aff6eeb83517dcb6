// A search result opened: the article is scrolled to the words the result's passage showed, marked as
// the passage marked them. In: the article's text (its `.prose`), the words. Out: the mark, or nothing
// where the text does not hold them in one run (across a bold span, say: the article opens at its top).

/** Marks the first place `prose` holds `words` (case aside) and scrolls it to the middle of the screen. */
export function showFound(prose: HTMLElement, words: string): HTMLElement | undefined {
  const needle = words.toLowerCase();
  if (!needle.trim()) return undefined;
  const walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const at = text.data.toLowerCase().indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + needle.length);
    const mark = document.createElement('mark');
    mark.className = 'found';
    range.surroundContents(mark);
    mark.scrollIntoView({ block: 'center' });
    return mark;
  }
  return undefined;
}
