// The content hash in every immutable file name of the data contract.
import { createHash } from 'node:crypto';

export function contentHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 10).replace(/[-_]/g, 'x');
}
