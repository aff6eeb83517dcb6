// Dates in the site's time zone and language; relative under seven days.
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
  return new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(
    ms,
  );
}
