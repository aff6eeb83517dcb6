// A file's bytes as the readers take them: into one buffer per thread, its size asked for only when
// the buffer fills (the walk of a build takes no sizes), and a file over the limit left unread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { findFiles } from '../../src/node/read/find-files.ts';
import { readBytes } from '../../src/node/read/read-files.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-bytes-'));
/** Bytes that differ from place to place, so that a piece read twice or left out shows. */
function file(name: string, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7919) % 251;
  fs.writeFileSync(path.join(dir, name), bytes);
  return bytes;
}

describe('readBytes', () => {
  test.for([
    ['empty', 0],
    ['small', 5_000],
    ['the buffer exactly', 1 << 20],
    ['past the buffer', (1 << 20) + 1],
    ['past the largest kept buffer', (9 << 20) + 3],
  ] as const)('%s (%i bytes): read whole', ([name, size]) => {
    const bytes = file(`${name}.md`, size);
    const got = readBytes(path.join(dir, `${name}.md`));
    expect(got).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(Buffer.from(got as Uint8Array), bytes)).toBe(0);
  });

  test('a small file after a large one: the buffer holds only its bytes', () => {
    file('large.md', 3 << 20);
    const small = file('after.md', 10);
    readBytes(path.join(dir, 'large.md'));
    expect(Buffer.from(readBytes(path.join(dir, 'after.md')) as Uint8Array)).toEqual(small);
  });

  test('over the limit: its size, not its bytes', () => {
    file('over.md', (2 << 20) + 5);
    expect(readBytes(path.join(dir, 'over.md'), 2 << 20)).toEqual({ tooLarge: (2 << 20) + 5 });
    // at the limit it is read
    file('at.md', 2 << 20);
    expect((readBytes(path.join(dir, 'at.md'), 2 << 20) as Uint8Array).length).toBe(2 << 20);
  });

  test('over a limit far below the buffer (grown to 4 MiB by the large files before)', () => {
    readBytes(path.join(dir, 'large.md'));
    file('small-over.md', 1001);
    expect(readBytes(path.join(dir, 'small-over.md'), 1000)).toEqual({ tooLarge: 1001 });
    expect((readBytes(path.join(dir, 'small-over.md'), 1001) as Uint8Array).length).toBe(1001);
  });

  test('a missing file throws the system error (the reader reports it)', () => {
    expect(() => readBytes(path.join(dir, 'missing.md'))).toThrow(/ENOENT/);
  });
});

describe('findFiles', () => {
  test('without stat: the same files and roles, no sizes or times', () => {
    const withStat = findFiles(dir);
    const without = findFiles(dir, { stat: false });
    expect(without.files.map((f) => [f.path, f.role])).toEqual(withStat.files.map((f) => [f.path, f.role]));
    expect(withStat.files.every((f) => typeof f.size === 'number' && typeof f.mtimeMs === 'number')).toBe(
      true,
    );
    expect(without.files.some((f) => f.size !== undefined || f.mtimeMs !== undefined)).toBe(false);
  });
});
