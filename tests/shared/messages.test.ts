// Interface text: one file per language, the same keys in each, nothing left empty.
import { expect, test } from 'vitest';
import { en } from '../../src/shared/messages/en.ts';
import { zhCN } from '../../src/shared/messages/zh-CN.ts';

test('English has every message Chinese has, and none is empty', () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  for (const messages of [en, zhCN])
    for (const [key, value] of Object.entries(messages)) {
      const text = typeof value === 'function' ? (value as (...a: unknown[]) => string)(3, 5) : value;
      expect(text.trim(), key).not.toBe('');
    }
});

test.for([
  ['postsCount', 1, '1 篇文章', '1 post'],
  ['postsCount', 2, '2 篇文章', '2 posts'],
  ['readingTime', 4, '4 分钟读完', '4 min read'],
  ['image', 3, '图片 3', 'Image 3'],
] as const)('%s(%i)', ([key, n, zh, english]) => {
  expect(zhCN[key](n)).toBe(zh);
  expect(en[key](n)).toBe(english);
});

test('months in English are named', () => {
  expect(en.yearMonth(2024, 3)).toBe('March 2024');
  expect(zhCN.yearMonth(2024, 3)).toBe('2024 年 3 月');
});

test('Chinese text uses full-width punctuation: no ASCII colon, comma or parenthesis in a label', () => {
  const ascii: string[] = [];
  for (const [key, value] of Object.entries(zhCN)) {
    const text =
      typeof value === 'function' ? (value as (...a: unknown[]) => string)(3, 5, 7) : (value as string);
    // (a number's own dot and a keyboard shortcut such as "/" are not punctuation of the sentence)
    if (/[:,;()!?]/.test(text)) ascii.push(`${key}: ${text}`);
  }
  expect(ascii).toEqual([]);
});
