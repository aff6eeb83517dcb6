// Proof by property (fast-check): random bytes, random YAML-like front matter and random Markdown, in
// files with hostile names, go through the whole pipeline and the site writer. It never throws; every
// file is in the report; every data file is JSON of the contract's shape and every entry page carries
// its route's data; nothing is written outside the output folder. The hostile classes are among the
// inputs: names too long for a disk, reserved or twins by case and Unicode form, pages that share a
// slug, files of active types that posts name, characters XML forbids spelled by YAML, dates at the
// edges, symbolic-link loops; and so among the properties: every folder name within 255 bytes, no two
// posts or pages in one folder on a case-insensitive disk, only passive files in media/, every feed
// and sitemap XML, every archive page a year 1–9999. 500 cases here; `npm run bench -- --fuzz` runs
// 20,000 (FOLIO_FUZZ_RUNS).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterAll, expect, test } from 'vitest';
import type { EntryData } from '../../src/shared/contract.ts';
import { dataKindOf, hasDataShape } from '../../src/shared/data-shapes.ts';
import { ENTRY_DATA_ID, MEDIA_DIR } from '../../src/shared/paths.ts';
import { foldKey } from '../../src/shared/slug.ts';
import { MEDIA_TYPES } from '../../src/node/collect/media.ts';
import { siteFiles } from '../../src/node/write-site.ts';
import { checkContent, runPipeline } from '../../src/node/pipeline.ts';
import { openWriter, type SiteWriter } from '../../src/node/write/write-files.ts';
import { listAll, optionsFor } from '../helpers/content-dir.ts';

const RUNS = Number(process.env.FOLIO_FUZZ_RUNS ?? 500);
const SEED = process.env.FOLIO_FUZZ_SEED ? Number(process.env.FOLIO_FUZZ_SEED) : undefined;
const now = Date.parse('2026-01-01T00:00:00Z');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-fuzz-'));
// One writer (and its thread) for every case, each writing into a folder of its own under `outputs`.
const outputs = path.join(root, 'out');
let writer: SiteWriter | undefined;
afterAll(async () => {
  await writer?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

// ---- what a scraped archive holds -------------------------------------------------------------------

const oneOf = <T>(...xs: T[]) => fc.constantFrom(...xs);
// Names no disk takes, a site writes itself, or two disks take for one; text XML forbids (a quoted
// scalar is JSON-quoted below, which YAML reads back: \u0000, a lone \ud800).
const hostileName = oneOf(
  'index.html',
  'Feed.XML',
  'CON',
  'nul.txt',
  'a.',
  'ſtory',
  'Story',
  'λόγος',
  'λόγοσ',
  'Straße',
  'strasse',
  'café',
  'cafe\u0301',
  'Ⅻ',
  'xii',
  'ﷺ'.repeat(60),
  's'.repeat(300),
  '长'.repeat(90),
  'x\u0000y',
  'a\ud800b',
  '\ufffe',
  ']]>',
  '<b>粗体</b>',
);
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  oneOf('示范区', '某某', '聊天，截图', '<script>alert(1)</script>', '"引号', "'", '\u202e反转', '😀', ''),
  hostileName,
);
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  oneOf(
    'null',
    '~',
    '2023-02-30',
    '2023-2-1',
    '0000-01-01',
    '0001-03-01',
    '9999-12-31T23:59:59Z',
    '9999-12-31T23:59:59+14:00',
    '9999-12-31T23:59:59-14:00',
    '2023-02-21T20:08:46+00:00',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  oneOf(
    '*a',
    '&a x',
    '!!binary aGk=',
    '!!js/function f',
    '[unclosed',
    '"unclosed',
    '{a: 1',
    '|',
    '>-',
    ': x',
  ),
);
// A scalar as YAML text: strings bare (they may break the YAML, as scraped ones do) or double-quoted.
const yamlScalar = fc
  .tuple(scalar, fc.boolean())
  .map(([s, quote]) => (typeof s === 'string' && quote ? JSON.stringify(s) : String(s)));
const value: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    yamlScalar,
    fc.array(yamlScalar, { maxLength: 5 }).map((xs) => `[${xs.join(', ')}]`),
    fc.array(tie('v'), { maxLength: 3 }).map((xs) => xs.map((x) => `\n  - ${x}`).join('')),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('v'), { maxKeys: 3 }).map((d) =>
      Object.entries(d)
        .map(([k, x]) => `\n  ${k}: ${x}`)
        .join(''),
    ),
  ),
})).v;
const key = fc.oneof(
  oneOf('title', 'Title', 'date', 'Lastmod', 'updated', 'tags', 'tag', 'categories', 'category', 'author'),
  oneOf('authors', 'slug', 'permalink', 'draft', 'published', 'layout', 'excerpt', 'lang', 'description'),
  fc.string({ maxLength: 10 }),
);
const traversal = oneOf('slug: ../../../etc', 'permalink: /../../outside/', 'slug: "..%2F..%2Fx"', 'slug: /');
/** A hostile name where the build makes a folder of it: a slug, a tag, a category, an author. */
const namedLine = fc
  .tuple(
    oneOf('slug', 'tags', 'categories', 'author', 'title'),
    fc.array(hostileName, { minLength: 1, maxLength: 3 }),
  )
  .map(([k, names]) =>
    k === 'slug' || k === 'title' ? `${k}: ${JSON.stringify(names[0])}` : `${k}: ${JSON.stringify(names)}`,
  );
/** Front matter YAML reads whole: hostile names, a date at the edges or not. */
const cleanFrontMatter = fc
  .tuple(
    fc.array(namedLine, { minLength: 1, maxLength: 4 }),
    oneOf('0000-01-01', '0001-03-01', '2024-02-29', '9999-12-31T23:59:59+14:00', '9999-12-31T23:59:59-14:00'),
  )
  .map(([lines, date]) => `---\n${lines.join('\n')}\ndate: ${date}\n---\n`);
const frontMatter = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`) },
        { weight: 1, arbitrary: traversal },
        { weight: 1, arbitrary: namedLine },
      ),
      {
        maxLength: 8,
      },
    ),
    oneOf('---\n', '---  \n', '\ufeff---\n', '---\r\n', ''),
    oneOf('---\n', '...\n', '---\r\n', ''),
    oneOf('\n', '\r\n', '\n\t'),
  )
  .map(([lines, open, close, eol]) => `${open}${lines.join(eol)}\n${close}`);

const url = oneOf(
  'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/a/640%3Fwx_fmt%3Djpeg',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'vbscript:x',
  'data:text/html,<script>alert(1)</script>',
  'data:image/png;base64,iVBORw0KGgo=',
  'img/cat.png',
  '../../../etc/passwd',
  '/absolute.png',
  '#top',
  'mailto:a@b.c',
  // files of active types (written beside the posts, below)
  'active.svg',
  'active.html',
  'active.js',
  '',
);
const block = fc.oneof(
  text,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([n, t]) => `${'#'.repeat(n)} ${t}`),
  fc.tuple(fc.integer({ min: 1, max: 40 }), text).map(([n, t]) => `${'>'.repeat(n)} ${t}`),
  fc.tuple(fc.integer({ min: 1, max: 30 }), text).map(([n, t]) => `${'- '.repeat(n)}${t}`),
  fc.tuple(text, url).map(([t, u]) => `![${t}](${u})`),
  fc.tuple(text, url, text).map(([t, u, title]) => `[${t}](${u} "${title}")`),
  fc.tuple(text, url).map(([t, u]) => `[${t}][r]\n\n[r]: ${u}`),
  fc.integer({ min: 1, max: 200 }).map((n) => '*'.repeat(n)),
  fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| ${b} | ${a} |`),
  fc.tuple(oneOf('', 'js', '```'), text).map(([lang, t]) => `\`\`\`${lang}\n${t}\n\`\`\``),
  oneOf(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<iframe src="https://evil.example"></iframe>',
    '<a href="javascript:alert(1)" target=_blank>x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<svg onload=alert(1)><circle r=1 /></svg>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<!-- more -->',
    '<details><summary>s</summary>',
    '\u0000\u0001\u0007',
    ']]> and ]]]]> <![CDATA[ x ]]>',
    '\ufffe\uffff',
  ),
);
const markdown = fc
  .tuple(fc.array(block, { maxLength: 12 }), oneOf('\n\n', '\n', '\r\n\r\n'))
  .map(([bs, sep]) => bs.join(sep));

const contentBytes = fc.oneof(
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }) },
  { weight: 1, arbitrary: markdown.map((m) => Buffer.from(m)) },
  { weight: 4, arbitrary: fc.tuple(frontMatter, markdown).map(([f, m]) => Buffer.from(f + m)) },
  { weight: 3, arbitrary: fc.tuple(cleanFrontMatter, markdown).map(([f, m]) => Buffer.from(f + m)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(frontMatter, markdown, oneOf('utf16le', 'latin1'))
      .map(([f, m, enc]) =>
        enc === 'utf16le'
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(f + m, 'utf16le')])
          : Buffer.from(f + m, 'latin1'),
      ),
  },
);

const nameChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcxyz0123-_'.split('')) },
  fc.constantFrom(' ', '%', '+', '#', '?', '[', ']', '"', "'", '名', '字', '😀', '&', '=', '~', '.', '\\'),
);
const fileName = fc
  .tuple(
    oneOf('', '2023-02-21-', '2023-2-1-', '9999-12-31-', '0000-01-01-'),
    fc.oneof(
      { weight: 6, arbitrary: fc.array(nameChar, { minLength: 1, maxLength: 16 }).map((cs) => cs.join('')) },
      oneOf('index.html', 'CON', 'ſtory', 'Story', '长'.repeat(70), 'a'.repeat(200)),
    ),
    oneOf('.md', '.md', '.markdown', '.MD', '.txt', '.png', '', '.html'),
  )
  .map(([d, n, e]) => d + n + e)
  // (`.` and `..` name the folder itself or its parent, not a file)
  .filter((name) => name !== '.' && name !== '..');
const folder = oneOf(
  '',
  'posts/',
  '_posts/',
  '_drafts/',
  'posts/2023/',
  'img/',
  '.hidden/',
  '空 格/',
  'pages/',
);
const files = fc.uniqueArray(
  fc.tuple(
    fc.tuple(folder, fileName).map(([d, n]) => d + n),
    contentBytes,
  ),
  {
    minLength: 1,
    maxLength: 5,
    selector: ([p]) => p.normalize().toLowerCase(),
  },
);

/** Files of types a browser runs, beside the posts that name them (`active.*` above). */
const ACTIVE: [string, string][] = [
  [
    'active.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="1" height="1"/></svg>',
  ],
  ['active.html', '<script>alert(1)</script>'],
  ['active.js', 'alert(1)'],
];

// ---- the property -------------------------------------------------------------------------------------

const { DOMParser } = new JSDOM('').window;
/** A strict XML 1.0 parser's complaint, or '' (feeds-xml.test.ts). */
const xmlError = (xml: string) =>
  new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror')[0]
    ?.textContent ?? '';

let n = 0;
const seen = { files: 0, published: 0, errors: 0 }; // the generators reach both outcomes
test(
  `${RUNS} random archives go through the pipeline and the writer without harm`,
  { timeout: 0 },
  async () => {
    await fc.assert(
      fc.asyncProperty(files, fc.boolean(), fc.boolean(), async (archive, feeds, extras) => {
        const id = String(n++);
        const dir = path.join(root, id);
        const content = path.join(dir, 'content');
        const out = path.join(outputs, id);
        for (const [rel, bytes] of archive) {
          fs.mkdirSync(path.dirname(path.join(content, rel)), { recursive: true });
          fs.writeFileSync(path.join(content, rel), bytes);
        }
        if (extras) {
          // files of active types where posts may name them, and a symbolic-link loop
          for (const folder of new Set(archive.map(([rel]) => path.dirname(path.join(content, rel)))))
            for (const [name, body] of ACTIVE)
              if (!fs.existsSync(path.join(folder, name))) fs.writeFileSync(path.join(folder, name), body);
          fs.symlinkSync('loop', path.join(content, 'loop'));
        }
        const opts = optionsFor(content, feeds ? { siteUrl: 'https://example.org/sub' } : {});
        const result = runPipeline(opts, { now, base: '/' });

        // Every file written is in the report, once.
        const reported = result.report.files.map((f) => f.path);
        expect(reported).toEqual(listAll(content));
        for (const f of result.report.files)
          if (f.status === 'excluded' || f.status === 'skipped') expect(f.reason, f.path).toBeTruthy();
        expect(result.posts.length).toBe(result.report.summary.published);
        // the check, which parses bodies only where the report depends on them, reports the same
        expect((await checkContent(opts, { now })).report).toEqual(result.report);
        seen.files += archive.length;
        seen.published += result.report.summary.published;
        seen.errors += result.report.summary.errors;

        // Every data file is JSON of its kind's shape.
        for (const [name, json] of result.data.files) {
          expect(dataKindOf(name), name).toBeDefined();
          expect(hasDataShape(name, JSON.parse(json)), name).toBe(true);
        }

        // Every file lands inside the output folder; each entry page carries its own route's data.
        const shell =
          '<!doctype html><html><head><meta charset="UTF-8" /><title>x</title></head><body><div id="root"></div></body></html>';
        const site = [...siteFiles(result, shell, '/')];
        for (const [name, file] of site) {
          expect(path.resolve(out, name).startsWith(out + path.sep), name).toBe(true);
          if (!name.endsWith('index.html') || typeof file !== 'string') continue;
          const json = new RegExp(
            `<script type="application/json" id="${ENTRY_DATA_ID}">(.*?)</script>`,
            's',
          ).exec(file);
          expect(json, name).not.toBeNull();
          const entry = JSON.parse(json![1]!) as EntryData;
          expect(`${entry.path}index.html`, name).toBe(name);
          expect(typeof entry.route.kind).toBe('string');
        }
        // Every folder name any disk takes; no two posts, nor two pages, in one folder on a disk that
        // ignores case and Unicode form; media/ holds only passive files, an SVG with nothing that runs.
        for (const [name] of site)
          for (const segment of name.split('/'))
            expect(Buffer.byteLength(segment), name).toBeLessThanOrEqual(255);
        const folders = result.posts.map((p) => foldKey(p.slug));
        expect(new Set(folders).size).toBe(folders.length);
        const pages = result.data.manifest.pages.map((p) => foldKey(p.slug));
        expect(new Set(pages).size).toBe(pages.length);
        for (const [name, file] of site) {
          if (!name.startsWith(`${MEDIA_DIR}/`)) continue;
          expect(Object.hasOwn(MEDIA_TYPES, path.extname(name)), name).toBe(true);
          if (file instanceof Uint8Array) expect(Buffer.from(file).toString()).not.toMatch(/<script|onload/i);
        }
        // Every feed and the sitemap are XML; every archive page is a year 1–9999 and a month.
        for (const [name, file] of site)
          if (name.endsWith('.xml'))
            expect({ name, error: xmlError(String(file)) }).toEqual({ name, error: '' });
        for (const route of result.data.routes.keys())
          if (route.startsWith('archive/'))
            expect(route).toMatch(/^archive\/(?:[1-9]\d{0,3}\/(?:(?:0[1-9]|1[0-2])\/)?)?$/);
        writer ??= openWriter(outputs);
        await writer.write(site.map(([name, file]) => [`${id}/${name}`, file]));
        expect(fs.readdirSync(outputs)).toEqual([id]);
        expect(fs.readdirSync(dir)).toEqual(['content']);
        expect(listAll(content)).toEqual(reported); // the content folder is untouched
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(out, { recursive: true, force: true });
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(seen.published).toBeGreaterThan(seen.files * 0.2);
    expect(seen.errors).toBeGreaterThan(0);
  },
);
