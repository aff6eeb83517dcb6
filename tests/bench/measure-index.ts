// The search index's own build time, in a process of its own so that the bench can time it beside the
// builds it is a share of (this machine's speed swings twofold from one quarter hour to the next).
// `node --import tsx tests/bench/measure-index.ts <content folder> <report file>` reads the posts and
// their bodies as the build does (untimed), then builds the index once and prints its figures as JSON.
import path from 'node:path';
import { SearchIndexBuilder } from '../../src/node/search/index-builder.ts';
import { bodyOf } from '../../src/node/read/load-body.ts';
import { resolveOptions } from '../../src/node/options.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { measure } from './measure.ts';

export interface IndexFigures {
  seconds: number;
  terms: number;
  /** (term, post) pairs. */
  pairs: number;
  bytes: number;
  files: number;
}

/** One timed build of the index of `content`'s posts, in a fresh process. */
export function indexFigures(root: string, content: string, report: string): IndexFigures {
  const { stdout } = measure(
    [process.execPath, '--import', 'tsx', path.join(root, 'tests/bench/measure-index.ts'), content, report],
    {},
    root,
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as IndexFigures;
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const [content, report] = process.argv.slice(2);
  const result = runPipeline(resolveOptions({ content, report }, process.cwd(), {}));
  const bodies = result.posts.map((p) => bodyOf(p));
  const { search, site } = result.data.manifest;
  const t0 = performance.now();
  const builder = new SearchIndexBuilder(search, site.lang);
  for (const p of result.posts) builder.add(p, bodies[p.ordinal]!);
  let bytes = 0;
  for (const [, file] of builder.files()) bytes += file.length;
  const seconds = (performance.now() - t0) / 1000;
  const { terms, pairs } = builder.stats();
  console.log(JSON.stringify({ seconds, terms, pairs, bytes, files: search.buckets } satisfies IndexFigures));
}
