// A file or folder the build may not read (permissions; here the system's answer is made to be
// EACCES, since tests may run as root, whom no permission stops): an error in the report, with the
// system's reason, so that strict mode fails; never a silent skip, never a crash.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { runPipeline } from '../../src/node/pipeline.ts';
import { reportIssues } from '../../src/node/collect/report.ts';
import { optionsFor, tempCopy } from '../helpers/content-dir.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const denied = (p: string) =>
  Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES' });

test('an unreadable file or folder is an error: could not be read, with the reason', () => {
  const dir = fs.realpathSync(tempCopy('site'));
  fs.mkdirSync(path.join(dir, 'posts/locked'));
  fs.writeFileSync(path.join(dir, 'posts/locked/2024-05-01-inside.md'), '# 锁住的\n');
  fs.writeFileSync(path.join(dir, 'posts/2024-05-02-unreadable.md'), '# 读不了\n');
  const lockedDir = path.join(dir, 'posts/locked');
  const lockedFile = path.join(dir, 'posts/2024-05-02-unreadable.md');
  const readdir = fs.readdirSync.bind(fs);
  vi.spyOn(fs, 'readdirSync').mockImplementation(((p: fs.PathLike, o?: unknown) => {
    if (String(p) === lockedDir) throw denied(String(p));
    return readdir(p, o as never);
  }) as typeof fs.readdirSync);
  const open = fs.openSync.bind(fs);
  vi.spyOn(fs, 'openSync').mockImplementation(((p: fs.PathLike, ...rest: unknown[]) => {
    if (String(p) === lockedFile) throw denied(String(p));
    return open(p, ...(rest as [never]));
  }) as typeof fs.openSync);

  const { report } = runPipeline(optionsFor(dir));
  const entry = (p: string) => report.files.find((f) => f.path === p);
  expect(entry('posts/locked')).toEqual({
    path: 'posts/locked',
    status: 'skipped',
    reason: `folder could not be read: EACCES: permission denied, open '${lockedDir}'`,
    issues: [
      {
        severity: 'error',
        message: `folder could not be read: EACCES: permission denied, open '${lockedDir}'`,
      },
    ],
  });
  expect(entry('posts/2024-05-02-unreadable.md')).toEqual({
    path: 'posts/2024-05-02-unreadable.md',
    status: 'skipped',
    reason: `could not be read: EACCES: permission denied, open '${lockedFile}'`,
    issues: [
      { severity: 'error', message: `could not be read: EACCES: permission denied, open '${lockedFile}'` },
    ],
  });
  // what strict mode counts (plugin.ts and the check fail on any error of these)
  const errors = reportIssues(report).filter((i) => i.severity === 'error');
  expect(errors.map((e) => e.file)).toEqual(
    expect.arrayContaining(['posts/locked', 'posts/2024-05-02-unreadable.md']),
  );
  expect(report.summary.errors).toBe(errors.length);
});
