// Post slugs: safe as one path segment, in any script.

/**
 * Letters of any script, digits, `-`, `_` and single inner dots are kept; anything else becomes `-`.
 * Runs of `-` fold to one and none leads or trails; never empty (`post` as a last resort).
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-\.|\.-/g, '-');
  return slug || 'post';
}
