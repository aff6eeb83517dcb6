// The Folio Vite plugin: a thin table of hooks over the pipeline (./pipeline.ts).
import fs from 'node:fs';
import type { Plugin, ResolvedConfig } from 'vite';
import { routeFile } from '../shared/paths.ts';
import { serveFolio } from './dev-server.ts';
import { formatIssue } from './issues.ts';
import { resolveOptions, type FolioOptions, type ResolvedOptions } from './options.ts';
import { runPipeline, type PipelineCache, type PipelineResult } from './pipeline.ts';
import { renderEntry } from './render-entry.ts';
import { reportIssues, summarise, writeReport } from './report.ts';

export type { FolioOptions } from './options.ts';

/** What other tools (the `check` command) can read of the plugin. */
export interface FolioApi {
  userOptions: FolioOptions;
}

export function folio(userOptions: FolioOptions = {}): Plugin<FolioApi> {
  let config: ResolvedConfig;
  let options: ResolvedOptions;
  let result: PipelineResult | undefined;
  const cache: PipelineCache = new Map();

  const build = () => {
    result = runPipeline(options, {
      base: config.base,
      cache: config.command === 'serve' ? cache : undefined,
      onProgress: (done, total) => config.logger.info(`folio: read ${done} of ${total} files`),
    });
    writeReport(result.report, options.reportPath);
    config.logger.info(summarise(result.report, options.reportPath));
    return result;
  };

  return {
    name: 'folio',
    api: { userOptions },
    // Writing a large archive's data is, by design, most of a build: Rolldown's notice that a plugin
    // took the time says nothing the report does not.
    config: () => ({ build: { rolldownOptions: { checks: { bundlerTimings: false } } } }),
    configResolved(resolved) {
      config = resolved;
      options = resolveOptions(userOptions, resolved.root);
    },
    buildStart() {
      if (config.command !== 'build') return;
      const { report } = build();
      const errors = reportIssues(report).filter((i) => i.severity === 'error');
      if (options.strict && errors.length > 0)
        this.error(
          `folio: ${errors.length} errors in content (strict mode):\n${errors.map(formatIssue).join('\n')}`,
        );
    },
    configureServer(server) {
      build();
      serveFolio(server, { current: () => result!, rebuild: build, contentDir: options.contentDir });
    },
    generateBundle: {
      order: 'post',
      handler(_outputOptions, bundle) {
        if (!result) return;
        const shellAsset = bundle['index.html'];
        if (!shellAsset || shellAsset.type !== 'asset')
          this.error('folio: index.html is missing from the bundle');
        const shell = String(shellAsset.source);
        const { data, assets } = result;
        for (const [fileName, source] of data.files) this.emitFile({ type: 'asset', fileName, source });
        for (const [fileName, abs] of assets)
          this.emitFile({ type: 'asset', fileName, source: fs.readFileSync(abs) });
        for (const [route, routeData] of data.routes) {
          const html = renderEntry(shell, { path: route, manifest: data.manifest, route: routeData });
          if (route === '') shellAsset.source = html;
          else this.emitFile({ type: 'asset', fileName: routeFile(route), source: html });
        }
        this.emitFile({
          type: 'asset',
          fileName: '404.html',
          source: renderEntry(shell, {
            path: '404.html',
            manifest: data.manifest,
            route: { kind: 'notFound' },
          }),
        });
      },
    },
  };
}
