// A data file that is truncated, stale or foreign is an error to retry, not a crash: the reader checks
// each file against its kind's shape (src/shared/data-shapes.ts).
import { describe, expect, test } from 'vitest';
import { dataKindOf, hasDataShape } from '../../src/shared/data-shapes.ts';

describe('data file shapes', () => {
  test('the kind comes from the hashed name', () => {
    expect(dataKindOf('data/list.0a1b2c3d.json')).toBe('list');
    expect(dataKindOf('data/tags-top.0a1b2c3d.json')).toBe('tags-top');
    expect(dataKindOf('/folio/data/postings.ff.json')).toBe('postings');
    expect(dataKindOf('data/unknown.0a1b.json')).toBeUndefined();
    expect(dataKindOf('assets/list.0a1b.json')).toBeUndefined();
    expect(dataKindOf('/folio/data/refs/0a1b2c3d/12.json')).toBe('refs');
    expect(dataKindOf('data/refs.0a1b2c3d.json')).toBeUndefined();
    expect(dataKindOf('data/refs/0a1b2c3d/x.json')).toBeUndefined();
    expect(dataKindOf('/folio/data/refs/0a1b2c3d/with-12.json')).toBe('with');
    expect(dataKindOf('data/with.0a1b2c3d.json')).toBeUndefined();
  });

  const summary = { ordinal: 0, slug: 'a', title: 'A', tags: [] };
  test.each([
    ['data/list.h.json', { start: 0, posts: [summary] }, true],
    ['data/list.h.json', { start: 0, posts: [{ ...summary, title: 1 }] }, false],
    ['data/list.h.json', { posts: 'none' }, false],
    ['data/list.h.json', [summary], false],
    ['data/dir.h.json', ['a', 'b'], true],
    ['data/dir.h.json', ['a', 2], false],
    ['data/postings.h.json', [0, 5, 9], true],
    ['data/postings.h.json', [0, null], false],
    ['data/postings.h.json', {}, false],
    ['data/tags.h.json', [{ name: '示范区', count: 3 }], true],
    ['data/tags.h.json', [{ name: '示范区' }], false],
    ['data/archive.h.json', { years: [], undated: 0 }, true],
    ['data/archive.h.json', { years: [] }, false],
    ['data/authors.h.json', null, false],
    [
      'data/refs/h/0.json',
      { tag: { 示范区: { chunks: ['data/postings.h.json'], offset: 3, count: 2 } } },
      true,
    ],
    ['data/refs/h/0.json', {}, true],
    [
      'data/refs/h/0.json',
      { tag: { 示范区: { chunks: 'data/postings.h.json', offset: 3, count: 2 } } },
      false,
    ],
    ['data/refs/h/0.json', { tag: { 示范区: { chunks: [], offset: 3 } } }, false],
    ['data/refs/h/0.json', { tag: [] }, false],
    ['data/refs/h/with-0.json', { 日本: [['中国', 24]], 高山: [] }, true],
    ['data/refs/h/with-0.json', {}, true],
    ['data/refs/h/with-0.json', { 日本: [['中国']] }, false],
    ['data/refs/h/with-0.json', { 日本: [[24, '中国']] }, false],
    ['data/refs/h/with-0.json', { 日本: ['中国'] }, false],
    ['data/refs/h/with-0.json', [], false],
  ])('%s holding %j: %s', (file, value, ok) => {
    expect(hasDataShape(file, value)).toBe(ok);
  });
});
