// The content hash in every immutable file name of the data contract.
import { createHash } from 'node:crypto';

export function contentHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
}

/** FNV-1a over a text's UTF-16 units: a fast fingerprint, for telling changed texts apart. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
