// The data contract: "The first screen costs the same at 10 posts and at 100,000." The home page, a tag
// page and an article page need only their entry page; its size must not grow with the number of posts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { runPipeline, type PipelineResult } from '../../src/node/pipeline.ts';
import { renderEntry } from '../../src/node/render/entry.ts';
import { ENTRY_DATA_ID, routes } from '../../src/shared/paths.ts';
import { generateCorpus, tagName } from '../bench/generate-corpus.ts';
import { optionsFor } from '../helpers/content-dir.ts';

const SHELL =
  '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><div id="root"></div></body></html>';
const sizes = new Map<number, PipelineResult>();
/** The same corpora with two posts a listing shard: 2,500 shards at 5,000 posts, three directory chunks. */
const narrow = new Map<number, PipelineResult>();

beforeAll(() => {
  for (const n of [200, 5000]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `folio-size-${n}-`));
    generateCorpus(dir, n);
    const now = Date.parse('2030-01-01T00:00:00Z');
    sizes.set(n, runPipeline(optionsFor(dir), { now }));
    narrow.set(n, runPipeline(optionsFor(dir, { pageSize: 2 }), { now }));
  }
});

function entryBytes(result: PipelineResult, route: string): number {
  const data = result.data.routes.get(route);
  if (!data) throw new Error(`no route ${route}`);
  return gzipSync(renderEntry(SHELL, { path: route, manifest: result.data.manifest, route: data })).length;
}

describe.for([
  ['home', routes.home()],
  ['the most used tag', routes.facet('tag', tagName(0))],
  ['a mid-frequency tag (a full page at both sizes)', routes.facet('tag', tagName(3))],
  ['an article', routes.post('post-0')],
])('first screen of %s', ([, route]) => {
  test('at 5,000 posts is within 1.1× of 200 posts, and under 40 KB gzip', () => {
    const small = entryBytes(sizes.get(200)!, route);
    const large = entryBytes(sizes.get(5000)!, route);
    expect(large).toBeLessThanOrEqual(small * 1.1);
    expect(large).toBeLessThan(40 * 1024);
  });
});

test('an article whose archive has thousands of listing shards carries the same data as at 200 posts', () => {
  // the shards' directory and the tags' postings grow with the archive: neither is in an article's page
  expect(narrow.get(5000)!.data.files.size).toBeGreaterThan(2500);
  const inline = (result: PipelineResult) => {
    const route = routes.post('post-0');
    const html = renderEntry(SHELL, {
      path: route,
      manifest: result.data.manifest,
      route: result.data.routes.get(route)!,
    });
    const json = new RegExp(`<script type="application/json" id="${ENTRY_DATA_ID}">(.*?)</script>`, 's').exec(
      html,
    )![1]!;
    return gzipSync(json).length;
  };
  const small = inline(narrow.get(200)!);
  const large = inline(narrow.get(5000)!);
  expect(large).toBeLessThanOrEqual(small * 1.02);
});

test('no tag, author or archive page at 5,000 posts needs more than 40 KB gzip', () => {
  const result = sizes.get(5000)!;
  const largest = Math.max(
    ...[...result.data.routes.keys()]
      .filter((r) => !r.startsWith('posts/'))
      .map((r) => entryBytes(result, r)),
  );
  expect(largest).toBeLessThan(40 * 1024);
});

test('the lists themselves did grow: 25× the posts, 25× the shards', () => {
  const shards = (r: PipelineResult) =>
    [...r.data.files.keys()].filter((f) => f.startsWith('data/list.')).length;
  expect(shards(sizes.get(200)!)).toBe(10);
  expect(shards(sizes.get(5000)!)).toBe(250);
});
