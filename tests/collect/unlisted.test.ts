// Unlisted and taken-down posts (tests/fixtures/unlisted): reachable at their address and nowhere
// else (no list, count, archive, feed, sitemap entry or search result; `noindex`); a removed post's
// address shows a notice, and nothing of its body, summary or images reaches the site.
import { expect, test } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import { siteFiles, type SiteFile } from '../../src/node/write-site.ts';
import { summarise } from '../../src/node/collect/report.ts';
import { routeFile, routes, searchFile } from '../../src/shared/paths.ts';
import { parseQuery } from '../../src/shared/search-terms.ts';
import { evaluate, parseBucket, ranked } from '../../src/client/features/search/lib/search-index.ts';
import { fixtures, optionsFor } from '../helpers/content-dir.ts';
import path from 'node:path';

const result = runPipeline(optionsFor(path.join(fixtures, 'unlisted'), { siteUrl: 'https://example.org' }), {
  now: Date.parse('2026-01-01T00:00:00Z'),
});
const shell = '<!doctype html><html><head><title>x</title></head><body><div id="root"></div></body></html>';
const files = new Map<string, SiteFile>(siteFiles(result, shell, '/'));
const text = (name: string) => {
  const f = files.get(name);
  if (f === undefined) throw new Error(`no ${name}`);
  return typeof f === 'string' ? f : Buffer.from(f as Uint8Array).toString('utf8');
};
const LISTED = ['写错的标记', '公开的第二篇', '公开的第一篇'];
const HIDDEN = ['只给链接的人看', 'Hexo 的隐藏文章', '已下架的文章'];
const slugOf = (title: string) => result.posts.find((p) => p.title === title)!.slug;

test('the lists, counts, tags and archive hold the listed posts alone; the unlisted come after them', () => {
  expect(result.listed).toBe(3);
  expect(result.posts.slice(0, 3).map((p) => p.title)).toEqual(LISTED);
  expect(new Set(result.posts.slice(3).map((p) => p.title))).toEqual(new Set(HIDDEN));
  const { manifest, routes: data } = result.data;
  expect(manifest.posts).toBe(3);
  const home = data.get(routes.home())!;
  expect(home.kind === 'home' && home.list.posts.map((p) => p.title)).toEqual(LISTED);
  // a removed post is never pinned
  expect(home).not.toHaveProperty('pinned');
  const shared = data.get(routes.facet('tag', '共同'))!;
  expect(shared.kind === 'facet' && shared.list.posts.map((p) => p.title)).toEqual(['公开的第一篇']);
  expect(data.has(routes.facet('tag', '私下标签'))).toBe(false);
  const month = data.get(routes.archive(2024, 3))!;
  expect(month.kind === 'archive' && month.list.posts.map((p) => p.title)).toEqual(['写错的标记']);
});

test('each is at its address; the unlisted whole, with noindex', () => {
  const page = text(routeFile(routes.post(slugOf('只给链接的人看'))));
  expect(page).toContain('秘密花园里的郁金香');
  expect(page).toContain('<meta name="robots" content="noindex" />');
  expect(text(routeFile(routes.post(slugOf('Hexo 的隐藏文章'))))).toContain('月光宝盒');
  expect(text(routeFile(routes.post(slugOf('公开的第一篇'))))).not.toContain('noindex');
});

test('a removed post is a notice at its address; nothing of its body, summary or image is on the site', () => {
  const page = text(routeFile(routes.post(slugOf('已下架的文章'))));
  expect(page).toContain('<p class="removed-notice" role="note">此文已被移除：应原作者要求删除</p>');
  expect(page).toContain('noindex');
  for (const [name, file] of files) {
    const body =
      typeof file === 'string' ? file : 'copy' in file ? file.copy : Buffer.from(file).toString('utf8');
    expect(body.includes('机密档案') || body.includes('不应出现的摘要'), name).toBe(false);
  }
  expect([...files.keys()].filter((n) => n.startsWith('media/'))).toEqual([]);
  // its image is no post's: in the report as such
  const image = result.report.files.find((f) => f.path === 'posts/img/secret.png')!;
  expect(image.status).toBe('skipped');
});

test('no feed, sitemap entry or search result names them', () => {
  for (const name of ['feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'tags/共同/feed.xml']) {
    const xml = text(name);
    for (const title of HIDDEN) expect(xml, `${name}: ${title}`).not.toContain(title);
    for (const title of HIDDEN) expect(xml, name).not.toContain(`/posts/${slugOf(title)}/`);
  }
  const plan = result.data.manifest.search;
  const buckets = new Map(
    Array.from({ length: plan.buckets }, (_, k) => [
      k,
      parseBucket(files.get(searchFile(plan.id, k)) as Uint8Array),
    ]),
  );
  const find = (q: string) =>
    ranked(evaluate(parseQuery(q), buckets, plan.buckets), 'relevance').map((o) => result.posts[o]!.title);
  expect(find('郁金香')).toEqual([]);
  expect(find('月光宝盒')).toEqual([]);
  expect(find('公开')).toEqual(['公开的第二篇', '公开的第一篇']);
});

test('the report counts them, names the removed with their reason, and warns of a flag it cannot read', () => {
  const { summary } = result.report;
  expect(summary).toMatchObject({ published: 6, unlisted: 2, removed: 1 });
  const text = summarise(result.report);
  expect(text).toContain(
    '  2 unlisted (at their address, out of every list, feed, the sitemap and search), 1 removed (a notice at their address)',
  );
  expect(text).toContain('posts/2024-03-03-taken-down.md: removed: 应原作者要求删除');
  const odd = result.report.files.find((f) => f.path === 'posts/2024-03-04-odd-flag.md')!;
  expect(odd.issues.map((i) => i.message)).toEqual([
    'unlisted is neither true nor false: the post is listed',
  ]);
  const down = result.report.files.find((f) => f.path === 'posts/2024-03-03-taken-down.md')!;
  expect(down.issues.map((i) => i.message)).toEqual(['removed, so not pinned']);
});
