// A real `vite build` of the app with the Folio plugin, in memory (write: false).
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { folio, type FolioOptions } from '../../src/node/plugin.ts';
import { ENTRY_DATA_ID } from '../../src/shared/paths.ts';
import type { EntryData } from '../../src/shared/contract.ts';

export const root = path.resolve(__dirname, '../..');

export async function buildSite(
  options: FolioOptions,
  base = '/',
): Promise<Map<string, string | Uint8Array>> {
  const out = (await build({
    root,
    base,
    configFile: false,
    logLevel: 'silent',
    plugins: [react(), folio(options)],
    build: { write: false },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const files = new Map<string, string | Uint8Array>();
  for (const o of Array.isArray(out) ? out : [out])
    for (const item of o.output) files.set(item.fileName, item.type === 'asset' ? item.source : item.code);
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
