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
      pageSize: 20,
      maxFileSize: 32 * 1024 * 1024,
      drafts: false,
      future: false,
      strict: false,
      reportPath: path.resolve('/site/folio-report.json'),
      hiddenTags: [],
      cloudMinCount: 1,
      tagSynonyms: {},
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
