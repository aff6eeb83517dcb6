// The list of what a build wrote into its output folder: a journal while it writes, its own names
// once it ends (src/node/write/written-list.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { listed, readWrittenList, WRITTEN_LIST, WrittenJournal } from '../../src/node/write/written-list.ts';

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'folio-written-'));

test('a folder with no list has none; an ended build lists its names alone, once each', () => {
  const out = folder();
  expect(readWrittenList(out)).toBeUndefined();
  const first = new WrittenJournal(out);
  for (const n of ['posts/b/index.html', 'posts/a/index.html', 'posts/a/index.html']) first.add(n);
  first.finish();
  expect([...readWrittenList(out)!]).toEqual(['posts/b/index.html', 'posts/a/index.html']);
  const second = new WrittenJournal(out);
  second.add('posts/c/index.html');
  second.finish();
  expect([...readWrittenList(out)!]).toEqual(['posts/c/index.html']);
  expect(fs.readdirSync(out)).toEqual([WRITTEN_LIST]);
});

test('a build that stops half-way leaves a list of what either build wrote, and so does the next', () => {
  const out = folder();
  const first = new WrittenJournal(out);
  first.add('posts/old/index.html');
  first.finish();
  const failed = new WrittenJournal(out);
  for (let i = 0; i < 1000; i++) failed.add(`posts/new-${i}/index.html`);
  failed.abandon();
  const list = readWrittenList(out)!;
  expect(list.size).toBe(1001);
  expect(list.has('posts/old/index.html') && list.has('posts/new-999/index.html')).toBe(true);
  // the next stops too: all three builds' names
  const again = new WrittenJournal(out);
  again.add('posts/third/index.html');
  again.abandon();
  expect(readWrittenList(out)!.size).toBe(1002);
  // one that ends lists its own alone
  const ends = new WrittenJournal(out);
  ends.add('posts/last/index.html');
  ends.finish();
  expect([...readWrittenList(out)!]).toEqual(['posts/last/index.html']);
  expect(fs.readdirSync(out)).toEqual([WRITTEN_LIST]);
});

test('any name survives the list: new lines, quotes, non-Latin text; a line cut short is skipped', () => {
  const out = folder();
  const names = ['tags/a\nb/index.html', 'tags/"引号"/index.html', 'tags/台灣/index.html'];
  const journal = new WrittenJournal(out);
  for (const n of names) journal.add(n);
  journal.finish();
  fs.appendFileSync(path.join(out, WRITTEN_LIST), '"posts/cut-sho');
  expect([...readWrittenList(out)!].sort()).toEqual([...names].sort());
});

test('a name ending in / stands for everything under that folder, and nothing beside it', () => {
  const list = new Set(['data/search/abc/', 'posts/a/index.html']);
  expect(listed(list, 'data/search/abc/0.bin')).toBe(true);
  expect(listed(list, 'data/search/abc/deep/1.bin')).toBe(true);
  expect(listed(list, 'data/search/abcd/0.bin')).toBe(false);
  expect(listed(list, 'posts/a/index.html')).toBe(true);
  expect(listed(list, 'posts/a/other.html')).toBe(false);
});
