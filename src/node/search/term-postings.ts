// Terms and the posts that hold them, as the search index collects them (index-builder.ts). A real
// archive's index holds millions of terms (every pair of neighbouring Han characters) and tens of
// millions of (term, post) entries; what an entry costs is the memory it touches, so it is made in
// three steps that each touch little:
//
// 1. a post's terms are set apart in a small table of their own (cleared by a generation number, not
//    by a fill): a term met 500 times in a post costs 500 probes of memory the processor holds close,
//    and one entry;
// 2. the post's entries are staged;
// 3. every few million entries, the staged ones are sorted into 2,048 shards by a hash of their term
//    (keeping the posts' order), and each shard's terms are found in the shard's own table (a few
//    thousand terms, held close while the shard is read) and their posts appended to their lists.
//
// The lists are grouped by the index's buckets once, after the last post.
//
// Each list is varint gaps between ordinals in 32-byte blocks of shared pages, chained: a typed array
// per term costs ~100 bytes before its first post. At 1,000 real-shaped posts (56 million Han
// characters, 30.5 million entries) this took the index from 16.3 s to 8.5 s here: one table of 2.8
// million terms, probed once per character and pair, was half of its time.
import { fnvUnits } from '../../shared/fnv.ts';
import { bucketOf, cjkBucketOf, cjkTerm } from '../../shared/search-terms.ts';

const BLOCK = 32;
const PAGE_BLOCKS = 1 << 15;
/** Keys of CJK terms of BMP characters (`first << 16 | second`) are at least this; other keys are ids. */
const CJK_KEYS = 0x3005 << 16;
/** Shards of the terms, by a hash of their keys: each shard's terms are found in a table of its own. */
const SHARD_BITS = 11;
const SHARDS = 1 << SHARD_BITS;
const shardOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> (32 - SHARD_BITS);
/** Slots of a post's set of keys, as a power of 2: 512 KiB, held close by the processor. */
const SET_BITS = 16;
/** Entries staged before they are added to the lists: 16 bytes each while staged. */
const STAGE = 1 << 22;

/** Grows a typed array to `n` numbers, keeping what it holds. */
function grow(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

/**
 * The texts of the terms that are not CJK terms of the BMP (words, stems, terms of other planes), each
 * with an id and its bucket; shared by an index's lists. A word is found by its span of a text, so a
 * word met again makes no string (a real-shaped post holds thousands of Latin words).
 */
export class TermTexts {
  private readonly texts: string[] = [];
  private buckets = new Int32Array(256);
  /** Open addressing: slot i holds a text's hash at 2i and its id + 1 at 2i + 1 (0: empty). */
  private table = new Int32Array(1 << 11);
  private stems = new Int32Array(256);

  constructor(private readonly bucketCount: number) {}

  /** The id of `text.slice(start, end)`, made on first sight. */
  idOf(text: string, start = 0, end = text.length): number {
    const hash = fnvUnits(text, start, end) | 0; // (as the table holds it: signed)
    const table = this.table;
    const mask = (table.length >>> 1) - 1;
    probe: for (let i = hash >>> Math.clz32(mask); ; i = (i + 1) & mask) {
      const held = table[(i << 1) | 1]!;
      if (held === 0) {
        const id = this.texts.length;
        if (id === CJK_KEYS) throw new Error('more distinct search terms than the index can hold');
        const term = start === 0 && end === text.length ? text : text.slice(start, end);
        this.texts.push(term);
        if (id === this.buckets.length) {
          this.buckets = grow(this.buckets, id * 2);
          this.stems = grow(this.stems, id * 2);
        }
        this.buckets[id] = bucketOf(term, this.bucketCount);
        table[i << 1] = hash;
        table[(i << 1) | 1] = id + 1;
        if (id * 2 > mask) this.growTable();
        return id;
      }
      if (table[i << 1] !== hash) continue;
      const known = this.texts[held - 1]!;
      if (known.length !== end - start) continue;
      for (let k = 0; k < known.length; k++)
        if (known.charCodeAt(k) !== text.charCodeAt(start + k)) continue probe;
      return held - 1;
    }
  }

  /** The id of a word's stem (`stem` gives it, or undefined), worked out once per word; -1 for none. */
  stemOf(id: number, stem: (word: string) => string | undefined): number {
    const known = this.stems[id]!;
    if (known !== 0) return known - 2;
    const text = stem(this.texts[id]!);
    const found = text === undefined ? -1 : this.idOf(text);
    this.stems[id] = found + 2;
    return found;
  }

  private growTable(): void {
    const old = this.table;
    const table = (this.table = new Int32Array(old.length * 2));
    const mask = (table.length >>> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let i = old[j]! >>> Math.clz32(mask);
      while (table[(i << 1) | 1] !== 0) i = (i + 1) & mask;
      table[i << 1] = old[j]!;
      table[(i << 1) | 1] = old[j + 1]!;
    }
  }

  bucket(id: number): number {
    return this.buckets[id]!;
  }

  text(id: number): string {
    return this.texts[id]!;
  }
}

/**
 * The posts of every term of an index. A term is a CJK term of BMP
 * characters (`cjk`) or any other text (`string`); a post's terms are given, then `end` with its
 * ordinal (posts in ordinal order). The lists are read by bucket (`bucketTerms`), after the last post.
 */
export class Postings {
  // The post being added: its distinct keys. Its lone BMP characters are stamped with `gen` by code;
  // other keys are found in a table whose slot i holds a key at 2i and the gen it was set in at 2i + 1.
  private readonly charStamps = new Int32Array(0x10000);
  private set = new Int32Array(2 << SET_BITS);
  private setBits = SET_BITS;
  private gen = 1;
  private postKeys = new Int32Array(1 << 9);
  private postCount = 0;
  private lastOrdinal = -1;

  // Staged entries, and the posts they are of (each post's end in them, and its ordinal).
  private stageKeys = new Int32Array(1 << 10);
  private staged = 0;
  private stagePosts: number[] = [];
  private sortedKeys = new Int32Array(0);
  private sortedOrdinals = new Int32Array(0);

  // Each shard's terms: open addressing, slot i holding a key at 2i and its term id + 1 at 2i + 1.
  private readonly tables: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(SHARDS);
  private readonly tableUsed = new Int32Array(SHARDS);
  /** The terms by bucket, once the last post is in: bucket b's are `order[starts[b], starts[b + 1])`. */
  private byBucket: { starts: Int32Array; order: Int32Array } | undefined;

  // Per term: its key; 4 numbers side by side (last ordinal, posts, bytes, tail block); its head block.
  private keys = new Int32Array(1024);
  private state = new Int32Array(4096);
  private head = new Int32Array(1024);
  terms = 0;
  /** (term, post) entries added. */
  entries = 0;
  private readonly pages: Uint8Array[] = [];
  private next = new Int32Array(1024);
  private blocks = 0;

  constructor(
    private readonly texts: TermTexts,
    private readonly buckets: number,
  ) {}

  /** A CJK term of BMP characters in the post being added: `first << 16 | second` (0: none). */
  cjk(key: number): void {
    if ((key & 0xffff) === 0) {
      const char = key >>> 16;
      if (this.charStamps[char] === this.gen) return;
      this.charStamps[char] = this.gen;
      this.push(key);
    } else this.note(key);
  }

  /** Any other term in the post being added, by its id among the texts. */
  text(id: number): void {
    this.note(id);
  }

  /** A key in the post's set, once. */
  private note(key: number): void {
    const set = this.set;
    const gen = this.gen;
    const mask = (set.length >>> 1) - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> (32 - this.setBits); ; i = (i + 1) & mask) {
      if (set[(i << 1) | 1] !== gen) {
        set[i << 1] = key;
        set[(i << 1) | 1] = gen;
        this.push(key);
        if (this.postCount * 2 > mask) this.resizeSet(this.setBits + 1);
        return;
      }
      if (set[i << 1] === key) return;
    }
  }

  private push(key: number): void {
    if (this.postCount === this.postKeys.length) this.postKeys = grow(this.postKeys, this.postCount * 2);
    this.postKeys[this.postCount++] = key;
  }

  /** A set of 2^bits slots holding the post's keys so far (lone characters apart). */
  private resizeSet(bits: number): void {
    this.setBits = bits;
    const set = (this.set = new Int32Array(2 << bits));
    const mask = (1 << bits) - 1;
    for (let k = 0; k < this.postCount; k++) {
      const key = this.postKeys[k]!;
      if ((key & 0xffff) === 0 && key >>> 0 >= CJK_KEYS) continue;
      let i = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
      while (set[(i << 1) | 1] === this.gen) i = (i + 1) & mask;
      set[i << 1] = key;
      set[(i << 1) | 1] = this.gen;
    }
  }

  /** The bucket of a term's key. */
  private bucketOfKey(key: number): number {
    return key >>> 0 >= CJK_KEYS
      ? cjkBucketOf(key >>> 16, key & 0xffff || -1, this.buckets)
      : this.texts.bucket(key);
  }

  /** The post whose terms were given has ended: its ordinal. */
  end(ordinal: number): void {
    if (this.byBucket) throw new Error('a post added after the lists were read');
    if (ordinal <= this.lastOrdinal)
      throw new Error(`post ${ordinal} out of order (after ${this.lastOrdinal})`);
    this.lastOrdinal = ordinal;
    const n = this.postCount;
    if (this.staged + n > this.stageKeys.length) {
      const size = Math.max(this.stageKeys.length * 2, this.staged + n);
      this.stageKeys = grow(this.stageKeys, size);
    }
    const staged = (this.staged += n);
    this.stageKeys.set(this.postKeys.subarray(0, n), staged - n);
    this.stagePosts.push(staged, ordinal);
    this.postCount = 0;
    this.gen++;
    // (a set grown by a long post is made small again: the next posts' keys stay close together)
    if (this.setBits > SET_BITS && n * 16 < 1 << this.setBits) this.resizeSet(SET_BITS);
    if (staged >= STAGE) this.fold();
  }

  /** Adds the staged entries to the lists, shard by shard. */
  private fold(): void {
    const { staged, stageKeys } = this;
    if (staged === 0) return;
    // a counting sort by shard (stable: each shard's entries stay in the posts' order)
    const starts = new Int32Array(SHARDS + 1);
    for (let i = 0; i < staged; i++) starts[shardOf(stageKeys[i]!) + 1]!++;
    for (let b = 0; b < SHARDS; b++) starts[b + 1]! += starts[b]!;
    if (this.sortedKeys.length < staged) {
      this.sortedKeys = new Int32Array(Math.max(staged, STAGE));
      this.sortedOrdinals = new Int32Array(Math.max(staged, STAGE));
    }
    const { sortedKeys, sortedOrdinals } = this;
    const at = starts.slice(0, SHARDS);
    const posts = this.stagePosts;
    for (let p = 0, i = 0; p < posts.length; p += 2) {
      const ordinal = posts[p + 1]!;
      for (const end = posts[p]!; i < end; i++) {
        const key = stageKeys[i]!;
        const to = at[shardOf(key)]!++;
        sortedKeys[to] = key;
        sortedOrdinals[to] = ordinal;
      }
    }
    for (let b = 0; b < SHARDS; b++)
      for (let i = starts[b]!, end = starts[b + 1]!; i < end; i++)
        this.append(this.idOf(b, sortedKeys[i]!), sortedOrdinals[i]!);
    this.entries += staged;
    this.staged = 0;
    this.stagePosts = [];
  }

  /** The id of a key's term in its shard, made on first sight. */
  private idOf(shard: number, key: number): number {
    let table = this.tables[shard];
    if (table === undefined) table = this.tables[shard] = new Int32Array(16);
    const mask = (table.length >>> 1) - 1;
    for (let i = Math.imul(key, 0x85ebca6b) >>> Math.clz32(mask); ; i = (i + 1) & mask) {
      const id = table[(i << 1) | 1]!;
      if (id === 0) {
        const made = this.newTerm(key);
        table[i << 1] = key;
        table[(i << 1) | 1] = made + 1;
        if (++this.tableUsed[shard]! * 4 > (mask + 1) * 3) this.growTable(shard);
        return made;
      }
      if (table[i << 1] === key) return id - 1;
    }
  }

  private growTable(shard: number): void {
    const old = this.tables[shard]!;
    const table = (this.tables[shard] = new Int32Array(old.length * 2));
    const mask = (table.length >>> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let i = Math.imul(old[j]!, 0x85ebca6b) >>> Math.clz32(mask);
      while (table[(i << 1) | 1] !== 0) i = (i + 1) & mask;
      table[i << 1] = old[j]!;
      table[(i << 1) | 1] = old[j + 1]!;
    }
  }

  private newTerm(key: number): number {
    const id = this.terms++;
    if (id === this.head.length) {
      this.head = grow(this.head, id * 2);
      this.keys = grow(this.keys, id * 2);
      this.state = grow(this.state, id * 8);
    }
    const block = this.block();
    this.keys[id] = key;
    this.head[id] = block;
    this.state[id << 2] = -1;
    this.state[(id << 2) | 3] = block;
    return id;
  }

  private block(): number {
    const at = this.blocks++;
    if ((at & (PAGE_BLOCKS - 1)) === 0) this.pages.push(new Uint8Array(PAGE_BLOCKS * BLOCK));
    if (at === this.next.length) this.next = grow(this.next, at * 2);
    return at;
  }

  /** Appends a post to a term's list: its gap from the last post, as a varint. */
  private append(id: number, ordinal: number): void {
    const state = this.state;
    const s = id << 2;
    let gap = ordinal - state[s]!;
    state[s] = ordinal;
    state[s + 1]!++;
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

  /** The ids of a bucket's terms, once the last post is in (a counting sort of the terms by bucket). */
  bucketTerms(bucket: number): Int32Array {
    if (!this.byBucket) {
      this.fold();
      const { buckets, terms, keys } = this;
      const of = new Int32Array(terms);
      const starts = new Int32Array(buckets + 1);
      for (let id = 0; id < terms; id++) starts[(of[id] = this.bucketOfKey(keys[id]!)) + 1]!++;
      for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
      const order = new Int32Array(terms);
      const at = starts.slice(0, buckets);
      for (let id = 0; id < terms; id++) order[at[of[id]!]!++] = id;
      this.byBucket = { starts, order };
    }
    const { starts, order } = this.byBucket;
    return order.subarray(starts[bucket], starts[bucket + 1]);
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
      const at = (block & (PAGE_BLOCKS - 1)) << 5;
      const take = Math.min(BLOCK, length - n);
      out.set(this.pages[block >>> 15]!.subarray(at, at + take), offset + n);
      n += take;
    }
  }

  /** A CJK term of BMP characters as its characters (second -1 for a lone one); else undefined. */
  cjkOf(id: number): [first: number, second: number] | undefined {
    const key = this.keys[id]!;
    if (key >>> 0 < CJK_KEYS) return undefined;
    return [key >>> 16, key & 0xffff || -1];
  }

  /** The text of a term. */
  termOf(id: number): string {
    const cjk = this.cjkOf(id);
    return cjk ? cjkTerm(cjk[0], cjk[1]) : this.texts.text(this.keys[id]!);
  }
}
