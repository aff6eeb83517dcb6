// Posts no one writes by hand but a scraper may: huge, image-laden, nested thousands deep. Each is
// read, published and rendered (the feed's renderer, markdown-it and parse5) without a stack
// overflow, or refused by the size limit with an error; nothing is lost from the report.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import { renderHtml } from '../../src/node/render/html.ts';
import { articleHtml } from '../../src/node/render/article.ts';
import { optionsFor } from '../helpers/content-dir.ts';
import os from 'node:os';

const now = Date.parse('2026-01-01T00:00:00Z');
const post = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2024-01-01\n---\n${body}`;
const cases: Record<string, string> = {
  'quotes-10000-deep.md': post('quotes', '>'.repeat(10000) + ' 最深处的话\n'),
  // a list in a list 10,000 deep on one line; and 1,000 deep by indentation (10,000 would be 100 MB)
  'lists-10000-deep.md': post('lists', '- '.repeat(5000) + '1. '.repeat(5000) + '第一万层\n'),
  'lists-1000-indented.md': post(
    'indented',
    Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + `- 第${i}层`).join('\n') + '\n',
  ),
  'stars-50000.md': post('stars', '*'.repeat(50000) + '\n'),
  'images-5000.md': post(
    'images',
    Array.from({ length: 5000 }, (_, i) => `![图${i}](https://example.org/${i}.png)`).join('\n\n') + '\n',
  ),
  'huge-30mb.md': post('huge', '这是一段很长的正文。'.repeat(1_000_000) + '\n'), // 30 MB of UTF-8
};

function site(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-hostile-'));
  fs.mkdirSync(path.join(dir, 'posts'));
  for (const [name, text] of Object.entries(cases)) fs.writeFileSync(path.join(dir, 'posts', name), text);
  return dir;
}

describe('pathological posts', { timeout: 120_000 }, () => {
  const dir = site();
  const result = runPipeline(optionsFor(dir), { now });
  const byFile = (name: string) => result.report.files.find((f) => f.path === `posts/${name}`)!;
  const postOf = (title: string) => result.posts.find((p) => p.title === title)!;

  test('each is published and accounted for', () => {
    expect(fs.statSync(path.join(dir, 'posts/huge-30mb.md')).size).toBeGreaterThan(30_000_000);
    expect(result.report.files.map((f) => [f.path, f.status])).toEqual(
      Object.keys(cases)
        .sort()
        .map((name) => [`posts/${name}`, 'published']),
    );
  });

  test('nesting past the limit is flattened, with a warning on its line', () => {
    for (const [name, line] of [
      ['quotes-10000-deep.md', 5],
      ['lists-10000-deep.md', 5],
      ['lists-1000-indented.md', 38],
    ] as const)
      expect(byFile(name).issues).toEqual([
        {
          severity: 'warning',
          line,
          message: 'containers (quotes, lists) nested deeper than 16 levels are flattened from here',
        },
      ]);
    expect(postOf('quotes').excerpt).toBe('最深处的话');
  });

  test('5,000 images are counted, the first is the cover', () => {
    expect(postOf('images')).toMatchObject({ imageCount: 5000, cover: { src: 'https://example.org/0.png' } });
  });

  test('the 30 MB post is read whole', () => {
    expect(postOf('huge').wordCount).toBe(9_000_000);
  });

  test.for(['quotes', 'lists', 'indented', 'stars', 'images'])(
    'the %s post renders (feed and article, both ways)',
    (title) => {
      const body = postOf(title).body;
      expect(renderHtml(body, 'https://example.org/').length).toBeGreaterThan(0);
      expect(articleHtml(body, [], false, 'zh-CN').length).toBeGreaterThan(0);
      expect(articleHtml(body, [], true, 'zh-CN').length).toBeGreaterThan(0);
    },
  );

  test('a file past maxFileSize is refused with an error, not read', () => {
    const limited = runPipeline(optionsFor(dir, { maxFileSize: 10_000_000 }), { now });
    expect(limited.report.files.find((f) => f.path === 'posts/huge-30mb.md')).toEqual({
      path: 'posts/huge-30mb.md',
      status: 'skipped',
      reason: expect.stringMatching(
        /^larger than the maxFileSize option \(28\.6 MiB > 9\.5 MiB\): not read$/,
      ),
      issues: [{ severity: 'error', message: expect.stringContaining('larger than the maxFileSize option') }],
    });
    expect(limited.report.summary.errors).toBe(1);
  });
});
