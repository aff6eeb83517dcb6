// The search index's term lists (term-postings.ts) against a plain Map of Sets: a post's terms set
// apart (a term met again and again in a post is one entry), staged and added bucket by bucket every
// few million entries, read back by bucket as varint gaps; words found by their span of a text.
import { describe, expect, test } from 'vitest';
import { Postings, TermTexts } from '../../src/node/search/term-postings.ts';
import { ordinalsOf } from '../../src/client/features/search/lib/search-index.ts';
import { bucketOf } from '../../src/shared/search-terms.ts';
import { rng } from '../bench/generate-corpus.ts';

/** A term's posts, from its varint gaps (as the reader decodes them). */
function postsOf(list: Postings, id: number): number[] {
  const gaps = new Uint8Array(list.size(id));
  list.copyGaps(id, gaps, 0);
  return ordinalsOf(gaps);
}

/** Every term of every bucket, with its posts, as the lists give them back. */
function readBack(list: Postings, buckets: number): Map<string, { bucket: number; posts: number[] }> {
  const out = new Map<string, { bucket: number; posts: number[] }>();
  for (let b = 0; b < buckets; b++)
    for (const id of list.bucketTerms(b)) {
      const text = list.termOf(id);
      expect(out.has(text)).toBe(false);
      expect(list.count(id)).toBe(postsOf(list, id).length);
      out.set(text, { bucket: b, posts: postsOf(list, id) });
    }
  return out;
}

describe('Postings', () => {
  test('every term lists each post that holds it once, in order, in its bucket', () => {
    const r = rng(7);
    const buckets = 13;
    // 3,000 characters: common ones met often, every one sometimes
    const chars = Array.from({ length: 3000 }, (_, i) => 0x4e00 + i * 3);
    const texts = new TermTexts(buckets);
    const list = new Postings(texts, buckets);
    const expected = new Map<string, Set<number>>();
    const note = (text: string, ordinal: number) => {
      if (!expected.has(text)) expected.set(text, new Set());
      expected.get(text)!.add(ordinal);
    };
    // ordinals with gaps past one varint byte, and a post of 80,000 pairs (its set grows, then shrinks)
    const ordinals = [0, 1, 2, 31, 32, 33, 95, 200, 201, 700, 20_000, 20_001];
    for (let k = 0; k < 300; k++) ordinals.push(20_002 + k);
    for (const ordinal of ordinals) {
      const n = ordinal === 201 ? 80_000 : 60;
      for (let k = 0; k < n; k++) {
        const spread = r() < 0.5 ? 40 : chars.length;
        const a = chars[Math.floor(r() * spread)]!;
        const b = chars[Math.floor(r() * spread)]!;
        list.cjk(a << 16);
        list.cjk((a << 16) | b);
        note(String.fromCodePoint(a), ordinal);
        note(String.fromCodePoint(a, b), ordinal);
      }
      const word = `w${Math.floor(r() * 30)}`;
      const line = `some ${word} text`;
      list.text(texts.idOf(line, 5, 5 + word.length));
      note(word, ordinal);
      list.end(ordinal);
    }
    const got = readBack(list, buckets);
    expect(got.size).toBe(expected.size);
    expect(list.terms).toBe(expected.size);
    expect(list.entries).toBe([...expected.values()].reduce((n, s) => n + s.size, 0));
    for (const [text, posts] of expected) {
      expect(got.get(text)?.posts).toEqual([...posts].sort((x, y) => x - y));
      expect(got.get(text)?.bucket).toBe(bucketOf(text, buckets));
    }
  });

  test('entries are added in stages of a few million: a term met in every stage keeps one list', () => {
    const list = new Postings(new TermTexts(1), 1);
    const a = '示'.codePointAt(0)!;
    // 6,000 posts of 1,000 pairs each: 6 million entries, past one stage
    for (let ordinal = 0; ordinal < 6000; ordinal++) {
      for (let k = 0; k < 1000; k++) list.cjk(((0x4e00 + k) << 16) | (0x4e00 + ((ordinal + k) % 7)));
      list.cjk(a << 16);
      list.end(ordinal);
    }
    const got = readBack(list, 1);
    expect(got.get('示')?.posts).toEqual(Array.from({ length: 6000 }, (_, i) => i));
    expect(list.entries).toBe(6000 * 1001);
  });

  test('posts come in order, and before the lists are read: others are errors, not wrong lists', () => {
    const list = new Postings(new TermTexts(1), 1);
    list.cjk(0x4e00 << 16);
    list.end(5);
    list.cjk(0x4e00 << 16);
    expect(() => list.end(5)).toThrow('post 5 out of order (after 5)');
    list.bucketTerms(0);
    expect(() => list.end(6)).toThrow('a post added after the lists were read');
  });
});

describe('TermTexts', () => {
  test('a word has one id wherever it stands; texts that share a hash are apart', () => {
    const texts = new TermTexts(4);
    const id = texts.idOf('economy');
    expect(texts.idOf('the economy grows', 4, 11)).toBe(id);
    expect(texts.idOf('econom')).not.toBe(id);
    expect(texts.text(id)).toBe('economy');
    expect(texts.bucket(id)).toBe(bucketOf('economy', 4));
    // thousands of words: the table grows, and each keeps its id
    const ids = Array.from({ length: 5000 }, (_, i) => texts.idOf(`w${i}`));
    expect(Array.from({ length: 5000 }, (_, i) => texts.idOf(`x w${i} x`, 2, 2 + `w${i}`.length))).toEqual(
      ids,
    );
    expect(new Set(ids).size).toBe(5000);
  });

  test("a word's stem is worked out once and is a term of its own", () => {
    const texts = new TermTexts(1);
    let calls = 0;
    const stem = (w: string) => (calls++, w.endsWith('ies') ? `~${w.slice(0, -3)}y` : undefined);
    const id = texts.idOf('economies');
    const s = texts.stemOf(id, stem);
    expect(texts.text(s)).toBe('~economy');
    expect(texts.stemOf(id, stem)).toBe(s);
    expect(texts.stemOf(texts.idOf('run'), stem)).toBe(-1);
    expect(texts.stemOf(texts.idOf('run'), stem)).toBe(-1);
    expect(calls).toBe(2);
  });
});
