// Test helpers: copy a fixture folder to a temporary one (to add links or edit files), list every
// file a content folder holds, and resolve options for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveOptions, type FolioOptions, type ResolvedOptions } from '../../src/node/options.ts';

export const fixtures = path.resolve(__dirname, '../fixtures');

export function tempCopy(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-test-'));
  fs.cpSync(path.join(fixtures, fixture), dir, { recursive: true });
  return dir;
}

/** Every file and link under `root` (relative, with `/`), not descending into links or hidden folders. */
export function listAll(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory() && !e.name.startsWith('.')) out.push(...listAll(root, p));
    else out.push(p);
  }
  return out.sort();
}

export function optionsFor(contentDir: string, over: FolioOptions = {}): ResolvedOptions {
  return resolveOptions(
    { content: contentDir, report: path.join(contentDir, '..', 'report.json'), ...over },
    '/',
    {},
  );
}
