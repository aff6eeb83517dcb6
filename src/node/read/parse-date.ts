// Dates as written → one normal form that keeps every written digit.
// In: a front matter scalar's source text or a file name's date. Out: `YYYY-MM-DDTHH:MM:SS[.f]±HH:MM`
// plus the instant for ordering, or the reason it is not a date.

export interface ParsedDate {
  /** `YYYY-MM-DDTHH:MM:SS[.fraction]±HH:MM`, the fraction's digits as written. */
  text: string;
  /** Milliseconds since the epoch. */
  ms: number;
  /** Digits of the fraction past milliseconds, for ordering ties (e.g. '858' of '.213858'). */
  sub: string;
}

const DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Date.UTC, but years 0–99 are years 0–99 (not 1900–1999). */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function daysIn(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset in minutes of `timeZone` at the given UTC instant. */
function zoneOffset(timeZone: string, utcMs: number): number {
  let fmt = zoneFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short', // year 0 is 1 BC: without the era it reads as year 1
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, fmt);
  }
  const p: Record<string, number> = {};
  let bc = false;
  for (const part of fmt.formatToParts(new Date(utcMs))) {
    if (part.type === 'era') bc = part.value === 'BC';
    else p[part.type] = Number(part.value);
  }
  const asUtc = utc(bc ? 1 - p.year! : p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

const FIRST_MS = utc(1, 1, 1);
const LAST_MS = utc(9999, 12, 31, 23, 59, 59) + 999;
const DAY_MS = 86_400_000;

/**
 * The year and month of an instant in `timeZone`, as parseDate reads that zone (its offset in whole
 * minutes, years before 1 as 0, -1…): the archive's, so a date lands in the month it was written in.
 */
export function localYearMonth(ms: number, timeZone: string): [year: number, month: number] {
  const local = new Date(ms + zoneOffset(timeZone, ms) * 60000);
  return [local.getUTCFullYear(), local.getUTCMonth() + 1];
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** Parses a written date; a date without zone is read in `timeZone`. */
export function parseDate(written: string, timeZone: string): ParsedDate | { error: string } {
  const m = DATE.exec(written.trim());
  if (!m) return { error: `"${written.trim()}" is not a date (expected YYYY-MM-DD[ HH:MM[:SS]][ zone])` };
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return { error: `"${written.trim()}" is not a real date or time` };
  const localMs = utc(year, month, day, hour, minute, second);
  let offset: number;
  if (zone === undefined) {
    offset = zoneOffset(timeZone, localMs);
    offset = zoneOffset(timeZone, localMs - offset * 60000); // settle across a DST change
  } else if (zone === 'Z' || zone === 'z') {
    offset = 0;
  } else {
    const zm = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
    offset = (zm[1] === '-' ? -1 : 1) * (Number(zm[2]) * 60 + Number(zm[3] ?? 0));
    if (Math.abs(offset) > 18 * 60) return { error: `"${written.trim()}" has an impossible zone offset` };
  }
  const fraction = frac ?? '';
  const ms = localMs - offset * 60000 + Number((fraction + '000').slice(0, 3));
  // Feeds write an instant's year in four digits (RFC 822, RFC 3339) and the archive files a post by
  // its year in the site's zone: a date whose instant, or whose day there, lies outside 0001–9999
  // has no place in either (0000-01-01 in Shanghai is 1 BC in UTC; 9999-12-31T23:59:59-14:00 is 10000).
  const edge = ms < FIRST_MS + DAY_MS || ms > LAST_MS - DAY_MS;
  const siteYear = edge ? localYearMonth(ms, timeZone)[0] : 5000;
  if (ms < FIRST_MS || ms > LAST_MS || siteYear < 1 || siteYear > 9999)
    return {
      error: `"${written.trim()}" lies outside the years 0001–9999 that feeds and the archive can hold`,
    };
  const text =
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}` +
    `${fraction ? '.' + fraction : ''}${formatOffset(offset)}`;
  return { text, ms, sub: fraction.slice(3) };
}

const NAME_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})-(.*)$/;

/** Splits `2017-2-5-i-dont-like-zeroes` into its date text and the rest. */
export function splitNameDate(basename: string): { date?: string; rest: string } {
  const m = NAME_DATE.exec(basename);
  if (!m) return { rest: basename };
  return { date: `${m[1]}-${m[2]}-${m[3]}`, rest: m[4]! };
}
