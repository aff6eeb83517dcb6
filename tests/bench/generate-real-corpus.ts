// Real-shaped corpora for the benchmark: posts drawn to the distribution measured on a real 752-post
// archive of WeChat and Zhihu mirrors (docs/performance.md, "The corpora"): file size p50 108 KB, p90
// 407 KB, p99 2.2 MB, max 4.1 MB; per 108 KB of file ~2,000 lines, 141 ATX headings, 32 images, 56 `**`
// markers (bold spans touching Chinese punctuation) and 4,000 Latin words; tables in 5% of posts, raw
// HTML in 1%. Han text is drawn word by word from the Leiden Weibo corpus's word frequencies (the
// `hanzi` package's data: ~400,000 words, a wide Zipf-like spread of ~6,000 characters), Latin words
// from the same list. Post 7 is the archive's largest (4.1 MB, 3,900 headings), post 11 the one with
// 2,625 images. Post i depends only on i, so the same post is identical in a corpus of any size.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { generateCorpus, rng, tagName } from './generate-corpus.ts';

/** (quantile, file bytes) of the real archive; sizes between are interpolated on a log scale. */
const SIZE_QUANTILES: [number, number][] = [
  [0, 1_500],
  [0.1, 18_000],
  [0.5, 108_000],
  [0.9, 407_000],
  [0.99, 2_200_000],
  [1, 4_100_000],
];
/** Per 108 KB of file, at the median. */
const PER_MEDIAN = { headings: 141, images: 32, bold: 28, latinWords: 4000, lines: 2000 };
const MEDIAN_BYTES = 108_000;
const MAX_HEADINGS = 3900;
const MAX_IMAGES = 2625;
const START = Date.parse('2015-01-01T00:00:00Z');
const SPAN = 11 * 365 * 86_400_000; // a few years in the future, as real archives have

/** A word list with frequencies, sampled in O(1) by Walker's alias method. */
class Vocabulary {
  readonly words: string[];
  private readonly prob: Float64Array;
  private readonly alias: Uint32Array;
  constructor(entries: [string, number][]) {
    const n = entries.length;
    this.words = entries.map(([w]) => w);
    const total = entries.reduce((s, [, f]) => s + f, 0);
    const scaled = entries.map(([, f]) => (f * n) / total);
    this.prob = new Float64Array(n);
    this.alias = new Uint32Array(n);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.prob[i] = 1;
  }
  pick(r: () => number): string {
    const x = r() * this.words.length;
    const i = Math.floor(x);
    return this.words[x - i < this.prob[i]! ? i : this.alias[i]!]!;
  }
}

let vocabularies: { han: Vocabulary; latin: Vocabulary } | undefined;
function vocabulary() {
  if (vocabularies) return vocabularies;
  const require = createRequire(import.meta.url);
  const text = fs.readFileSync(require.resolve('hanzi/lib/data/leidenfreqdata.txt.js'), 'utf8');
  const han: [string, number][] = [];
  const latin: [string, number][] = [];
  for (const line of text.slice(text.indexOf('`') + 1, text.lastIndexOf('`')).split('\n')) {
    const comma = line.lastIndexOf(',');
    const word = line.slice(0, comma);
    const freq = Number(line.slice(comma + 1));
    if (!(freq > 0)) continue;
    if (/^\p{Script=Han}{1,6}$/u.test(word)) han.push([word, freq]);
    else if (/^[a-z]{2,14}$/i.test(word) && word !== 'http' && word !== 'cn' && word !== 'com')
      latin.push([word, freq]);
  }
  return (vocabularies = { han: new Vocabulary(han), latin: new Vocabulary(latin) });
}

const SENTENCE_PUNCT = ['，', '，', '，', '，', '。', '。', '。', '！', '？', '；', '：', '、'];
const hex = (r: () => number, n: number) =>
  Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');

/** A file size from the archive's quantiles. */
function fileSize(r: () => number): number {
  const u = r();
  for (let k = 1; k < SIZE_QUANTILES.length; k++) {
    const [q1, s1] = SIZE_QUANTILES[k]!;
    if (u > q1) continue;
    const [q0, s0] = SIZE_QUANTILES[k - 1]!;
    return Math.round(Math.exp(Math.log(s0) + ((u - q0) / (q1 - q0)) * (Math.log(s1) - Math.log(s0))));
  }
  return SIZE_QUANTILES.at(-1)![1];
}

/** Builds a post's body block by block until it reaches its size. */
class BodyWriter {
  readonly parts: string[] = [];
  bytes = 0;
  constructor(private readonly r: () => number) {}
  push(block: string) {
    this.parts.push(block);
    this.bytes += Buffer.byteLength(block) + 2;
  }
  /** A run of Chinese with Latin words, bold spans and punctuation; about `target` bytes. */
  text(target: number, latinShare: number, boldChance: number): string {
    const { han, latin } = vocabulary();
    const r = this.r;
    let s = '';
    let bytes = 0;
    while (bytes < target) {
      if (r() < latinShare) {
        const n = 1 + Math.floor(r() * 6);
        let run = '';
        for (let k = 0; k < n; k++) run += (k ? ' ' : '') + latin.pick(r);
        s += ` ${run} `;
        bytes += run.length + 2;
      } else {
        const n = 2 + Math.floor(r() * 8);
        let run = '';
        for (let k = 0; k < n; k++) run += han.pick(r);
        if (r() < boldChance) run = r() < 0.5 ? `**${run}：**` : `**“${run}”**`;
        s += run + SENTENCE_PUNCT[Math.floor(r() * SENTENCE_PUNCT.length)];
        bytes += run.length * 3 + 3;
      }
    }
    return s;
  }
}

function image(r: () => number, w: BodyWriter, i: number): string {
  const kind = r();
  if (kind < 0.1)
    return `![](data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='1080' height='${300 + Math.floor(r() * 900)}'></svg>)`;
  if (kind < 0.55)
    return `![](https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/mmbiz_jpg/${hex(r, 32)}/640%3Fwx_fmt%3D${r() < 0.1 ? 'gif' : 'jpeg'})`;
  if (kind < 0.95) return `![](https://pic${1 + (i % 4)}.zhimg.com/v2-${hex(r, 32)}_r.jpg)`;
  return `![${w.text(30, 0, 0).replace(/[[\]*]/g, '')}](https://example.org/img/${hex(r, 12)}.png)`;
}

function table(r: () => number): string {
  const cols = 3 + Math.floor(r() * 6);
  const rows = 5 + Math.floor(r() * 26);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    line(Array.from({ length: cols }, (_, c) => (c === 0 ? '年份' : `指标${c}`))),
    line(Array.from({ length: cols }, () => '---')),
  ];
  for (let k = 0; k < rows; k++)
    out.push(
      line(
        Array.from({ length: cols }, (_, c) =>
          c === 0 ? String(1990 + k) : (r() * 10_000).toFixed(r() < 0.5 ? 0 : 2),
        ),
      ),
    );
  return out.join('\n');
}

function rawHtml(r: () => number, w: BodyWriter): string {
  return [
    `<section style="margin: 0 8px; color: rgb(62, 62, 62);">`,
    `<p><span style="font-size: 15px;">${w.text(120, 0.1, 0).replace(/\*/g, '')}</span><br></p>`,
    `<p><img src="https://mmbiz.qpic.cn/mmbiz_png/${hex(r, 32)}/640?wx_fmt=png" data-ratio="0.5625" alt=""></p>`,
    `</section>`,
  ].join('\n');
}

/** The body: block after block until the size is reached, with headings and images spread through. */
function body(r: () => number, i: number, bytes: number): string {
  const scale = bytes / MEDIAN_BYTES;
  const jitter = () => 0.6 + r() * 0.8;
  const qa = r() < 0.35; // Q&A compilations: one heading per answer
  let headings = Math.min(MAX_HEADINGS, Math.round(PER_MEDIAN.headings * scale * jitter()));
  let images = Math.min(MAX_IMAGES, Math.round(PER_MEDIAN.images * scale * jitter()));
  if (i === 7) headings = MAX_HEADINGS;
  if (i === 11) images = MAX_IMAGES;
  const blocks = Math.max(4, Math.round((PER_MEDIAN.lines / 2) * scale) - headings - images);
  const boldChance = (PER_MEDIAN.bold * scale) / Math.max(1, blocks * 3);
  // the share of a paragraph's runs that are Latin, for ~4,000 Latin words per 108 KB
  const latinShare = 0.22;
  const w = new BodyWriter(r);
  w.push(`原创 ${w.text(12, 0, 0)} [${w.text(12, 0, 0)}](javascript:void(0);)`);
  w.push(image(r, w, 0));
  const tables = r() < 0.05 ? 1 + Math.floor(r() * 4) : 0;
  const html = r() < 0.01;
  const each = (n: number) => (n > 0 ? blocks / n : Infinity);
  const headingEvery = each(headings);
  const imageEvery = each(images);
  const tableEvery = each(tables);
  let nextHeading = headingEvery / 2;
  let nextImage = imageEvery / 3;
  let nextTable = tableEvery / 2;
  // what headings (~40 bytes) and images (~120) leave, over paragraphs whose size below averages ~1.3
  // of it (the factor below, and a run of words past its target)
  const paragraphBytes = Math.max(20, (bytes - headings * 40 - images * 120) / blocks / 1.3);
  for (let b = 0; b < blocks; b++) {
    if (b >= nextHeading) {
      nextHeading += headingEvery;
      w.push(
        qa
          ? `### 知乎用户 ${hex(r, 6)} 发表`
          : `${r() < 0.6 ? '##' : '###'} ${w.text(24, 0.05, 0).replace(/\*/g, '')}`,
      );
    }
    while (b >= nextImage) {
      nextImage += imageEvery;
      w.push(image(r, w, b));
    }
    if (b >= nextTable) {
      nextTable += tableEvery;
      w.push(table(r));
    }
    if (html && b % 200 === 100) w.push(rawHtml(r, w));
    // lines of WeChat and Zhihu articles are short (~100 bytes a paragraph), some long
    const target = paragraphBytes * (r() < 0.1 ? 2 + r() * 4 : 0.2 + r() * 1.1);
    let p = w.text(target, latinShare, boldChance);
    if (r() < 0.01) p += ` [链接](https://www.zhihu.com/question/${Math.floor(r() * 1e9)})`;
    w.push(p);
  }
  return w.parts.join('\n\n');
}

/** One real-shaped post: its file name and text. */
export function generateRealPost(i: number): { name: string; text: string } {
  const r = rng(i * 104_729 + 3);
  const bytes = i === 7 ? 4_100_000 : i === 11 ? 2_000_000 : fileSize(r);
  const ms = START + Math.floor(r() * SPAN);
  const iso = new Date(ms).toISOString().slice(0, 19);
  const micro = String(Math.floor(r() * 1_000_000)).padStart(6, '0');
  // a one-digit month as some mirrors write it
  const dated = r() < 0.1 ? iso.replace(/-0(\d)-/, '-$1-') : iso;
  const tags = new Set<string>();
  const tagCount = Math.floor(r() * 7);
  while (tags.size < tagCount) tags.add(tagName(Math.floor(Math.pow(r(), 3) * 3000)));
  const w = new BodyWriter(r);
  const title = w
    .text(40 + r() * 40, 0.05, 0)
    .replace(/\*/g, '')
    .replace(/"/g, '');
  const author =
    r() < 0.1 ? '' : r() < 0.1 ? 'https://www.zhihu.com/people/x' : `作者${Math.floor(r() * 300)}`;
  const name = `${i % 3 === 0 ? `${iso.slice(0, 10)}-real-${i}` : hex(r, 32)}.md`;
  const text = [
    '---',
    `title: "${title}"`,
    `author: "${author}"`,
    `date: ${dated}.${micro}+00:00`,
    `Lastmod: ${dated}.${micro}+00:00`,
    `tags: [${[...tags].join(',')}]`,
    '---',
    '',
    body(r, i, bytes),
    '',
  ].join('\n');
  return { name, text };
}

/** Writes real-shaped posts 0 … n−1 into `dir/posts/`. */
export const generateRealCorpus = (dir: string, n: number): void => generateCorpus(dir, n, generateRealPost);
