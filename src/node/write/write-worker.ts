// A worker thread of the build (write-files.ts, openWriter): writes the files it is sent, a batch at a
// time, with the system's calls made one at a time from this thread, and answers each batch with its
// count (or what went wrong: it then writes no more); told the files ended, it hands back what the
// output folder's listing still holds.
import { parentPort, workerData } from 'node:worker_threads';
import {
  FolderWriter,
  listingNames,
  listingOf,
  type WriterData,
  type WriterMessage,
  type WriterReply,
} from './write-files.ts';

const { outDir, previous } = workerData as WriterData;
const writer = new FolderWriter(outDir, previous && listingOf(previous));
let failed = false;
parentPort!.on('message', ({ batch, files }: WriterMessage) => {
  if (files) {
    if (failed) return;
    let unchanged = 0;
    let at = '';
    try {
      for (const [name, file] of files) if (writer.write((at = name), file)) unchanged++;
      parentPort!.postMessage({ batch, files: files.length, unchanged } satisfies WriterReply);
    } catch (e) {
      failed = true;
      parentPort!.postMessage({ batch, error: (e as Error).message, name: at } satisfies WriterReply);
    }
    return;
  }
  parentPort!.postMessage({ left: writer.previous && listingNames(writer.previous) } satisfies WriterReply);
  parentPort!.close();
});
