// FNV-1a: the project's one fast hash that is not for security, over code points (what the build and
// the app must agree on: search buckets, facet shards, the hash in a cut folder name) or over UTF-16
// units (fingerprints and tables of the build's own).

export const FNV_BASIS = 0x811c9dc5;

/** One step: the hash so far with one more code point or unit. */
export const fnvStep = (h: number, x: number): number => Math.imul(h ^ x, 0x01000193) >>> 0;

/** FNV-1a over a text's code points. */
export function fnvCodePoints(text: string): number {
  let h = FNV_BASIS;
  for (const ch of text) h = fnvStep(h, ch.codePointAt(0)!);
  return h;
}

/** FNV-1a over the UTF-16 units of `text.slice(start, end)`. */
export function fnvUnits(text: string, start = 0, end = text.length): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) h = fnvStep(h, text.charCodeAt(i));
  return h;
}
