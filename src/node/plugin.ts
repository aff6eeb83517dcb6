// The Folio Vite plugin: a thin table of hooks over the pipeline (./pipeline.ts).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Plugin, ResolvedConfig, Rollup } from 'vite';
import { serveFolio } from './dev/dev-server.ts';
import { resolveOptions, type FolioOptions, type ResolvedOptions } from './options.ts';
import {
  fileChanged,
  pipelineCache,
  runPipeline,
  runPipelineParallel,
  type PipelineResult,
} from './pipeline.ts';
import { folderSources, homePage, writeSite } from './write-site.ts';
import { listOutput, type OutputListing } from './write/write-files.ts';
import { readWrittenList, WrittenJournal } from './write/written-list.ts';
import { strictFailures, summarise, writeReport } from './collect/report.ts';
import { checkSiteUrl } from './collect/site-url.ts';

export type { FolioOptions } from './options.ts';

/** The lazy views a kind of page opens with, by source file name (src/client/features/reader/…). */
const VIEWS = { post: 'article-view', page: 'page-view' } as const;

/** Each view's chunk and the chunks it imports, the app's entry excepted, as URLs under the base. */
function lazyChunks(bundle: Rollup.OutputBundle, base: string): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const out: Record<string, string[]> = {};
  for (const [kind, view] of Object.entries(VIEWS)) {
    const chunk = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId?.endsWith(`/${view}.tsx`));
    if (!chunk) continue;
    const files = new Set<string>();
    const add = (file: string) => {
      const c = byFile.get(file);
      if (!c || c.isEntry || files.has(file)) return;
      files.add(file);
      c.imports.forEach(add);
    };
    add(chunk.fileName);
    out[kind] = [...files].map((f) => base + f);
  }
  return out;
}

/** Where the site is, when it is not Vite's root (the `folio` command's): its folder and the run's flags. */
export interface FolioSite {
  /** The folder the options' paths are relative to (the config file's). Default: Vite's root. */
  root?: string;
  /** Options given for this run, over the FOLIO_* variables (their paths absolute). */
  flags?: FolioOptions;
}

export function folio(userOptions: FolioOptions = {}, site: FolioSite = {}): Plugin {
  let config: ResolvedConfig;
  let options: ResolvedOptions;
  let result: PipelineResult | undefined;
  /** A build's pipeline, from buildStart until the bundle is made. */
  let pending: Promise<PipelineResult> | undefined;
  let shell: string | undefined;
  let preload: Record<string, string[]> = {};
  /** Where each post's and page's folder comes from (folderSources), for a write that fails. */
  let sources = new Map<string, string>();
  const cache = pipelineCache();
  let reportTimer: NodeJS.Timeout | undefined;
  /** Whether a build writes over the last one in place (unless the operator asks for it emptied). */
  let inPlace = false;
  /** Whether Vite would have emptied the output folder (inside the project, the operator silent). */
  let viteWouldEmpty = false;
  /** The output folder's listing before the build, when it writes in place. */
  let listing: Promise<OutputListing | undefined> | undefined;
  /** What the last build wrote into the output folder, by its list (written-list.ts). */
  let lastWritten: Set<string> | undefined;
  /** This build's list of what it writes, from the bundle on. */
  let journal: WrittenJournal | undefined;
  /** The public folder's files, as Vite copies them. */
  let copied = new Set<string>();

  const onProgress = (done: number, total: number) =>
    config.logger.info(`folio: read ${done} of ${total} files`);
  // The dev server's runs: on this thread, redoing only what changed (the cache).
  const build = () => (result = runPipeline(options, { base: config.base, cache, onProgress }));
  const report = ({ report }: PipelineResult) => {
    writeReport(report, options.reportPath);
    config.logger.info(summarise(report, options.reportPath));
  };

  return {
    name: 'folio',
    // Writing a large archive's data is, by design, most of a build: Rolldown's notice that a plugin
    // took the time says nothing the report does not.
    config: (user, env) => {
      // Unless the operator asks for the output folder to be emptied, Folio writes over the last build
      // (./write/write-files.ts) and then removes what that build wrote and this one did not, by the
      // list it keeps there (./write/written-list.ts), inside the project or not.
      const root = path.resolve(user.root ?? process.cwd());
      const outDir = path.resolve(root, user.build?.outDir ?? 'dist');
      inPlace = env.command === 'build' && user.build?.emptyOutDir !== true;
      viteWouldEmpty = user.build?.emptyOutDir == null && outDir.startsWith(root + path.sep);
      return {
        build: {
          rolldownOptions: { checks: { bundlerTimings: false } },
          ...(inPlace ? { emptyOutDir: false } : {}),
        },
        // The dev server watches the content folder itself (./watch-content.ts); Vite's watcher would
        // read a folder of 10,000 posts again on every save.
        // (A server told to watch nothing, `watch: null`, stays so.)
        server:
          user.server?.watch === null
            ? {}
            : {
                watch: {
                  ignored: [
                    `${resolveOptions(userOptions, site.root ?? root, process.env, site.flags).contentDir}/**`,
                  ],
                },
              },
      };
    },
    configResolved(resolved) {
      config = resolved;
      options = resolveOptions(userOptions, site.root ?? resolved.root, process.env, site.flags);
    },
    // The content is read while Vite bundles the app (the bundler works on threads of its own): the
    // pipeline is started here and waited for when the bundle is written.
    buildStart() {
      if (config.command !== 'build') return;
      pending = runPipelineParallel(options, { base: config.base, onProgress });
      pending.catch(() => {}); // (awaited in generateBundle; a failure is raised there)
      if (inPlace) {
        const outDir = path.resolve(config.root, config.build.outDir);
        lastWritten = readWrittenList(outDir);
        listing = listOutput(outDir);
        listing.catch(() => {}); // (awaited in writeBundle)
      }
    },
    configureServer(server) {
      report(build());
      serveFolio(server, {
        current: () => result!,
        changed: (event, file) => fileChanged(cache, event, file),
        // The new data is served first; the report (30 ms of JSON at 10k posts) once saves settle.
        rebuild: () => {
          const latest = build();
          clearTimeout(reportTimer);
          reportTimer = setTimeout(report, 300, latest);
        },
        contentDir: options.contentDir,
      });
    },
    // Vite builds the app; Folio's own files (an entry page per post, tag and archive page, data,
    // feeds) are written straight to disk: Vite would list and gzip each of them, 16,000 at 10k posts.
    generateBundle: {
      order: 'post',
      async handler(outputOptions, bundle) {
        if (!pending) return;
        const run = await pending;
        pending = undefined;
        const siteUrl = checkSiteUrl(options.siteUrl, options.strict);
        if (siteUrl) run.report.siteUrl = siteUrl;
        report(run);
        const failures = options.strict ? strictFailures(run.report) : [];
        if (failures.length > 0) this.error(failures.join('\n'));
        // The report is on disk: its entry for every file (18 MiB at 10k posts) is not held while the
        // site is written; only where each post's and page's folder comes from, for a write that fails.
        sources = folderSources(run.report);
        result = { ...run, report: { ...run.report, files: [] } };
        const shellAsset = bundle['index.html'];
        if (!shellAsset || shellAsset.type !== 'asset')
          this.error('folio: index.html is missing from the bundle');
        shell = String(shellAsset.source);
        preload = lazyChunks(bundle, config.base);
        shellAsset.source = homePage(result, shell, config.base);
        // The list of what this build writes starts before Vite writes the bundle.
        copied = publicFiles(config);
        if (outputOptions.dir) {
          journal = new WrittenJournal(path.resolve(outputOptions.dir));
          for (const name of Object.keys(bundle)) journal.add(name);
          for (const name of copied) journal.add(name);
        }
      },
    },
    async writeBundle(outputOptions, bundle) {
      if (!result || shell === undefined || !outputOptions.dir || !journal) return;
      const t0 = performance.now();
      const dir = path.resolve(outputOptions.dir);
      const previous = dir === path.resolve(config.root, config.build.outDir) ? await listing : undefined;
      listing = undefined;
      const written = journal;
      journal = undefined;
      // What may be removed of what the folder held and this build did not write: what the last
      // build's list names; with no list, anything where Vite would have emptied the folder (inside
      // the project, the operator silent), else nothing.
      const removable = lastWritten ?? viteWouldEmpty;
      let count;
      try {
        count = await writeSite(result, {
          dir,
          shell,
          base: config.base,
          preload,
          previous,
          sources,
          // what Vite wrote: the bundle, the public folder's copies
          vites: (name) => Object.hasOwn(bundle, name) || copied.has(name),
          journal: written,
          removable,
        });
      } catch (e) {
        written.abandon();
        throw e;
      }
      written.finish();
      const { files, unchanged, removed, unknown } = count;
      config.logger.info(
        `folio: wrote ${files} files in ${((performance.now() - t0) / 1000).toFixed(2)} s` +
          (previous ? ` (${unchanged} unchanged; ${removed} left by the last build removed)` : ''),
      );
      if (unknown > 0)
        config.logger.warn(
          `folio: ${unknown} files in ${dir} were not written by this build, and no list says an ` +
            `earlier build of Folio wrote them: left as they are (remove them by hand, or build once ` +
            `with --emptyOutDir)`,
        );
    },
  };
}

/** The names of the files Vite copies from the public folder into the output. */
function publicFiles(config: ResolvedConfig): Set<string> {
  const names = new Set<string>();
  const from = config.publicDir;
  if (!config.build.copyPublicDir || !from || !fs.existsSync(from)) return names;
  for (const e of fs.readdirSync(from, { withFileTypes: true, recursive: true }))
    if (!e.isDirectory())
      names.add(path.relative(from, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return names;
}
