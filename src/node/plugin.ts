// The Folio Vite plugin: a thin table of hooks over the pipeline (./pipeline.ts).
import fs from 'node:fs';
import type { Plugin, ResolvedConfig } from 'vite';
import { routeFile, routes } from '../shared/paths.ts';
import { serveFolio } from './dev-server.ts';
import { formatIssue } from './issues.ts';
import { resolveOptions, type FolioOptions, type ResolvedOptions } from './options.ts';
import { runPipeline, type PipelineCache, type PipelineResult } from './pipeline.ts';
import { emitFeeds } from './emit-feeds.ts';
import { emitHostFiles } from './emit-host-files.ts';
import { renderEntry } from './render-entry.ts';
import { reportIssues, summarise, writeReport } from './report.ts';

export type { FolioOptions } from './options.ts';

/** What other tools (the `check` command) can read of the plugin. */
export interface FolioApi {
  userOptions: FolioOptions;
}

/** The sitemap's `lastmod`: a post's updated (or published) date; the newest post's for the home page. */
function lastModified(posts: PipelineResult['posts'], data: PipelineResult['data']): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of posts) {
    const when = p.updated?.text ?? p.date?.text;
    if (when) out.set(routes.post(p.slug), when);
  }
  const newest = posts[0]?.updated?.text ?? posts[0]?.date?.text;
  if (newest && data.routes.has(routes.home())) out.set(routes.home(), newest);
  return out;
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
        const { data, assets, posts } = result;
        const site = data.manifest.site;
        const base = config.base;
        const emit = (fileName: string, source: string | Uint8Array) =>
          this.emitFile({ type: 'asset', fileName, source });
        const feeds = site.siteUrl
          ? emitFeeds(posts, data.facets, { site, base })
          : new Map<string, string>();
        if (!site.siteUrl)
          config.logger.warn(
            'folio: siteUrl is not set, so no feeds, sitemap or absolute links (set it in vite.config.ts)',
          );
        const ctx = { base, feeds: feeds.size > 0 };
        for (const [fileName, source] of data.files) emit(fileName, source);
        for (const [fileName, abs] of assets) emit(fileName, fs.readFileSync(abs));
        for (const [fileName, source] of feeds) emit(fileName, source);
        for (const [route, routeData] of data.routes) {
          const html = renderEntry(shell, { path: route, manifest: data.manifest, route: routeData }, ctx);
          if (route === '') shellAsset.source = html;
          else emit(routeFile(route), html);
        }
        emit(
          '404.html',
          renderEntry(shell, { path: '404.html', manifest: data.manifest, route: { kind: 'notFound' } }, ctx),
        );
        for (const [fileName, source] of emitHostFiles(
          [...data.routes.keys()],
          lastModified(posts, data),
          site,
          base,
        ))
          emit(fileName, source);
      },
    },
  };
}
