// The whole pipeline on a small site: discovery, assets, ordering, slugs, exclusions and the report.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { siteFiles } from '../../src/node/write-site.ts';
import { findFiles } from '../../src/node/read/find-files.ts';
import {
  checkContent,
  fileChanged,
  pipelineCache,
  runPipeline,
  runPipelineParallel,
  type PipelineResult,
} from '../../src/node/pipeline.ts';
import { readFiles } from '../../src/node/read/read-files.ts';
import { summarise } from '../../src/node/collect/report.ts';
import { routes } from '../../src/shared/paths.ts';
import { fixtures, listAll, optionsFor, tempCopy } from '../helpers/content-dir.ts';

let dir: string;
let result: PipelineResult;
const now = Date.parse('2026-01-01T00:00:00Z');
const file = (p: string) => result.report.files.find((f) => f.path === p);

beforeAll(() => {
  dir = tempCopy('site');
  fs.symlinkSync('/etc/hostname', path.join(dir, 'posts/outside.md'));
  fs.symlinkSync('img/cat.png', path.join(dir, 'posts/inside-link.png'));
  fs.symlinkSync('..', path.join(dir, 'posts/img/loop'));
  fs.symlinkSync('nowhere.md', path.join(dir, 'posts/broken-link.md'));
  result = runPipeline(optionsFor(dir), { base: '/archive/', now });
});

describe('the pipeline on the fixture site', () => {
  test('every file and link under the content folder is in the report, once', () => {
    expect(result.report.files.map((f) => f.path)).toEqual(listAll(dir));
  });

  test('posts come newest first, undated last, with unique slugs (the oldest keeps the bare one)', () => {
    expect(result.posts.map((p) => [p.ordinal, p.slug])).toEqual([
      [0, 'broken-yaml'],
      [1, 'hello-2'],
      [2, 'hello'],
      [3, 'guan-yuan-fan-che'],
      [4, 'jekyll-folder'],
      [5, 'undated'],
    ]);
    expect(file('posts/2024-01-02-hello.md')!.issues).toEqual([
      {
        severity: 'warning',
        message: 'slug "hello" is taken by posts/2024-01-01-hello.md; this post gets "hello-2"',
      },
    ]);
  });

  test('statuses and reasons', () => {
    const status = Object.fromEntries(result.report.files.map((f) => [f.path, [f.status, f.reason]]));
    expect(status).toEqual({
      'ABOUT-THIS-FIXTURE.txt': ['skipped', 'not a post (.txt) and no post references it'],
      '_drafts/a-draft.md': ['excluded', 'in _drafts/ (the drafts option is off)'],
      'notes/_posts/2022-06-01-jekyll-folder.md': ['published', undefined],
      'pages/about.md': ['published', undefined],
      'posts/2023-02-21-guan-yuan-fan-che.md': ['published', undefined],
      'posts/2024-01-01-hello.md': ['published', undefined],
      'posts/2024-01-02-hello.md': ['published', undefined],
      'posts/2024-01-03-broken-yaml.md': ['published', undefined],
      'posts/broken-link.md': ['skipped', 'broken symbolic link'],
      'posts/img/cat.png': ['asset', undefined],
      'posts/img/loop': ['skipped', 'symbolic link to a folder already read (a loop), not followed'],
      'posts/inside-link.png': ['skipped', 'not a post (.png) and no post references it'],
      'posts/notes.txt': ['skipped', 'not a post (.txt) and no post references it'],
      'posts/outside.md': ['skipped', 'symbolic link to outside the content folder, not followed'],
      'posts/stray.jpg': ['skipped', 'not a post (.jpg) and no post references it'],
      'posts/undated.md': ['published', undefined],
      'posts/unpublished.md': ['excluded', 'published: false'],
    });
    expect(result.report.summary).toEqual({
      found: 17,
      published: 6,
      pages: 1,
      unlisted: 0,
      removed: 0,
      assets: 1,
      excluded: 2,
      skipped: 7,
      errors: 2,
      warnings: 2,
    });
  });

  test('broken YAML is an error with its line; the post is published from its file name and body', () => {
    expect(file('posts/2024-01-03-broken-yaml.md')).toMatchObject({
      title: 'Broken Yaml',
      date: '2024-01-03T00:00:00+08:00',
      issues: [
        { severity: 'error', line: 2, message: expect.stringContaining('broken YAML in front matter') },
      ],
    });
  });

  test('a local image is copied under a hashed name and the reference rewritten under the base path', () => {
    const [name, source] = [...result.assets][0]!;
    expect(name).toMatch(/^media\/cat\.[A-Za-z0-9]{10}\.png$/);
    expect(source).toEqual({ copy: path.join(fs.realpathSync(dir), 'posts/img/cat.png') });
    const hello = result.posts.find((p) => p.slug === 'hello')!;
    expect(hello.body).toContain(`![cat](/archive/${name})`);
    expect(hello.cover).toEqual({ src: `/archive/${name}`, alt: 'cat' });
    expect(file('posts/2024-01-01-hello.md')!.issues).toEqual([
      {
        severity: 'warning',
        message: '1 local file(s) referenced but not in the content folder: img/missing.png',
      },
    ]);
  });

  test('categories come from Jekyll category folders; a tag shows the form its oldest post wrote', () => {
    expect(result.posts.find((p) => p.slug === 'jekyll-folder')!.categories).toEqual(['notes']);
    const local = result.data.routes.get('tags/local/');
    expect(local).toMatchObject({ kind: 'facet', facet: 'tag', name: 'Local', list: { total: 2 } });
  });

  test('large builds report progress', () => {
    const calls: [number, number][] = [];
    const big = tempCopy('site');
    for (let i = 0; i < 5000; i++)
      fs.writeFileSync(path.join(big, `posts/p${i}.md`), `---\ntitle: p${i}\ndate: 2020-01-01\n---\nx\n`);
    runPipeline(optionsFor(big), { now, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([[5000, 5013]]);
  });

  test('drafts are published when asked', () => {
    const withDrafts = runPipeline(optionsFor(dir, { drafts: true }), { now });
    expect(withDrafts.report.files.find((f) => f.path === '_drafts/a-draft.md')!.status).toBe('published');
  });

  test('the dev cache re-reads only changed files, and its data equals a fresh build', () => {
    const cache = pipelineCache();
    const first = runPipeline(optionsFor(dir), { now, cache });
    const kept = cache.reads.get('posts/2024-01-01-hello.md');
    const changed = cache.reads.get('posts/undated.md');
    const file = path.join(dir, 'posts/undated.md');
    const seed = (r: PipelineResult) =>
      r.posts.find((p) => p.path === 'posts/2023-02-21-guan-yuan-fan-che.md')!;
    const save = (text: string) => {
      fs.writeFileSync(file, text);
      fileChanged(cache, 'change', file);
      const incremental = runPipeline(optionsFor(dir), { now, cache });
      const fresh = runPipeline(optionsFor(dir), { now });
      expect(incremental.data.files).toEqual(fresh.data.files);
      expect(incremental.data.routes).toEqual(fresh.data.routes);
      expect(incremental.report).toEqual(fresh.report);
      return incremental;
    };

    // A new title: the file is read again; every other post is last run's object, its JSON made once.
    const retitled = save('---\ntitle: Still undated\n---\nListed last.\n');
    expect(cache.reads.get('posts/2024-01-01-hello.md')).toBe(kept);
    expect(cache.reads.get('posts/undated.md')).not.toBe(changed);
    expect(retitled.posts.at(-1)).toMatchObject({ slug: 'undated', title: 'Still undated' });
    expect(seed(retitled)).toBe(seed(first));

    // A new date moves the post to the top, and every post after it one place down.
    const dated = save('---\ntitle: Now dated\ndate: 2025-05-05\n---\nBody.\n');
    expect(dated.posts[0]).toMatchObject({ slug: 'undated', title: 'Now dated' });
    expect(seed(dated).ordinal).toBe(seed(first).ordinal + 1);

    // New text and excerpt under the same tags: last run patched (its lists, shards and routes),
    // equal to a fresh build; then new tags (lists laid out again), and the post back as it was.
    const seedFile = path.join(dir, 'posts/2023-02-21-guan-yuan-fan-che.md');
    const seedText = fs.readFileSync(seedFile, 'utf8');
    const saveSeed = (text: string) => {
      fs.writeFileSync(seedFile, text);
      fileChanged(cache, 'change', seedFile);
      const incremental = runPipeline(optionsFor(dir), { now, cache });
      const fresh = runPipeline(optionsFor(dir), { now });
      expect(incremental.data.files).toEqual(fresh.data.files);
      expect(incremental.data.routes).toEqual(fresh.data.routes);
      expect(incremental.data.manifest).toEqual(fresh.data.manifest);
      expect(incremental.report).toEqual(fresh.report);
      return incremental;
    };
    const rewritten = saveSeed(seedText.replace(/\n---\n/, '\nexcerpt: 新的摘要\n---\n新的正文。\n'));
    // patched, not made again: a list that does not show the post is last run's very object
    expect(rewritten.data.routes.get('archive/2022/')).toBe(dated.data.routes.get('archive/2022/'));
    expect(rewritten.data.routes.get('categories/notes/')).toBe(dated.data.routes.get('categories/notes/'));
    expect(rewritten.data.routes.get('tags/截图/')).toMatchObject({
      list: { posts: [{ slug: 'guan-yuan-fan-che', excerpt: '新的摘要' }] },
    });
    const retagged = saveSeed(seedText.replace('tags: [示范区,改办,某某,截图,聊天]', 'tags: [新标签]'));
    expect(retagged.data.routes.has('tags/截图/')).toBe(false);
    expect(retagged.data.routes.get('tags/新标签/')).toMatchObject({ list: { total: 1 } });
    saveSeed(seedText);
  });

  test('the dev cache walks the folder again when a file comes or goes', () => {
    const cache = pipelineCache();
    const before = runPipeline(optionsFor(dir), { now, cache });
    const file = path.join(dir, 'posts/brand-new.md');
    fs.writeFileSync(file, '---\ntitle: New one\ndate: 2020-12-12\n---\nBody.\n');
    // A change to a file the walk does not know is a new walk, whatever the watcher called it.
    fileChanged(cache, 'change', file);
    const added = runPipeline(optionsFor(dir), { now, cache });
    expect(added.report.files.length).toBe(before.report.files.length + 1);
    expect(added.posts.map((p) => p.title)).toContain('New one');
    fs.rmSync(file);
    fileChanged(cache, 'rename', file);
    const removed = runPipeline(optionsFor(dir), { now, cache });
    expect(removed.report.files).toEqual(before.report.files);
    expect(removed.data.files).toEqual(before.data.files);
  });
});

test("the operator's hidden tags are on no page and in the report; the cloud keeps tags of its least count", () => {
  const dir = tempCopy('search');
  const taiwan = routes.facet('tag', '台湾');
  expect(runPipeline(optionsFor(dir), { now }).data.routes.get(taiwan)).toBeDefined();
  const result = runPipeline(optionsFor(dir, { hiddenTags: ['臺灣'], cloudMinCount: 2 }), { now });
  // 台湾 (and 臺灣, one tag) was on two posts: hidden, it has no page and no post carries it
  expect(result.report.hidden).toEqual([{ tag: '臺灣', posts: 2 }]);
  expect(result.data.routes.get(taiwan)).toBeUndefined();
  expect(result.posts.flatMap((p) => p.tags)).not.toContain('台湾');
  expect(summarise(result.report)).toContain('hidden tags: 臺灣 (2 posts)');
  // a synonym renames before anything is written, and is in the report
  const renamed = runPipeline(optionsFor(dir, { tagSynonyms: { 安全: '公共安全' } }), { now });
  expect(renamed.data.routes.get(routes.facet('tag', '公共安全'))).toMatchObject({ list: { total: 2 } });
  expect(renamed.data.routes.get(routes.facet('tag', '安全'))).toBeUndefined();
  expect(renamed.report.synonyms).toEqual([{ from: '安全', to: '公共安全', posts: 2 }]);
  expect(summarise(renamed.report)).toContain('tags renamed: 安全 → 公共安全 (2 posts)');
  // every tag in the cloud has two posts or more; one of a single post keeps its page
  const cloud = result.data.routes.get(routes.tags()) as { top: { name: string; count: number }[] };
  expect(cloud.top.length).toBeGreaterThan(0);
  expect(cloud.top.every((t) => t.count >= 2)).toBe(true);
  const single = result.data.facets.find((f) => f.kind === 'tag' && f.ordinals.length === 1)!;
  expect(cloud.top.map((t) => t.name)).not.toContain(single.name);
  expect(result.data.routes.get(routes.facet('tag', single.name))).toBeDefined();
});

test('the report accounts for every file of the rule fixtures too', () => {
  const rules = path.join(fixtures, 'rules');
  const all = runPipeline(optionsFor(rules), { now });
  expect(all.report.files.map((f) => f.path)).toEqual(listAll(rules));
  expect(all.report.files.find((f) => f.path === 'encoding-binary.md')).toMatchObject({
    status: 'skipped',
    reason: 'binary file (it holds NUL bytes), not text',
  });
});

// The check parses a body's Markdown only where its report depends on it (a post without a title, a
// body that may use a local file); its report must be the build's, file for file.
test.for(['site', 'rules', 'hostile', 'mzlogin', 'search', 'jekyll/source', 'jekyll/docs'])(
  'the check reports what the build does: %s',
  async (set) => {
    const content = set === 'site' ? dir : path.join(fixtures, set);
    const built = runPipeline(optionsFor(content), { now }).report;
    const checked = (await checkContent(optionsFor(content), { now })).report;
    expect(checked).toEqual(built);
    // the fixtures hold what the check must parse bodies for: files used, missed, and untitled posts
    if (set === 'site') {
      expect(checked.summary.assets).toBeGreaterThan(0);
      expect(JSON.stringify(checked)).toContain('referenced but not in the content folder');
    }
  },
);

describe('reading on every core', () => {
  const ctx = { timeZone: 'Asia/Shanghai', drafts: false, future: true, inDrafts: false, now };

  test('workers read what this thread would, each file once, in order', async () => {
    const rules = path.join(fixtures, 'rules');
    const files = findFiles(rules).files.filter((f) => f.role !== 'other');
    const alone = await readFiles(files, ctx, { parallelFrom: Infinity, joinAfterMs: Infinity });
    const shared = await readFiles(files, ctx, { parallelFrom: 1 });
    expect(shared).toEqual(alone);
    // workers that join a read under way (a few real-shaped posts that take seconds) claim the rest
    const joined = await readFiles(files, ctx, { parallelFrom: Infinity, joinAfterMs: 0 });
    expect(joined).toEqual(alone);
    expect(alone.length).toBe(files.length);
    expect(alone.filter((r) => 'post' in r).length).toBeGreaterThan(40);
  });

  test('a file that cannot be read is a reason, not a crash', async () => {
    const gone = {
      path: 'posts/gone.md',
      abs: path.join(dir, 'posts/gone.md'),
      role: 'post' as const,
      size: 0,
      mtimeMs: 0,
    };
    expect(await readFiles([gone], ctx, { parallelFrom: 1 })).toEqual([
      { binary: expect.stringMatching(/^could not be read: ENOENT/), error: true },
    ]);
  });

  test("the check gives the build's report and order, keeping no body", async () => {
    // the site as the tests above left it (they edit a post)
    const alone = runPipeline(optionsFor(dir), { base: '/archive/', now });
    const checked = await checkContent(optionsFor(dir), { now });
    const built = await runPipelineParallel(optionsFor(dir), { base: '/archive/', now });
    expect(checked.report).toEqual(alone.report);
    expect(built.report).toEqual(alone.report);
    expect(checked.posts.map((p) => p.slug)).toEqual(alone.posts.map((p) => p.slug));
    expect(checked.posts.every((p) => p.body === '')).toBe(true);
    expect(built.data.files).toEqual(alone.data.files);
  });
});

test('a build that keeps no body writes the same site: each is read again for its page and feed', async () => {
  const site = tempCopy('site');
  const opts = optionsFor(site, { siteUrl: 'https://example.org' });
  const kept = await runPipelineParallel(opts, { base: '/archive/', now });
  const dropped = await runPipelineParallel(opts, { base: '/archive/', now, keepBodies: 0 });
  const withAsset = dropped.posts.find((p) => p.slug === 'hello')!;
  expect(withAsset.body).toBe('');
  expect(withAsset.bodySource?.rewrites).toEqual([
    ['img/cat.png', expect.stringMatching(/^\/archive\/media\/cat\./)],
  ]);
  const shell = '<!doctype html><html><head><title>x</title></head><body><div id="root"></div></body></html>';
  const files = (r: PipelineResult) => new Map(siteFiles(r, shell, '/archive/'));
  expect(files(dropped)).toEqual(files(kept));
  expect(String(files(dropped).get('posts/hello/index.html'))).toContain('/archive/media/cat.');
});
