// The CPU each post costs in each stage of a build, for the budget "no single post takes more than 2 s
// of CPU in any stage": every post of a corpus read (decode, front matter, analysis, normalisation),
// indexed for search, its entry page made, and the feed items of the newest 200 and the largest 20
// rendered, one at a time on one thread, each timed by the process's CPU clock.
// `node --import tsx tests/bench/measure-posts.ts <content> <report>` prints each stage's slowest post.
import fs from 'node:fs';
import path from 'node:path';
import { siteFiles } from '../../src/node/write-site.ts';
import { findFiles } from '../../src/node/read/find-files.ts';
import { SearchIndexBuilder } from '../../src/node/search/index-builder.ts';
import { bodyOf } from '../../src/node/read/load-body.ts';
import { resolveOptions } from '../../src/node/options.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { readPost } from '../../src/node/read/read-post.ts';
import { routeFile, routes } from '../../src/shared/paths.ts';
import { feedHtml } from '../../src/node/render/html.ts';
import { measure } from './measure.ts';

export interface SlowStep {
  /** The post's path in its content folder. */
  post: string;
  stage: 'read' | 'index' | 'page' | 'feed';
  /** CPU seconds. */
  seconds: number;
  /** The post's file size. */
  bytes: number;
}

const SHELL =
  '<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><div id="root"></div></body></html>';

/** CPU seconds `run` takes (user and system, this process). */
function cpu<T>(run: () => T): [T, number] {
  const before = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(before);
  return [value, (used.user + used.system) / 1e6];
}

/** The slowest post of each stage, in a process of its own. */
export function slowestSteps(root: string, content: string, report: string): SlowStep[] {
  const { stdout } = measure(
    [process.execPath, '--import', 'tsx', path.join(root, 'tests/bench/measure-posts.ts'), content, report],
    {},
    root,
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as SlowStep[];
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const [content, report] = process.argv.slice(2) as [string, string];
  const options = resolveOptions({ content, report }, process.cwd(), {});
  const slowest = new Map<SlowStep['stage'], SlowStep>();
  const sizes = new Map<string, number>();
  const note = (post: string, stage: SlowStep['stage'], seconds: number) => {
    if ((slowest.get(stage)?.seconds ?? -1) < seconds)
      slowest.set(stage, { post, stage, seconds, bytes: sizes.get(post) ?? 0 });
  };
  const ctx = {
    timeZone: options.timeZone,
    drafts: false,
    future: true,
    inDrafts: false,
    now: Date.now(),
  };
  for (const file of findFiles(options.contentDir).files) {
    if (file.role !== 'post') continue;
    const bytes = fs.readFileSync(file.abs);
    sizes.set(file.path, bytes.length);
    note(file.path, 'read', cpu(() => readPost(file.path, bytes, ctx))[1]);
  }
  // the build's own steps on the ordered posts (read again, untimed)
  const result = runPipeline(options);
  const byOrdinal = result.posts;
  const index = new SearchIndexBuilder(result.data.manifest.search, result.data.manifest.site.lang);
  for (const post of byOrdinal) note(post.path, 'index', cpu(() => index.add(post, bodyOf(post)))[1]);
  for (const post of byOrdinal
    .slice(0, 200)
    .concat([...byOrdinal].sort((a, b) => b.bodyChars - a.bodyChars).slice(0, 20)))
    note(post.path, 'feed', cpu(() => feedHtml(bodyOf(post), 'https://example.org/p/', '→'))[1]);
  // a post's page: the time the site's files take from the one before it to its own
  const files = siteFiles(result, SHELL, '/', {}, false, { add: () => {}, end: () => {} });
  const pathOf = new Map(byOrdinal.map((p) => [routeFile(routes.post(p.slug)), p.path]));
  for (;;) {
    const [next, seconds] = cpu(() => files.next());
    if (next.done) break;
    const post = pathOf.get(next.value[0]);
    if (post) note(post, 'page', seconds);
  }
  console.log(JSON.stringify([...slowest.values()]));
}
