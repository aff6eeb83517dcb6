// Deterministic corpora in the sample post's format, for the benchmark and the size tests: Chinese
// 3–6 KB bodies, 3–8 weserv images, 3–6 tags from a Zipf-distributed vocabulary of 3,000, 200 authors,
// dates over five years with microseconds, half the files named by date and half by a 32-hex hash.
// Post i depends only on i, so the same post is identical in a corpus of any size.
import fs from 'node:fs';
import path from 'node:path';

const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
const PUNCT = ['，', '，', '，', '。', '。', '！', '？', '；', '、'];
const TAG_CHARS = HAN.slice(0, 400);
const VOCABULARY = 3000;
const AUTHORS = 200;
const START = Date.parse('2019-01-01T00:00:00Z');
const SPAN = 5 * 365 * 86_400_000;

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (r: () => number, n: number, chars = HAN) =>
  Array.from({ length: n }, () => chars[Math.floor(r() * chars.length)]).join('');

/** Tag k of the vocabulary (0 = most frequent). */
export function tagName(k: number): string {
  const r = rng(1_000_003 + k);
  return words(r, 2 + Math.floor(r() * 3), TAG_CHARS) + (k % 7 === 0 ? String(k) : '');
}

const zipfWeights = (() => {
  const w = Array.from({ length: VOCABULARY }, (_, k) => 1 / (k + 1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();

function zipf(r: () => number): number {
  const x = r();
  let lo = 0;
  let hi = VOCABULARY - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zipfWeights[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function hex32(r: () => number): string {
  return Array.from({ length: 32 }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
}

/** One generated post: its file name and text. */
export function generatePost(i: number): { name: string; text: string } {
  const r = rng(i * 7919 + 17);
  const ms = START + Math.floor(r() * SPAN);
  const micro = String(Math.floor(r() * 1_000_000)).padStart(6, '0');
  const iso = new Date(ms).toISOString().slice(0, 19);
  const tags = new Set<number>();
  const tagCount = 3 + Math.floor(r() * 4);
  while (tags.size < tagCount) tags.add(zipf(r));
  const title = words(r, 12 + Math.floor(r() * 16));
  const author = `作者${Math.floor(r() * AUTHORS)}`;
  const images = 3 + Math.floor(r() * 6);
  const targetBytes = 3000 + Math.floor(r() * 3000);
  const paragraphs: string[] = [];
  let bytes = 0;
  let imagesLeft = images;
  while (bytes < targetBytes || imagesLeft > 0) {
    if (imagesLeft > 0 && (bytes > targetBytes || r() < 0.3)) {
      const id = hex32(r);
      const p = `![](https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/mmbiz_jpg/${id}/640%3Fwx_fmt%3Djpeg)`;
      paragraphs.push(p);
      imagesLeft--;
      continue;
    }
    const sentences = 1 + Math.floor(r() * 4);
    let p = '';
    for (let s = 0; s < sentences; s++)
      p += words(r, 8 + Math.floor(r() * 30)) + PUNCT[Math.floor(r() * PUNCT.length)];
    paragraphs.push(p);
    bytes += Buffer.byteLength(p);
  }
  const slugish = `post-${i}`;
  const name = i % 2 === 0 ? `${iso.slice(0, 10)}-${slugish}.md` : `${hex32(r)}.md`;
  const text = [
    '---',
    'layout: default',
    `Lastmod: ${iso}.${micro}+00:00`,
    `date: ${iso}.${micro}+00:00`,
    `title: "${title}"`,
    `author: "${author}"`,
    `tags: [${[...tags].map(tagName).join(',')}]`,
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
  return { name, text };
}

/** Writes posts 0 … n−1 of a generator (`post`: this file's, by default) into `dir/posts/`. */
export function generateCorpus(
  dir: string,
  n: number,
  post: (i: number) => { name: string; text: string } = generatePost,
): void {
  const posts = path.join(dir, 'posts');
  fs.mkdirSync(posts, { recursive: true });
  for (let i = 0; i < n; i++) {
    const { name, text } = post(i);
    fs.writeFileSync(path.join(posts, name), text);
  }
}
