// Post slugs and path segments: safe as one folder name, in any script, on any common disk.
import { fnvCodePoints } from './fnv.ts';

/**
 * Letters of any script, digits, `-`, `_` and single inner dots are kept; anything else becomes `-`.
 * Runs of `-` fold to one and none leads or trails; never empty (`post` as a last resort). The result
 * is a safe segment (safeSegment): within SEGMENT_BYTES, no reserved name.
 */
export function slugify(text: string): string {
  return safeSegment(slugText(text));
}

/** slugify's text before it is made a safe segment. */
export function slugText(text: string): string {
  const slug = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-\.|\.-/g, '-');
  return slug || 'post';
}

/**
 * The identity two names share when a disk that ignores case and Unicode form would take them for one
 * file: NFKC with full case folding (`ſtory`/`story`, `λόγος`/`λόγοσ`, `Straße`/`strasse`, `Ⅻ`/`xii`,
 * NFC/NFD twins). JavaScript has no case folding of its own: upper then lower case gives it for every
 * character but a few (it also folds the dotless ı with i), and folds at least as much as any disk.
 */
export function foldKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/**
 * UTF-8 bytes a folder name of Folio's may take: disks allow 255, and a clash adds `-2` and the like.
 * The site's longest names stay far within it (real tags: under 60 bytes).
 */
export const SEGMENT_BYTES = 200;

/** Bytes of a character in UTF-8. */
const utf8Bytes = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** The longest start of a text within `max` bytes of UTF-8, never cutting a character in two. */
export function cutToBytes(text: string, max: number): string {
  if (text.length * 3 <= max) return text;
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    bytes += utf8Bytes(ch.codePointAt(0)!);
    if (bytes > max) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

// Names the build writes beside posts, pages and facets (`tags/index.html` is the tag cloud), and the
// names Windows keeps for its devices, with any extension.
const RESERVED =
  /^(?:index\.html|feed\.xml|atom\.xml|feed\.json|(?:con|prn|aux|nul|(?:com|lpt)[0-9¹²³])(?:\..*)?)$/i;

/**
 * A folder name that no disk refuses: a reserved name gets `~_` before it; one past SEGMENT_BYTES is
 * cut at a character and ends in `~_` and a hash of the whole. Neither slugify nor facetSlug makes a
 * `~_` (a slug holds no `~`; a facet's `~` is followed by hex digits), so two names never meet.
 */
export function safeSegment(segment: string): string {
  if (RESERVED.test(segment)) return `~_${segment}`;
  const start = cutToBytes(segment, SEGMENT_BYTES);
  if (start === segment) return segment;
  return `${cutToBytes(start, SEGMENT_BYTES - 10)}~_${fnvCodePoints(segment).toString(36).padStart(7, '0')}`;
}
