// A real `vite build` of the app with the Folio plugin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { folio, type FolioOptions } from '../../src/node/plugin.ts';
import { ENTRY_DATA_ID } from '../../src/shared/paths.ts';
import type { EntryData } from '../../src/shared/contract.ts';

export const root = path.resolve(__dirname, '../..');

/** Builds into a temporary folder and returns every file written, by path (Folio writes its own files). */
export async function buildSite(
  options: FolioOptions,
  base = '/',
): Promise<Map<string, string | Uint8Array>> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folio-build-'));
  await build({
    root,
    base,
    configFile: false,
    logLevel: 'silent',
    plugins: [react(), folio(options)],
    build: { outDir, emptyOutDir: true },
  });
  const files = new Map<string, string | Uint8Array>();
  for (const e of fs.readdirSync(outDir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) {
      const abs = path.join(e.parentPath, e.name);
      const bytes = fs.readFileSync(abs);
      files.set(
        path.relative(outDir, abs).split(path.sep).join('/'),
        /\.(png|jpe?g|gif|webp)$/.test(e.name) ? bytes : bytes.toString('utf8'),
      );
    }
  return files;
}

/** The entry data an entry page carries. */
export function entryOf(html: string | Uint8Array | undefined): EntryData {
  const m = new RegExp(`<script type="application/json" id="${ENTRY_DATA_ID}">(.*?)</script>`, 's').exec(
    String(html),
  );
  if (!m) throw new Error('no entry data in page');
  return JSON.parse(m[1]!) as EntryData;
}
