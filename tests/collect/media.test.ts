// Files posts reference (media.ts, sanitise-svg.ts) on the hostile fixture: only passive types are
// copied, into media/; an SVG only as a drawing with nothing that runs or fetches; anything else is not
// copied, and its post and the file itself say why in the report. The host files sandbox media/.
import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { emitHostFiles } from '../../src/node/render/host-files.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { sanitiseSvg } from '../../src/node/collect/sanitise-svg.ts';
import { fixtures, optionsFor } from '../helpers/content-dir.ts';

const dir = path.join(fixtures, 'hostile');
const result = runPipeline(optionsFor(dir), { now: Date.parse('2026-01-01T00:00:00Z') });
const file = (p: string) => result.report.files.find((f) => f.path === p)!;
const REFUSED = 'not an image, SVG drawing, PDF, audio, video, text or archive, and a browser could run it';

describe('files a post references', () => {
  test('an HTML page named as an image, XHTML and JavaScript are not copied: the post warns of each', () => {
    const post = file('posts/2024-01-05-active-files.md');
    expect(post.status).toBe('published');
    expect(post.issues).toEqual([
      {
        severity: 'warning',
        message: `not copied, so its link leads nowhere: files/page.html (.html: ${REFUSED})`,
      },
      {
        severity: 'warning',
        message: `not copied, so its link leads nowhere: files/page.xhtml (.xhtml: ${REFUSED})`,
      },
      {
        severity: 'warning',
        message: `not copied, so its link leads nowhere: files/code.js (.js: ${REFUSED})`,
      },
    ]);
    const body = result.posts.find((p) => p.slug === 'active-files')!.body;
    expect(body).toContain('<img src="files/page.html" alt="网页">');
    expect(body).toContain('[JavaScript](files/code.js)');
  });

  test('the files themselves are in the report, skipped with the reason', () => {
    for (const [name, ext] of [
      ['page.html', '.html'],
      ['page.xhtml', '.xhtml'],
      ['code.js', '.js'],
    ])
      expect(file(`posts/files/${name}`)).toEqual({
        path: `posts/files/${name}`,
        status: 'skipped',
        reason: `not copied: ${ext}: ${REFUSED}`,
        issues: [],
      });
    expect(file('posts/files/README').reason).toBe('not a post (no extension) and no post references it');
  });

  test('only media/ holds the copies: the PDF as it is, the SVG sanitised', () => {
    // (the names fixture's PNG is names.test.ts's)
    const names = [...result.assets.keys()].filter((n) => !n.endsWith('.png')).sort();
    expect(names).toEqual([
      expect.stringMatching(/^media\/evil\.[A-Za-z0-9]{10}\.svg$/),
      expect.stringMatching(/^media\/paper\.[A-Za-z0-9]{10}\.pdf$/),
    ]);
    const pdf = result.assets.get(names[1]!);
    expect(pdf).toEqual({ copy: path.join(fs.realpathSync(dir), 'posts/files/paper.pdf') });
    const svg = result.assets.get(names[0]!);
    expect(svg).toBeInstanceOf(Uint8Array);
    const text = Buffer.from(svg as Uint8Array).toString('utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).not.toMatch(
      /script|onload|onclick|javascript|foreignObject|iframe|example\.org|@import|<set|<animate|<image/i,
    );
    expect(text).toContain('<rect width="200" height="80" fill="url(#sky)" />');
    expect(text).toContain('<stop offset="0" stop-color="#8cf" />');
    // (the DOCTYPE's entities are never expanded: the reference is text)
    expect(text).toContain('安全的图 &#x26;lol2;');
    expect(file('posts/files/evil.svg').status).toBe('asset');
    const body = result.posts.find((p) => p.slug === 'active-files')!.body;
    expect(body).toContain(`![带脚本的图](/${names[0]})`);
  });

  test('_headers sandboxes media/ and has it served as named', () => {
    const headers = emitHostFiles([], new Map(), result.data.manifest.site, '/').get('_headers')!;
    expect(headers).toContain(
      '/media/*\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Security-Policy: sandbox\n  X-Content-Type-Options: nosniff\n',
    );
  });
});

describe('sanitiseSvg', () => {
  test.for<[string, string, string | undefined]>([
    [
      'a plain drawing stays',
      '<svg viewBox="0 0 1 1"><circle cx="1" cy="1" r="1"/></svg>',
      '<circle cx="1" cy="1" r="1" />',
    ],
    ['CDATA is text', '<svg><text><![CDATA[a < b]]></text></svg>', '<text>a &#x3C; b</text>'],
    ['a reference within the file stays', '<svg><use href="#a"/></svg>', '<use href="#a" />'],
    ['a reference out of it goes', '<svg><use href="other.svg#a"/></svg>', '<use />'],
    ['a style that fetches goes', '<svg><rect style="fill:url(https://x)"/></svg>', '<rect />'],
    ['a style that does not stays', '<svg><rect style="fill:red"/></svg>', '<rect style="fill:red" />'],
    ['no svg element: nothing', '<p>not a drawing</p>', undefined],
    ['not even markup: nothing', '\u0000\uffff', undefined],
  ])('%s', ([, input, want]) => {
    const out = sanitiseSvg(input);
    if (want === undefined) expect(out).toBeUndefined();
    else {
      expect(out).toContain(want);
      expect(XMLValidator.validate(out!)).toBe(true);
    }
  });
});
