// @vitest-environment jsdom
import { afterEach, expect, test } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { PostCard, PREFETCH_IN_VIEW } from '../../src/client/components/post-card.tsx';
import type { PostSummary } from '../../src/shared/contract.ts';
import { renderWithProviders } from './render.tsx';

afterEach(cleanup);

const post: PostSummary = {
  ordinal: 3,
  slug: 'guan-yuan-fan-che',
  title: '又有官员翻车了！',
  date: '2023-02-21T20:08:46.213858+00:00',
  authors: ['小白菜'],
  tags: ['示范区', 'C#'],
  categories: [],
  excerpt: '近日，一张微信聊天截图引爆关注。',
  cover: {
    src: 'https://images.weserv.nl/?url=https%3A//mmbiz.qpic.cn/a/640%3Fwx_fmt%3Djpeg',
    original: 'https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg',
    alt: '',
  },
  readingMinutes: 3,
  wordCount: 938,
  imageCount: 7,
};

test('a card shows title, date in the site zone, author, reading time, excerpt and tag links', () => {
  renderWithProviders(<PostCard post={post} />);
  const card = screen.getByRole('article');
  expect(within(card).getByRole('heading', { level: 2, name: '又有官员翻车了！' })).toBeTruthy();
  expect(within(card).getByRole('link', { name: '又有官员翻车了！' }).getAttribute('href')).toBe(
    '/posts/guan-yuan-fan-che/',
  );
  expect(within(card).getByText('2023年2月22日').getAttribute('dateTime')).toBe(post.date);
  expect(within(card).getByText('小白菜')).toBeTruthy();
  expect(within(card).getByText('3 分钟读完')).toBeTruthy();
  expect(within(card).getByText('近日，一张微信聊天截图引爆关注。')).toBeTruthy();
  const tags = within(within(card).getByRole('list', { name: '标签' })).getAllByRole('link');
  expect(tags.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
    ['示范区', `/tags/${encodeURIComponent('示范区')}/`],
    ['C#', `/tags/${encodeURIComponent('c~23')}/`],
  ]);
});

test('the cover is a lazy thumbnail from weserv at card width, sent without Referer', () => {
  const { container } = renderWithProviders(<PostCard post={post} />);
  const img = container.querySelector('img')!;
  expect(img.getAttribute('loading')).toBe('lazy');
  expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
  expect(img.getAttribute('src')).toBe(
    `https://images.weserv.nl/?url=${encodeURIComponent('https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg')}&w=240&output=webp`,
  );
  expect(img.getAttribute('alt')).toBe('图片 1');
});

test('a post without cover, author or tags shows no empty parts', () => {
  const { container } = renderWithProviders(
    <PostCard post={{ ...post, cover: undefined, authors: [], tags: [], date: undefined }} />,
  );
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('time')).toBeNull();
  expect(screen.queryByRole('list')).toBeNull();
});

test('a card in view prefetches its article only when it is small; pointing at it, whatever its size', () => {
  // jsdom has no IntersectionObserver: one that sees every element at once
  const observed: Element[] = [];
  class SeeAll {
    constructor(private readonly callback: IntersectionObserverCallback) {}
    observe(el: Element) {
      observed.push(el);
      this.callback([{ isIntersecting: true, target: el } as IntersectionObserverEntry], this as never);
    }
    disconnect() {}
  }
  globalThis.IntersectionObserver = SeeAll as unknown as typeof IntersectionObserver;
  try {
    const asked: string[] = [];
    renderWithProviders(<PostCard post={post} onIntent={(p) => asked.push(p.slug)} />);
    const large = { ...post, slug: 'zhihu-compilation', wordCount: PREFETCH_IN_VIEW + 1 };
    renderWithProviders(<PostCard post={large} onIntent={(p) => asked.push(p.slug)} />);
    expect(asked).toEqual(['guan-yuan-fan-che']);
    expect(observed).toHaveLength(1);
    fireEvent.mouseEnter(screen.getAllByRole('article')[1]!);
    expect(asked).toEqual(['guan-yuan-fan-che', 'zhihu-compilation']);
  } finally {
    delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  }
});
