// The site's config file: `folio.config.{ts,mts,js,mjs,cjs,json}`, named with `--config` or found
// beside the content (beside the content folder a command names, else in that folder, else in the
// folder the command runs in). Its paths are relative to its own folder. A script config is bundled by
// esbuild into one ES module first (TypeScript, CommonJS or ES module alike, whatever the site's
// package.json says), and imported from there.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FolioOptions } from './options.ts';

export const CONFIG_NAMES = [
  'folio.config.ts',
  'folio.config.mts',
  'folio.config.js',
  'folio.config.mjs',
  'folio.config.cjs',
  'folio.config.json',
];

/** The config file in the first of these folders that has one. */
export function findConfig(folders: string[]): string | undefined {
  for (const folder of folders)
    for (const name of CONFIG_NAMES) {
      const file = path.join(folder, name);
      if (fs.existsSync(file)) return file;
    }
  return undefined;
}

/** A config file's options: its default export (or the whole of a JSON file), checked to be an object. */
export async function loadConfig(file: string): Promise<FolioOptions> {
  let value: unknown;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`folio: ${file} is not JSON: ${(e as Error).message}`, { cause: e });
    }
  } else {
    const { build } = await import('esbuild');
    const out = path.join(
      os.tmpdir(),
      `folio-config-${createHash('sha256').update(file).digest('hex').slice(0, 12)}-${process.pid}.mjs`,
    );
    try {
      await build({
        entryPoints: [file],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: out,
        logLevel: 'silent',
      });
      const mod = (await import(pathToFileURL(out).href)) as { default?: unknown };
      value = mod.default;
    } catch (e) {
      throw new Error(`folio: ${file} could not be loaded: ${(e as Error).message}`, { cause: e });
    } finally {
      fs.rmSync(out, { force: true });
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`folio: ${file} must export an object of options (export default { title: '…' })`);
  return value as FolioOptions;
}
