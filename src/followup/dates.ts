/**
 * Calendar arithmetic on plain YYYY-MM-DD strings (no Date objects, no time zones: a protocol
 * date is a calendar day, and ISO strings compare correctly as strings).
 */
import { isIsoDate } from '../bodies/isoDate';

/** Swedish month names and the abbreviations protocols use, in calendar order. */
const MONTHS: readonly (readonly string[])[] = [
  ['januari', 'jan'],
  ['februari', 'feb'],
  ['mars', 'mar'],
  ['april', 'apr'],
  ['maj'],
  ['juni', 'jun'],
  ['juli'], // not "jul": that is Christmas ("före jul")
  ['augusti', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt'],
  ['november', 'nov'],
  ['december', 'dec'],
];

/**
 * Regex source matching any month word: full names first, then abbreviations with an optional
 * dot ("okt."), so a sentence's full stop after "juni." is never part of the date.
 */
export const MONTH_SOURCE = [
  ...MONTHS.map((names) => names[0]!).sort((a, b) => b.length - a.length),
  ...MONTHS.flatMap((names) => names.slice(1))
    .sort((a, b) => b.length - a.length)
    .map((a) => `${a}\\.?`),
].join('|');

/** "juni" → 6, "sept" → 9; null for anything else. A trailing "." is allowed ("okt."). */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((names) => names.includes(w));
  return i === -1 ? null : i + 1;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(year: number, month: number, day: number): string | null {
  const s = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  return isIsoDate(s) ? s : null;
}

export function yearOfIso(date: string): number {
  return Number(date.slice(0, 4));
}

export function monthOfIso(date: string): number {
  return Number(date.slice(5, 7));
}

/** "2021-06" */
export function monthKey(year: number, month: number): string {
  return `${year}-${pad2(month)}`;
}

/**
 * The year of a day and month written without one, seen from the meeting: a month earlier
 * than the meeting's month is next year's ("i januari" in a November meeting). The meeting's
 * own month stays in its year, so a day already past ("den 3 maj" in a 7 May meeting) stays in
 * the past, where it is read as a reference rather than a deadline.
 */
export function resolveYear(month: number, meetingDate: string): number {
  const year = yearOfIso(meetingDate);
  return month < monthOfIso(meetingDate) ? year + 1 : year;
}

/** Two-digit year → four digits, in this century (protocols from 2000 onwards). */
export function fullYear(yy: number): number {
  return 2000 + yy;
}
