// Dates in the site's time zone and language; relative under seven days. How long a table of contents
// is shown open. A year's months as the archive's grid shows them.
import type { ArchiveYear } from './contract.ts';

/**
 * Headings of an article from which its table of contents starts closed (a `<details>` with its count):
 * past this, on a phone, it would push the article's first paragraph off the first screen (Q&A
 * compilations carry one heading per answer, up to 3,900).
 */
export const TOC_OPEN_MAX = 6;
const DAY = 86_400_000;

export function formatDate(iso: string, lang: string, timeZone: string, now = Date.now()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const ago = now - ms;
  if (ago >= 0 && ago < 7 * DAY) {
    const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    if (ago < 3_600_000) return rtf.format(-Math.max(1, Math.round(ago / 60_000)), 'minute');
    if (ago < DAY) return rtf.format(-Math.round(ago / 3_600_000), 'hour');
    return rtf.format(-Math.round(ago / DAY), 'day');
  }
  return formatDay(ms, lang, timeZone);
}

/** Whether two dates fall on one calendar day in the site's zone (an update that day is no news). */
export function sameDay(a: string, b: string, timeZone: string): boolean {
  return formatDay(a, 'en', timeZone) === formatDay(b, 'en', timeZone);
}

/**
 * How an author is shown: as written, or, when the front matter names a web address (scraped posts do),
 * its host (`https://www.zhihu.com/people/x` → `www.zhihu.com`), which wraps and reads as a name.
 */
export function authorLabel(name: string): string {
  return /^https?:\/\/(?:[^/?#@]*@)?([^/?#@\s]+)/i.exec(name)?.[1] ?? name;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day, as `2023年2月21日` or `February 21, 2023` (what a page built ahead of time shows). */
export function formatDay(when: string | number, lang: string, timeZone: string): string {
  const ms = typeof when === 'number' ? when : Date.parse(when);
  if (Number.isNaN(ms)) return String(when);
  const key = `${lang} ${timeZone}`;
  let fmt = dayFormats.get(key);
  if (!fmt)
    dayFormats.set(
      key,
      (fmt = new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: 'long', day: 'numeric' })),
    );
  return fmt.format(ms);
}

/** A year's twelve months in calendar order, each with its posts' entry where it has any. */
export function archiveMonths(y: ArchiveYear): [number, ArchiveYear['months'][number] | undefined][] {
  const byMonth = new Map(y.months.map((m) => [m.month, m]));
  return Array.from({ length: 12 }, (_, i) => [i + 1, byMonth.get(i + 1)]);
}
