// @vitest-environment jsdom
// The tag filter's suggestions (tag-sets.ts: candidateTags, rankSuggestions, matchTags) and the filter
// being built that a `+` anywhere adds to (current-filter.ts).
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { CoTag } from '../../src/shared/contract.ts';
import { CO_TAGS } from '../../src/shared/paths.ts';
import { foldScript } from '../../src/shared/script-fold.ts';
import {
  candidateTags,
  combine,
  matchTags,
  rankSuggestions,
  type Mode,
} from '../../src/client/lib/tag-sets.ts';
import { adding, holds, setCurrentFilter } from '../../src/client/lib/current-filter.ts';

/** Posts 0…n−1 with their tags; each tag's ordinals and tags found with it, counted as the build does. */
function archive(posts: string[][]) {
  const ordinals = new Map<string, number[]>();
  posts.forEach((tags, o) => tags.forEach((t) => ordinals.set(t, [...(ordinals.get(t) ?? []), o])));
  const together = (tag: string): CoTag[] => {
    const counts = new Map<string, number>();
    for (const tags of posts)
      if (tags.includes(tag)) for (const t of tags) if (t !== tag) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, CO_TAGS);
  };
  const suggest = (chosen: string[], mode: Mode) => {
    const result = combine(
      chosen.map((t) => ordinals.get(t)!),
      mode,
    );
    const candidates = candidateTags(chosen, chosen.map(together), mode, 12);
    return rankSuggestions(
      result,
      candidates.map((c) => ({ name: c.name, ordinals: ordinals.get(c.name)! })),
      mode,
      8,
    );
  };
  return { ordinals, together, suggest };
}

// 日本 on 30 posts: the six newest each with a tag of its own, the 24 before them with 中国; then
// posts on 中国 and 经济, and on 中国 alone.
const posts = [
  ...['高山', '温泉', '樱花', '京都', '富士', '北海道'].map((t) => ['日本', t]),
  ...Array.from({ length: 24 }, (_, i) => (i < 10 ? ['日本', '中国', '经济'] : ['日本', '中国'])),
  ...Array.from({ length: 5 }, () => ['中国', '经济']),
  ['中国'],
];

describe('the filter’s suggestions', () => {
  test('are ranked over every post the filter matches: 日本 offers 中国 (24), not 高山 (1)', () => {
    const { suggest } = archive(posts);
    const first = suggest(['日本'], 'and');
    expect(first[0]).toEqual({ name: '中国', count: 24 });
    expect(first[1]).toEqual({ name: '经济', count: 10 });
    expect(first.slice(2).every((s) => s.count === 1)).toBe(true);
  });

  test('with one tag, a candidate’s score is the number of posts it leaves', () => {
    const { together } = archive(posts);
    const [first, second, third] = candidateTags(['日本'], [together('日本')], 'and', 3);
    expect([first, second]).toEqual([
      { name: '中国', score: 24 },
      { name: '经济', score: 10 },
    ]);
    expect(third!.score).toBe(1);
  });

  test('AND: each leaves some posts and not all; one every post carries narrows nothing and is left out', () => {
    const { suggest } = archive(posts);
    // every 日本 + 经济 post carries 中国 too
    expect(suggest(['日本', '经济'], 'and')).toEqual([]);
    expect(suggest(['中国', '经济'], 'and')).toEqual([{ name: '日本', count: 10 }]);
  });

  test('AND with several tags: the least of its counts with each bounds a candidate; a tag found with one only is none', () => {
    const lists: CoTag[][] = [
      [
        ['x', 9],
        ['y', 5],
      ],
      [['y', 7]],
    ];
    expect(candidateTags(['a', 'b'], lists, 'and', 8)).toEqual([{ name: 'y', score: 5 }]);
    // a list that is full may have left a tag out: at most its last count
    const full: CoTag[] = Array.from({ length: CO_TAGS }, (_, i) => [`t${i}`, 40 - i]);
    expect(candidateTags(['a', 'b'], [full, [['t20', 30]]], 'and', 1)).toEqual([
      { name: 't20', score: 40 - (CO_TAGS - 1) },
    ]);
  });

  test('OR: each widens the result, says by how many, and none adds nothing', () => {
    const { suggest, ordinals } = archive(posts);
    const widen = suggest(['高山', '温泉'], 'or');
    // 日本 is found with both: it adds its 30 posts but the two already shown
    expect(widen).toEqual([{ name: '日本', count: 28 }]);
    const more = suggest(['经济'], 'or');
    expect(more.map((s) => s.name)).toEqual(['中国', '日本']);
    for (const s of more) {
      const union = new Set([...ordinals.get('经济')!, ...ordinals.get(s.name)!]);
      expect(s.count).toBe(union.size - ordinals.get('经济')!.length);
      expect(s.count).toBeGreaterThan(0);
    }
  });

  test('a chosen tag is never offered, whatever its case or width', () => {
    expect(
      candidateTags(
        ['ＡＩ'],
        [
          [
            ['ai', 3],
            ['ML', 2],
          ],
        ],
        'and',
        8,
      ),
    ).toEqual([{ name: 'ML', score: 2 }]);
  });
});

describe('adding a tag by name', () => {
  const tags = [
    { name: '中国经济', count: 50 },
    { name: '经济', count: 40 },
    { name: '经济学', count: 30 },
    { name: 'AI', count: 20 },
  ];
  test('the tag named exactly first, then those that begin with it, then the rest, most used first', () => {
    expect(matchTags(tags, '经济', new Set(), 8).map((t) => t.name)).toEqual(['经济', '经济学', '中国经济']);
    expect(matchTags(tags, 'ai', new Set(), 8).map((t) => t.name)).toEqual(['AI']);
    expect(matchTags(tags, '经济', new Set(['经济']), 1).map((t) => t.name)).toEqual(['经济学']);
    expect(matchTags(tags, '火灾', new Set(), 8)).toEqual([]);
    // with the script's fold (in the app once its tables have come): 經濟 finds 经济
    expect(matchTags(tags, '經濟', new Set(), 8, foldScript).map((t) => t.name)).toEqual([
      '经济',
      '经济学',
      '中国经济',
    ]);
  });
});

describe('the filter being built', () => {
  afterEach(() => setCurrentFilter(null));

  test('a `+` adds to it with its mode and months; without one it starts a filter', () => {
    expect(adding(null, ['日本'])).toBe(`/?tags=${encodeURIComponent('日本')}&mode=and`);
    setCurrentFilter({ tags: ['日本'], mode: 'or', range: { to: '2024-05' } });
    const current = { tags: ['日本'], mode: 'or' as const, range: { to: '2024-05' } };
    expect(adding(current, ['中国', '日本'])).toBe(
      `/?tags=${['日本', '中国'].map(encodeURIComponent).join(',')}&mode=or&to=2024-05`,
    );
    expect(holds(current, '日本')).toBe(true);
    expect(holds(current, '中国')).toBe(false);
  });

  test('it lasts in the tab: the next page reads it back, and reads what is not a filter as none', async () => {
    const { renderHook } = await import('@testing-library/react');
    /** The filter as the next page's app (a fresh module) finds it. */
    const nextPage = async () => {
      vi.resetModules();
      const mod = await import('../../src/client/lib/current-filter.ts');
      return renderHook(() => mod.useCurrentFilter()).result.current;
    };
    setCurrentFilter({ tags: ['日本', '中国'], mode: 'and', range: { from: '2023-01', to: '2024-12' } });
    expect(await nextPage()).toEqual({
      tags: ['日本', '中国'],
      mode: 'and',
      range: { from: '2023-01', to: '2024-12' },
    });
    for (const stored of ['not json', '{"tags":"日本"}', '{"tags":[]}', '{"tags":[1,2]}', 'null', '7']) {
      sessionStorage.setItem('folio:filter', stored);
      expect(await nextPage(), stored).toBeNull();
    }
    sessionStorage.setItem(
      'folio:filter',
      '{"tags":["a"],"mode":"<script>","from":"2024-13","to":"2024-02"}',
    );
    expect(await nextPage()).toEqual({ tags: ['a'], mode: 'and', range: { to: '2024-02' } });
  });
});
