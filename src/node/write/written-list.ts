// The list of what a build wrote into its output folder (WRITTEN_LIST, in that folder): a rebuild
// removes what the last build wrote and this one did not, and never a file no build of Folio wrote
// (an operator's CNAME, a host's own files), wherever the folder is.
//
// A build writes its names as it goes into a list of its own (PARTIAL_LIST), which becomes the list
// when the build ends; none is held in memory. A build that stops half-way leaves its partial list,
// which the next build reads with the last list and folds into it before it starts its own: what
// either wrote is removed if not written again. One JSON string a line (a file name may hold any
// character); a name ending in `/` stands for everything under that folder (the search index's,
// written by a thread of its own).
import fs from 'node:fs';
import path from 'node:path';

export const WRITTEN_LIST = '.folio-written';
/** The list of the build writing now (or of one that stopped). */
export const PARTIAL_LIST = '.folio-written.partial';

const HEADER = '# What the last Folio build wrote here; the next removes those it does not write again.';

/** Names appended per write to the journal. */
const FLUSH = 512;

/** The names of a list file, into `names`; false where there is no such file. */
function readList(file: string, names: Set<string>): boolean {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  for (const line of text.split('\n')) {
    if (!line.startsWith('"')) continue;
    try {
      const name: unknown = JSON.parse(line);
      if (typeof name === 'string' && name !== '') names.add(name);
    } catch {
      // a line cut short by a build that stopped mid-write
    }
  }
  return true;
}

/**
 * The names the last build's list holds, with those of a build that stopped since; undefined where
 * the folder has no list (or it is unreadable).
 */
export function readWrittenList(outDir: string): Set<string> | undefined {
  const names = new Set<string>();
  const last = readList(path.join(outDir, WRITTEN_LIST), names);
  const stopped = readList(path.join(outDir, PARTIAL_LIST), names);
  return last || stopped ? names : undefined;
}

/** Whether a list names a file: itself, or a folder it is in. */
export function listed(list: Set<string>, name: string): boolean {
  if (list.has(name)) return true;
  for (let at = name.lastIndexOf('/'); at > 0; at = name.lastIndexOf('/', at - 1))
    if (list.has(name.slice(0, at + 1))) return true;
  return false;
}

/** This build's list, written as it goes (see above). */
export class WrittenJournal {
  private pending: string[] = [];
  private readonly fd: number;

  constructor(readonly outDir: string) {
    fs.mkdirSync(outDir, { recursive: true });
    const partial = path.join(outDir, PARTIAL_LIST);
    // a build that stopped: its names join the last list's, to be removed if not written again
    if (fs.existsSync(partial))
      fs.appendFileSync(path.join(outDir, WRITTEN_LIST), `\n${fs.readFileSync(partial, 'utf8')}`);
    this.fd = fs.openSync(partial, 'w');
    fs.writeSync(this.fd, `${HEADER}\n`);
  }

  /** Notes a name as it is written (or about to be). */
  add(name: string): void {
    this.pending.push(name);
    if (this.pending.length >= FLUSH) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    fs.writeSync(this.fd, this.pending.map((n) => `${JSON.stringify(n)}\n`).join(''));
    this.pending = [];
  }

  /** Writes what is pending and lets the file go: the partial list of a build that did not end. */
  abandon(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  /** The build ended: its list is the list, whole or not at all. */
  finish(): void {
    this.abandon();
    fs.renameSync(path.join(this.outDir, PARTIAL_LIST), path.join(this.outDir, WRITTEN_LIST));
  }
}
