// Structured data (issue 26, point 4): an article's BlogPosting and a list's BreadcrumbList as JSON-LD
// in the head, every field a post's own and escaped like the page's inline data.
import { describe, expect, test } from 'vitest';
import type { EntryData, Manifest, PostData } from '../../src/shared/contract.ts';
import { renderEntry } from '../../src/node/render/entry.ts';
import { testManifest } from '../helpers/manifest.ts';

const SHELL =
  '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="UTF-8" />\n<title>Folio</title>\n</head>\n<body>\n<div id="root"></div>\n</body>\n</html>';

const manifest = (siteUrl: string): Manifest => testManifest({ timeZone: 'Asia/Shanghai', siteUrl }, 1);

const HOSTILE = '</script><script>alert(1)</script><!--';
const post: PostData = {
  ordinal: 0,
  slug: 'a',
  title: `标题 ${HOSTILE}`,
  authors: ['小白菜', 'https://www.zhihu.com/people/x'],
  tags: ['经济', HOSTILE],
  categories: [],
  excerpt: `摘要 ${HOSTILE}`,
  readingMinutes: 3,
  wordCount: 1200,
  imageCount: 1,
  date: '2024-03-05T10:00:00+08:00',
  cover: {
    src: 'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/a/640',
    original: 'https://mmbiz.qpic.cn/a/640',
    alt: '',
  },
  headings: [],
  rawHtml: false,
  body: '正文',
  sourceUrl: 'https://mp.weixin.qq.com/s/abc',
};

/** The JSON-LD objects of a page, read back as a search engine reads them. */
function ld(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

describe('JSON-LD', () => {
  test('an article is a BlogPosting of its own fields, the original it mirrors as isBasedOn', () => {
    const html = renderEntry(SHELL, {
      path: 'posts/a/',
      manifest: manifest('https://example.org'),
      route: { kind: 'post', post },
    });
    const [article] = ld(html);
    expect(article).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: post.title,
      url: 'https://example.org/posts/a/',
      mainEntityOfPage: 'https://example.org/posts/a/',
      inLanguage: 'zh-CN',
      publisher: { '@type': 'Organization', name: 'Site' },
      description: post.excerpt,
      datePublished: '2024-03-05T10:00:00+08:00',
      dateModified: '2024-03-05T10:00:00+08:00',
      author: [
        { '@type': 'Person', name: '小白菜' },
        { '@type': 'Person', name: 'www.zhihu.com', url: 'https://www.zhihu.com/people/x' },
      ],
      image: `https://images.weserv.nl/?url=${encodeURIComponent('https://mmbiz.qpic.cn/a/640')}&w=1200&output=webp`,
      keywords: `经济, ${HOSTILE}`,
      isBasedOn: 'https://mp.weixin.qq.com/s/abc',
      wordCount: 1200,
    });
    // no field ends its element or opens a comment: the page's own script elements only
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
  });

  test('a tag page, a category page and an archive month carry the path to them from home', () => {
    const m = manifest('');
    const list = { total: 0, posts: [] };
    const postings = { chunks: [], offset: 0, count: 0 };
    const crumbs = (entry: EntryData) =>
      (
        ld(renderEntry(SHELL, entry, { base: '/blog/', feeds: false }))[0]!.itemListElement as {
          name: string;
          item: string;
        }[]
      ).map((i) => [i.name, i.item]);
    expect(
      crumbs({
        path: 'tags/经济/',
        manifest: m,
        route: { kind: 'facet', facet: 'tag', name: '经济', list, postings },
      }),
    ).toEqual([
      ['首页', '/blog/'],
      ['标签云', '/blog/tags/'],
      ['经济', '/blog/tags/%E7%BB%8F%E6%B5%8E/'],
    ]);
    expect(
      crumbs({
        path: 'categories/x/',
        manifest: m,
        route: { kind: 'facet', facet: 'category', name: '读书', list, postings },
      }),
    ).toEqual([
      ['首页', '/blog/'],
      ['分类：读书', '/blog/categories/x/'],
    ]);
    expect(
      crumbs({
        path: 'archive/2024/3/',
        manifest: m,
        route: { kind: 'archive', year: 2024, month: 3, start: 0, list },
      }),
    ).toEqual([
      ['首页', '/blog/'],
      ['归档', '/blog/archive/'],
      ['2024 年', '/blog/archive/2024/'],
      ['2024 年 3 月', '/blog/archive/2024/03/'],
    ]);
  });

  test('a page that is neither an article nor a list carries none', () => {
    const html = renderEntry(SHELL, { path: 'search/', manifest: manifest(''), route: { kind: 'search' } });
    expect(ld(html)).toEqual([]);
  });
});
