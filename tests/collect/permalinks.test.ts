// Where posts live (permalink), the folder and feed names, and old addresses (aliases): each rule and
// each refusal, with its message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import { summarise } from '../../src/node/collect/report.ts';
import type { FolioOptions } from '../../src/node/options.ts';
import { postRoute, setUrlScheme } from '../../src/shared/paths.ts';
import { optionsFor } from '../helpers/content-dir.ts';

afterAll(() => setUrlScheme());

function site(files: Record<string, string>, over: FolioOptions) {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-permalink-')), 'content');
  for (const [name, front] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), `---\n${front}\n---\n正文。\n`);
  }
  const result = runPipeline(optionsFor(dir, over), { now: Date.parse('2026-01-01T00:00:00Z') });
  const routeOf = (title: string) => postRoute(result.posts.find((p) => p.title === title)!);
  const issues = (file: string) =>
    result.report.files.find((f) => f.path === file)!.issues.map((i) => `${i.severity}: ${i.message}`);
  return { result, routeOf, issues };
}

test('a pattern of dates and the slug; an undated post, and one whose address is taken, keep posts/<slug>/', () => {
  const { result, routeOf, issues } = site(
    {
      'a.md': 'title: A\ndate: 2024-03-05T10:00:00+08:00',
      'b.md': 'title: B\ndate: 2023-12-31',
      'c.md': 'title: C',
      'x/archive.md': 'title: Archive\ndate: 2024-01-01',
    },
    { permalink: '/:year/:month/:slug/' },
  );
  expect(routeOf('A')).toBe('2024/03/a/');
  expect(routeOf('B')).toBe('2023/12/b/');
  expect(routeOf('C')).toBe('posts/c/');
  expect(result.data.routes.get('2024/03/a/')?.kind).toBe('post');
  expect(result.data.routes.has('posts/a/')).toBe(false);
  // the summary carries its route, for the app's links
  const home = result.data.routes.get('')!;
  expect(home.kind === 'home' && home.list.posts.find((p) => p.title === 'A')!.route).toBe('2024/03/a/');
  expect(issues('x/archive.md')).toEqual([]);
  expect(routeOf('Archive')).toBe('2024/01/archive/');
});

test('a pattern that would take the site’s own folder, or another post’s address, is refused for that post', () => {
  const { routeOf, issues } = site(
    {
      'archive.md': 'title: Archive\ndate: 2024-01-01',
      'one/same-name.md': 'title: One\ndate: 2024-01-02',
      'two/same-name.md': 'title: Two\ndate: 2024-01-03',
    },
    { permalink: '/:filename/' },
  );
  expect(routeOf('Archive')).toBe('posts/archive/');
  expect(issues('archive.md')).toEqual([
    "warning: permalink archive/ is taken by the site's own /archive/: this post is at posts/archive/",
  ]);
  // the older keeps the address
  expect(routeOf('One')).toBe('same-name/');
  expect(routeOf('Two')).toBe('posts/same-name-2/');
  expect(issues('two/same-name.md')).toContain(
    'warning: permalink same-name/ is taken by one/same-name.md: this post is at posts/same-name-2/',
  );
});

test('aliases: a redirect page each, never over a page of the site; a feed’s old address a copy; the report says so', () => {
  const { result } = site(
    {
      'a.md':
        'title: A\ndate: 2024-01-01\naliases: [/old/a/, old-a.html, "https://evil.example/", /posts/b/, /x/../y/]',
      'b.md': 'title: B\ndate: 2024-01-02\nredirect_from: /old/b/',
    },
    {
      siteUrl: 'https://example.org',
      aliases: {
        '/rss.xml': '/feed.xml',
        '/gone/': '/nowhere/',
        '/tags/x/': '/posts/a/',
        '/b.php': '/posts/b/',
      },
    },
  );
  const { pages, copies, refused } = result.redirects;
  expect([...pages].map(([file, r]) => [file, r.to])).toEqual([
    ['old/b/index.html', 'posts/b/'],
    ['old/a/index.html', 'posts/a/'],
    ['old-a.html', 'posts/a/'],
  ]);
  expect([...copies]).toEqual([['rss.xml', 'feed.xml']]);
  expect(refused).toEqual([
    { from: '/posts/b/', reason: 'the site has a page or file there' },
    { from: '/gone/', reason: '/nowhere/ is not a page of the site' },
    { from: '/tags/x/', reason: 'the site has a page or file there' },
    { from: '/b.php', reason: 'an old page address must end in / or .html (a feed’s, in .xml)' },
  ]);
  const a = result.report.files.find((f) => f.path === 'a.md')!;
  expect(a.issues.map((i) => i.message)).toEqual([
    'aliases: "https://evil.example/" is not a path on the site: left out',
    'aliases: "/x/../y/" is not a path on the site: left out',
  ]);
  expect(summarise(result.report)).toContain(
    '  old addresses: 3 redirect pages, 1 feed copies; refused: /posts/b/ (the site has a page or file there), /gone/ (/nowhere/ is not a page of the site)',
  );
});

test.for([
  [{ permalink: '/archive/:slug/' }, /^folio: permalink must be a path of :slug or :filename/],
  [{ permalink: '/post/:year/' }, /^folio: permalink must be a path of :slug or :filename/],
  [{ permalink: '/post/../:slug/' }, /^folio: permalink must be a path/],
  [{ permalink: '/tags/:slug/' }, /^folio: permalink must be a path/],
  [{ tagsBase: 'a/b' }, 'folio: tagsBase must be one folder name (like "tag" or "author"), not "a/b"'],
  [
    { authorsBase: 'search' },
    'folio: authorsBase must be one folder name (like "tag" or "author"), not "search"',
  ],
  [{ tagsBase: 'x', categoriesBase: 'x' }, 'folio: tagsBase, categoriesBase and authorsBase must differ'],
  [{ feedName: '../rss.xml' }, 'folio: feedName must be a file name like "index.xml", not "../rss.xml"'],
  [{ feedName: 'atom.xml' }, 'folio: feedName must be a file name like "index.xml", not "atom.xml"'],
  [
    { aliases: { 'old/': '/new/' } },
    'folio: aliases: "old/" → "/new/" must both be paths on the site, starting with /',
  ],
  [
    { aliases: { '/old/': 'https://x.example/' } },
    'folio: aliases: "/old/" → "https://x.example/" must both be paths',
  ],
] as [FolioOptions, string | RegExp][])('%o is refused', ([over, message]) => {
  expect(() => optionsFor('/tmp', over)).toThrow(message);
});
