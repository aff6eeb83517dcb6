// Script folding (Traditional → Simplified: src/shared/script-fold.ts) for a box that matches tag
// names as the reader types (the cloud's, the filter's): its OpenCC tables are not in the app's first
// code; they are fetched when the box is first used (`wanted`), and the box matches as typed until then.
import { useEffect, useState, type ChangeEvent } from 'react';

let fold: ((text: string) => string) | undefined;
let loading: Promise<void> | undefined;
const asTyped = (text: string) => text;

export function useScriptFold(wanted: boolean): (text: string) => string {
  const [, loaded] = useState(false);
  useEffect(() => {
    if (!wanted || fold) return;
    loading ??= import('../../shared/script-fold.ts').then((m) => {
      fold = m.foldScript;
    });
    let live = true;
    loading.then(
      () => live && loaded(true),
      () => {
        loading = undefined; // tried again next time
      },
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return fold ?? asTyped;
}

/**
 * The input of a box for a tag's name (the cloud's filter, the tag filter's "add by name"): focusing
 * or typing in it asks for what it needs (`want`: the full list of tags and the script tables).
 */
export const tagBoxInput = (value: string, set: (value: string) => void, want: () => void) => ({
  type: 'search' as const,
  value,
  onFocus: want,
  onChange: (e: ChangeEvent<HTMLInputElement>) => {
    want();
    set(e.target.value);
  },
});
