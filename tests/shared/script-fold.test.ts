// Simplified and Traditional Chinese as one (src/shared/script-fold.ts), and search's folding with it
// at both ends: the index the build writes and the reader's query (search-terms.ts).
import { describe, expect, test } from 'vitest';
import { foldScript, scriptFolds } from '../../src/shared/script-fold.ts';
import { findPassage, normaliseText, parseQuery } from '../../src/shared/search-terms.ts';

describe('script folding', () => {
  test('Traditional characters and regional variants fold to Simplified; Simplified text is itself', () => {
    expect(foldScript('火災')).toBe('火灾');
    expect(foldScript('習近平')).toBe('习近平');
    expect(foldScript('臺灣')).toBe('台湾');
    expect(foldScript('台灣')).toBe('台湾');
    expect(foldScript('衞生')).toBe('卫生'); // Hong Kong's 衞 is 衛
    expect(foldScript('為什麼')).toBe('为什么');
    expect(foldScript('吃飯')).toBe('吃饭'); // 吃 is Simplified already (Hong Kong's variant of 喫)
    const simplified = '进入冬季以来，各地住宅火灾明显增多。GDP 增长 5.3%';
    expect(foldScript(simplified)).toBe(simplified);
  });

  test('a fold is one unit for one, and folding twice is folding once', () => {
    const folds = scriptFolds();
    let n = 0;
    for (let c = 0; c < 0x10000; c++) {
      const to = folds[c]!;
      if (to === 0) continue;
      n++;
      expect(folds[to], String.fromCharCode(c)).toBe(0);
    }
    expect(n).toBeGreaterThan(2500);
    const text = '臺北市一棟老舊公寓昨晚發生火災';
    expect(foldScript(text)).toHaveLength(text.length);
    expect(foldScript(foldScript(text))).toBe(foldScript(text));
  });

  test('a query in either script is cut into the same terms, and text is indexed folded', () => {
    const terms = (q: string) => [...parseQuery(q).terms.keys()].sort();
    expect(terms('火災')).toEqual(terms('火灾'));
    expect(terms('習近平')).toEqual(terms('习近平'));
    expect(normaliseText('臺北ＧＤＰ火災')).toBe('台北gdp火灾');
    expect(normaliseText('Taipei 火災')).toBe('taipei 火灾');
  });

  test('a passage of Traditional text is found by the Simplified query and shows the text as written', () => {
    const text = '臺北市一棟老舊公寓昨晚發生火災，所幸住戶及時疏散。';
    const parts = findPassage(text, parseQuery('火灾').pieces)!;
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['火災']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });
});
