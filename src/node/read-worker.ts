// A worker thread of ./read-files.ts: loads the reading code, waits for its job, reads the files it
// claims, and hands their results back at once.
import { parentPort } from 'node:worker_threads';
import { readClaimed, type ReadJob, type ReadResult } from './read-files.ts';

parentPort!.once('message', (job: ReadJob) => {
  const out: [number, ReadResult][] = [];
  readClaimed(job, (i, result) => out.push([i, result]));
  parentPort!.postMessage(out);
  parentPort!.close();
});
