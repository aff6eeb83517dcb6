// `npm run bench [-- --posts 1000,10000 --corpus small,real --runs 3 --no-hugo --no-lighthouse
// --lighthouse-runs 5 --pagefind]`; `npm run bench -- --fuzz [--fuzz-runs 20000]` runs the pipeline's
// property test at 20,000 cases (and no corpus, unless --posts is given too). The bench generates two
// corpora of each size (never committed: .bench/): small posts in the sample post's format, and
// real-shaped posts (generate-real-corpus.ts; up to 10k posts, 2.2 GB); for each it measures the
// pipeline (`npm run check`), the
// full `vite build` (time, peak memory, files, bytes), when `hugo` is on the PATH Hugo on the same
// corpus, and the search index's own build, taking turns; the dev server (start, a saved post until
// served); with --pagefind, Pagefind's index of the smallest corpus; and in Chromium the reader:
// first-screen data bytes, the second-tag filter, the first search query's bytes and query times,
// Lighthouse on the 10k build, JS sizes. Prints one table with PASS/FAIL against the budgets
// (docs/performance.md).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { generateCorpus, generatePost, tagName } from './generate-corpus.ts';
import { generateRealCorpus, generateRealPost } from './generate-real-corpus.ts';
import { slowestSteps } from './measure-posts.ts';
import { bodyOf } from '../../src/node/read/load-body.ts';
import { LIST_ITEMS } from '../../src/node/render/feeds.ts';
import { resolveOptions } from '../../src/node/options.ts';
import { runPipeline } from '../../src/node/pipeline.ts';
import { renderHtml } from '../../src/node/render/html.ts';
import { folderSize, measure, median, type Measured } from './measure.ts';
import { measureDev } from './measure-dev.ts';
import { indexFigures, type IndexFigures } from './measure-index.ts';
import { filterTiming, firstScreenData } from './measure-reader.ts';
import { runLighthouse } from './measure-lighthouse.ts';
import { pagefindFigures } from './measure-pagefind.ts';
import { searchFigures } from './measure-search.ts';
import { routes, routeUrl } from '../../src/shared/paths.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, '.bench');
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1]!;
};
const fuzz = args.includes('--fuzz');
const sizes = flag('posts', fuzz ? '' : '1000,10000')
  .split(',')
  .filter(Boolean)
  .map(Number);
const runs = Number(flag('runs', '3'));
type Kind = 'small' | 'real';
const kinds = flag('corpus', 'small,real').split(',') as Kind[];
/** Real-shaped corpora stop at 10k posts: 10k is their large case (2.2 GB of Markdown). */
const REAL_MAX = 10000;
const hugo = !args.includes('--no-hugo') && spawnSync('hugo', ['version']).status === 0;
const withLighthouse = !args.includes('--no-lighthouse');
// Pagefind on the smallest corpus, for comparison (docs/search.md); it takes minutes and gigabytes at 10k.
const withPagefind = args.includes('--pagefind');
// A reader's phone draws Chinese with a Chinese font; a machine without one lays out every character
// by a fallback search (Lighthouse's layout time here doubled): say so, the figures would mislead.
const chineseFont = (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim() !== '';
if (!chineseFont)
  process.stderr.write(
    'bench: no Chinese font (fc-list :lang=zh): install fonts-noto-cjk for reader figures\n',
  );
// Lighthouse's own advice for its variance is the median of five runs.
const lighthouseRuns = Number(flag('lighthouse-runs', '5'));

interface Row {
  what: string;
  measured: string;
  budget: string;
  pass?: boolean;
}
const rows: Row[] = [];
/** Hugo's median build time by corpus (`small-1000`, `real-1000`…), where it ran. */
const hugoSeconds = new Map<string, number>();
/** The search index's build, timed beside the builds, by corpus. */
const indexRuns = new Map<string, IndexFigures[]>();
const fmt = (s: number) => `${s.toFixed(2)} s`;
const mib = (m: number) => `${m.toFixed(0)} MiB`;

/** A corpus's folder name: small posts `corpus-N` (as before), real-shaped `real-N`. */
const corpusName = (n: number, kind: Kind = 'small') => (kind === 'small' ? `corpus-${n}` : `real-${n}`);
/** The output folder of a corpus's builds. */
const outName = (n: number, kind: Kind = 'small') => (kind === 'small' ? `out-${n}` : `out-real-${n}`);
const sizeLabel = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const corpusLabel = (n: number, kind: Kind) =>
  `${sizeLabel(n)} ${kind === 'small' ? 'small' : 'real-shaped'} posts`;

function corpus(n: number, kind: Kind = 'small'): string {
  const dir = path.join(work, corpusName(n, kind));
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`bench: generating ${n} ${kind} posts… `);
    (kind === 'small' ? generateCorpus : generateRealCorpus)(path.join(dir, 'content'), n);
    fs.writeFileSync(done, '');
    process.stderr.write('done\n');
  }
  return path.join(dir, 'content');
}

// Both tools build into a folder never used before, and the last outputs are deleted before a size's
// runs, not between them: deleting is not part of either's time, and on a filesystem like this
// machine's (ext4 without a journal, mounted with `discard`) it is not over when `rm` returns. For the
// next ~35 s every file made scans the inodes just freed (the kernel's `recently_deleted`: 28% of a
// 10k build's CPU samples in `perf`, its writing threads' system time 3-7 times a fresh folder's), and
// Hugo's run after the deletion paid the same way.
const RUN_FOLDER = /^(?:hugo-)?out-(?:real-)?\d+(?:-run\d+)?$/;

/** Deletes the outputs `names` picks; then, unless the bench is over, lets the deletion settle. */
function clearOutputs(names: (name: string) => boolean, settle = true): void {
  let deleted = false;
  for (const name of fs.existsSync(work) ? fs.readdirSync(work) : [])
    if (RUN_FOLDER.test(name) && names(name)) {
      fs.rmSync(path.join(work, name), { recursive: true, force: true });
      deleted = true;
    }
  if (!deleted || !settle || process.platform !== 'linux') return;
  // ext4 counts an inode as recently freed for the dirty-expire interval, 5 s more while its block is dirty
  const expire = Number(fs.readFileSync('/proc/sys/vm/dirty_expire_centisecs', 'utf8')) / 100;
  process.stderr.write(`bench: outputs deleted; waiting ${expire + 5} s for the filesystem to settle\n`);
  spawnSync('sleep', [String(expire + 5)]);
}

/** A build into `out`: a folder never used; or, with `over`, the last build's, written over in place. */
function folioBuild(content: string, out: string, over = false): Measured {
  return measure(
    [
      'node', // `npm run build`, without npm's own start
      path.join(root, 'src/node/bin/folio.mjs'),
      'build',
      '--outDir',
      out,
      ...(over ? [] : ['--emptyOutDir']),
      '--logLevel',
      over ? 'info' : 'warn',
    ],
    {
      FOLIO_CONTENT: content,
      FOLIO_REPORT: path.join(work, 'report.json'),
    },
  );
}

/** Hugo's build; one that fails (on 10k real-shaped posts it runs out of this machine's 24 GiB) says so. */
function hugoBuild(content: string, out: string): Measured {
  return measure(
    [
      'hugo',
      '--quiet',
      '--source',
      path.join(root, 'tests/bench/hugo-site'),
      '--contentDir',
      content,
      '--destination',
      out,
    ],
    {},
    process.cwd(),
    true,
  );
}

for (const [kind, n] of kinds.flatMap((kind) =>
  sizes.filter((n) => kind === 'small' || n <= REAL_MAX).map((n) => [kind, n] as const),
)) {
  const content = corpus(n, kind);
  const label = corpusLabel(n, kind);
  // the budgets of the time and memory ratios: small posts at 10k, real-shaped ones at 1k and 10k
  const ratioBudget = kind === 'small' ? n === 10000 : n === 1000 || n === 10000;

  const check = Array.from({ length: runs }, () =>
    measure(
      ['npm', 'run', '--silent', 'check'],
      { FOLIO_CONTENT: content, FOLIO_REPORT: path.join(work, 'report.json') },
      root,
    ),
  );
  const inner = check.map((c) => Number(/pipeline took ([\d.]+) s/.exec(c.stdout)?.[1] ?? NaN));
  const checkTime = median(check.map((c) => c.seconds));
  rows.push({
    what: `npm run check (every file read and checked, the report; no data), ${label}`,
    measured: `${fmt(checkTime)} (pipeline ${fmt(median(inner))}), ${mib(median(check.map((c) => c.peakMiB)))}`,
    budget: n === 10000 && kind === 'small' ? '≤ 3 s' : '',
    pass: n === 10000 && kind === 'small' ? checkTime <= 3 : undefined,
  });

  const folio: Measured[] = [];
  const hugos: Measured[] = [];
  const out = path.join(work, outName(n, kind));
  const hugoOut = path.join(work, `hugo-${outName(n, kind)}`);
  // this corpus's outputs and every corpus's extra runs (the last run of each is kept for the reader)
  clearOutputs((name) => name.includes('-run') || name.endsWith(outName(n, kind)));
  const withHugo = hugo && n <= 10000;
  const index: IndexFigures[] = [];
  for (let i = 1; i <= runs; i++) {
    folio.push(folioBuild(content, `${out}-run${i}`));
    // a Hugo that failed once is not run again on the same corpus
    if (withHugo && !hugos.some((h) => h.failed)) hugos.push(hugoBuild(content, `${hugoOut}-run${i}`));
    // the search index's share of the build, timed in the same turns as the builds (below)
    // (once for real-shaped corpora: at 10k posts it is minutes of work, and no budget is set on it)
    if (kind === 'small' || i === 1) index.push(indexFigures(root, content, path.join(work, 'report.json')));
  }
  indexRuns.set(`${kind}-${n}`, index);
  fs.renameSync(`${out}-run${runs}`, out);
  if (withHugo && fs.existsSync(`${hugoOut}-run${runs}`)) fs.renameSync(`${hugoOut}-run${runs}`, hugoOut);
  const size = folderSize(out);
  const fTime = median(folio.map((m) => m.seconds));
  const fMem = median(folio.map((m) => m.peakMiB));
  rows.push({
    what: `full build, ${label}: time, peak memory, output`,
    measured: `${fmt(fTime)}, ${mib(fMem)}, ${size.files} files, ${(size.bytes / 1048576).toFixed(1)} MiB`,
    budget: n === 100000 ? '≤ 120 s, ≤ 2 GiB' : '',
    pass: n === 100000 ? fTime <= 120 && fMem <= 2048 : undefined,
  });
  // An operator's next build, with nothing changed: into the last build's folder (inside the project,
  // as dist/ is), which Folio writes over in place (src/node/write-files.ts).
  const again = folioBuild(content, out, true);
  const unchanged = /wrote (\d+) files in [\d.]+ s \((\d+) unchanged/.exec(again.stdout);
  rows.push({
    what: `rebuild, ${label}, nothing changed, over the last build: time, peak memory, files left as they were`,
    measured: `${fmt(again.seconds)}, ${mib(again.peakMiB)}, ${unchanged?.[2] ?? '?'} of ${unchanged?.[1] ?? '?'}`,
    budget: n === 100000 ? '≤ 120 s, ≤ 2 GiB' : '',
    pass: n === 100000 ? again.seconds <= 120 && again.peakMiB <= 2048 : undefined,
  });
  const hugoFailed = hugos.find((h) => h.failed);
  if (hugoFailed) {
    // No ratio: Hugo did not build this corpus on this machine (Folio's own figures are above).
    rows.push({
      what: `Hugo, same corpus: time, peak memory, output`,
      measured: `failed (${hugoFailed.failed}${hugoFailed.failed === 'signal 9' ? ', out of memory' : ''}) after ${fmt(hugoFailed.seconds)} at ${mib(hugoFailed.peakMiB)}`,
      budget: '',
    });
  } else if (hugos.length > 0) {
    const hTime = median(hugos.map((m) => m.seconds));
    hugoSeconds.set(`${kind}-${n}`, hTime);
    const hMem = median(hugos.map((m) => m.peakMiB));
    const hSize = folderSize(hugoOut);
    rows.push({
      what: `Hugo, same corpus: time, peak memory, output`,
      measured: `${fmt(hTime)}, ${mib(hMem)}, ${hSize.files} files, ${(hSize.bytes / 1048576).toFixed(1)} MiB`,
      budget: '',
    });
    const budgeted = ratioBudget;
    rows.push({
      what: `full build, ${label}: Folio/Hugo time`,
      measured: (fTime / hTime).toFixed(2),
      budget: budgeted ? '≤ 0.50' : '',
      pass: budgeted ? fTime / hTime <= 0.5 : undefined,
    });
    rows.push({
      what: `full build, ${label}: Folio/Hugo peak memory`,
      measured: (fMem / hMem).toFixed(2),
      budget: budgeted ? '≤ 0.40' : '',
      pass: budgeted ? fMem / hMem <= 0.4 : undefined,
    });
  }
  // every post of the smallest real-shaped corpus, each stage timed on its own (measure-posts.ts)
  if (kind === 'real' && n === Math.min(...sizes)) {
    const steps = slowestSteps(root, content, path.join(work, 'report.json'));
    const worst = steps.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    rows.push({
      what: `slowest post of ${label} in any stage (read, index, page, feed): CPU`,
      measured: `${fmt(worst.seconds)} (${worst.stage}, ${(worst.bytes / 1e6).toFixed(1)} MB; ${steps
        .map((st) => `${st.stage} ${fmt(st.seconds)}`)
        .join(', ')})`,
      budget: '≤ 2 s',
      pass: worst.seconds <= 2,
    });
  }
}

// The dev server on the largest corpus up to 10k posts: start, and a saved change until it is served.
if (kinds.includes('small')) {
  const n = Math.max(...sizes.filter((s) => s <= 10000));
  if (Number.isFinite(n)) {
    const label = sizeLabel(n);
    const dev = await measureDev(root, corpus(n), path.join(work, 'dev-report.json'), 4299);
    rows.push({
      what: `dev server, ${label} posts: start until the home page is served`,
      measured: fmt(dev.startSeconds),
      budget: '',
    });
    const change = median(dev.changeMs);
    rows.push({
      what: `dev, ${label} posts: save a post → new data served (median of ${dev.changeMs.length})`,
      measured: `${change.toFixed(0)} ms (${Math.min(...dev.changeMs).toFixed(0)}–${Math.max(...dev.changeMs).toFixed(0)})`,
      budget: n === 10000 ? '≤ 200 ms' : '',
      pass: n === 10000 ? change <= 200 : undefined,
    });
  }
}

// The reader: data bytes of the first screen of home, the most used tag and one article (the same
// post in every corpus), in Chromium, on the smallest and the largest build.
if (sizes.length > 0 && kinds.includes('small')) {
  const pages: [string, string][] = [
    ['home', ''],
    ['tag', routeUrl('', routes.facet('tag', tagName(0)))],
    ['article', routeUrl('', routes.post('post-0'))],
  ];
  const small = sizes[0]!;
  const large = sizes.at(-1)!;
  const bytes = new Map<number, Map<string, number>>();
  for (const n of new Set([small, large]))
    bytes.set(
      n,
      await firstScreenData(
        root,
        path.join(work, `out-${n}`),
        pages.map(([, url]) => url),
      ),
    );
  for (const [name, url] of pages) {
    const a = bytes.get(small)!.get(url)!;
    const b = bytes.get(large)!.get(url)!;
    const budgeted = large === 100000;
    rows.push({
      what: `first-screen data, ${name}: ${sizeLabel(large)} vs ${sizeLabel(small)} posts, gzip`,
      measured: `${(b / 1024).toFixed(1)} KB vs ${(a / 1024).toFixed(1)} KB = ${(b / a).toFixed(2)}×`,
      budget: budgeted ? '≤ 1.1×, ≤ 40 KB' : '',
      pass: budgeted ? b / a <= 1.1 && b <= 40 * 1024 : undefined,
    });
  }
}

// The reader: choosing a second tag until the AND-filtered list is on screen, on the largest build.
if (sizes.length > 0 && kinds.includes('small')) {
  const large = sizes.at(-1)!;
  const label = sizeLabel(large);
  const ms = await filterTiming(root, path.join(work, `out-${large}`), tagName(0));
  const m = median(ms);
  rows.push({
    what: `filter, ${label} posts: second tag chosen → AND list on screen (median of ${ms.length})`,
    measured: `${m.toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)})`,
    budget: large === 100000 ? '≤ 100 ms' : '',
    pass: large === 100000 ? m <= 100 : undefined,
  });
}

// Lighthouse (mobile, default throttling) on home, the most used tag and an article of the 10k build.
if (withLighthouse && sizes.includes(10000) && kinds.includes('small')) {
  const pages: [string, string][] = [
    ['home', ''],
    ['tag', routeUrl('', routes.facet('tag', tagName(0)))],
    ['article', routeUrl('', routes.post('post-0'))],
  ];
  const figures = await runLighthouse(
    root,
    path.join(work, 'out-10000'),
    pages.map(([, url]) => url),
    lighthouseRuns,
  );
  for (const [name, url] of pages) {
    const f = figures.get(url)!;
    rows.push({
      what: `Lighthouse, 10k posts, ${name}: perf / a11y / best practices / SEO (median of ${f.runs.length})`,
      measured: `${f.performance} / ${f.accessibility} / ${f.bestPractices} / ${f.seo} (perf ${Math.min(...f.runs.map((r) => r.performance))}–${Math.max(...f.runs.map((r) => r.performance))})`,
      budget: '≥ 95 / 100 / ≥ 95 / ≥ 95',
      pass: f.performance >= 95 && f.accessibility === 100 && f.bestPractices >= 95 && f.seo >= 95,
    });
    rows.push({
      what: `Lighthouse, 10k posts, ${name}: LCP, CLS, TBT`,
      measured: `${(f.lcpMs / 1000).toFixed(2)} s, ${f.cls.toFixed(3)}, ${f.tbtMs.toFixed(0)} ms (LCP ${(Math.min(...f.runs.map((r) => r.lcpMs)) / 1000).toFixed(2)}–${(Math.max(...f.runs.map((r) => r.lcpMs)) / 1000).toFixed(2)} s)`,
      budget: 'LCP ≤ 2.0 s, CLS ≤ 0.02',
      pass: f.lcpMs <= 2000 && f.cls <= 0.02,
    });
    if (f.failed.length > 0)
      process.stderr.write(`bench: Lighthouse on /${url} failed: ${f.failed.join('; ')}\n`);
  }
}

// Search: the index's own build time (its share of the build: the bodies, which the build reads for
// the pages anyway, are read first), at every size, from the turns of the builds above; in Chromium
// on the largest build up to 10k posts, the first query's bytes and query-to-results times.
for (const [key, index] of indexRuns) {
  const [kind, size] = key.split('-') as [Kind, string];
  const n = Number(size);
  const label = corpusLabel(n, kind);
  const t = median(index.map((f) => f.seconds));
  const { terms, pairs, bytes, files } = index[0]!;
  // Its share: a fifth of the build's budget (0.50 of Hugo's time), Hugo's time as measured in the
  // same turns, else the budget's anchor (20.1 s).
  const share = 0.1 * (hugoSeconds.get(key) ?? 20.1);
  const budgeted = n === 10000 && kind === 'small';
  rows.push({
    what: `search index, ${label}: build time (terms, posts per term summed, size, files)`,
    measured: `${fmt(t)} (${terms} terms, ${(pairs / 1e6).toFixed(1)}M, ${(bytes / 1048576).toFixed(1)} MiB, ${files} files)`,
    budget: budgeted ? `≤ ${fmt(share)} (0.1 of Hugo's time)` : '',
    pass: budgeted ? t <= share : undefined,
  });
  if (withPagefind && n === sizes[0] && kind === 'small') {
    const result = runPipeline(
      resolveOptions({ content: corpus(n), report: path.join(work, 'report.json') }, root, {}),
    );
    const bodies = result.posts.map((p) => bodyOf(p));
    const pf = await pagefindFigures(result.posts, bodies, result.data.manifest.site.lang);
    rows.push({
      what: `Pagefind 1.6 (Node API), same ${label}: index time, its process's peak memory, size`,
      measured: pf
        ? `${fmt(pf.seconds)}, ${mib(pf.peakMiB)}, ${(pf.bytes / 1048576).toFixed(1)} MiB, ${pf.files} files`
        : 'pagefind is not installed',
      budget: '',
    });
  }
}
for (const kind of kinds) {
  const n = Math.max(...sizes.filter((s) => s <= 10000));
  if (!Number.isFinite(n)) continue;
  const label = corpusLabel(n, kind);
  const post = kind === 'small' ? generatePost : generateRealPost;
  // Words from titles across the archive: two to four characters, each in at least that post.
  const queries = Array.from({ length: 11 }, (_, i) => {
    const title = post(Math.floor((i * n) / 11)).text.match(/^title: "(.+)"$/m)![1]!;
    const han = [...title].filter((c) => /\p{Script=Han}/u.test(c));
    return han.slice(i % 5, (i % 5) + 2 + (i % 3)).join('');
  });
  const s = await searchFigures(root, path.join(work, outName(n, kind)), queries);
  rows.push({
    what: `search, ${label}: the first query's download (${queries[0]}, ${s.found[0]} found)`,
    measured: `${(s.firstQueryBytes / 1024).toFixed(1)} KB (${s.firstQueryFiles} files)`,
    budget: n === 10000 ? '≤ 300 KB' : '',
    pass: n === 10000 ? s.firstQueryBytes <= 300 * 1024 : undefined,
  });
  const m = median(s.ms);
  rows.push({
    what: `search, ${label}: query → results on screen (median of ${s.ms.length}, fresh pages)`,
    measured: `${m.toFixed(0)} ms (${Math.min(...s.ms).toFixed(0)}–${Math.max(...s.ms).toFixed(0)}; ${Math.min(...s.found)}–${Math.max(...s.found)} found)`,
    budget: n === 10000 ? '≤ 300 ms' : '',
    pass: n === 10000 ? m <= 300 : undefined,
  });
}

// Feeds: what full content in every list feed would cost, against the excerpts they carry.
if (sizes.length > 0 && kinds.includes('small')) {
  const n = sizes.at(-1)!;
  const result = runPipeline(
    resolveOptions({ content: corpus(n), report: path.join(work, 'report.json') }, root, {}),
  );
  const items = result.data.facets.reduce((sum, f) => sum + Math.min(LIST_ITEMS, f.ordinals.length), 0);
  const sample = result.posts.slice(0, 200);
  const t0 = performance.now();
  for (const p of sample) renderHtml(p.body, 'https://example.org/');
  const perPost = (performance.now() - t0) / sample.length;
  rows.push({
    what: `list feeds at ${n} posts: items, full content would add`,
    measured: `${items} items × ${perPost.toFixed(2)} ms = ${((items * perPost) / 1000).toFixed(1)} s (so: excerpts)`,
    budget: '',
  });
}

// Reader side: the JavaScript a first visit to the home page loads, and an article's.
if (sizes.length > 0 && kinds.includes('small')) {
  const out = path.join(work, `out-${sizes[0]}`);
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  // The app (named for boot.js, which starts it once the page is painted) and what it preloads.
  const named = [...html.matchAll(/<meta name="folio-(?:app|preload)" content="([^"]+)"/g)].flatMap((m) =>
    m[1]!.split(' '),
  );
  // and the chunks the page's head preloads (Vite's modulepreload links: chunks the app imports)
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((m) => m[1]!);
  const initial = [
    'boot.js',
    ...new Set([...named, ...preloaded].map((url) => /(assets\/[^"]+\.js)$/.exec(url)![1]!)),
  ];
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(out, file))).length / 1024;
  const initialKb = initial.reduce((sum, f) => sum + gz(f), 0);
  // An article's own JS past the app: its view and what its page preloads (its text is the page's HTML).
  const postDir = fs.readdirSync(path.join(out, 'posts'))[0]!;
  const article = fs.readFileSync(path.join(out, 'posts', postDir, 'index.html'), 'utf8');
  const articleChunks = [...article.matchAll(/<meta name="folio-preload" content="([^"]+)"/g)]
    .flatMap((m) => m[1]!.split(' '))
    .map((url) => /(assets\/[^"]+\.js)$/.exec(url)![1]!)
    .filter((f) => !initial.includes(f));
  const articleKb = articleChunks.reduce((sum, f) => sum + gz(f), 0);
  const renderer = fs.readdirSync(path.join(out, 'assets')).find((f) => /^page-view-.*\.js$/.test(f))!;
  const rendererApart = ![...initial, ...articleChunks].includes(`assets/${renderer}`);
  rows.push({
    what: 'initial JS on the home page, gzip',
    measured: `${initialKb.toFixed(1)} KB (${initial.length} files)`,
    budget: '≤ 125 KB',
    pass: initialKb <= 125,
  });
  rows.push({
    what: "an article's JS past the app (its view and what its page preloads), gzip",
    measured: `${articleKb.toFixed(1)} KB (${articleChunks.length} files)`,
    budget: '≤ 50 KB',
    pass: articleKb <= 50,
  });
  rows.push({
    what: 'the Markdown renderer (react-markdown) only for standalone pages',
    measured: `${gz(`assets/${renderer}`).toFixed(1)} KB, ${rendererApart ? 'not loaded by home or articles' : 'loaded by home or articles'}`,
    budget: 'separate',
    pass: rendererApart,
  });
}

// Proof by property at scale: random archives through the pipeline and the writer (the test's own
// checks; `npm test` runs 500 of them).
if (fuzz) {
  const cases = Number(flag('fuzz-runs', '20000'));
  const t0 = performance.now();
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/vitest'),
    ['run', 'tests/build/pipeline.property.test.ts'],
    {
      cwd: root,
      env: { ...process.env, FOLIO_FUZZ_RUNS: String(cases) },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  rows.push({
    what: `property test: ${cases} random archives through the pipeline and the writer`,
    measured: `${run.status === 0 ? 'no counterexample' : 'counterexample found (above)'} in ${fmt((performance.now() - t0) / 1000)}`,
    budget: 'none',
    pass: run.status === 0,
  });
}

const cells = (r: Row) => [
  r.what,
  r.measured,
  r.budget,
  r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
];
const table = [['what', 'measured', 'budget', 'result'], ...rows.map(cells)];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(
  `\nFolio bench: ${runs} runs each (medians), ${hugo ? 'Hugo side by side' : 'no hugo on the PATH'}, ${
    chineseFont ? 'a Chinese font installed' : 'NO Chinese font (reader figures not representative)'
  }, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(line(table[0]!));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
clearOutputs((name) => name.includes('-run'), false);
process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
