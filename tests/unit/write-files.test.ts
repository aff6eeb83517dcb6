// The writer of Folio's own output files: folders made as needed, copies, and no path outside the output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import type { SiteFile } from '../../src/node/emit-site.ts';
import { writeFiles } from '../../src/node/write-files.ts';

let out: string;
beforeEach(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-write-'));
});

test('writes every file, nested folders made as needed, and copies files as they are', async () => {
  const source = path.join(out, '..', `${path.basename(out)}-src.bin`);
  fs.writeFileSync(source, Buffer.from([0, 1, 2, 255]));
  function* files(): Generator<[string, SiteFile]> {
    for (let i = 0; i < 100; i++) yield [`posts/p-${i}/index.html`, `<p>${i}</p>`];
    yield ['tags/家庭/feed.xml', '<rss/>'];
    yield ['assets/a.bin', { copy: source }];
    yield ['robots.txt', 'User-agent: *'];
  }
  await expect(writeFiles(out, files())).resolves.toBe(103);
  expect(fs.readFileSync(path.join(out, 'posts/p-57/index.html'), 'utf8')).toBe('<p>57</p>');
  expect(fs.readFileSync(path.join(out, 'tags/家庭/feed.xml'), 'utf8')).toBe('<rss/>');
  expect([...fs.readFileSync(path.join(out, 'assets/a.bin'))]).toEqual([0, 1, 2, 255]);
  expect(fs.readdirSync(path.join(out, 'posts'))).toHaveLength(100);
  fs.rmSync(source);
});

test('no files: nothing written, count 0', async () => {
  await expect(writeFiles(out, [])).resolves.toBe(0);
  expect(fs.readdirSync(out)).toEqual([]);
});

test('a name that climbs out of the output folder is refused and nothing lands outside', async () => {
  const files: [string, SiteFile][] = [
    ['ok.txt', 'ok'],
    ['../escaped.txt', 'no'],
  ];
  await expect(writeFiles(out, files)).rejects.toThrow(
    'folio: refusing to write outside the output folder: ../escaped.txt',
  );
  expect(fs.existsSync(path.join(out, '..', 'escaped.txt'))).toBe(false);
});

test('a write that fails rejects with the system error', async () => {
  fs.mkdirSync(path.join(out, 'taken'));
  await expect(writeFiles(out, [['taken', 'a folder is in the way']])).rejects.toThrow(/EISDIR/);
});

test('a missing source of a copy rejects with the system error', async () => {
  await expect(writeFiles(out, [['a.bin', { copy: path.join(out, 'nope.bin') }]])).rejects.toThrow(/ENOENT/);
});
