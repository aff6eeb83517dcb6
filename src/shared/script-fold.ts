// Simplified and Traditional Chinese as one: each Traditional character (and each Taiwan or Hong Kong
// variant of one) folded to its Simplified form, one character for one, so that 火災 and 火灾, 習近平 and
// 习近平, 台灣 and 台湾 are the same text to search and to tags. One definition for the build and the
// reader (search-terms.ts folds with it at both ends). The tables are OpenCC's (opencc-js): character
// to character only (its phrase tables pick one spelling of a word, which a fold must not: the same
// characters must fold the same wherever they stand). A character whose fold is not one UTF-16 unit
// (a handful in the supplementary planes) is left as it is, so a folded text's offsets are its own.
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';

const pairs = (dict: string) =>
  dict.split('|').map((entry) => {
    const [from, to] = entry.split(' ');
    return [from!, to!] as const;
  });

/** Each BMP code unit's fold (0: itself), made on first use. */
let table: Uint16Array | undefined;

function makeTable(): Uint16Array {
  const ts = new Map(pairs(tsCharacters));
  const fold = new Map<string, string>();
  for (const [from, to] of ts) fold.set(from, to);
  // A regional variant (衞, 啓) folds as the standard character it stands for, when that one folds:
  // 吃 (Hong Kong's for 喫) stays 吃, which is Simplified already.
  for (const [from, standard] of [...pairs(twVariantsRev), ...pairs(hkVariantsRev)]) {
    const to = ts.get(standard);
    if (to !== undefined && to !== from && !fold.has(from)) fold.set(from, to);
  }
  const out = new Uint16Array(0x10000);
  for (const [from, to] of fold) {
    // to the end of a chain (a fold that is itself folded), never round a loop
    let end = to;
    for (let n = 0; n < 4 && fold.has(end) && fold.get(end) !== end; n++) end = fold.get(end)!;
    if (from.length === 1 && end.length === 1 && end !== from) out[from.charCodeAt(0)] = end.charCodeAt(0);
  }
  return out;
}

/** The fold table: code unit → its Simplified code unit, 0 where it folds to itself. */
export const scriptFolds = (): Uint16Array => (table ??= makeTable());

/** `text` with every Traditional character folded to its Simplified one; the same length. */
export function foldScript(text: string): string {
  const folds = scriptFolds();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const f = folds[text.charCodeAt(i)]!;
    if (f === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
