// The months a list is narrowed to (search results, the tag filter): two choices from the archive's
// months, either left open, in a disclosure open while a range is set. The archive's index is what a
// range is read against: `useDateRange` fetches it when a range is set or the disclosure is opened.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { ArchiveIndex } from '../../shared/contract.ts';
import { dataFileQuery } from '../lib/queries.ts';
import { manifest, t } from '../lib/site.ts';
import { hasRange, monthKey, parseRange, rangeOrdinals, type DateRange } from '../lib/date-range.ts';

/**
 * The URL's range, and the run of ordinals it holds (undefined while the archive's index loads, or
 * when no range is set: `ready` says which); `open` to fetch the index for the choices.
 */
export function useDateRange() {
  const [params] = useSearchParams();
  const range = parseRange(params);
  const [choosing, setChoosing] = useState(false);
  const archive = useQuery({
    ...dataFileQuery<ArchiveIndex>(manifest.files.archive),
    enabled: hasRange(range) || choosing,
  });
  const ordinals = hasRange(range) && archive.data ? rangeOrdinals(archive.data, range) : undefined;
  return {
    range,
    ordinals,
    ready: !hasRange(range) || ordinals !== undefined,
    archive,
    open: () => setChoosing(true),
  };
}

/**
 * The months a list is narrowed to: two choices from the archive's months (either may be left open),
 * in a disclosure that fetches the archive's index when first opened; open while a range is set.
 */
export function Dates({
  range,
  archive,
  onOpen,
  to,
}: {
  range: DateRange;
  archive?: ArchiveIndex;
  onOpen: () => void;
  to: (range: DateRange) => string;
}) {
  const navigate = useNavigate();
  const months = (archive?.years ?? []).flatMap((y) => y.months.map((m) => [y.year, m.month] as const));
  const choose = (key: 'from' | 'to', value: string) =>
    void navigate(to({ ...range, [key]: value || undefined }), { replace: true });
  const select = (key: 'from' | 'to') => (
    <label>
      {key === 'from' ? t.dateFrom : t.dateTo}{' '}
      <select value={range[key] ?? ''} onChange={(e) => choose(key, e.target.value)}>
        <option value="">{t.anyDate}</option>
        {/* a month in the URL the archive does not have stays shown as chosen */}
        {range[key] && !months.some(([y, m]) => monthKey(y, m) === range[key]) && (
          <option value={range[key]}>{range[key]}</option>
        )}
        {months.map(([y, m]) => (
          <option key={monthKey(y, m)} value={monthKey(y, m)}>
            {t.yearMonth(y, m)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <details
      className="date-range"
      open={hasRange(range) || undefined}
      onToggle={(e) => e.currentTarget.open && onOpen()}
    >
      <summary>{t.dateRange}</summary>
      <div className="date-range-fields">
        {select('from')}
        {select('to')}
        {hasRange(range) && (
          <Link to={to({})} replace>
            {t.anyDate}
          </Link>
        )}
      </div>
    </details>
  );
}
