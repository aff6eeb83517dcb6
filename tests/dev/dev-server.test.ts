// The dev server serves the data contract from memory and follows edits to posts without a restart.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import react from '@vitejs/plugin-react';
import { folio } from '../../src/node/plugin.ts';
import { tempCopy } from '../helpers/content-dir.ts';
import { entryOf, root } from '../helpers/vite-build.ts';
import { searchFile } from '../../src/shared/paths.ts';
import { parseQuery } from '../../src/shared/search-terms.ts';
import {
  bucketsOf,
  evaluate,
  parseBucket,
  type Bucket,
} from '../../src/client/features/search/lib/search-index.ts';

let server: ViteDevServer;
let dir: string;
let origin: string;

beforeAll(async () => {
  dir = tempCopy('site');
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [react(), folio({ content: dir, report: path.join(dir, '..', 'dev-report.json') })],
    // Folio watches the content folder itself; Vite's watcher (of the app's sources, and of whatever
    // else lies in the project folder, such as the bench's corpora) has nothing to do here.
    server: { port: 0, host: '127.0.0.1', watch: null },
    // Its own cache, no dependency discovery: other suites run `vite build` on the same project at
    // the same time, and a shared optimiser cache can restart this server mid-request.
    cacheDir: path.join(dir, '..', 'vite-cache'),
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer!.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await server?.close();
});

const get = (url: string) => fetch(origin + url);
const home = async () => entryOf(await (await get('/')).text());

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('entry pages carry their data, with the dev client injected', async () => {
  const res = await get('/posts/hello/');
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('/@vite/client');
  expect(entryOf(html).route).toMatchObject({ kind: 'post', post: { title: 'Hello, local image' } });
  expect((await get('/posts/hello')).status).toBe(200); // followed the redirect to the canonical form
  expect((await get(`/${encodeURI('tags/图片/')}`)).status).toBe(200);
});

test('a page no route names is the 404 page with its data, as the built 404.html, not the bare shell', async () => {
  const res = await fetch(origin + '/posts/no-such-post/', { headers: { accept: 'text/html' } });
  expect(res.status).toBe(404);
  const html = await res.text();
  expect(html).toContain('/@vite/client');
  expect(entryOf(html)).toMatchObject({ path: '404.html', route: { kind: 'notFound' } });
  // Vite's own modules still pass
  expect((await fetch(origin + '/@vite/client')).status).toBe(200);
  expect((await fetch(origin + '/src/client/main.tsx')).status).toBe(200);
});

test('data files and assets are served from memory', async () => {
  const { manifest } = await home();
  const res = await get('/' + manifest.files.tagsTop);
  expect(res.headers.get('content-type')).toContain('application/json');
  expect(await res.json()).toEqual(expect.arrayContaining([{ name: 'Local', count: 2 }]));
  // (the article is in its page as HTML)
  const asset = /<img src="(\/media\/cat\.\w+\.png)"/.exec(await (await get('/posts/hello/')).text())![1]!;
  const image = await get(asset);
  expect(Buffer.from(await image.arrayBuffer())).toEqual(
    fs.readFileSync(path.join(dir, 'posts/img/cat.png')),
  );
  // as the hosts of docs/deployment.md serve media/
  expect(image.headers.get('content-type')).toBe('image/png');
  expect(image.headers.get('content-security-policy')).toBe('sandbox');
  expect(image.headers.get('x-content-type-options')).toBe('nosniff');
});

test('editing, adding and removing a post is served without a restart', async () => {
  const file = path.join(dir, 'posts/2024-01-01-hello.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Hello, local image', 'Hello, edited'));
  const edited = await until(
    async () => entryOf(await (await get('/posts/hello/')).text()).route,
    (r) => r.kind === 'post' && r.post.title === 'Hello, edited',
  );
  expect(edited).toMatchObject({ post: { title: 'Hello, edited' } });

  fs.writeFileSync(path.join(dir, 'posts/2026-01-01-new.md'), '---\ntitle: Brand new\n---\nNew.\n');
  const added = await until(home, (e) => e.manifest.posts === 7);
  expect(added.route.kind === 'home' && added.route.list.posts[0]!.title).toBe('Brand new');

  fs.rmSync(path.join(dir, 'posts/2026-01-01-new.md'));
  const removed = await until(home, (e) => e.manifest.posts === 6);
  expect(removed.manifest.posts).toBe(6);
  expect((await get('/posts/new/')).headers.get('content-type')).toContain('text/html');
  expect(entryOf(await (await get('/posts/hello/')).text()).route.kind).toBe('post');
});

test('a post in a new folder is followed, and the report is written once saves settle', async () => {
  const folder = path.join(dir, 'posts/2031');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'deep.md'), '---\ntitle: In a new folder\ndate: 2024-05-05\n---\nA.\n');
  const added = await until(home, (e) => e.manifest.posts === 7);
  expect(added.manifest.posts).toBe(7);
  // A change to a file in the new folder is seen by that folder's own watch.
  fs.writeFileSync(path.join(folder, 'deep.md'), '---\ntitle: Edited deep\ndate: 2024-05-05\n---\nA.\n');
  const edited = await until(
    async () => entryOf(await (await get('/posts/deep/')).text()).route,
    (r) => r.kind === 'post' && r.post.title === 'Edited deep',
  );
  expect(edited).toMatchObject({ post: { title: 'Edited deep' } });
  const report = path.join(dir, '..', 'dev-report.json');
  const titles = () =>
    (JSON.parse(fs.readFileSync(report, 'utf8')) as { files: { title?: string }[] }).files.map(
      (f) => f.title,
    );
  expect(
    await until(
      async () => titles(),
      (t) => t.includes('Edited deep'),
    ),
  ).toContain('Edited deep');
  fs.rmSync(folder, { recursive: true });
  expect((await until(home, (e) => e.manifest.posts === 6)).manifest.posts).toBe(6);
});

test("Vite's own watcher leaves the content folder to Folio's", async () => {
  const project = tempCopy('site');
  const own = path.join(project, 'content');
  fs.mkdirSync(own);
  for (const name of ['posts', 'pages']) fs.renameSync(path.join(project, name), path.join(own, name));
  fs.writeFileSync(path.join(project, 'app.ts'), 'export {};\n');
  const watching = await createServer({
    root: project,
    configFile: false,
    logLevel: 'silent',
    plugins: [folio({ content: own, report: path.join(project, 'report.json') })],
    server: { middlewareMode: true },
    cacheDir: path.join(project, 'vite-cache'),
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const folders = await until(
      async () => Object.keys(watching.watcher.getWatched()),
      (watched) => watched.includes(path.join(project, 'notes')),
    );
    expect(folders).toContain(project);
    expect(folders.filter((f) => f === own || f.startsWith(own + path.sep))).toEqual([]);
  } finally {
    await watching.close();
  }
});

test('the search index is served, made when first asked for, and follows a saved post', async () => {
  const find = async (q: string) => {
    const { manifest } = await home();
    const query = parseQuery(q);
    const buckets = new Map<number, Bucket>();
    for (const k of bucketsOf(query, manifest.search.buckets)) {
      const res = await get('/' + searchFile(manifest.search.id, k));
      // a save between the manifest and its buckets: that index is gone (404), ask again
      if (res.status === 404) return -1;
      expect(res.status).toBe(200);
      buckets.set(k, parseBucket(new Uint8Array(await res.arrayBuffer())));
    }
    return evaluate(query, buckets, manifest.search.buckets).all.length;
  };
  expect(await find('雪豹')).toBe(0);
  // an index that is not the current one is not found (a reader's query mid-save retries)
  expect((await get('/' + searchFile('0000000000', 0))).status).toBe(404);
  const file = path.join(dir, 'posts/2024-01-01-hello.md');
  fs.appendFileSync(file, '\n喜马拉雅的雪豹\n');
  expect(
    await until(
      () => find('雪豹'),
      (n) => n === 1,
    ),
  ).toBe(1);
});
