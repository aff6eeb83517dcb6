// A worker thread of the build (indexer.ts): indexes the posts it is sent as their pages are
// written and, told the posts ended, writes the bucket files itself (over a last build's, unless
// unchanged), one at a time as each is made
// (handed back whole, they held ~17 MiB more of a 10k-post build's peak memory).
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { SearchInfo } from '../../shared/contract.ts';
import { SearchIndexBuilder } from './index-builder.ts';
import { type IndexerMessage, type IndexerReply } from './indexer.ts';
import { holdsSync, type WriteCount } from '../write/write-files.ts';

const { plan, lang, outDir } = workerData as { plan: SearchInfo; lang: string; outDir: string };
const builder = new SearchIndexBuilder(plan, lang);
parentPort!.on('message', (message: IndexerMessage) => {
  if (message.posts) {
    for (const [post, body] of message.posts) builder.add(post, body);
    parentPort!.postMessage({ indexed: true } satisfies IndexerReply);
    return;
  }
  const written: WriteCount = { files: 0, unchanged: 0 };
  try {
    for (const [name, bytes] of builder.files()) {
      const target = path.join(outDir, name);
      if (written.files++ === 0) fs.mkdirSync(path.dirname(target), { recursive: true });
      if (holdsSync(target, bytes)) written.unchanged++;
      else fs.writeFileSync(target, bytes);
    }
    parentPort!.postMessage({ written } satisfies IndexerReply);
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).message } satisfies IndexerReply);
  }
  parentPort!.close();
});
