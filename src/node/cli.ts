// `npm run check`: the pipeline alone, no client build. Reads the Folio options from vite.config.ts.
import { performance } from 'node:perf_hooks';
import { loadConfigFromFile, type PluginOption, type Plugin } from 'vite';
import type { FolioApi } from './plugin.ts';
import { resolveOptions } from './options.ts';
import { runPipeline } from './pipeline.ts';
import { reportIssues, summarise, writeReport } from './report.ts';

async function folioOptions(root: string) {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    undefined,
    root,
    'silent',
  );
  const flat = (loaded?.config.plugins ?? []).flat(Infinity as 1) as PluginOption[];
  const plugin = flat.find(
    (p): p is Plugin<FolioApi> => !!p && typeof p === 'object' && 'name' in p && p.name === 'folio',
  );
  return { options: plugin?.api?.userOptions ?? {}, base: loaded?.config.base ?? '/' };
}

async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  if (command !== 'check') {
    console.error('usage: folio check   (reads content/, writes the report, prints the summary)');
    return 2;
  }
  const root = process.cwd();
  const { options: userOptions, base } = await folioOptions(root);
  const options = resolveOptions(userOptions, root);
  const t0 = performance.now();
  const result = runPipeline(options, {
    base: base.endsWith('/') ? base : `${base}/`,
    onProgress: (done, total) => console.error(`folio: read ${done} of ${total} files`),
  });
  const ms = performance.now() - t0;
  writeReport(result.report, options.reportPath);
  console.log(summarise(result.report, options.reportPath));
  console.log(`folio: pipeline took ${(ms / 1000).toFixed(2)} s for ${result.posts.length} posts`);
  const errors = reportIssues(result.report).filter((i) => i.severity === 'error');
  return options.strict && errors.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
