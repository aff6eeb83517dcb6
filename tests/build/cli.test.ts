// The `folio` command: its arguments, the config file found beside the content, what overrides what
// (flags over FOLIO_* variables over the file), `folio init`, and a build of a site outside this
// repository run as an operator runs it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseArgs, siteOf } from '../../src/node/cli.ts';
import { initSite } from '../../src/node/init.ts';
import { loadConfig } from '../../src/node/config-file.ts';
import { fixtures } from '../helpers/content-dir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'folio-cli-'));

describe('arguments', () => {
  test('a command, a content folder, option flags as kebab or camel case, Vite’s flags', () => {
    expect(
      parseArgs([
        'build',
        'posts',
        '--out',
        'public',
        '--site-url=https://example.org',
        '--strict',
        '--no-future',
        '--page-size',
        '30',
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ]),
    ).toEqual({
      command: 'build',
      positionals: ['posts'],
      options: { out: 'public', siteUrl: 'https://example.org', strict: true, future: false, pageSize: '30' },
      tool: { emptyOutDir: true, logLevel: 'warn' },
    });
    // Vite's --outDir is --out; --host takes a value or none
    expect(parseArgs(['preview', '--outDir', 'x', '--host']).options).toEqual({ out: 'x' });
    expect(parseArgs(['preview', '--host', '0.0.0.0', '--port', '8080']).tool).toEqual({
      host: '0.0.0.0',
      port: '8080',
    });
  });

  test.for([
    [['build', '--colour'], 'folio: unknown flag --colour'],
    [['build', '--title'], 'folio: --title needs a value'],
    [['build', '--out', '--strict'], 'folio: --out needs a value'],
  ])('%o is refused: %s', ([argv, message]) => {
    expect(() => parseArgs(argv as string[])).toThrow(message as string);
  });
});

describe('the config file', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  test('found in the folder the command runs in; its paths relative to itself', async () => {
    const site = folder();
    fs.writeFileSync(
      path.join(site, 'folio.config.ts'),
      `import type { FolioOptions } from 'folio';\nconst title: string = '档案';\nexport default { title, content: 'posts', report: 'out/report.json' } satisfies FolioOptions;\n`,
    );
    const { options, config } = await siteOf(parseArgs(['build']), site);
    expect(config).toBe(path.join(site, 'folio.config.ts'));
    expect(options).toMatchObject({
      title: '档案',
      contentDir: path.join(site, 'posts'),
      reportPath: path.join(site, 'out/report.json'),
      outDir: path.join(site, 'dist'),
    });
  });

  test('found beside the content folder a command names, before the one where it runs (a flag’s path is from where it runs)', async () => {
    const site = folder();
    fs.writeFileSync(path.join(site, 'folio.config.json'), '{ "title": "where it runs" }');
    fs.mkdirSync(path.join(site, 'archive/posts'), { recursive: true });
    fs.writeFileSync(path.join(site, 'archive/folio.config.json'), '{ "title": "JSON 站", "out": "public" }');
    const { options } = await siteOf(parseArgs(['build', 'archive/posts']), site);
    expect(options).toMatchObject({
      title: 'JSON 站',
      contentDir: path.join(site, 'archive/posts'),
      outDir: path.join(site, 'archive/public'),
    });
  });

  test('named with --config; CommonJS works as well as an ES module', async () => {
    const site = folder();
    fs.writeFileSync(path.join(site, 'site.cjs'), 'module.exports = { title: "CJS", pageSize: 7 };');
    fs.writeFileSync(path.join(site, 'folio.config.json'), '{ "title": "not this one" }');
    const { options } = await siteOf(parseArgs(['check', '--config', 'site.cjs']), site);
    expect(options).toMatchObject({ title: 'CJS', pageSize: 7 });
    await expect(siteOf(parseArgs(['check', '--config', 'missing.ts']), site)).rejects.toThrow(
      `folio: no config file at ${path.join(site, 'missing.ts')}`,
    );
  });

  test('flags over FOLIO_* variables over the file', async () => {
    const site = folder();
    fs.writeFileSync(
      path.join(site, 'folio.config.js'),
      'export default { title: "file", siteUrl: "https://file.example", pageSize: 10, lang: "en" };',
    );
    process.env.FOLIO_TITLE = 'variable';
    process.env.FOLIO_PAGE_SIZE = '12';
    const { options } = await siteOf(parseArgs(['build', '--title', 'flag']), site);
    expect(options).toMatchObject({
      title: 'flag',
      pageSize: 12,
      siteUrl: 'https://file.example',
      lang: 'en',
    });
  });

  test.for([
    ['folio.config.json', '{ "title": ', /^folio: .*folio\.config\.json is not JSON: /],
    ['folio.config.json', '[1, 2]', /^folio: .*folio\.config\.json must export an object of options/],
    ['folio.config.js', 'export default 3;', /^folio: .*folio\.config\.js must export an object of options/],
    ['folio.config.ts', 'export default {', /^folio: .*folio\.config\.ts could not be loaded: /],
  ])('a broken %s says what is wrong', async ([name, text, message]) => {
    const site = folder();
    fs.writeFileSync(path.join(site, name as string), text as string);
    await expect(loadConfig(path.join(site, name as string))).rejects.toThrow(message as RegExp);
  });
});

test('folio init writes a config, a sample post and a GitHub Pages workflow, and never overwrites', () => {
  const site = folder();
  const lines = initSite(site, '2026-12-07');
  expect(lines.slice(0, 3)).toEqual([
    'folio: wrote folio.config.js',
    'folio: wrote content/2026-12-07-hello-folio.md',
    'folio: wrote .github/workflows/folio.yml',
  ]);
  const config = fs.readFileSync(path.join(site, 'folio.config.js'), 'utf8');
  expect(config).toContain("siteUrl: '',");
  const workflow = fs.readFileSync(path.join(site, '.github/workflows/folio.yml'), 'utf8');
  expect(workflow).toContain('npx folio build --base "${{ steps.pages.outputs.base_path }}/"');
  expect(workflow).toContain('actions/deploy-pages@v4');
  fs.writeFileSync(path.join(site, 'folio.config.js'), '// mine');
  expect(initSite(site, '2026-12-07').slice(0, 3)).toEqual([
    'folio: folio.config.js is there already: left as it is',
    'folio: content/2026-12-07-hello-folio.md is there already: left as it is',
    'folio: .github/workflows/folio.yml is there already: left as it is',
  ]);
  expect(fs.readFileSync(path.join(site, 'folio.config.js'), 'utf8')).toBe('// mine');
});

test('a site in a folder of its own builds with its config, a flag overriding it for one run', () => {
  const site = folder();
  fs.cpSync(path.join(fixtures, 'search/posts'), path.join(site, 'posts'), { recursive: true });
  fs.writeFileSync(
    path.join(site, 'folio.config.ts'),
    "export default { title: '我的存档', siteUrl: 'https://archive.example.org', content: 'posts', out: 'public' };\n",
  );
  const run = spawnSync(
    'node',
    [path.join(root, 'src/node/bin/folio.mjs'), 'build', '--base', '/archive/', '--logLevel', 'warn'],
    { cwd: site, encoding: 'utf8', env: { ...process.env, FOLIO_SITE_URL: 'https://mirror.example.org' } },
  );
  expect(run.status, run.stderr).toBe(0);
  const home = fs.readFileSync(path.join(site, 'public/index.html'), 'utf8');
  expect(home).toContain('<title>我的存档</title>');
  // the variable over the file, the flag's base under it
  expect(home).toContain('href="https://mirror.example.org/archive/"');
  expect(fs.existsSync(path.join(site, 'folio-report.json'))).toBe(true);
  expect(fs.existsSync(path.join(site, 'dist'))).toBe(false);
});

test('folio dev serves a site in a folder of its own, and folio preview its build', async () => {
  const site = folder();
  fs.cpSync(path.join(fixtures, 'search/posts'), path.join(site, 'content'), { recursive: true });
  fs.writeFileSync(path.join(site, 'folio.config.json'), '{ "title": "开发中" }');
  const serve = async (args: string[], port: number, url: string) => {
    const child = spawn(
      'node',
      [
        path.join(root, 'src/node/bin/folio.mjs'),
        ...args,
        '--port',
        String(port),
        '--strict-port',
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: site,
        stdio: 'ignore',
      },
    );
    try {
      for (let tries = 0; tries < 200; tries++) {
        const res = await fetch(`http://127.0.0.1:${port}${url}`).catch(() => undefined);
        if (res?.ok) return await res.text();
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`nothing served at ${url}`);
    } finally {
      child.kill();
    }
  };
  const dev = await serve(['dev'], 4391, '/posts/tea-exports/');
  expect(dev).toContain('开发中');
  expect(
    spawnSync('node', [path.join(root, 'src/node/bin/folio.mjs'), 'build', '--log-level', 'silent'], {
      cwd: site,
    }).status,
  ).toBe(0);
  const preview = await serve(['preview'], 4392, '/posts/tea-exports/');
  expect(preview).toContain('<title>');
  expect(preview).toContain('开发中');
});
