// The search index's term lists (term-postings.ts) against a plain Map of Sets: term ids for
// characters, pairs (the first characters met by a dense table, later ones by hashing) and words;
// posts added in runs of 32 ordinals, read back as varint gaps.
import { describe, expect, test } from 'vitest';
import { Postings } from '../../src/node/term-postings.ts';
import { ordinalsOf } from '../../src/client/features/search/lib/search-index.ts';
import { rng } from '../bench/generate-corpus.ts';

/** A term's posts, from its varint gaps (as the reader decodes them). */
function postsOf(list: Postings, id: number): number[] {
  const gaps = new Uint8Array(list.size(id));
  list.copyGaps(id, gaps, 0);
  return ordinalsOf(gaps);
}

describe('Postings', () => {
  test('every term lists each post that holds it once, in order, across runs of posts', () => {
    const r = rng(7);
    // 1,500 characters: more than the dense table's 1,024, so late pairs are hashed
    const chars = Array.from({ length: 1500 }, (_, i) => 0x4e00 + i * 3);
    const list = new Postings();
    const expected = new Map<string, Set<number>>();
    const note = (id: number, text: string, ordinal: number) => {
      expect(list.termOf(id)).toBe(text);
      if (!expected.has(text)) expected.set(text, new Set());
      expected.get(text)!.add(ordinal);
      list.add(id, ordinal);
    };
    // ordinals with gaps past one varint byte (and whole runs of 32 with no post)
    const ordinals = [0, 1, 2, 31, 32, 33, 95, 200, 201, 700, 20_000, 20_001];
    for (let k = 0; k < 400; k++) ordinals.push(20_002 + k);
    for (const ordinal of ordinals) {
      for (let n = 0; n < 60; n++) {
        // the common characters often, every one of them sometimes
        const spread = r() < 0.7 ? 40 : chars.length;
        const a = chars[Math.floor(r() * spread)]!;
        const b = chars[Math.floor(r() * spread)]!;
        note(list.char(a), String.fromCodePoint(a), ordinal);
        note(list.pair((a << 16) | b), String.fromCodePoint(a, b), ordinal);
      }
      const word = `w${Math.floor(r() * 30)}`;
      note(list.string(word), word, ordinal);
    }
    expect(list.terms).toBe(expected.size);
    for (let id = 0; id < list.terms; id++) {
      const want = [...expected.get(list.termOf(id))!].sort((x, y) => x - y);
      expect(list.count(id)).toBe(want.length);
      expect(postsOf(list, id)).toEqual(want);
    }
  });

  test('a term keeps its id; a pair and its characters are three terms', () => {
    const list = new Postings();
    const a = '示'.codePointAt(0)!;
    const b = '范'.codePointAt(0)!;
    const pair = list.pair((a << 16) | b);
    expect(list.pair((a << 16) | b)).toBe(pair);
    expect(list.pair((b << 16) | a)).not.toBe(pair);
    expect(new Set([pair, list.char(a), list.char(b)]).size).toBe(3);
    expect(list.string('economy')).toBe(list.string('economy'));
    expect(list.termOf(pair)).toBe('示范');
  });
});
