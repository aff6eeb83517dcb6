// Terms and the posts that hold them, as the search index collects them (index-search.ts): each term's
// list grows as varint gaps between ordinals in 32-byte blocks of shared pages, not as an array of its
// own (a typed array per term costs ~100 bytes before its first posting). A 10,000-post archive of the
// bench's corpus holds ~69,000 terms and ~17 million (term, post) pairs: ~35 MiB here.
import { cjkTerm } from '../shared/search-terms.ts';

const BLOCK = 32;
const PAGE_BLOCKS = 1 << 15;
const DENSE_BITS = 10;
const DENSE = 1 << DENSE_BITS;

/**
 * Terms and their postings. A CJK term of BMP characters is the key `first << 16 | second` (second 0
 * for a lone character): a pair of two of the first 1,024 characters met (in real text the commonest
 * come first) is found in a table indexed by their numbers, any other in an open-addressing table;
 * other terms are strings in a Map. Term ids index the per-term arrays; each term's varint gaps fill
 * 32-byte blocks of shared pages, chained. (Most of the build's time in here is memory latency: the
 * bench's corpus has ~60,000 pairs spread evenly, so the less each character touches, the faster.)
 */
export class Postings {
  /** Open addressing: slot i holds a key at 2i and its term id at 2i + 1 (0 = empty: no key is 0). */
  private table = new Int32Array(1 << 17);
  private shift = 16;
  private used = 0;
  private readonly strings = new Map<string, number>();
  /** Dense numbers of characters in pairs, and ids of the pairs of two such characters (-1: none). */
  private readonly dense = new Int16Array(0x10000).fill(-1);
  private denseCount = 0;
  private readonly densePairs = new Int32Array(DENSE * DENSE).fill(-1);
  /** Ids of lone BMP characters by code (a character is the most frequent kind of term). */
  private readonly chars = new Int32Array(0x10000).fill(-1);
  /** Per term, 4 numbers side by side (one cache line): last ordinal, posts, bytes, tail block. */
  state = new Int32Array(4096);
  private head = new Int32Array(1024);
  private cjkKey = new Int32Array(1024);
  /** Texts of the terms that are not CJK characters of the BMP. */
  private readonly text: string[] = [];
  terms = 0;
  /** The run of 32 ordinals being added (ordinal >>> 5), each term's posts in it, the terms with any. */
  private run = 0;
  private bits = new Int32Array(1024);
  private touched = new Int32Array(1024);
  private touchedCount = 0;
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
    const first = this.denseOf(key >>> 16);
    const second = this.denseOf(key & 0xffff);
    if ((first | second) >= 0) {
      const at = (first << DENSE_BITS) | second;
      let id = this.densePairs[at]!;
      if (id < 0) {
        id = this.densePairs[at] = this.newTerm();
        this.cjkKey[id] = key;
      }
      return id;
    }
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

  /** A character's dense number, given on first sight to the first DENSE of them; else -1. */
  private denseOf(cp: number): number {
    const d = this.dense[cp]!;
    if (d >= 0 || this.denseCount === DENSE) return d;
    return (this.dense[cp] = this.denseCount++);
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
      this.bits = grow(this.bits, id * 2);
      this.touched = grow(this.touched, id * 2);
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

  /**
   * Adds a post to a term's list once (posts come in ordinal order). The posts of each run of 32
   * ordinals are first bits of a word per term, added to the lists when the run ends: a term met again
   * and again in a run costs an OR, and its list is touched once a run, not once a post.
   */
  add(id: number, ordinal: number): void {
    if (ordinal >>> 5 !== this.run) {
      this.flush();
      this.run = ordinal >>> 5;
    }
    const word = this.bits[id]!;
    if (word === 0) this.touched[this.touchedCount++] = id;
    this.bits[id] = word | (1 << (ordinal & 31));
  }

  /** Adds the run's posts (bits) to the lists. */
  private flush(): void {
    const { bits, touched } = this;
    const base = this.run << 5;
    // in the order of the ids where most terms have posts in the run: the lists' state in memory order
    const all = this.touchedCount * 4 > this.terms;
    const n = all ? this.terms : this.touchedCount;
    for (let i = 0; i < n; i++) {
      const id = all ? i : touched[i]!;
      let word = bits[id]!;
      if (word === 0) continue;
      bits[id] = 0;
      for (; word !== 0; word &= word - 1) this.append(id, base + 31 - Math.clz32(word & -word));
    }
    this.touchedCount = 0;
  }

  /** Appends a post to a term's list: its gap from the last post, as a varint. */
  private append(id: number, ordinal: number): void {
    const state = this.state;
    const s = id << 2;
    const last = state[s]!;
    if (last === ordinal) return; // (a run's posts read before it ended)
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
    if (this.touchedCount > 0) this.flush();
    return this.state[(id << 2) | 1]!;
  }

  /** Bytes of a term's varint gaps. */
  size(id: number): number {
    if (this.touchedCount > 0) this.flush();
    return this.state[(id << 2) | 2]!;
  }

  /** Copies a term's varint gaps out of its blocks into `out` at `offset`. */
  copyGaps(id: number, out: Uint8Array, offset: number): void {
    if (this.touchedCount > 0) this.flush();
    const length = this.state[(id << 2) | 2]!;
    let block = this.head[id]!;
    for (let n = 0; n < length; block = this.next[block]!) {
      const at = (block & (PAGE_BLOCKS - 1)) << 5;
      const take = Math.min(BLOCK, length - n);
      out.set(this.pages[block >>> 15]!.subarray(at, at + take), offset + n);
      n += take;
    }
  }

  /** A CJK term of BMP characters as its characters (second -1 for a lone one); else undefined. */
  cjkOf(id: number): [first: number, second: number] | undefined {
    if (this.text[id] !== undefined) return undefined;
    const key = this.cjkKey[id]!;
    return [key >>> 16, key & 0xffff || -1];
  }

  /** The text of a term. */
  termOf(id: number): string {
    const text = this.text[id];
    if (text !== undefined) return text;
    const key = this.cjkKey[id]!;
    return cjkTerm(key >>> 16, key & 0xffff || -1);
  }
}
