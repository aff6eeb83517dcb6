// The tag filter's box to add a tag by name: the archive's tags whose names hold what is typed (case,
// width and script aside: 台灣 finds 台湾; the full list and the script tables are fetched when the box
// is first used), the one named exactly first, then those that begin with it, most used first. Enter
// adds the first. Text an input method is still composing (pinyin) is not looked up until it is chosen.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import type { FacetCount } from '../../../../shared/contract.ts';
import { facetKey } from '../../../../shared/facets.ts';
import { dataFileQuery } from '../../../lib/queries.ts';
import { manifest, t } from '../../../lib/site.ts';
import { matchTags } from '../../../lib/tag-sets.ts';
import { tagBoxInput, useScriptFold } from '../../../lib/use-script-fold.ts';

const SHOWN = 8;

export function AddTagByName({ chosen, to }: { chosen: string[]; to: (name: string) => string }) {
  const [value, setValue] = useState('');
  const [composing, setComposing] = useState(false);
  const [wanted, setWanted] = useState(false);
  const all = useQuery({ ...dataFileQuery<FacetCount[]>(manifest.files.tags), enabled: wanted });
  const navigate = useNavigate();
  const fold = useScriptFold(wanted);
  const needle = composing ? '' : facetKey(value);
  const matches =
    needle && all.data ? matchTags(all.data, needle, new Set(chosen.map(facetKey)), SHOWN, fold) : undefined;
  return (
    <form
      className="add-tag"
      onSubmit={(e) => {
        e.preventDefault();
        const first = matches?.[0];
        if (!first) return;
        setValue('');
        void navigate(to(first.name));
      }}
    >
      <label>
        {t.addByName}{' '}
        <input
          {...tagBoxInput(value, setValue, () => setWanted(true))}
          placeholder={t.filterPlaceholder}
          enterKeyHint="done"
          onCompositionStart={() => setComposing(true)}
          onCompositionEnd={(e) => {
            setComposing(false);
            setValue(e.currentTarget.value);
          }}
        />
      </label>
      {matches &&
        (matches.length > 0 ? (
          <ul className="chips">
            {matches.map((m) => (
              <li key={m.name} className="chip">
                <Link to={to(m.name)} aria-label={t.addToFilter(m.name)} onClick={() => setValue('')}>
                  + {m.name} <span className="chip-count">{m.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="suggestions-none">{t.noTagNamed(value.trim())}</p>
        ))}
    </form>
  );
}
