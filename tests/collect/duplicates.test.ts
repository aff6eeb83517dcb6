// Posts with the same title and text (issue 25, point 10): the later copy is reported with a warning
// naming the first; the copies know one another, in the build and in `npm run check` alike (which
// keeps no body); a post with the same title but other text, or the same text under another title,
// is no copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkContent, runPipeline, type PipelineResult } from '../../src/node/pipeline.ts';
import type { PostData } from '../../src/shared/contract.ts';
import { routes } from '../../src/shared/paths.ts';
import { optionsFor } from '../helpers/content-dir.ts';

const post = (title: string, date: string, body: string) =>
  `---\ntitle: ${title}\ndate: ${date}\ntags: [镜像]\n---\n${body}`;
const TEXT = '这篇文章被镜像存了两份，正文一字不差。\n\n第二段也一样。\n';

let dir: string;
let result: PipelineResult;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-twins-'));
  const files: Record<string, string> = {
    'posts/first.md': post('同一篇文章', '2020-01-01', TEXT),
    'posts/again/copy.md': post('同一篇文章', '2021-06-01', TEXT),
    'posts/third.md': post('同一篇文章', '2022-01-01', TEXT),
    'posts/other-text.md': post('同一篇文章', '2023-01-01', TEXT.replace('两份', '三份')),
    'posts/other-title.md': post('另一个标题', '2023-02-01', TEXT),
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  result = runPipeline(optionsFor(dir));
});

const warnings = (report: PipelineResult['report'], file: string) =>
  report.files.find((f) => f.path === file)!.issues.map((i) => `${i.severity}: ${i.message}`);

describe('duplicates', () => {
  test('each later copy is a warning naming the first; the first and the others have none', () => {
    const message =
      "warning: same title and text as posts/first.md: a duplicate? (both are published; neither is the other's related post)";
    expect(warnings(result.report, 'posts/again/copy.md')).toEqual([message]);
    expect(warnings(result.report, 'posts/third.md')).toEqual([message]);
    for (const f of ['posts/first.md', 'posts/other-text.md', 'posts/other-title.md'])
      expect(warnings(result.report, f)).toEqual([]);
    expect(result.report.files.filter((f) => f.status === 'published')).toHaveLength(5);
  });

  test('the copies know one another in their data; the others know none', () => {
    const data = (slug: string) => {
      const route = result.data.routes.get(routes.post(slug))!;
      return (route as { post: PostData }).post;
    };
    const ordinal = (slug: string) => data(slug).ordinal;
    expect(data('first').duplicates?.sort()).toEqual([ordinal('copy'), ordinal('third')].sort());
    expect(data('copy').duplicates?.sort()).toEqual([ordinal('first'), ordinal('third')].sort());
    expect(data('other-text').duplicates).toBeUndefined();
    expect(data('other-title').duplicates).toBeUndefined();
  });

  test('npm run check reports them the same, with no body kept', async () => {
    const checked = await checkContent(optionsFor(dir));
    expect(warnings(checked.report, 'posts/again/copy.md')).toEqual(
      warnings(result.report, 'posts/again/copy.md'),
    );
  });
});
