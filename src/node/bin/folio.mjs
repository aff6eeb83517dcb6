// `npm run check`: src/node/cli.ts run as plain JavaScript. Its sources (and folio.config.ts) are
// bundled by esbuild into node_modules/.cache/folio/<hash of their text>/ when they change, so that a
// check does not pay for a TypeScript loader on every module (half a second, here, on each thread).
// In: the project folder (the working directory). Out: what cli.ts does.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const node = path.resolve(import.meta.dirname, '..');
const root = process.cwd();
const sources = [
  ...[node, path.join(node, '../shared')].flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(dir, f)),
  ),
  ...['folio.config.ts', 'folio.config.mjs', 'folio.config.js'].map((f) => path.join(root, f)),
].filter((f) => fs.existsSync(f));
const hash = createHash('sha256');
for (const file of sources.sort()) hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
const out = path.join(root, 'node_modules/.cache/folio', hash.digest('hex').slice(0, 16));

if (!fs.existsSync(path.join(out, 'cli.mjs'))) {
  const { build } = await import('esbuild');
  const config = sources.find((f) => path.basename(f).startsWith('folio.config.'));
  const tmp = `${out}.${process.pid}`;
  await build({
    entryPoints: {
      cli: path.join(node, 'cli.ts'),
      'read-worker': path.join(node, 'read-worker.ts'),
      ...(config ? { 'site-config': config } : {}),
    },
    bundle: true,
    packages: 'external', // node_modules load as they are, from the project
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  try {
    fs.renameSync(tmp, out); // whole or not at all: a check beside this one sees one or the other
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(out, 'cli.mjs'))) throw e; // else the other check made it first
  }
}
if (fs.existsSync(path.join(out, 'site-config.mjs')))
  process.env.FOLIO_CONFIG_MODULE = path.join(out, 'site-config.mjs');
await import(pathToFileURL(path.join(out, 'cli.mjs')).href);
