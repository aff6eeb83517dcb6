// The home list as real pages (issue 26, point 2): `page/2/`… each hold their posts, newest first, and
// the way to the pages beside them, so a reader or crawler without JavaScript reaches every post.
import fs from 'node:fs';
import os from 'node:os';
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

describe('tag, category, author and archive lists as pages', () => {
  const result = runPipeline(optionsFor(content, { pageSize: 1 }), {
    now: Date.parse('2026-01-01T00:00:00Z'),
  });
  const { posts } = result;
  const render = (path: string, route: RouteData) =>
    renderEntry(SHELL, { path, manifest: result.data.manifest, route });
  /** Every page of a list from its first route: their posts' slugs, in order, and their pagers' links. */
  const pagesOf = (first: string) => {
    const slugs: string[] = [];
    const titles: string[] = [];
    let route = first;
    for (let n = 1; ; n++) {
      const data = result.data.routes.get(route);
      expect(data, route).toBeDefined();
      if (data!.kind !== 'facet' && data!.kind !== 'archive') throw new Error(`${route} is a ${data!.kind}`);
      expect(data!.page ?? 1).toBe(n);
      slugs.push(...data!.list.posts.map((p) => p.slug));
      const html = render(route, data!);
      titles.push(/<title>([^<]*)<\/title>/.exec(html)![1]!);
      const next = /<a href="\/([^"]*)" rel="next">/.exec(html)?.[1];
      if (!next) return { slugs, titles, total: data!.list.total, pages: n };
      route = decodeURIComponent(next);
    }
  };

  test("a tag's pages hold each of its posts once, newest first, each linking to the next", () => {
    const tag = result.data.facets
      .filter((f) => f.kind === 'tag')
      .sort((a, b) => b.ordinals.length - a.ordinals.length)[0]!;
    expect(tag.ordinals.length).toBeGreaterThan(1);
    const { slugs, titles, total, pages } = pagesOf(routes.facet('tag', tag.name));
    expect(total).toBe(tag.ordinals.length);
    expect(pages).toBe(tag.ordinals.length);
    expect(slugs).toEqual(tag.ordinals.map((o) => posts[o]!.slug));
    expect(titles[1]).toMatch(new RegExp(`^${tag.name} · 第 2 页 · `));
    // the second page links back to the first, which is the tag's own address
    const second = render(
      routes.listPage(routes.facet('tag', tag.name), 2),
      result.data.routes.get(routes.listPage(routes.facet('tag', tag.name), 2))!,
    );
    expect(second).toContain(`<a href="/${encodeURI(routes.facet('tag', tag.name))}" rel="prev">`);
  });

  test('every author and category list reaches all its posts by its pages', () => {
    for (const f of result.data.facets.filter((f) => f.kind !== 'tag'))
      expect(pagesOf(routes.facet(f.kind, f.name)).slugs).toEqual(f.ordinals.map((o) => posts[o]!.slug));
  });

  test("a month's pages reach each of its posts; the archive's page and a year's hold their first and link to every month", () => {
    const dated = posts.filter((p) => p.date).map((p) => p.slug);
    const archive = result.data.routes.get(routes.archive())!;
    if (archive.kind !== 'archive') throw new Error('not the archive');
    const years = archive.years!;
    expect(years.length).toBeGreaterThan(2);
    const fromMonths = years.flatMap((y) =>
      y.months.flatMap((m) => pagesOf(routes.archive(y.year, m.month)).slugs),
    );
    expect(fromMonths).toEqual(dated);
    // the archive's own page and a year's: one page (their later posts are the months'), linking to the months
    expect(pagesOf(routes.archive()).pages).toBe(1);
    expect(archive.list.posts.map((p) => p.slug)).toEqual([posts[0]!.slug]);
    for (const y of years) {
      const year = result.data.routes.get(routes.archive(y.year))!;
      expect(pagesOf(routes.archive(y.year)).pages).toBe(1);
      if (year.kind !== 'archive') throw new Error('not a year');
      expect(year.years).toEqual([y]);
      const html = render(routes.archive(y.year), year);
      for (const m of y.months) expect(html).toContain(`<a href="/${routes.archive(y.year, m.month)}"`);
    }
    const html = render(routes.archive(), archive);
    for (const y of years) {
      expect(html).toContain(`<a href="/${routes.archive(y.year)}">`);
      for (const m of y.months) expect(html).toContain(`<a href="/${routes.archive(y.year, m.month)}"`);
    }
    // a month's page lists its posts, not the months again
    const month = result.data.routes.get(routes.archive(years[0]!.year, years[0]!.months[0]!.month))!;
    expect(render('x', month)).not.toContain('archive-index');
  });
});

describe('the archive by year and month (issue 27, point 4)', () => {
  const result = runPipeline(optionsFor(content), { now: Date.parse('2026-01-01T00:00:00Z') });
  const archive = result.data.routes.get(routes.archive()) as Extract<RouteData, { kind: 'archive' }>;
  const years = archive.years!;
  const route = (year: number, month?: number) =>
    result.data.routes.get(routes.archive(year, month)) as Extract<RouteData, { kind: 'archive' }>;
  const html = (r: string) =>
    renderEntry(SHELL, { path: r, manifest: result.data.manifest, route: result.data.routes.get(r)! });

  test('each year and month names the one with posts just newer and just older; the first and last none', () => {
    const months = years.flatMap((y) => y.months.map((m) => ({ year: y.year, month: m.month })));
    expect(months.length).toBeGreaterThan(5);
    months.forEach((m, i) => {
      const r = route(m.year, m.month);
      expect(r.newer).toEqual(months[i - 1]);
      expect(r.older).toEqual(months[i + 1]);
    });
    years.forEach((y, i) => {
      const r = route(y.year);
      expect(r.newer).toEqual(i > 0 ? { year: years[i - 1]!.year } : undefined);
      expect(r.older).toEqual(i < years.length - 1 ? { year: years[i + 1]!.year } : undefined);
    });
    expect(archive.newer).toBeUndefined();
  });

  test('a month’s page links to the months beside it and up to its year; a year’s up to the archive', () => {
    const [y] = years;
    const m = y!.months[1]!;
    const page = html(routes.archive(y!.year, m.month));
    const r = route(y!.year, m.month);
    expect(page).toContain(
      `<a href="/${routes.archive(r.newer!.year, r.newer!.month)}" class="archive-newer">‹ `,
    );
    expect(page).toContain(`<a href="/${routes.archive(y!.year)}" class="archive-up">${y!.year} 年</a>`);
    expect(page).toContain(
      `<a href="/${routes.archive(r.older!.year, r.older!.month)}" class="archive-older">`,
    );
    expect(html(routes.archive(y!.year))).toContain(
      `<a href="/${routes.archive()}" class="archive-up">归档</a>`,
    );
    expect(html(routes.archive())).not.toContain('archive-around');
  });

  test('the archive’s grid: twelve cells a year in calendar order, a month without posts not a link', () => {
    const page = html(routes.archive());
    const grids = [...page.matchAll(/<ol class="archive-months">(.*?)<\/ol>/g)].map((g) => g[1]!);
    expect(grids).toHaveLength(years.length);
    grids.forEach((grid, i) => {
      const cells = [...grid.matchAll(/<li( class="archive-empty" aria-hidden="true")?>(.*?)<\/li>/g)];
      expect(cells.map((c) => /^(?:<a [^>]*>)?(\d+) 月/.exec(c[2]!)![1])).toEqual(
        Array.from({ length: 12 }, (_, k) => String(k + 1)),
      );
      const withPosts = new Set(years[i]!.months.map((m) => m.month));
      cells.forEach((c, k) => expect(c[1] === undefined).toBe(withPosts.has(k + 1)));
    });
  });

  test('undated, long-ago and future-dated posts do not lead the archive: the newest plausible year does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-archive-'));
    fs.mkdirSync(path.join(dir, 'posts'));
    const post = (name: string, date?: string) =>
      fs.writeFileSync(
        path.join(dir, 'posts', `${name}.md`),
        `---\ntitle: ${name}\n${date ? `date: ${date}\n` : ''}---\n\n正文。\n`,
      );
    post('recent', '2024-05-01');
    post('long-ago', '1900-01-01');
    post('undated');
    post('future', '2999-01-01');
    const r = runPipeline(optionsFor(dir), { now: Date.parse('2026-01-01T00:00:00Z') });
    const a = r.data.routes.get(routes.archive()) as Extract<RouteData, { kind: 'archive' }>;
    expect(a.years!.map((y) => y.year)).toEqual([2024, 1900]);
    expect(a.years!.reduce((n, y) => n + y.count, 0)).toBe(2);
    expect(r.report.files.find((f) => f.path.endsWith('future.md'))?.status).not.toBe('published');
  });
});
