// Feeds, sitemap and host files of a real `vite build` under a base path, read by a real XML parser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { CSP_HEADER } from '../../src/node/csp.ts';
import { fixtures } from '../helpers/content-dir.ts';
import { buildSite } from '../helpers/vite-build.ts';

const SITE = 'https://example.org';
const ROOT = `${SITE}/archive/`;
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'entry', 'url', 'link'].includes(name),
});
/** A value the parser may give as one or as a list of one. */
const one = (v: unknown) => [v].flat()[0];
let files: Map<string, string | Uint8Array>;
const text = (name: string) => {
  const f = files.get(name);
  if (f === undefined) throw new Error(`${name} was not emitted`);
  return String(f);
};
const xml = (name: string) => {
  expect(XMLValidator.validate(text(name))).toBe(true);
  return parser.parse(text(name));
};

beforeAll(async () => {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-feeds-')), 'report.json');
  files = await buildSite(
    {
      content: path.join(fixtures, 'site'),
      report,
      siteUrl: SITE,
      title: '测试站',
      description: '一个测试站',
    },
    '/archive/',
  );
});

describe('the home feeds (newest 50, full content)', () => {
  test('RSS 2.0', () => {
    const { rss } = xml('feed.xml');
    expect(rss['@version']).toBe('2.0');
    expect(one(rss.channel.link)).toBe(ROOT);
    expect(rss.channel).toMatchObject({
      title: '测试站',
      description: '一个测试站',
      language: 'zh-CN',
    });
    const items = rss.channel.item;
    expect(items.map((i: { title: string }) => i.title)).toEqual([
      'Broken Yaml',
      'Hello again',
      'Hello, local image',
      '又有官员翻车了！男领导工作群误发信息：你的身体只属于我',
      'In a Jekyll category folder',
    ]); // newest first; the undated post is left out
    for (const i of items) {
      expect(one(i.link)).toMatch(new RegExp(`^${ROOT}posts/[^/]+/$`));
      expect(i.guid['#text'] ?? i.guid).toBe(one(i.link));
      expect(i.pubDate).toMatch(RFC_822);
      expect(i['content:encoded']).toBeTruthy();
    }
    const hello = items.find((i: { title: string }) => i.title === 'Hello, local image');
    expect(hello['content:encoded']).toMatch(
      new RegExp(`<img src="${ROOT}media/cat\\.\\w{10}\\.png" alt="cat" referrerpolicy="no-referrer">`),
    );
    const wechat = items.find((i: { title: string }) => i.title.startsWith('又有官员'));
    expect(wechat['content:encoded']).toContain(
      'src="https://images.weserv.nl/?url=https%3A%2F%2Fmmbiz.qpic.cn',
    );
    expect(
      wechat.category.map((c: { '#text'?: string } | string) => (typeof c === 'string' ? c : c['#text'])),
    ).toContain('示范区');
  });

  test('Atom', () => {
    const { feed } = xml('atom.xml');
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('测试站');
    expect(feed.id).toBe(ROOT);
    expect(feed.updated).toMatch(RFC_3339);
    expect(feed.entry).toHaveLength(5);
    for (const e of feed.entry) {
      expect(e.link[0]['@href']).toMatch(new RegExp(`^${ROOT}posts/`));
      expect(e.updated).toMatch(RFC_3339);
      expect(e.published).toMatch(RFC_3339);
      expect(e.content['#text'] ?? e.content).toBeTruthy();
    }
  });

  test('JSON Feed has its required fields', () => {
    const feed = JSON.parse(text('feed.json'));
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
    expect(feed).toMatchObject({ title: '测试站', home_page_url: ROOT, feed_url: `${ROOT}feed.json` });
    expect(feed.items).toHaveLength(5);
    for (const item of feed.items) {
      expect(item.id).toMatch(new RegExp(`^${ROOT}posts/`));
      expect(item.url).toBe(item.id);
      expect(typeof item.content_html).toBe('string');
      expect(item.date_published).toMatch(RFC_3339);
    }
  });
});

describe('list feeds (newest 20, excerpts)', () => {
  test('a tag, a Chinese tag, a category and an author each have a valid RSS feed', () => {
    for (const [file, link, count] of [
      ['tags/local/feed.xml', `${ROOT}tags/local/`, 2],
      ['tags/图片/feed.xml', `${ROOT}tags/%E5%9B%BE%E7%89%87/`, 1],
      ['categories/notes/feed.xml', `${ROOT}categories/notes/`, 1],
      ['authors/editor/feed.xml', `${ROOT}authors/editor/`, 2],
    ] as const) {
      const { rss } = xml(file);
      expect(one(rss.channel.link), file).toBe(link);
      expect(rss.channel.item, file).toHaveLength(count);
      for (const i of rss.channel.item) {
        expect(i.description).toBeTruthy();
        expect(i['content:encoded']).toBeUndefined();
        expect(i.pubDate).toMatch(RFC_822);
      }
    }
  });

  test('one feed file per list: entry pages and feeds are the only files per tag', () => {
    const tagFiles = [...files.keys()].filter((f) => f.startsWith('tags/local/'));
    expect(tagFiles.sort()).toEqual(['tags/local/feed.xml', 'tags/local/index.html']);
  });
});

describe('sitemap and host files', () => {
  test('the sitemap lists every entry page with absolute URLs, posts with their dates', () => {
    const urls: { loc: string; lastmod?: string }[] = xml('sitemap.xml').urlset.url;
    const pages = [...files.keys()]
      .filter((f) => f.endsWith('index.html'))
      .map((f) => ROOT + f.replace(/index\.html$/, ''));
    expect(urls.map((u) => decodeURI(u.loc)).sort()).toEqual(pages.sort());
    expect(urls.find((u) => u.loc === `${ROOT}posts/hello/`)!.lastmod).toBe('2024-01-01T09:00:00+08:00');
    expect(urls.find((u) => u.loc === `${ROOT}posts/guan-yuan-fan-che/`)!.lastmod).toBe(
      '2023-02-21T20:08:46.214583+00:00',
    );
  });

  test('robots.txt points at the sitemap; _headers sets the policy, caches hashed files for a year and sandboxes media/; .nojekyll exists', () => {
    expect(text('robots.txt')).toContain(`Sitemap: ${ROOT}sitemap.xml`);
    expect(text('_headers')).toBe(
      `/archive/*\n  Content-Security-Policy: ${CSP_HEADER}\n\n/archive/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n\n/archive/data/*\n  Cache-Control: public, max-age=31536000, immutable\n\n/archive/media/*\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Security-Policy: sandbox\n  X-Content-Type-Options: nosniff\n`,
    );
    expect(CSP_HEADER).toContain("script-src 'self';");
    expect(CSP_HEADER).toContain("object-src 'none'; base-uri 'self'");
    expect(CSP_HEADER).not.toContain('unsafe-eval');
    expect(files.has('.nojekyll')).toBe(true);
  });
});
