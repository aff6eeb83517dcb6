// Writes many small files fast: each folder made once, many writes in flight, files made as they
// are written (on disks like this machine's a file costs 0.3–0.6 ms one at a time; DESIGN.md).
import fs from 'node:fs';
import path from 'node:path';
import type { SiteFile } from './emit-site.ts';

const IN_FLIGHT = 64;

/** A callback-style fs call as a promise. */
function done(call: (end: (error: Error | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => call((error) => (error ? reject(error) : resolve())));
}

/** Writes the files as the iterator makes them; returns how many. */
export async function writeFiles(outDir: string, files: Iterable<[string, SiteFile]>): Promise<number> {
  const made = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => {
    let p = made.get(dir);
    if (!p) made.set(dir, (p = done((end) => fs.mkdir(dir, { recursive: true }, end))));
    return p;
  };
  const iterator = files[Symbol.iterator]();
  let count = 0;
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      const [name, file] = next.value;
      const target = path.join(outDir, name);
      if (!target.startsWith(outDir + path.sep))
        throw new Error(`folio: refusing to write outside the output folder: ${name}`);
      await folder(path.dirname(target));
      // The callback forms: no FileHandle and promise per call (~0.3 s of CPU over 17,000 files).
      if (typeof file === 'string' || file instanceof Uint8Array)
        await done((end) => fs.writeFile(target, file, end));
      else await done((end) => fs.copyFile(file.copy, target, end));
      count++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return count;
}
