// Terms and the posts that hold them, as the search index collects them (index-search.ts): each term's
// list grows as varint gaps between ordinals in 32-byte blocks of shared pages, not as an array of its
// own (a typed array per term costs ~100 bytes before its first posting). A 10,000-post archive of the
// bench's corpus holds ~69,000 terms and ~17 million (term, post) pairs: ~35 MiB here.
import { cjkTerm } from '../shared/search-terms.ts';

const BLOCK = 32;
const PAGE_BLOCKS = 1 << 15;

/**
 * Terms and their postings. A CJK term of BMP characters is the key `first << 16 | second` (second 0
 * for a lone character) in an open-addressing table; other terms are strings in a Map. Term ids index
 * the per-term arrays; each term's varint gaps fill 32-byte blocks of shared pages, chained.
 */
export class Postings {
  /** Open addressing: slot i holds a key at 2i and its term id at 2i + 1 (0 = empty: no key is 0). */
  private table = new Int32Array(1 << 17);
  private shift = 16;
  private used = 0;
  private readonly strings = new Map<string, number>();
  /** Ids of lone BMP characters by code (a character is the most frequent kind of term). */
  private readonly chars = new Int32Array(0x10000).fill(-1);
  /** Per term, 4 numbers side by side (one cache line): last ordinal, posts, bytes, tail block. */
  state = new Int32Array(4096);
  private head = new Int32Array(1024);
  private cjkKey = new Int32Array(1024);
  /** Texts of the terms that are not CJK characters of the BMP. */
  private readonly text: string[] = [];
  terms = 0;
  private readonly pages: Uint8Array[] = [];
  private next = new Int32Array(1024);
  private blocks = 0;

  /** The id of a lone BMP character, made on first sight. */
  char(cp: number): number {
    let id = this.chars[cp]!;
    if (id < 0) {
      id = this.chars[cp] = this.newTerm();
      this.cjkKey[id] = cp << 16;
    }
    return id;
  }

  /** The id of a pair of BMP characters (`first << 16 | second`), made on first sight. */
  pair(key: number): number {
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> (32 - this.shift); ; i = (i + 1) & mask) {
      const k = table[i << 1]!;
      if (k === key) return table[(i << 1) | 1]!;
      if (k === 0) {
        const id = this.newTerm();
        this.cjkKey[id] = key;
        table[i << 1] = key;
        table[(i << 1) | 1] = id;
        if (++this.used * 2 > mask + 1) this.growTable();
        return id;
      }
    }
  }

  private growTable(): void {
    const old = this.table;
    this.shift++;
    const table = (this.table = new Int32Array(old.length * 2));
    const mask = (table.length >>> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      let at = Math.imul(old[j]!, 0x9e3779b1) >>> (32 - this.shift);
      while (table[at << 1] !== 0) at = (at + 1) & mask;
      table[at << 1] = old[j]!;
      table[(at << 1) | 1] = old[j + 1]!;
    }
  }

  /** The id of any other term, made on first sight. */
  string(term: string): number {
    let id = this.strings.get(term);
    if (id === undefined) {
      id = this.newTerm();
      this.text[id] = term;
      this.strings.set(term, id);
    }
    return id;
  }

  private newTerm(): number {
    const id = this.terms++;
    if (id === this.head.length) {
      const grow = (a: Int32Array, n: number) => {
        const b = new Int32Array(n);
        b.set(a);
        return b;
      };
      this.head = grow(this.head, id * 2);
      this.cjkKey = grow(this.cjkKey, id * 2);
      this.state = grow(this.state, id * 8);
    }
    const block = this.block();
    this.head[id] = block;
    this.state[id << 2] = -1;
    this.state[(id << 2) | 3] = block;
    return id;
  }

  private block(): number {
    const at = this.blocks++;
    if ((at & (PAGE_BLOCKS - 1)) === 0) this.pages.push(new Uint8Array(PAGE_BLOCKS * BLOCK));
    if (at === this.next.length) {
      const next = new Int32Array(at * 2);
      next.set(this.next);
      this.next = next;
    }
    return at;
  }

  /** Adds a post to a term's list once (posts come in ordinal order). */
  add(id: number, ordinal: number): void {
    const state = this.state;
    const s = id << 2;
    const last = state[s]!;
    if (last === ordinal) return;
    state[s] = ordinal;
    state[s + 1]!++;
    let gap = ordinal - last;
    while (gap > 0x7f) {
      this.put(s, (gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    this.put(s, gap);
  }

  private put(s: number, byte: number): void {
    const state = this.state;
    const n = state[s + 2]!++;
    let block = state[s + 3]!;
    if (n > 0 && (n & (BLOCK - 1)) === 0) {
      const fresh = this.block();
      this.next[block] = fresh;
      state[s + 3] = block = fresh;
    }
    this.pages[block >>> 15]![((block & (PAGE_BLOCKS - 1)) << 5) | (n & (BLOCK - 1))] = byte;
  }

  /** Posts that hold a term. */
  count(id: number): number {
    return this.state[(id << 2) | 1]!;
  }

  /** Bytes of a term's varint gaps. */
  size(id: number): number {
    return this.state[(id << 2) | 2]!;
  }

  /** Copies a term's varint gaps out of its blocks into `out` at `offset`. */
  copyGaps(id: number, out: Uint8Array, offset: number): void {
    const length = this.state[(id << 2) | 2]!;
    let block = this.head[id]!;
    for (let n = 0; n < length; block = this.next[block]!) {
      const page = this.pages[block >>> 15]!;
      const at = (block & (PAGE_BLOCKS - 1)) << 5;
      const end = Math.min(n + BLOCK, length);
      for (let j = at; n < end; j++) out[offset + n++] = page[j]!;
    }
  }

  /** The text of a term. */
  termOf(id: number): string {
    const text = this.text[id];
    if (text !== undefined) return text;
    const key = this.cjkKey[id]!;
    return cjkTerm(key >>> 16, key & 0xffff || -1);
  }
}
