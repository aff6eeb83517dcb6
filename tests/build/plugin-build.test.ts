// The Vite plugin through a real `vite build` on the fixture site, under a base path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { contentHash } from '../../src/node/emit/data.ts';
import type { Report } from '../../src/node/collect/report.ts';
import { fixtures, tempCopy } from '../helpers/content-dir.ts';
import { listed, readWrittenList, WRITTEN_LIST } from '../../src/node/write/written-list.ts';
import { build as viteBuild, createLogger } from 'vite';
import react from '@vitejs/plugin-react';
import { folio } from '../../src/node/plugin.ts';
import { buildSite, entryOf, root } from '../helpers/vite-build.ts';
import { coTagsFile, facetRefsFile, searchFile, TOGETHER } from '../../src/shared/paths.ts';
import { coTagsIn, facetKey, facetShard } from '../../src/shared/facets.ts';
import type { CoTagsShard, FacetRefsShard } from '../../src/shared/contract.ts';

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-report-')), 'report.json');
const content = path.join(fixtures, 'site');
let files: Map<string, string | Uint8Array>;

beforeAll(async () => {
  files = await buildSite({ content, report, title: '测试站', timeZone: 'Asia/Shanghai' }, '/archive/');
});

describe('vite build with the Folio plugin', () => {
  test('the home entry page carries the manifest and the first page of posts', () => {
    const entry = entryOf(files.get('index.html'));
    expect(entry.manifest).toMatchObject({
      schema: 1,
      posts: 6,
      pageSize: 20,
      site: { title: '测试站', lang: 'zh-CN' },
    });
    expect(entry.route).toMatchObject({ kind: 'home', list: { total: 6 } });
    if (entry.route.kind !== 'home') throw new Error('not home');
    expect(entry.route.list.posts.map((p) => p.slug)).toEqual([
      'broken-yaml',
      'hello-2',
      'hello',
      'guan-yuan-fan-che',
      'jekyll-folder',
      'undated',
    ]);
    // the app is named for boot.js to start once the page is painted, not fetched from the head
    const home = String(files.get('index.html'));
    expect(home).toMatch(/<meta name="folio-app" content="\/archive\/assets\/index-[\w-]+\.js" \/>/);
    expect(home).toContain('<script src="/archive/boot.js"></script>');
    expect(home).not.toContain('<script type="module"');
  });

  test('an article names its view to preload with the app, not the Markdown renderer; a list page neither', () => {
    const assets = [...files.keys()].filter((f) => f.startsWith('assets/'));
    const view = assets.find((f) => /^assets\/article-view-[\w-]+\.js$/.test(f));
    const pageView = assets.find((f) => /^assets\/page-view-[\w-]+\.js$/.test(f))!;
    expect(view).toBeTruthy();
    const post = String(files.get('posts/hello/index.html'));
    const preload = /<meta name="folio-preload" content="([^"]*)" \/>/.exec(post)![1]!.split(' ');
    expect(preload).toContain(`/archive/${view}`);
    // the article is in its page as HTML: no Markdown renderer (react-markdown: 160 KB) comes with it
    const bytes = (url: string) => String(files.get(url.replace('/archive/', ''))).length;
    expect(bytes(`/archive/${pageView}`)).toBeGreaterThan(100_000);
    for (const chunk of preload) expect(bytes(chunk)).toBeLessThan(40_000);
    const page = String(files.get('p/about/index.html'));
    expect(page).toMatch(
      /<meta name="folio-preload" content="[^"]*\/archive\/assets\/page-view-[\w-]+\.js[^"]*" \/>/,
    );
    expect(page).not.toContain('article-view-');
    for (const list of ['index.html', 'tags/local/index.html', 'archive/2024/index.html'])
      expect(String(files.get(list))).not.toContain('folio-preload');
  });

  test('list pages and articles hold their first screen as HTML, links under the base path', () => {
    const home = String(files.get('index.html'));
    const root = /<div id="root">([\s\S]*?)<\/div>\s*<script type="application\/json"/.exec(home)?.[1] ?? '';
    expect(root).toContain('<header class="site-header"><a href="/archive/" class="site-title">测试站</a>');
    expect(root.match(/<article class="post-card">/g)).toHaveLength(6);
    expect(root).toContain('<a href="/archive/posts/hello/">Hello, local image</a>');
    expect(root).toContain('<a href="/archive/tags/%E5%9B%BE%E7%89%87/">图片</a>');
    const tag = String(files.get('tags/local/index.html'));
    expect(tag).toContain('<p class="eyebrow">标签</p><h1>Local</h1>');
    expect(tag).toContain('<a href="/archive/posts/hello/">Hello, local image</a>');
    const archive = String(files.get('archive/index.html'));
    expect(archive.match(/<article class="post-card">/g)).toHaveLength(6);
    const post = String(files.get('posts/hello/index.html'));
    expect(post).toContain('<article class="article"><header><h1>Hello, local image</h1>');
  });

  test('every post, tag, category, author, archive and page route is an entry page with its title and data', () => {
    const post = String(files.get('posts/hello/index.html'));
    expect(post).toContain('<title>Hello, local image · 测试站</title>');
    expect(post).toContain('<html lang="zh-CN">');
    expect(entryOf(post).route).toMatchObject({
      kind: 'post',
      post: { slug: 'hello', tags: ['Local', '图片'], authors: ['Editor'] },
    });
    for (const route of [
      'tags/local/',
      'tags/图片/',
      'authors/editor/',
      'categories/notes/',
      'archive/',
      'archive/2024/',
      'archive/2024/01/',
      'p/about/',
      'tags/',
    ])
      expect(files.has(`${route}index.html`), route).toBe(true);
    expect(entryOf(files.get('p/about/index.html')).route).toMatchObject({
      kind: 'page',
      page: { title: '关于 About' },
    });
    expect(entryOf(files.get('archive/2024/01/index.html')).route).toMatchObject({
      kind: 'archive',
      year: 2024,
      month: 1,
      start: 0,
      list: { total: 3 },
    });
    expect(files.has('404.html')).toBe(true);
  });

  test('every data file is named by its content hash; the search buckets and reference shards, by their index', () => {
    const search = [...files.keys()].filter((f) => f.startsWith('data/search/'));
    const { manifest } = entryOf(String(files.get('index.html')));
    expect(search.sort()).toEqual(
      Array.from({ length: manifest.search.buckets }, (_, k) => searchFile(manifest.search.id, k)).sort(),
    );
    const refs = [...files.keys()].filter((f) => f.startsWith('data/refs/'));
    const { id, shards } = manifest.facetRefs;
    const shardFiles = [
      ...Array.from({ length: shards }, (_, k) => facetRefsFile(id, k)),
      ...Array.from({ length: shards }, (_, k) => coTagsFile(id, k)),
    ];
    expect(refs.sort()).toEqual([...shardFiles].sort());
    expect(contentHash(shardFiles.map((f) => files.get(f)).join('\n'))).toBe(id);
    const data = [...files.keys()].filter(
      (f) => f.startsWith('data/') && !search.includes(f) && !refs.includes(f),
    );
    expect(data.length).toBeGreaterThanOrEqual(8);
    for (const name of data) {
      const m = /^data\/[a-z-]+\.([A-Za-z0-9]{10})\.json$/.exec(name);
      expect(m, name).not.toBeNull();
      expect(contentHash(String(files.get(name)))).toBe(m![1]);
    }
  });

  test("each facet's shard of references holds its entry page's postings, and nothing else is there", () => {
    const { manifest } = entryOf(String(files.get('index.html')));
    const { id, shards } = manifest.facetRefs;
    const shardOf = (k: number) => JSON.parse(String(files.get(facetRefsFile(id, k)))) as FacetRefsShard;
    let facets = 0;
    for (const [name, html] of files) {
      if (!name.endsWith('index.html')) continue;
      const route = entryOf(String(html)).route;
      if (route.kind !== 'facet') continue;
      facets++;
      const key = facetKey(route.name);
      expect(shardOf(facetShard(route.facet, key, shards))[route.facet]?.[key], name).toEqual(route.postings);
      // a tag's page carries the first of its tags found together, as the filter reads them
      if (route.facet === 'tag') {
        const together = JSON.parse(String(files.get(coTagsFile(id, facetShard('tag', key, shards)))));
        expect(route.together, name).toEqual(coTagsIn(together as CoTagsShard, key).slice(0, TOGETHER));
      } else expect(route.together).toBeUndefined();
    }
    expect(facets).toBeGreaterThanOrEqual(5);
    const held = Array.from({ length: shards }, (_, k) =>
      Object.values(shardOf(k)).reduce((sum, refs) => sum + Object.keys(refs).length, 0),
    );
    expect(held.reduce((a, b) => a + b, 0)).toBe(facets);
  });

  test('a referenced local image is emitted into media/ under its hash and the body points at it', () => {
    const asset = [...files.keys()].find((f) => /^media\/cat\.\w{10}\.png$/.test(f))!;
    expect(Buffer.from(files.get(asset) as Uint8Array)).toEqual(
      fs.readFileSync(path.join(content, 'posts/img/cat.png')),
    );
    const page = String(files.get('posts/hello/index.html'));
    expect(page).toContain(`<img src="/archive/${asset}" alt="cat"`);
    // the body is in the page once, as HTML: not again in its data
    const route = entryOf(page).route;
    expect(route.kind === 'post' && route.post.body).toBe('');
    expect(page).not.toContain('![cat]');
  });

  test('tag lists are postings of ordinals, and listing shards chain newest first', () => {
    const local = entryOf(files.get('tags/local/index.html')).route;
    if (local.kind !== 'facet') throw new Error('not a facet');
    const stream = local.postings.chunks.flatMap((c) => JSON.parse(String(files.get(c))) as number[]);
    expect(stream.slice(local.postings.offset, local.postings.offset + local.postings.count)).toEqual([1, 2]);
    const manifest = entryOf(files.get('index.html')).manifest;
    const chunks = JSON.parse(String(files.get(manifest.directory))) as string[];
    const shards = JSON.parse(String(files.get(chunks[0]!))) as string[];
    expect(JSON.parse(String(files.get(shards[0]!)))).toMatchObject({
      start: 0,
      posts: [{ ordinal: 0 }, {}, {}, {}, {}, { ordinal: 5 }],
    });
    expect(JSON.parse(String(files.get(manifest.files.tagsTop)))).toEqual(
      expect.arrayContaining([{ name: 'Local', count: 2 }]),
    );
  });

  test('the report is written, and accounts for every file', () => {
    const written = JSON.parse(fs.readFileSync(report, 'utf8')) as Report;
    expect(written.summary).toMatchObject({
      found: 13,
      published: 6,
      pages: 1,
      assets: 1,
      excluded: 2,
      skipped: 3,
      errors: 2,
    });
    // built without siteUrl: the report says so, and what goes without it
    expect(written.siteUrl).toMatchObject({ siteUrl: '', severity: 'warning' });
    expect(written.siteUrl!.problem).toMatch(/^siteUrl is not set: no feeds and no sitemap are written/);
    expect(written.siteUrl!.dependsOnIt.join('\n')).toContain('sitemap.xml');
  });

  test('strict mode fails a build whose siteUrl is on this machine, saying what points there', async () => {
    const site = { content: path.join(fixtures, 'search'), report, siteUrl: 'http://localhost:4173' };
    await expect(buildSite({ ...site, strict: true })).rejects.toThrow(
      'folio: siteUrl is http://localhost:4173, an address on this machine: every canonical link, link preview, feed and sitemap entry points there (set siteUrl in the config file, or --site-url, to where the site is served) (strict mode)',
    );
    const written = JSON.parse(fs.readFileSync(report, 'utf8')) as Report;
    expect(written.siteUrl).toMatchObject({ siteUrl: 'http://localhost:4173', severity: 'error' });
    expect(written.siteUrl!.dependsOnIt).toContain('the canonical link of every page');
  });

  test('strict mode fails the build and lists every error at once', async () => {
    await expect(buildSite({ content, report, strict: true })).rejects.toThrow(
      /2 errors in content \(strict mode\):\nposts\/2024-01-03-broken-yaml\.md:2: error: broken YAML[^\n]*\nposts\/undated\.md: error: no date/,
    );
  });
});

describe('a rebuild into the output folder of the last build', () => {
  fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
  /** A build of `posts` (a copy of the fixture) into `out`, Vite's warnings collected. */
  const builder = (out: string) => {
    const posts = tempCopy('site');
    const warnings: string[] = [];
    const logger = createLogger('silent');
    logger.warn = (msg) => void warnings.push(msg);
    const build = (emptyOutDir?: boolean) =>
      viteBuild({
        root,
        base: '/',
        configFile: false,
        customLogger: logger,
        logLevel: 'warn',
        plugins: [react(), folio({ content: posts, report })],
        build: { outDir: out, ...(emptyOutDir === undefined ? {} : { emptyOutDir }) },
      });
    return { posts, warnings, build };
  };
  const listFiles = (out: string) =>
    fs
      .readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(out, path.join(e.parentPath, e.name)))
      .sort();
  const longAgo = new Date('2001-02-03T04:05:06Z');
  const HELLO = 'posts/2024-01-01-hello.md';

  // Inside the project, where Vite would empty the folder first, and outside it, where it would not:
  // the same rules.
  for (const where of ['inside the project', 'outside the project'] as const)
    test(`${where}: what the last build wrote and this one did not is removed, an operator's file is not, unchanged files are not touched`, async () => {
      const out =
        where === 'inside the project'
          ? fs.mkdtempSync(path.join(root, 'reports', 'rebuild-'))
          : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-out-')), 'site');
      const { posts, build, warnings } = builder(out);
      await build();
      const first = listFiles(out);
      const hello = first.find((f) => /^posts\/[^/]*hello[^/]*\/index\.html$/.test(f))!;
      expect(hello, 'the post to delete has a page').toBeDefined();
      const list = readWrittenList(out)!;
      // the list names every file the build wrote (the search index's by its folder), and only those
      expect(first.filter((f) => f !== WRITTEN_LIST && !listed(list, f))).toEqual([]);
      expect([...list].filter((n) => !n.endsWith('/') && !first.includes(n))).toEqual([]);
      expect([...list].filter((n) => n.endsWith('/'))).toEqual([
        expect.stringMatching(/^data\/search\/[\w-]+\/$/),
      ]);
      // the operator's own files, and an old hashed file the last build's list names
      fs.writeFileSync(path.join(out, 'CNAME'), 'archive.example.org');
      fs.mkdirSync(path.join(out, 'posts/by-hand'));
      fs.writeFileSync(path.join(out, 'posts/by-hand/index.html'), 'a page the operator put here');
      fs.writeFileSync(path.join(out, 'assets/index-0ld0ld0ld.js'), 'an old build of the app');
      fs.appendFileSync(path.join(out, WRITTEN_LIST), `${JSON.stringify('assets/index-0ld0ld0ld.js')}\n`);
      for (const f of listFiles(out)) fs.utimesSync(path.join(out, f), longAgo, longAgo);
      const before = new Map(first.map((f) => [f, fs.readFileSync(path.join(out, f))]));

      fs.rmSync(path.join(posts, HELLO));
      await build();
      const second = listFiles(out);
      expect(second).not.toContain(hello);
      expect(second).not.toContain('assets/index-0ld0ld0ld.js');
      expect(second).toContain('CNAME');
      expect(second).toContain('posts/by-hand/index.html');
      // the same site as a fresh build of the same posts, the operator's files aside
      const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-fresh-')), 'site');
      await viteBuild({
        root,
        base: '/',
        configFile: false,
        logLevel: 'silent',
        plugins: [react(), folio({ content: posts, report })],
        build: { outDir: fresh, emptyOutDir: true },
      });
      expect(second.filter((f) => f !== 'CNAME' && !f.startsWith('posts/by-hand/'))).toEqual(
        listFiles(fresh),
      );
      for (const f of listFiles(fresh))
        if (f !== WRITTEN_LIST)
          expect(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(fresh, f))), f).toBe(
            true,
          );
      // a file whose bytes did not change is left alone, its time too
      const same = second.filter((f) => before.get(f)?.equals(fs.readFileSync(path.join(out, f))));
      // (Vite writes its own files every time: assets/, index.html, the public folder's copies)
      const vites = (f: string) =>
        f.startsWith('assets/') || f === 'index.html' || fs.existsSync(path.join(root, 'public', f));
      const folios = same.filter((f) => !vites(f) && f !== WRITTEN_LIST);
      expect(folios.filter((f) => f.startsWith('data/')).length).toBeGreaterThan(0);
      for (const f of folios) expect(fs.statSync(path.join(out, f)).mtime, f).toEqual(longAgo);
      expect(warnings.filter((w) => w.includes('not written by this build'))).toEqual([]);
      fs.rmSync(out, { recursive: true, force: true });
    });

  test('outside the project, a folder with no list keeps what it held and the build says so', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-out-')), 'site');
    fs.mkdirSync(path.join(out, 'posts/old'), { recursive: true });
    fs.writeFileSync(path.join(out, 'posts/old/index.html'), 'from some other tool');
    fs.writeFileSync(path.join(out, 'CNAME'), 'archive.example.org');
    const { build, warnings } = builder(out);
    await build();
    expect(fs.existsSync(path.join(out, 'posts/old/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'CNAME'))).toBe(true);
    expect(warnings.join('\n')).toMatch(
      /folio: 2 files in .* were not written by this build, and no list says an earlier build of Folio wrote them/,
    );
    fs.rmSync(out, { recursive: true, force: true });
  });

  test('an operator who asks for the folder to be emptied gets that (Vite empties it)', async () => {
    const out = fs.mkdtempSync(path.join(root, 'reports', 'rebuild-'));
    const { build } = builder(out);
    await build();
    fs.writeFileSync(path.join(out, 'stale.txt'), 'left over');
    for (const f of listFiles(out)) fs.utimesSync(path.join(out, f), longAgo, longAgo);
    await build(true);
    expect(fs.existsSync(path.join(out, 'stale.txt'))).toBe(false);
    const post = listFiles(out).find((f) => f.startsWith('posts/'))!;
    expect(fs.statSync(path.join(out, post)).mtime).not.toEqual(longAgo);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
