// Plugin options: defaults, environment overrides, and a clear error for each impossible value.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveOptions, type FolioOptions } from '../../src/node/options.ts';

describe('resolveOptions', () => {
  test('defaults', () => {
    expect(resolveOptions({}, '/site', {})).toEqual({
      title: 'Folio',
      description: '',
      siteUrl: '',
      lang: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      contentDir: path.resolve('/site/content'),
      outDir: path.resolve('/site/dist'),
      base: '/',
      pageSize: 20,
      maxFileSize: 32 * 1024 * 1024,
      drafts: false,
      future: false,
      strict: false,
      reportPath: path.resolve('/site/folio-report.json'),
      hiddenTags: [],
      cloudMinCount: 1,
      tagSynonyms: {},
      feedContent: 'full',
      feedItemBytes: 16_384,
      permalink: 'posts/:slug/',
      urls: { tag: 'tags', category: 'categories', author: 'authors', feed: 'feed.xml' },
      aliases: {},
      logo: '',
      favicon: '',
      menu: [],
      footer: '',
      footerLinks: [],
      editLink: '',
      reportLink: '',
    });
  });

  test('hidden tags: a list, or a file of them (one a line, # a comment); a file that is not there is an error', () => {
    expect(resolveOptions({ hiddenTags: [' 广告 ', '', 'ads'] }, '/site', {}).hiddenTags).toEqual([
      '广告',
      'ads',
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-hidden-'));
    fs.writeFileSync(path.join(dir, 'hidden-tags.txt'), '# ads and the like\n广告\r\n  推广 # paid\n\nads\n');
    expect(resolveOptions({ hiddenTags: 'hidden-tags.txt' }, dir, {}).hiddenTags).toEqual([
      '广告',
      '推广',
      'ads',
    ]);
    expect(() => resolveOptions({ hiddenTags: 'missing.txt' }, dir, {})).toThrow(
      `folio: hiddenTags names a file that cannot be read: ${path.join(dir, 'missing.txt')}`,
    );
    expect(() => resolveOptions({ hiddenTags: [1] as unknown as string[] }, dir, {})).toThrow(
      'folio: hiddenTags must be a list of tag names or the path of a file of them',
    );
  });

  test('environment variables override the config for one run', () => {
    const o = resolveOptions({ content: 'posts', strict: false, report: 'r.json' }, '/site', {
      FOLIO_CONTENT: '../archive/posts',
      FOLIO_REPORT: '/tmp/report.json',
      FOLIO_STRICT: '1',
      FOLIO_FUTURE: '1',
    });
    expect(o).toMatchObject({
      contentDir: path.resolve('/archive/posts'),
      reportPath: '/tmp/report.json',
      strict: true,
      future: true,
    });
    expect(resolveOptions({ strict: true }, '/site', { FOLIO_STRICT: '0' }).strict).toBe(false);
    expect(resolveOptions({ future: true }, '/site', { FOLIO_FUTURE: '0' }).future).toBe(false);
  });

  test('every option has its variable (siteUrl → FOLIO_SITE_URL), read as its kind; flags override variables', () => {
    const env = {
      FOLIO_SITE_URL: 'https://example.org/archive',
      FOLIO_TITLE: '我的存档',
      FOLIO_PAGE_SIZE: '30',
      FOLIO_DRAFTS: 'yes',
      FOLIO_BASE: 'archive',
      FOLIO_OUT: 'public',
      FOLIO_CLOUD_MIN_COUNT: '2',
    };
    expect(resolveOptions({ title: 'config', pageSize: 10 }, '/site', env)).toMatchObject({
      siteUrl: 'https://example.org/archive',
      title: '我的存档',
      pageSize: 30,
      drafts: true,
      base: '/archive/',
      outDir: path.resolve('/site/public'),
      cloudMinCount: 2,
    });
    const flags = { title: 'flag', pageSize: 5, out: '/elsewhere/site' };
    expect(resolveOptions({ title: 'config' }, '/site', env, flags)).toMatchObject({
      title: 'flag',
      pageSize: 5,
      outDir: '/elsewhere/site',
    });
  });

  test.for([
    [{ FOLIO_PAGE_SIZE: 'twenty' }, 'folio: FOLIO_PAGE_SIZE must be a whole number, not "twenty"'],
    [{ FOLIO_STRICT: 'maybe' }, 'folio: FOLIO_STRICT must be 1 or 0 (true or false), not "maybe"'],
    [{ FOLIO_BASE: '/a b/' }, 'folio: base must be a path like "/archive/", not "/a b/"'],
  ] as [Record<string, string>, string][])('the variables %o are refused', ([env, message]) => {
    expect(() => resolveOptions({}, '/site', env)).toThrow(message);
  });

  test('tag synonyms from a file: one a line, → -> => or = between, # a comment; a bad line is named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-synonyms-'));
    fs.writeFileSync(
      path.join(dir, 'synonyms.txt'),
      '# renamed tags\nUSA → 美国\n台灣 -> 台湾\n\nU.K. => 英国  # old name\nGDP=经济\n',
    );
    expect(resolveOptions({ tagSynonyms: 'synonyms.txt' }, dir, {}).tagSynonyms).toEqual({
      USA: '美国',
      台灣: '台湾',
      'U.K.': '英国',
      GDP: '经济',
    });
    fs.writeFileSync(path.join(dir, 'bad.txt'), 'USA → 美国\n只有一个名字\n');
    expect(() => resolveOptions({ tagSynonyms: 'bad.txt' }, dir, {})).toThrow(
      `folio: tagSynonyms file ${path.join(dir, 'bad.txt')}, line 2: "只有一个名字" is not \`name → name\``,
    );
  });

  test('a trailing slash on siteUrl is dropped', () => {
    expect(resolveOptions({ siteUrl: 'https://example.org/archive/' }, '/', {}).siteUrl).toBe(
      'https://example.org/archive',
    );
  });

  test.for([
    [{ lang: 'fr' }, 'folio: lang must be "zh-CN" or "en", not "fr"'],
    [
      { timeZone: 'Mars/Olympus' },
      'folio: timeZone "Mars/Olympus" is not an IANA time zone (e.g. "Asia/Shanghai")',
    ],
    [{ pageSize: 0 }, 'folio: pageSize must be a whole number from 1 to 500, not 0'],
    [{ pageSize: 2.5 }, 'folio: pageSize must be a whole number from 1 to 500, not 2.5'],
    [{ cloudMinCount: 0 }, 'folio: cloudMinCount must be a whole number from 1, not 0'],
    [
      { tagSynonyms: { USA: '' } },
      'folio: tagSynonyms must map each tag name to the name to use ({ "USA": "美国" })',
    ],
    [
      { tagSynonyms: { USA: 1 } as unknown as Record<string, string> },
      'folio: tagSynonyms must map each tag name to the name to use ({ "USA": "美国" })',
    ],
    [{ cloudMinCount: 1.5 }, 'folio: cloudMinCount must be a whole number from 1, not 1.5'],
    [{ siteUrl: 'example.org' }, 'folio: siteUrl must be an absolute http(s) address, not "example.org"'],
    [{ maxFileSize: 0 }, 'folio: maxFileSize must be a whole number of bytes, not 0'],
  ] as [FolioOptions, string][])('%o is refused', ([options, message]) => {
    expect(() => resolveOptions(options, '/', {})).toThrow(message);
  });
});
