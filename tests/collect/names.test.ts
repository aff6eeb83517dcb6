// Names no disk takes, or two disks take for one: a real `vite build` of the hostile fixture (a slug of
// 300 characters, tags named `index.html`, `CON` or 60 `ﷺ` that NFKC makes 1,080 characters, an
// asset's name of 240 bytes, three pages with one slug), and twins that differ only by case or Unicode
// form, made in a temporary folder (a checkout on a case-insensitive disk cannot hold them).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import type { Report } from '../../src/node/collect/report.ts';
import { fixtures, optionsFor } from '../helpers/content-dir.ts';
import { buildSite } from '../helpers/vite-build.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('the hostile fixture builds, every name a folder any disk takes', () => {
  let files: Map<string, string | Uint8Array>;
  let report: Report;
  beforeAll(async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-names-'));
    files = await buildSite({
      content: path.join(fixtures, 'hostile'),
      report: path.join(out, 'report.json'),
    });
    report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
  });
  const entry = (p: string) => report.files.find((f) => f.path === p)!;

  test('no path segment of the output is longer than 200 bytes of UTF-8 (disks allow 255)', () => {
    const segments = [...files.keys()].flatMap((name) => name.split('/'));
    expect(segments.filter((s) => bytes(s) > 200)).toEqual([]);
    // the long ones are there, cut with a hash
    expect(segments.filter((s) => bytes(s) > 150).length).toBeGreaterThanOrEqual(3);
  });

  test('a slug of 300 characters is cut with a hash of the whole, and the post says so', () => {
    const post = entry('posts/2024-01-06-names.md');
    expect(post.slug).toMatch(/^s{190}~_[0-9a-z]{7}$/);
    expect(files.has(`posts/${post.slug}/index.html`)).toBe(true);
    expect(post.issues).toContainEqual({
      severity: 'warning',
      line: 3,
      field: 'slug',
      message: `slug "${'s'.repeat(39)}…" is too long for a folder name: its folder is "${'s'.repeat(39)}…"`,
    });
  });

  test('a tag, a category or a post named as a file the site or Windows keeps gets a folder of its own', () => {
    expect(String(files.get('tags/index.html'))).toContain('<html'); // the tag cloud, as ever
    for (const folder of ['tags/~_index.html', 'tags/~_feed.xml', 'tags/~_con', 'categories/~_nul.txt'])
      expect(files.has(`${folder}/index.html`), folder).toBe(true);
    const post = entry('posts/2024-01-07-index.html.md');
    expect(post.slug).toBe('~_index.html');
    expect(post.issues).toContainEqual({
      severity: 'warning',
      message: `slug "index.html" is a name the site or a disk keeps: its folder is "~_index.html"`,
    });
    // a trailing dot, which Windows drops, is escaped like a leading one
    expect(files.has('tags/a~2e/index.html')).toBe(true);
  });

  test('names one by case folding and NFKC are one tag: ſtory and story, λόγος and λόγοσ, Index.HTML and index.html', () => {
    const tags = entry('posts/2024-01-06-names.md').tags!;
    expect(tags).toEqual([
      'index.html',
      'ſtory',
      'λόγος',
      'ﷺ'.repeat(60),
      'CON',
      'feed.xml',
      'a.',
      '標'.repeat(60),
    ]);
    expect(files.has('tags/story/index.html')).toBe(true);
  });

  test('an asset whose name is 240 bytes is copied under a shorter one', () => {
    const media = [...files.keys()].filter((n) => n.startsWith('media/') && n.endsWith('.png'));
    expect(media).toEqual([expect.stringMatching(/^media\/长{33}\.\w{10}\.png$/)]);
  });

  test('pages clash like posts: in the order of their paths, the later gets -2, -3 with a warning', () => {
    expect(
      ['pages/about-us.md', 'pages/about.md', 'pages/contact.md'].map((p) => [
        entry(p).slug,
        entry(p).issues,
      ]),
    ).toEqual([
      ['About', []],
      [
        'about-2',
        [
          {
            severity: 'warning',
            message: 'slug "about" is taken by pages/about-us.md; this page gets "about-2"',
          },
        ],
      ],
      [
        'about-3',
        [
          {
            severity: 'warning',
            message: 'slug "about" is taken by pages/about-us.md; this page gets "about-3"',
          },
        ],
      ],
    ]);
    for (const slug of ['About', 'about-2', 'about-3'])
      expect(files.has(`p/${slug}/index.html`), slug).toBe(true);
  });
});

test('twins by case or Unicode form get -2 in date order, with a warning naming the first', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-twins-'));
  fs.mkdirSync(path.join(dir, 'posts'));
  const twins = [
    ['2024-01-01-café.md', '2024-01-02-cafe\u0301.md'], // NFC, NFD
    ['2024-01-03-Story.md', '2024-01-04-story.md'],
    ['2024-01-05-ſtory-two.md', '2024-01-06-story-two.md'],
    ['2024-01-07-straße.md', '2024-01-08-strasse.md'],
    ['2024-01-09-Ⅻ.md', '2024-01-10-xii.md'],
    ['2024-01-11-λόγος.md', '2024-01-12-λόγοσ.md'],
  ];
  // (each its own text: the same title and text would be a duplicate, reported as such)
  for (const name of twins.flat())
    fs.writeFileSync(path.join(dir, 'posts', name), `---\ntitle: 双胞胎\n---\n${name} 的正文\n`);
  const result = runPipeline(optionsFor(dir));
  const folders = result.posts.map((p) => p.slug);
  const seen = new Map<string, string>();
  for (const slug of folders) {
    // what a disk that ignores case and form would make of each: never one folder for two posts
    const key = slug.normalize('NFKC').toUpperCase().toLowerCase();
    expect(seen.get(key), slug).toBeUndefined();
    seen.set(key, slug);
  }
  for (const [first, second] of twins) {
    const a = result.report.files.find((f) => f.path === `posts/${first}`)!;
    const b = result.report.files.find((f) => f.path === `posts/${second}`)!;
    expect(b.slug).toMatch(/-2$/);
    expect(b.issues).toEqual([
      {
        severity: 'warning',
        message: expect.stringMatching(
          new RegExp(`is taken by posts/${first!.normalize('NFC')}; this post gets "`),
        ),
      },
    ]);
    expect(a.issues).toEqual([]);
  }
});
