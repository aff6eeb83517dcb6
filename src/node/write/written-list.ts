// The list of what a build wrote into its output folder (WRITTEN_LIST, in that folder): a rebuild
// removes what the last build wrote and this one did not, and never a file no build of Folio wrote
// (an operator's CNAME, a host's own files), wherever the folder is.
//
// The list is a journal while a build writes: the names are appended to the last build's list as
// they are written, so a build that fails half-way leaves a list naming everything either build
// wrote, and the next one still removes all of it that it does not write. A build that ends rewrites
// the list with its own names alone. One JSON string a line (a file name may hold any character); a
// name ending in `/` stands for everything under that folder (the search index's, written by a
// thread of its own).
import fs from 'node:fs';
import path from 'node:path';

export const WRITTEN_LIST = '.folio-written';

const HEADER = '# What the last Folio build wrote here; the next removes those it does not write again.';

/** Names appended per write to the journal. */
const FLUSH = 512;

/** The names the last build's list holds; undefined where the folder has none (or it is unreadable). */
export function readWrittenList(outDir: string): Set<string> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(outDir, WRITTEN_LIST), 'utf8');
  } catch {
    return undefined;
  }
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith('"')) continue;
    try {
      const name: unknown = JSON.parse(line);
      if (typeof name === 'string' && name !== '') names.add(name);
    } catch {
      // a line cut short by a build that stopped mid-write
    }
  }
  return names;
}

/** Whether a list names a file: itself, or a folder it is in. */
export function listed(list: Set<string>, name: string): boolean {
  if (list.has(name)) return true;
  for (let at = name.lastIndexOf('/'); at > 0; at = name.lastIndexOf('/', at - 1))
    if (list.has(name.slice(0, at + 1))) return true;
  return false;
}

/** This build's list, kept as a journal in the output folder while it writes (see above). */
export class WrittenJournal {
  private readonly names: string[] = [];
  private pending: string[] = [];
  private fd: number;

  constructor(readonly outDir: string) {
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, WRITTEN_LIST);
    this.fd = fs.openSync(file, 'a');
    if (fs.fstatSync(this.fd).size === 0) fs.writeSync(this.fd, `${HEADER}\n`);
  }

  /** Notes names as they are written (or about to be). */
  add(name: string): void {
    this.names.push(name);
    this.pending.push(name);
    if (this.pending.length >= FLUSH) this.flush();
  }

  /** The names noted so far. */
  get written(): readonly string[] {
    return this.names;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    fs.writeSync(this.fd, this.pending.map((n) => `${JSON.stringify(n)}\n`).join(''));
    this.pending = [];
  }

  /** Writes whatever is pending and lets the file go: the list of a build that did not end. */
  abandon(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  /** The build ended: the list becomes this build's names alone, whole or not at all. */
  finish(): void {
    fs.closeSync(this.fd);
    const file = path.join(this.outDir, WRITTEN_LIST);
    const tmp = `${file}.${process.pid}`;
    const lines = [...new Set(this.names)].sort().map((n) => JSON.stringify(n));
    fs.writeFileSync(tmp, `${HEADER}\n${lines.join('\n')}\n`);
    fs.renameSync(tmp, file);
  }
}
