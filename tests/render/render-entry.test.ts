// An entry page is the shell Vite built with one page's head, data and (for articles) text filled in.
import { describe, expect, test } from 'vitest';
import type { EntryData, Manifest } from '../../src/shared/contract.ts';
import { ENTRY_DATA_ID } from '../../src/shared/paths.ts';
import { renderEntry } from '../../src/node/render/entry.ts';
import { testManifest } from '../helpers/manifest.ts';

const SHELL = [
  '<!doctype html>',
  '<html lang="en">',
  '  <head>',
  '    <meta charset="UTF-8" />',
  '    <title>Folio</title>',
  '    <script type="module" src="/assets/index-abc.js"></script>',
  '  </head>',
  '  <body>',
  '    <div id="root"></div>',
  '  </body>',
  '</html>',
].join('\n');

const manifest: Manifest = testManifest();

const page = (title: string, body: string): EntryData => ({
  path: 'p/about/',
  manifest,
  route: { kind: 'page', page: { slug: 'about', title, body, rawHtml: false } },
});

function inlineData(html: string): unknown {
  const m = new RegExp(`<script type="application/json" id="${ENTRY_DATA_ID}">(.*?)</script>`, 's').exec(
    html,
  );
  if (!m) throw new Error('no inline data');
  return JSON.parse(m[1]!);
}

describe('renderEntry', () => {
  test('keeps every part of the shell and fills its four places', () => {
    const html = renderEntry(SHELL, page('About us', 'Hello'), { base: '/', feeds: false });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toContain('<html lang="en">');
    expect(html).toContain('<title>About us · Site</title>');
    expect(html).not.toContain('<title>Folio</title>');
    expect(html).toContain('<script type="module" src="/assets/index-abc.js"></script>');
    expect(html).toContain('<link rel="canonical" href="https://example.org/p/about/" />');
    expect(html.indexOf('<div id="root">')).toBeGreaterThan(html.indexOf('<body>'));
    expect(html.indexOf(`id="${ENTRY_DATA_ID}"`)).toBeLessThan(html.indexOf('</body>'));
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  test('a title with markup is escaped in the head', () => {
    const html = renderEntry(SHELL, page('<script>alert(1)</script> & "q"', 'x'));
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; · Site</title>');
    expect(html).not.toContain('<script>alert(1)');
  });

  test('inline data cannot close its script element, and reads back exactly', () => {
    const body = 'a </script><script>alert(1)</script> <!-- b \u2028 c \u2029 d';
    const html = renderEntry(SHELL, page('T', body));
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the app's module script and the data's own
    expect(html).not.toContain('<!--');
    // (the page's own text may hold U+2028 as HTML; the data's script may not)
    const script = html.slice(html.indexOf(`id="${ENTRY_DATA_ID}"`));
    expect(script).not.toContain('\u2028');
    expect(inlineData(html)).toEqual(page('T', body));
  });

  test('the same shell gives the same page every time (it is cut once and reused)', () => {
    const first = renderEntry(SHELL, page('One', 'x'));
    renderEntry(SHELL.replace('Folio', 'Other'), page('Two', 'y'));
    expect(renderEntry(SHELL, page('One', 'x'))).toBe(first);
  });

  test.for([
    ['<html lang="en"><head><title>x</title></head><body></body></html>', 'lacks <div id="root"></div>'],
    ['<html><head></head><body><div id="root"></div></body></html>', 'lacks <title>'],
  ])('a shell without one of its places is refused: %s', ([shell, message]) => {
    expect(() => renderEntry(shell, page('T', 'x'))).toThrow(`folio: the app shell (index.html) ${message}`);
  });
});

describe('the first screen as HTML', () => {
  const hostile = '<img src=x onerror=alert(1)>"\'&';
  const summary = {
    ordinal: 0,
    slug: 'a',
    title: hostile,
    authors: [hostile],
    tags: [hostile],
    categories: [],
    excerpt: hostile,
    readingMinutes: 3,
    wordCount: 900,
    imageCount: 0,
    date: '2023-02-21T20:08:46Z',
  };
  const home: EntryData = {
    path: '',
    manifest,
    route: { kind: 'home', list: { total: 1, posts: [summary] } },
  };

  test('content text is escaped everywhere it lands: titles, authors, tags, excerpts', () => {
    const html = renderEntry(SHELL, home, { base: '/', feeds: false });
    const root = /<div id="root">([\s\S]*)<\/div>\s*<script type="application\/json"/.exec(html)![1]!;
    expect(root).not.toContain('<img');
    expect(root).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(root.match(/&lt;img/g)).toHaveLength(4); // title, author, tag, excerpt
  });

  test('dates show as the calendar day in the site time zone; links sit under the base path', () => {
    const html = renderEntry(SHELL, home, { base: '/archive/', feeds: false });
    expect(html).toContain('<time datetime="2023-02-21T20:08:46Z">2023年2月21日</time>');
    expect(html).toContain('<a href="/archive/posts/a/">');
    expect(html).toContain('<span>3 分钟读完</span>');
  });

  /** The HTML inside the app's root of an entry page. */
  const rootOf = (entry: EntryData) =>
    /<div id="root">([\s\S]*?)<\/div>\s*<script type="application\/json"/.exec(
      renderEntry(SHELL, entry, { base: '/archive/', feeds: false }),
    )?.[1] ?? '';

  test('no page is blank without JavaScript: the tag cloud as links, sized by use, names escaped', () => {
    const root = rootOf({
      path: 'tags/',
      manifest,
      route: {
        kind: 'tags',
        top: [
          { name: '<b>x</b>', count: 30 },
          { name: '经济', count: 1 },
        ],
      },
    });
    expect(root).toContain('<h1>标签云</h1><ul class="tag-cloud">');
    expect(root).toContain(
      '<li style="--cloud:2.40"><a href="/archive/tags/~3cb~3ex~3c~2fb~3e/">&lt;b&gt;x&lt;/b&gt; <span class="chip-count">30</span></a></li>',
    );
    expect(root).toContain(
      '<li style="--cloud:0.90"><a href="/archive/tags/%E7%BB%8F%E6%B5%8E/">经济 <span class="chip-count">1</span></a></li>',
    );
  });

  test('the search page says, without JavaScript, that it needs it, and how else to find every post', () => {
    const root = rootOf({ path: 'search/', manifest, route: { kind: 'search' } });
    expect(root).toContain('<form role="search" class="site-search" action="/archive/search/">');
    expect(root).toMatch(
      /<p class="notice without-script">站内搜索要在浏览器里运行 JavaScript。[^<]*<a href="\/archive\/tags\/">标签云<\/a> · <a href="\/archive\/archive\/">归档<\/a><\/p>/,
    );
  });

  test('a standalone page is whole, sanitised, its addresses as written', () => {
    const root = rootOf({
      path: 'p/about/',
      manifest,
      route: {
        kind: 'page',
        page: {
          slug: 'about',
          title: '关于 <本站>',
          body: '见[归档](/archive/)。\n\n<script>alert(1)</script>\n\n![图](img/a.png)\n',
          rawHtml: true,
        },
      },
    });
    expect(root).toContain(
      '<article class="article"><h1>关于 &lt;本站&gt;</h1><div class="prose"><p>见<a href="/archive/">归档</a>。</p>',
    );
    expect(root).not.toContain('<script>alert');
    expect(root).toContain('<img src="img/a.png" alt="图" referrerpolicy="no-referrer" loading="lazy">');
  });

  test('the 404 page offers a search form, the newest posts (escaped) and a way home, as HTML', () => {
    const html = renderEntry(
      SHELL,
      { path: '404.html', manifest, route: { kind: 'notFound', newest: [summary] } },
      { base: '/archive/', feeds: false },
    );
    const root = /<div id="root">([\s\S]*?)<\/div>\s*<script type="application\/json"/.exec(html)?.[1] ?? '';
    expect(root).toContain('<h1>404 · 找不到</h1>');
    expect(root).toMatch(
      /<form role="search" class="not-found-search" action="\/archive\/search\/"><label for="not-found-q">在本站搜索<\/label><input id="not-found-q" type="search" name="q"/,
    );
    expect(root).toContain('<h2>最新文章</h2>');
    expect(root).toContain('<a href="/archive/posts/a/">');
    expect(root).not.toContain('<img src=x');
    expect(root).toContain('<a href="/archive/">回到首页</a>');
    // a 404 carrying no posts (an empty site) offers none
    const empty = renderEntry(SHELL, { path: '404.html', manifest, route: { kind: 'notFound' } });
    expect(empty).toContain('not-found-search');
    expect(empty).not.toContain('最新文章');
  });
});
