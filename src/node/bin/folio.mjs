#!/usr/bin/env node
// The `folio` command: build, dev, preview, check, init (src/node/cli.ts, run as plain JavaScript from
// the bundle that bundle-folio.mjs keeps up to date). In: the arguments; the site is the folder it
// runs in. Folio's own app (index.html, src/client, public) is the folder it is installed in.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleFolio } from './bundle-folio.mjs';

// Rolldown, Vite's bundler, allocates with mimalloc, which commits its arenas eagerly and asks the
// kernel for transparent huge pages there; where the kernel grants them on request (Debian's
// default), the bundler's few MiB of live data sit in 2 MiB pages: 150-210 MiB of a build's peak
// memory held for nothing (the memory budget: docs/performance.md). mimalloc reads its options from
// the environment once, as the bundler loads, so they are set before Vite is; an operator's own
// setting wins.
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';

const app = path.resolve(import.meta.dirname, '../../..');
const out = await bundleFolio(app);
const { run } = await import(pathToFileURL(path.join(out, 'cli.mjs')).href);
// The exit code is set, not forced: process.exit would cut short what is still being written to a
// pipe (`folio check | tee …`); a server's command keeps running after it resolves.
run(process.argv.slice(2), app).then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
