// `npm run build`, `npm run dev`, `npm run preview`: Vite's own commands, with its bundler's memory
// settled first (below). `npm run check`: src/node/cli.ts run as plain JavaScript, from the bundle that
// bundle-folio.mjs keeps up to date. In: the project folder (the working directory) and the command.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleFolio } from './bundle-folio.mjs';

const VITE_COMMANDS = new Set(['build', 'dev', 'preview']);

if (VITE_COMMANDS.has(process.argv[2])) {
  // Rolldown, Vite's bundler, allocates with mimalloc, which commits its arenas eagerly and asks the
  // kernel for transparent huge pages there; where the kernel grants them on request (Debian's
  // default), the bundler's few MiB of live data sit in 2 MiB pages: 150-210 MiB of a build's peak
  // memory held for nothing (the memory budget: docs/performance.md). mimalloc reads its options from
  // the environment once, as the bundler loads, so they are set before Vite is; an operator's own
  // setting wins.
  process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
  const vite = createRequire(path.join(process.cwd(), 'package.json')).resolve('vite/package.json');
  await import(pathToFileURL(path.join(path.dirname(vite), 'bin/vite.js')).href);
} else {
  const out = await bundleFolio(process.cwd());
  if (fs.existsSync(path.join(out, 'site-config.mjs')))
    process.env.FOLIO_CONFIG_MODULE = path.join(out, 'site-config.mjs');
  await import(pathToFileURL(path.join(out, 'cli.mjs')).href);
}
