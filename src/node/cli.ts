// `npm run check`: the pipeline alone, no client build. Reads the Folio options from folio.config.ts
// (a plain module: no Vite to start), else from the folio() plugin in vite.config.ts.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { FolioApi } from './plugin.ts';
import { resolveOptions, type FolioOptions } from './options.ts';
import { checkContent } from './pipeline.ts';
import { strictFailures, summarise, writeReport } from './collect/report.ts';
import { checkSiteUrl } from './collect/site-url.ts';

const CONFIG_FILES = ['folio.config.ts', 'folio.config.mjs', 'folio.config.js'];

async function folioOptions(root: string): Promise<FolioOptions> {
  // bin/folio.mjs hands over folio.config.ts as it bundled it
  const own =
    process.env.FOLIO_CONFIG_MODULE ??
    CONFIG_FILES.map((f) => path.join(root, f)).find((f) => fs.existsSync(f));
  if (own) return ((await import(pathToFileURL(own).href)) as { default: FolioOptions }).default;
  // Loading Vite and its config costs a second; only a project without folio.config.ts pays it.
  const { loadConfigFromFile } = await import('vite');
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    undefined,
    root,
    'silent',
  );
  const plugin = (loaded?.config.plugins ?? [])
    .flat(Infinity as 1)
    .find((p) => !!p && typeof p === 'object' && 'name' in p && p.name === 'folio') as
    { api?: FolioApi } | undefined;
  return plugin?.api?.userOptions ?? {};
}

async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  if (command !== 'check') {
    console.error('usage: folio check   (reads content/, writes the report, prints the summary)');
    return 2;
  }
  const root = process.cwd();
  const options = resolveOptions(await folioOptions(root), root);
  const t0 = performance.now();
  const result = await checkContent(options, {
    onProgress: (done, total) => console.error(`folio: read ${done} of ${total} files`),
  });
  const ms = performance.now() - t0;
  const siteUrl = checkSiteUrl(options.siteUrl, options.strict);
  if (siteUrl) result.report.siteUrl = siteUrl;
  writeReport(result.report, options.reportPath);
  console.log(summarise(result.report, options.reportPath));
  console.log(`folio: pipeline took ${(ms / 1000).toFixed(2)} s for ${result.posts.length} posts`);
  return options.strict && strictFailures(result.report).length > 0 ? 1 : 0;
}

// The exit code is set, not forced: process.exit would cut short what is still being written to a
// pipe (`npm run check | tee …`).
main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
