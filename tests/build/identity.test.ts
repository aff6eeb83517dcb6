// The site's identity (issue: the operator's tool): logo, icon, menu, footer, and the "edit" and
// "report" links of every article, in the pages' HTML; every address checked before anything is built.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import { siteFiles, type SiteFile } from '../../src/node/write-site.ts';
import { renderEntry } from '../../src/node/render/entry.ts';
import { routeFile, routes } from '../../src/shared/paths.ts';
import { resolveOptions, type FolioOptions } from '../../src/node/options.ts';
import { fixtures, optionsFor } from '../helpers/content-dir.ts';

const identity = path.join(fixtures, 'identity');
const OPTIONS: FolioOptions = {
  siteUrl: 'https://archive.example.org',
  logo: path.join(identity, 'logo.png'),
  favicon: path.join(identity, 'icon.svg'),
  menu: [
    { label: 'Telegram', url: 'https://t.me/example' },
    { label: '关于 <本站>', url: '/p/about/' },
  ],
  footer: '© 2026 某某存档 <b>',
  footerLinks: [{ label: '联系', url: 'mailto:archive@example.org' }],
  editLink: 'https://github.com/me/archive/edit/main/content/{path}',
  reportLink: 'https://github.com/me/archive/issues/new?title={title}&body={url}',
};
const SHELL =
  '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8" />\n<link rel="icon" href="data:," />\n<title>x</title></head><body><div id="root"></div></body></html>';

function build(over: FolioOptions = {}) {
  const result = runPipeline(optionsFor(path.join(fixtures, 'site'), { ...OPTIONS, ...over }), {
    base: '/archive/',
    now: Date.parse('2026-01-01T00:00:00Z'),
  });
  const files = new Map<string, SiteFile>(siteFiles(result, SHELL, '/archive/'));
  const text = (name: string) => String(files.get(name));
  return { result, files, text };
}

describe('a site with its own identity', () => {
  const { result, files, text } = build();
  const home = renderEntry(
    SHELL,
    { path: routes.home(), manifest: result.data.manifest, route: result.data.routes.get(routes.home())! },
    { base: '/archive/', feeds: true },
  );

  test('the logo and icon are copied under their hash; the icon without its script', () => {
    const logo = [...files.keys()].find((f) => /^media\/site-logo\.\w{10}\.png$/.test(f))!;
    const icon = [...files.keys()].find((f) => /^media\/site-icon\.\w{10}\.svg$/.test(f))!;
    expect(files.get(logo)).toEqual({ copy: path.join(identity, 'logo.png') });
    const svg = Buffer.from(files.get(icon) as Uint8Array).toString('utf8');
    expect(svg).toContain('<rect');
    expect(svg).not.toContain('script');
    expect(home).toContain(`<link rel="icon" href="/archive/${icon}" />`);
    expect(home).not.toContain('data:,');
    expect(home).toContain(
      `<a href="/archive/" class="site-title"><img class="site-logo" src="/archive/${logo}" alt="" width="28" height="28" />Folio</a>`,
    );
  });

  test('the menu follows the header’s own links, a path on the site under the base; all escaped', () => {
    expect(home).toContain(
      '<li><a href="https://t.me/example">Telegram</a></li><li><a href="/archive/p/about/">关于 &lt;本站&gt;</a></li></ul></nav>',
    );
  });

  test('the footer: its text, its links, the feed', () => {
    expect(home).toContain(
      '<footer class="site-footer"><p>© 2026 某某存档 &lt;b&gt; · <a href="mailto:archive@example.org">联系</a> · <a class="feed-link"',
    );
  });

  test('every article links to where its file is edited and where it is reported, each part encoded', () => {
    const page = text(routeFile(routes.post('guan-yuan-fan-che')));
    const post = result.posts.find((p) => p.slug === 'guan-yuan-fan-che')!;
    const edit = `https://github.com/me/archive/edit/main/content/${post.path.split('/').map(encodeURIComponent).join('/')}`;
    const report = `https://github.com/me/archive/issues/new?title=${encodeURIComponent(post.title)}&amp;body=${encodeURIComponent('https://archive.example.org/archive/posts/guan-yuan-fan-che/')}`;
    expect(page).toContain(
      `<p class="post-actions"><a href="${edit}" rel="nofollow">编辑此文</a> · <a href="${report}" rel="nofollow">报告问题</a></p>`,
    );
  });
});

test('without them: no logo, the empty icon, the description in the footer, no article links', () => {
  const { result, text } = build({
    logo: undefined,
    favicon: undefined,
    menu: undefined,
    footer: undefined,
    footerLinks: undefined,
    editLink: undefined,
    reportLink: undefined,
    description: '一句话',
  });
  const home = renderEntry(
    SHELL,
    { path: routes.home(), manifest: result.data.manifest, route: result.data.routes.get(routes.home())! },
    { base: '/archive/', feeds: true },
  );
  expect(home).toContain('<link rel="icon" href="data:," />');
  expect(home).not.toContain('site-logo');
  expect(home).toContain('<footer class="site-footer"><p>一句话 · <a class="feed-link"');
  expect(text(routeFile(routes.post('guan-yuan-fan-che')))).not.toContain('post-actions');
});

test.for([
  [
    { logo: 'javascript:alert(1)' },
    'folio: logo must be an image file or an https:// address, not "javascript:alert(1)"',
  ],
  [
    { favicon: 'missing.png' },
    /^folio: favicon must be an image file \(png, jpg, gif, webp, avif, svg, ico\) that is there: /,
  ],
  [{ logo: 'http://example.org/logo.png' }, 'folio: logo must be an image file or an https:// address'],
  [
    { menu: [{ label: 'x', url: 'javascript:alert(1)' }] },
    'folio: menu must be a list of { label, url } (url https://…, mailto:… or /path/): {"label":"x","url":"javascript:alert(1)"}',
  ],
  [{ menu: [{ label: '', url: '/a/' }] }, 'folio: menu must be a list of { label, url }'],
  [
    { footerLinks: [{ label: 'x', url: '//evil.example/' }] },
    'folio: footerLinks must be a list of { label, url }',
  ],
  [{ editLink: 'ftp://example.org/{path}' }, 'folio: editLink must be an http(s) address with {path} in it'],
] as [FolioOptions, string | RegExp][])('%o is refused', ([over, message]) => {
  expect(() => optionsFor(path.join(fixtures, 'site'), over)).toThrow(message);
});

test('a logo as a variable is a file from where it is given, or an https address as it is', () => {
  expect(resolveOptions({}, identity, { FOLIO_LOGO: 'logo.png' }).logo).toBe(path.join(identity, 'logo.png'));
  expect(resolveOptions({}, '/site', { FOLIO_LOGO: 'https://cdn.example.org/logo.svg' }).logo).toBe(
    'https://cdn.example.org/logo.svg',
  );
});

test('the menu as a variable (or a flag) is JSON', () => {
  const env = { FOLIO_MENU: '[{ "label": "RSS", "url": "/feed.xml" }]' };
  expect(resolveOptions({}, '/site', env).menu).toEqual([{ label: 'RSS', url: '/feed.xml' }]);
  expect(() => resolveOptions({}, '/site', { FOLIO_MENU: '[{ label: RSS }]' })).toThrow(
    'folio: FOLIO_MENU must be JSON ([{ "label": "…", "url": "…" }]), not "[{ label: RSS }]"',
  );
});
