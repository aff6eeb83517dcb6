// The content hash in every immutable file name of the data contract.
import { createHash } from 'node:crypto';
import { fnvUnits } from '../shared/fnv.ts';

export function contentHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
}

/** FNV-1a over a text's UTF-16 units: a fast fingerprint, for telling changed texts apart. */
export const textHash = (text: string): number => fnvUnits(text);
