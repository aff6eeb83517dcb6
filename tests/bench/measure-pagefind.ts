// Pagefind (the static search the issue first named) on the same corpus, for the comparison that made
// Folio index its own search (docs/search.md): every post's plain text added with its Node API
// (`createIndex`, `addCustomRecord`: language, title, tags and authors as filters, the date as a sort
// key), the index made in memory. Its time, the peak memory of its process (polled), its size.
import fs from 'node:fs';
import type { OrderedPost } from '../../src/node/collect/order-posts.ts';
import { plainText } from '../../src/shared/search-terms.ts';

export interface PagefindFigures {
  seconds: number;
  peakMiB: number;
  bytes: number;
  files: number;
}

/** Undefined when the pagefind package is not installed. */
export async function pagefindFigures(
  posts: readonly OrderedPost[],
  bodies: readonly string[],
  lang: string,
): Promise<PagefindFigures | undefined> {
  let pagefind: typeof import('pagefind');
  try {
    pagefind = await import('pagefind');
  } catch {
    return undefined;
  }
  const t0 = performance.now();
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('bench: pagefind did not start');
  // Its binary is the newest process with "pagefind" in its command line: poll its resident memory.
  const pids = () =>
    fs
      .readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return /pagefind/.test(fs.readFileSync(`/proc/${p}/cmdline`, 'utf8'));
        } catch {
          return false;
        }
      });
  let peak = 0;
  const poll = setInterval(() => {
    for (const pid of pids())
      try {
        const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        peak = Math.max(peak, rss / 1024);
      } catch {
        // it ended
      }
  }, 100);
  try {
    await Promise.all(
      posts.map((p) =>
        index.addCustomRecord({
          url: `/posts/${p.slug}/`,
          content: `${p.title}\n${plainText(bodies[p.ordinal]!)}`,
          language: lang.toLowerCase(),
          meta: { title: p.title },
          filters: { tag: p.tags, author: p.authors },
          sort: { date: String(p.date ? Math.floor(p.date.ms / 1000) : 0) },
        }),
      ),
    );
    const { files } = await index.getFiles();
    return {
      seconds: (performance.now() - t0) / 1000,
      peakMiB: peak,
      bytes: files.reduce((n, f) => n + f.content.length, 0),
      files: files.length,
    };
  } finally {
    clearInterval(poll);
    await pagefind.close();
  }
}
