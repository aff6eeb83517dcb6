// A worker thread of ./read-files.ts: loads the reading code, waits for its job, reads the files it
// claims, and hands their results back in batches as it goes (copying them all at the end kept the
// other thread waiting ~60 ms at 10k posts).
import { parentPort } from 'node:worker_threads';
import { readClaimed, RESULT_BATCH, type ReadJob, type ReadResult } from './read-files.ts';

parentPort!.once('message', (job: ReadJob) => {
  let out: [number, ReadResult][] = [];
  readClaimed(job, (i, result) => {
    if (out.push([i, result]) < RESULT_BATCH) return;
    parentPort!.postMessage(out);
    out = [];
  });
  parentPort!.postMessage(out);
  parentPort!.close();
});
