// The home list as real pages (issue 26, point 2): `page/2/`… each hold their posts, newest first, and
// the way to the pages beside them, so a reader or crawler without JavaScript reaches every post.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RouteData } from '../../src/shared/contract.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { renderEntry } from '../../src/node/render/entry.ts';
import { routes } from '../../src/shared/paths.ts';
import { optionsFor } from '../helpers/content-dir.ts';

const SHELL = '<html><head><title>x</title></head><body><div id="root"></div></body></html>';
const content = path.resolve(__dirname, '../../content');

describe('home pages', () => {
  const result = runPipeline(optionsFor(content, { pageSize: 5 }), {
    now: Date.parse('2026-01-01T00:00:00Z'),
  });
  const posts = result.posts;
  const pages = Math.ceil(posts.length / 5);
  const home = (n: number) =>
    result.data.routes.get(routes.homePage(n)) as Extract<RouteData, { kind: 'home' }>;

  test('one route a page, each holding its own posts in order, the list’s total and the count of pages', () => {
    expect(pages).toBeGreaterThan(3);
    for (let n = 1; n <= pages; n++) {
      const route = home(n);
      expect(route.pages).toBe(pages);
      expect(route.page ?? 1).toBe(n);
      expect(route.list.total).toBe(posts.length);
      expect(route.list.posts.map((p) => p.slug)).toEqual(posts.slice((n - 1) * 5, n * 5).map((p) => p.slug));
    }
    expect(result.data.routes.has(routes.homePage(pages + 1))).toBe(false);
    expect(routes.homePage(1)).toBe('');
  });

  test('each page’s HTML holds all its posts and links to the pages before and after it', () => {
    const links = (n: number) =>
      [
        ...renderEntry(SHELL, {
          path: routes.homePage(n),
          manifest: result.data.manifest,
          route: home(n),
        }).matchAll(/href="([^"]*)"/g),
      ].map((m) => m[1]);
    const first = links(1);
    for (const p of posts.slice(0, 5)) expect(first).toContain(`/posts/${encodeURIComponent(p.slug)}/`);
    expect(first).toContain('/page/2/');
    const second = links(2);
    expect(second).toEqual(expect.arrayContaining(['/', '/page/3/']));
    const last = links(pages);
    expect(last).toContain(`/page/${pages - 1}/`);
    expect(last).not.toContain(`/page/${pages + 1}/`);
    const html = renderEntry(SHELL, {
      path: routes.homePage(2),
      manifest: result.data.manifest,
      route: home(2),
    });
    expect(html).toContain(`<title>第 2 页 · `);
    expect(html).toContain(`第 2 页，共 ${pages} 页`);
  });
});
