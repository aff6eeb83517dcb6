// A list's RSS feed written by hand: well-formed whatever the posts hold.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { listFeed, listItem } from '../../src/node/render/list-feed.ts';

const channel = {
  title: '#标签 <b> & "引号" · Folio',
  link: 'https://example.org/tags/a/',
  description: 'd',
  updated: new Date('2024-01-02T03:04:05Z'),
  language: 'zh-CN',
  self: 'https://example.org/tags/a/feed.xml',
};

test('hostile titles, excerpts, authors and tags stay text in well-formed XML', () => {
  const xml = listFeed(channel, [
    listItem({
      title: 'a ]]> <script>alert(1)</script> \u0001 b',
      link: 'https://example.org/posts/x/?a=1&b=2',
      date: new Date('2024-01-01T00:00:00Z'),
      description: '摘要 ]]><img src=x onerror=alert(1)>',
      authors: ['<i>作者</i>'],
      categories: ['a&b', '</category><x>'],
      image: { url: 'https://images.weserv.nl/?url=a&w=720', type: 'image/webp' },
    }),
    listItem({
      title: 't',
      link: 'https://example.org/p/',
      date: new Date(0),
      description: '',
      authors: [],
      categories: [],
    }),
  ]);
  expect(XMLValidator.validate(xml)).toBe(true);
  const rss = new XMLParser({ ignoreAttributes: false }).parse(xml).rss;
  expect(rss.channel.title).toBe('#标签 <b> & "引号" · Folio');
  const [first, second] = rss.channel.item;
  expect(first.title).toBe('a ]]> <script>alert(1)</script>  b');
  expect(first.description).toBe('摘要 ]]><img src=x onerror=alert(1)>');
  expect(first.link).toBe('https://example.org/posts/x/?a=1&b=2');
  expect(first.author).toBe('<i>作者</i>');
  expect(first.category).toEqual(['a&b', '</category><x>']);
  expect(first.enclosure['@_url']).toBe('https://images.weserv.nl/?url=a&w=720');
  expect(first.pubDate).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
  expect(second.description).toBeUndefined();
});
