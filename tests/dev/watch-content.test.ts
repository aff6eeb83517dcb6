// The dev server's watch of the content folder: symbolic-link loops are left alone (ELOOP stopped the
// dev server), a link to a folder inside is followed, a link out of the content folder is never
// followed nor watched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { findFiles } from '../../src/node/read/find-files.ts';
import { foldersOf, watchContent } from '../../src/node/dev/watch-content.ts';

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function content() {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'folio-watch-')));
  const root = path.join(base, 'content');
  const outside = path.join(base, 'outside');
  for (const d of ['content/posts', 'content/inner', 'outside'])
    fs.mkdirSync(path.join(base, d), { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.md'), '# 外面的\n');
  fs.symlinkSync('self', path.join(root, 'posts/self')); // a link to itself: ELOOP
  fs.symlinkSync('b', path.join(root, 'posts/a')); // a → b → a
  fs.symlinkSync('a', path.join(root, 'posts/b'));
  fs.symlinkSync(outside, path.join(root, 'posts/out'));
  fs.symlinkSync('../inner', path.join(root, 'posts/in'));
  return { root, outside };
}

const events = (into: string[]) => (_event: string, file: string) => into.push(file);
const settle = () => new Promise((r) => setTimeout(r, 300));

test('loops are skipped, a link inside is followed, a link out is not', () => {
  const { root } = content();
  expect([...foldersOf(root)].map((d) => path.relative(root, d)).sort()).toEqual(['', 'inner', 'posts']);
  // and the build's walk reports each
  const { notFollowed } = findFiles(root);
  expect(notFollowed).toEqual(
    expect.arrayContaining([
      { path: 'posts/self', reason: 'symbolic link loop, not followed' },
      { path: 'posts/a', reason: 'symbolic link loop, not followed' },
      { path: 'posts/out', reason: 'symbolic link to outside the content folder, not followed' },
    ]),
  );
});

test('the watch starts over loops, and tells of changes inside only', async () => {
  const { root, outside } = content();
  const seen: string[] = [];
  stop = watchContent(root, events(seen));
  fs.writeFileSync(path.join(outside, 'secret.md'), '# 改了\n');
  fs.writeFileSync(path.join(outside, 'new.md'), '# 新的\n');
  await settle();
  expect(seen).toEqual([]);
  fs.writeFileSync(path.join(root, 'posts/2024-01-01-a.md'), '# 里面的\n');
  fs.writeFileSync(path.join(root, 'inner/2024-01-02-b.md'), '# 里面的\n');
  await settle();
  expect(seen).toContain(path.join(root, 'posts/2024-01-01-a.md'));
  expect(seen).toContain(path.join(root, 'inner/2024-01-02-b.md'));
  expect(seen.filter((f) => f.startsWith(outside))).toEqual([]);
});
