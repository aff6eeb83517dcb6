// @vitest-environment jsdom
import { afterEach, expect, test } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { TagCloudView, cloudSize } from '../../src/client/features/tags/components/tag-cloud-view.tsx';
import { dataFileQuery } from '../../src/client/lib/queries.ts';
import { manifest } from '../../src/client/lib/site.ts';
import type { FacetCount } from '../../src/shared/contract.ts';
import { renderWithProviders } from './render.tsx';
import { setCurrentFilter } from '../../src/client/lib/current-filter.ts';

afterEach(() => {
  cleanup();
  setCurrentFilter(null);
});

const top: FacetCount[] = [
  { name: '经济', count: 120 },
  { name: 'AI', count: 40 },
  { name: '读书', count: 10 },
  { name: '摄影', count: 1 },
];
const all: FacetCount[] = [
  ...top,
  { name: '经济学', count: 2 },
  { name: '旅行', count: 1 },
  { name: '台湾', count: 1 },
];

// The manifest of a page with no entry data (jsdom) names no files; give the two lists their own.
manifest.files.tagsTop = 'data/tags-top.test.json';
manifest.files.tags = 'data/tags.test.json';

function setup(url = '/tags/') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(dataFileQuery<FacetCount[]>(manifest.files.tagsTop).queryKey, top);
  client.setQueryData(dataFileQuery<FacetCount[]>(manifest.files.tags).queryKey, all);
  return renderWithProviders(<TagCloudView />, { client, url });
}

const names = () =>
  within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('a')!.firstChild!.textContent!.trim());

test('sizes follow the count on a log scale', () => {
  expect(cloudSize(1, 1, 100)).toBeCloseTo(0.9);
  expect(cloudSize(100, 1, 100)).toBeCloseTo(2.4);
  expect(cloudSize(10, 1, 100)).toBeCloseTo(1.65);
  setup();
  // (the size in rem, as a custom property the style sheet scales)
  const size = (name: string) =>
    parseFloat((screen.getByText(name).closest('li') as HTMLElement).style.getPropertyValue('--cloud'));
  expect(size('经济')).toBeGreaterThan(size('AI'));
  expect(size('AI')).toBeGreaterThan(size('读书'));
});

test('sorted by count, or by name in the interface language', () => {
  setup();
  expect(names()).toEqual(['经济', 'AI', '读书', '摄影']);
  fireEvent.click(screen.getByRole('button', { name: '按名称' }));
  const collator = new Intl.Collator('zh-CN');
  expect(names()).toEqual(['经济', 'AI', '读书', '摄影'].sort(collator.compare));
});

test('the filter box searches the full list, case-, width- and script-insensitively', async () => {
  setup();
  fireEvent.change(screen.getByRole('searchbox'), { target: { value: '经济' } });
  await waitFor(() => expect(names()).toEqual(['经济', '经济学']));
  fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'ａｉ' } });
  await waitFor(() => expect(names()).toEqual(['AI']));
  fireEvent.change(screen.getByRole('searchbox'), { target: { value: '臺灣' } });
  await waitFor(() => expect(names()).toEqual(['台湾']));
});

test('each tag links to its page, and a second control adds it to the filter being built, or starts one', () => {
  setup();
  const plus = (name: string) =>
    within(screen.getByText(name).closest('li')!).queryByRole('link', { name: `把“${name}”加入筛选` });
  const item = screen.getByText('读书').closest('li')!;
  expect(within(item).getAllByRole('link')[0]!.getAttribute('href')).toBe(
    `/tags/${encodeURIComponent('读书')}/`,
  );
  expect(plus('读书')!.getAttribute('href')).toBe(`/?tags=${encodeURIComponent('读书')}&mode=and`);
  // a filter being built (in this tab, from the filter's page): `+` adds to it, with its mode and months
  act(() => setCurrentFilter({ tags: ['AI'], mode: 'or', range: { from: '2020-01' } }));
  expect(plus('读书')!.getAttribute('href')).toBe(
    `/?tags=AI,${encodeURIComponent('读书')}&mode=or&from=2020-01`,
  );
  expect(plus('AI')).toBeNull(); // what it holds has none
  expect(JSON.parse(sessionStorage.getItem('folio:filter')!)).toEqual({
    tags: ['AI'],
    mode: 'or',
    from: '2020-01',
  });
  act(() => setCurrentFilter(null));
  expect(plus('AI')!.getAttribute('href')).toBe('/?tags=AI&mode=and');
  expect(sessionStorage.getItem('folio:filter')).toBeNull();
});
