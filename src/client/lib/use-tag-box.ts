// A box for a tag's name (the cloud's filter, the tag filter's "add by name"): the archive's full list
// of tags and the script tables are fetched when the box is first used; `needle` is what is typed as
// a tag's key, folded as `fold` folds names (case, width and script aside: 臺灣 finds 台湾), and
// nothing while an input method is still composing (pinyin is not a name).
import { useState, type ChangeEvent, type CompositionEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FacetCount } from '../../shared/contract.ts';
import { facetKey } from '../../shared/facets.ts';
import { dataFileQuery } from './queries.ts';
import { manifest, t } from './site.ts';
import { useScriptFold } from './use-script-fold.ts';

export function useTagBox() {
  const [value, setValue] = useState('');
  const [composing, setComposing] = useState(false);
  const [wanted, setWanted] = useState(false);
  const all = useQuery({ ...dataFileQuery<FacetCount[]>(manifest.files.tags), enabled: wanted });
  const fold = useScriptFold(wanted);
  const needle = composing ? '' : fold(facetKey(value));
  /** The input's own properties. */
  const input = {
    type: 'search',
    value,
    placeholder: t.filterPlaceholder,
    onFocus: () => setWanted(true),
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      setWanted(true);
      setValue(e.target.value);
    },
    onCompositionStart: () => setComposing(true),
    onCompositionEnd: (e: CompositionEvent<HTMLInputElement>) => {
      setComposing(false);
      setValue(e.currentTarget.value);
    },
  } as const;
  return { value, setValue, needle, fold, all, input };
}
