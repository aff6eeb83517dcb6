// Folio as an operator installs it: `npm pack`, then `npm install ./folio-*.tgz` in an empty folder
// with posts, `folio init`, `folio build`, `folio check`. (npm fetches the dependencies from its
// cache when it has them, as after `npm ci`, else from the registry.) A Playwright suite, not a unit
// test: it runs npm and two builds, which timed unit tests beside it should not share the machine with.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures');

const sh = (cwd: string, command: string, args: string[]) => {
  const run = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_yes: 'true' },
  });
  expect(run.status, `${command} ${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run.stdout;
};

test('packed and installed into an empty folder with posts, the folio command builds and checks the site', () => {
  test.setTimeout(300_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-package-'));
  const tarball = sh(root, 'npm', ['pack', '--silent', '--pack-destination', work]).trim().split('\n').pop()!;
  expect(tarball).toMatch(/^folio-[\d.]+\.tgz$/);
  const site = path.join(work, 'site');
  fs.mkdirSync(site);
  fs.writeFileSync(path.join(site, 'package.json'), '{ "name": "my-archive", "private": true }\n');
  fs.cpSync(path.join(fixtures, 'search/posts'), path.join(site, 'content'), { recursive: true });
  sh(site, 'npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    path.join(work, tarball),
  ]);
  // the package holds what it runs from, and nothing of the repository's tests or tools
  const installed = path.join(site, 'node_modules/folio');
  expect(fs.existsSync(path.join(installed, 'index.html'))).toBe(true);
  expect(fs.existsSync(path.join(installed, 'tests'))).toBe(false);

  const init = sh(site, 'npx', ['folio', 'init']);
  expect(init).toContain('folio: wrote folio.config.js');
  expect(fs.existsSync(path.join(site, '.github/workflows/folio.yml'))).toBe(true);
  const posts = fs.readdirSync(path.join(site, 'content')).length;

  sh(site, 'npx', ['folio', 'build', '--site-url', 'https://archive.example.org', '--log-level', 'warn']);
  const dist = path.join(site, 'dist');
  expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('<title>My archive</title>');
  expect(fs.readdirSync(path.join(dist, 'posts')).length).toBe(posts);
  expect(fs.readFileSync(path.join(dist, 'feed.xml'), 'utf8')).toContain(
    'https://archive.example.org/posts/',
  );
  expect(fs.existsSync(path.join(dist, '.folio-written'))).toBe(true);

  const check = sh(site, 'npx', ['folio', 'check']);
  expect(check).toMatch(
    new RegExp(`^folio: ${posts} files found: ${posts} posts and 0 pages published`, 'm'),
  );
  // the starter config's empty siteUrl is the summary's first warning
  expect(check).toContain('warning: siteUrl is not set');
});
