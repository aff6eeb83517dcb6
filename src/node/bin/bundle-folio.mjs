// Folio's build sources (src/node, src/shared) as plain JavaScript, for the `folio` command and for
// the Vite plugin: bundled by esbuild into node_modules/.cache/folio/<hash of their text>/ when they change.
// Run as TypeScript, they cost a loader on every module and thread (half a second here on each), and
// Vite bundling them with its config kept ~75 MiB more of a build's peak memory (the memory budget:
// docs/performance.md).
// The libraries that read every post (READING) are bundled in with them: loaded from their own ~80
// modules, they took 0.1 s more to start each thread (the check's and the build's readers, the
// `npm run check` budget); every other package loads as it is, from the project's node_modules.
// In: the folder Folio is in. Out: the folder holding cli.mjs, plugin.mjs and the workers
// (read-worker.mjs, search-worker.mjs, write-worker.mjs).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const node = path.resolve(import.meta.dirname, '..');
const shared = path.join(node, '../shared');

/** The packages every reading thread loads (src/node/read-post.ts and what it imports). */
const READING = new Set([
  'markdown-it',
  'markdown-it-cjk-friendly',
  'get-east-asian-width',
  'js-yaml',
  'github-slugger',
  'stemmer',
]);

/** esbuild plugin: READING and the packages they import are bundled; every other package is not. */
const readingInlined = {
  name: 'reading-inlined',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: spec, importer }) => {
      if (isBuiltin(spec)) return { external: true };
      const name = spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/');
      // (esbuild reads only the files of packages it bundles: an importer that is no source of Folio's,
      // which may itself lie in a node_modules folder once installed, is one of theirs)
      const ours = importer.startsWith(node + path.sep) || importer.startsWith(shared + path.sep);
      const inlined = READING.has(name) || !ours;
      return inlined ? undefined : { external: true };
    });
  },
};

/** The record of what npm installed that Folio's packages come from: the nearest node_modules's. */
function installed(root) {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const lock = path.join(dir, 'node_modules/.package-lock.json');
    if (fs.existsSync(lock) || path.dirname(dir) === dir) return lock;
  }
}

export async function bundleFolio(root = process.cwd()) {
  const sources = [
    ...[node, shared].flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(dir, f)),
    ),
    import.meta.filename,
    // what npm installed: the bundled packages' versions (Folio's own node_modules, or, installed in a
    // site, the site's)
    installed(root),
  ].filter((f) => fs.existsSync(f));
  const hash = createHash('sha256');
  for (const file of sources.sort())
    hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  const out = path.join(root, 'node_modules/.cache/folio', hash.digest('hex').slice(0, 16));
  if (fs.existsSync(path.join(out, 'plugin.mjs'))) return out;

  const { build } = await import('esbuild');
  const tmp = `${out}.${process.pid}`;
  await build({
    entryPoints: {
      cli: path.join(node, 'cli.ts'),
      plugin: path.join(node, 'plugin.ts'),
      'read-worker': path.join(node, 'read/read-worker.ts'),
      'search-worker': path.join(node, 'search/search-worker.ts'),
      'write-worker': path.join(node, 'write/write-worker.ts'),
    },
    bundle: true,
    splitting: true, // one copy of the pipeline for the plugin and the check
    plugins: [readingInlined],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
  });
  try {
    fs.renameSync(tmp, out); // whole or not at all: a build beside this one sees one or the other
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(out, 'plugin.mjs'))) throw e; // else the other one made it first
  }
  // Bundles of earlier sources, once no build that started with them can still be reading them.
  const cache = path.dirname(out);
  for (const old of fs.readdirSync(cache)) {
    const dir = path.join(cache, old);
    if (dir !== out && Date.now() - fs.statSync(dir).mtimeMs > 86_400_000)
      fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The `folio()` Vite plugin factory, from the bundle. */
export async function loadFolioPlugin(root = process.cwd()) {
  const out = await bundleFolio(root);
  const mod = await import(pathToFileURL(path.join(out, 'plugin.mjs')).href);
  return mod.folio;
}
