// The writer of Folio's own output files: folders made as needed, copies, and no path outside the output;
// a rebuild over the last build in place: unchanged files left alone, what is in the way removed, the
// rest of the last build deleted at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { SiteFile } from '../../src/node/write/write-files.ts';
import { folderSources, writeFailure } from '../../src/node/write-site.ts';
import type { Report } from '../../src/node/collect/report.ts';
import {
  listOutput,
  openWriter,
  pruneOutput,
  writeFiles,
  WriteError,
} from '../../src/node/write/write-files.ts';

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
    // text of every width as UTF-8, a page larger than a batch's shared memory among it
    yield ['zh/index.html', '近日，一张微信聊天截图 𠀀 é'];
    yield ['large/index.html', '中'.repeat(600_000)];
  }
  await expect(writeFiles(out, files())).resolves.toEqual({ files: 105, unchanged: 0 });
  expect(fs.readFileSync(path.join(out, 'zh/index.html'), 'utf8')).toBe('近日，一张微信聊天截图 𠀀 é');
  expect(fs.readFileSync(path.join(out, 'large/index.html'), 'utf8')).toBe('中'.repeat(600_000));
  expect(fs.readFileSync(path.join(out, 'posts/p-57/index.html'), 'utf8')).toBe('<p>57</p>');
  expect(fs.readFileSync(path.join(out, 'tags/家庭/feed.xml'), 'utf8')).toBe('<rss/>');
  expect([...fs.readFileSync(path.join(out, 'assets/a.bin'))]).toEqual([0, 1, 2, 255]);
  expect(fs.readdirSync(path.join(out, 'posts'))).toHaveLength(100);
  fs.rmSync(source);
});

test('no files: nothing written, count 0', async () => {
  await expect(writeFiles(out, [])).resolves.toEqual({ files: 0, unchanged: 0 });
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

test('a failed write names its file, and the build names the post or page it is made from', async () => {
  const long = `posts/${'长'.repeat(100)}/index.html`; // 300 bytes: no disk takes the folder
  const failed = await writeFiles(out, [
    ['ok.txt', 'ok'],
    [long, '<p>'],
  ]).catch((e: unknown) => e);
  expect(failed).toBeInstanceOf(WriteError);
  expect((failed as WriteError).file).toBe(long);
  const sources = folderSources({
    files: [
      { path: 'posts/2024-01-01-long.md', status: 'published', slug: '长'.repeat(100), issues: [] },
      { path: 'pages/about.md', status: 'published', slug: 'about', issues: [] },
    ],
  } as unknown as Report);
  expect(writeFailure(sources, failed as WriteError)).toMatch(
    new RegExp(`^folio: could not write ${long}, made from posts/2024-01-01-long\\.md: ENAMETOOLONG`),
  );
  const at = (file: string) => writeFailure(sources, new WriteError('EIO', file));
  expect(at('p/about/index.html')).toBe(
    'folio: could not write p/about/index.html, made from pages/about.md: EIO',
  );
  expect(at('media/a.1234567890.png')).toBe(
    'folio: could not write media/a.1234567890.png, made from a file a post references: EIO',
  );
  expect(at('tags/家庭/feed.xml')).toBe(
    'folio: could not write tags/家庭/feed.xml, made from the list tags/家庭/: EIO',
  );
});

test('a missing source of a copy rejects with the system error', async () => {
  await expect(writeFiles(out, [['a.bin', { copy: path.join(out, 'nope.bin') }]])).rejects.toThrow(/ENOENT/);
});

describe('a rebuild over the last build', () => {
  const put = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    fs.writeFileSync(path.join(out, name), text);
  };
  const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');
  const long_ago = new Date('2001-02-03T04:05:06Z');

  test('a missing or empty folder has no listing', async () => {
    await expect(listOutput(path.join(out, 'nope'))).resolves.toBeUndefined();
    await expect(listOutput(out)).resolves.toBeUndefined();
  });

  test('unchanged files are left alone, changed ones rewritten, what is in the way removed', async () => {
    const big = 'x'.repeat(1_500_000); // (compared whole, past the writer's own buffer)
    for (const [name, text] of [
      ['same.html', 'same'],
      ['big.txt', big],
    ]) {
      put(name!, text!);
      fs.utimesSync(path.join(out, name!), long_ago, long_ago);
    }
    put('changed.html', 'old');
    put('posts/a', 'a file where a folder goes');
    put('feed.xml/inner.txt', 'a folder where a file goes');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-outside-'));
    fs.symlinkSync(outside, path.join(out, 'link'));

    const listing = (await listOutput(out))!;
    expect([...listing.files].sort()).toEqual([
      'big.txt',
      'changed.html',
      'feed.xml/inner.txt',
      'posts/a',
      'same.html',
    ]);
    expect([...listing.dirs].sort()).toEqual(['feed.xml', 'posts']);
    expect(fs.existsSync(path.join(out, 'link'))).toBe(false); // a link could lead a write outside

    const count = await writeFiles(
      out,
      [
        ['same.html', 'same'],
        ['big.txt', big],
        ['changed.html', 'new'],
        ['posts/a/index.html', 'A'],
        ['feed.xml', '<rss/>'],
        ['link/x.txt', 'x'],
      ],
      listing,
    );
    expect(count).toEqual({ files: 6, unchanged: 2 });
    expect(fs.statSync(path.join(out, 'same.html')).mtime).toEqual(long_ago);
    expect(fs.statSync(path.join(out, 'big.txt')).mtime).toEqual(long_ago);
    expect(read('changed.html')).toBe('new');
    expect(read('posts/a/index.html')).toBe('A');
    expect(read('feed.xml')).toBe('<rss/>');
    expect(read('link/x.txt')).toBe('x');
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(listing.files.size).toBe(0); // everything there was written over
  });

  test('one writer takes several writes at once (the pages and a small index), over one listing', async () => {
    put('posts/a/index.html', 'old a');
    put('search/old.bin', 'an index since renamed');
    put('feed.xml', '<rss/>');
    const listing = (await listOutput(out))!;
    const writer = openWriter(out, listing);
    function* pages(): Generator<[string, SiteFile]> {
      for (let i = 0; i < 100; i++) yield [`posts/${i === 0 ? 'a' : `p-${i}`}/index.html`, `page ${i}`];
    }
    const [site, index] = await Promise.all([
      writer.write(pages()),
      writer.write([
        ['search/new.bin', new Uint8Array([1, 2, 3])],
        ['feed.xml', '<rss/>'],
      ]),
    ]);
    await writer.close();
    expect(site).toEqual({ files: 100, unchanged: 0 });
    expect(index).toEqual({ files: 2, unchanged: 1 });
    expect(read('posts/a/index.html')).toBe('page 0');
    expect(read('posts/p-99/index.html')).toBe('page 99');
    expect([...fs.readFileSync(path.join(out, 'search/new.bin'))]).toEqual([1, 2, 3]);
    // what neither wrote is all the listing holds once the writer is closed
    expect([...listing.files]).toEqual(['search/old.bin']);
  });

  test('what the build did not write is deleted, then the folders that leaves empty; .git stays', async () => {
    put('index.html', 'old home');
    put('posts/gone/index.html', 'a post since deleted');
    put('posts/kept/index.html', 'kept');
    put('data/list.aaaa.json', '[]');
    put('assets/index-old.js', 'old bundle');
    put('assets/index-new.js', 'this build (Vite wrote it)');
    put('.git/HEAD', 'ref: refs/heads/main');
    const listing = (await listOutput(out))!;
    await writeFiles(
      out,
      [
        ['index.html', 'home'],
        ['posts/kept/index.html', 'kept'],
      ],
      listing,
    );
    const removed = await pruneOutput(out, listing, (name) => name === 'assets/index-new.js');
    expect(removed).toBe(3);
    const left = fs
      .readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(out, path.join(e.parentPath, e.name)))
      .sort();
    expect(left).toEqual(['.git/HEAD', 'assets/index-new.js', 'index.html', 'posts/kept/index.html']);
    expect(fs.existsSync(path.join(out, 'posts/gone'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'data'))).toBe(false);
  });
});
