// @vitest-environment jsdom
import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { PostImage } from '../../src/client/components/post-image.tsx';

afterEach(cleanup);

const weserv = 'https://images.weserv.nl/?url=https%3A//pic1.zhimg.com/v2-a_720w.jpg';
const original = 'https://pic1.zhimg.com/v2-a_720w.jpg';

test('on error it tries the other route once, then shows a placeholder linking to the original', () => {
  const { container } = render(<PostImage src={weserv} alt="配图" variant="article" />);
  const first = container.querySelector('img')!;
  expect(first.getAttribute('src')).toContain('images.weserv.nl/?url=https%3A%2F%2Fpic1.zhimg.com');
  expect(first.getAttribute('srcset')).toContain(' 1440w');
  fireEvent.error(first);
  const second = container.querySelector('img')!;
  expect(second.getAttribute('src')).toBe(original);
  expect(second.getAttribute('srcset')).toBeNull();
  fireEvent.error(second);
  expect(container.querySelector('img')).toBeNull();
  const link = screen.getByRole('link');
  expect(link.getAttribute('href')).toBe(original);
  expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(link.textContent).toBe('图片无法加载，查看原图: 配图');
});

test('the first article image is eager with high priority; the others lazy; all without Referer', () => {
  const { container } = render(
    <>
      <PostImage src={weserv} variant="article" eager index={1} />
      <PostImage src={weserv} variant="article" index={2} />
    </>,
  );
  const [a, b] = [...container.querySelectorAll('img')];
  expect([a!.getAttribute('loading'), a!.getAttribute('fetchpriority')]).toEqual(['eager', 'high']);
  expect([b!.getAttribute('loading'), b!.getAttribute('fetchpriority')]).toEqual(['lazy', 'auto']);
  for (const img of [a!, b!]) {
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('decoding')).toBe('async');
  }
  expect(b!.getAttribute('alt')).toBe('图片 2');
});

test('the box keeps its place, then takes the image’s own shape once it has loaded', () => {
  const { container } = render(<PostImage src={original} variant="article" />);
  const box = container.querySelector('.post-image') as HTMLElement;
  expect(box.style.aspectRatio).toBe('');
  const img = container.querySelector('img')!;
  Object.defineProperties(img, { naturalWidth: { value: 800 }, naturalHeight: { value: 400 } });
  fireEvent.load(img);
  expect(box.style.aspectRatio).toMatch(/^2( \/ 1)?$/);
});

test('tapping an article image asks to open it large, keyboard included', () => {
  const onOpen = vi.fn();
  render(<PostImage src={weserv} variant="article" onOpen={onOpen} />);
  const button = screen.getByRole('button');
  fireEvent.click(button);
  // the image element itself: the viewer opens the route that loaded
  expect(onOpen).toHaveBeenCalledWith(button.querySelector('img'));
  expect(button.tagName).toBe('BUTTON'); // focusable, Enter and Space activate it
});

test('a box takes the shape the markup tells before the image arrives, and keeps it', () => {
  const { container } = render(
    <PostImage src={original} variant="article" shape={{ ratio: 0.25, width: 600 }} />,
  );
  const box = container.querySelector('.post-image') as HTMLElement;
  expect(box.style.aspectRatio).toMatch(/^0\.25( \/ 1)?$/);
  expect(box.style.width).toBe('600px');
  const img = container.querySelector('img')!;
  Object.defineProperties(img, { naturalWidth: { value: 800 }, naturalHeight: { value: 400 } });
  fireEvent.load(img);
  expect(box.style.aspectRatio).toMatch(/^0\.25( \/ 1)?$/);
});

test('a card cover that fails by both routes leaves nothing', () => {
  const { container } = render(<PostImage src={weserv} variant="card" />);
  fireEvent.error(container.querySelector('img')!);
  fireEvent.error(container.querySelector('img')!);
  expect(container.innerHTML).toBe('');
});
