/**
 * The numbering scheme is a setting of the body's profile (DOMAIN.md, "Bodies and genres"),
 * never a constant: the same engine numbers a formal protocol that counts through the year
 * and a set of mötesanteckningar that restart at 1 every meeting.
 */
import { z } from 'zod';

export const numberingSchemeSchema = z.discriminatedUnion('kind', [
  z.object({
    /** One counter per body and calendar year: "§ 101", "§101", "§ 81/24". */
    kind: z.literal('yearly'),
    /** space: "§ 101" · nospace: "§101" · slash-year: "§ 81/24" (number / two-digit year). */
    format: z.enum(['space', 'nospace', 'slash-year']),
  }),
  z.object({
    /** "§ 1" restarting every meeting (minnesanteckningar). */
    kind: z.literal('per-meeting'),
    format: z.literal('paragraph'),
  }),
  z.object({
    /** Plain points "1.", "2." restarting every meeting (mötesanteckningar). */
    kind: z.literal('points'),
  }),
]);
export type NumberingScheme = z.infer<typeof numberingSchemeSchema>;

/** True when the counter runs through the calendar year (and so across meetings). */
export function isYearly(scheme: NumberingScheme): boolean {
  return scheme.kind === 'yearly';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar year of an ISO date (YYYY-MM-DD). Throws on anything else: a meeting without
 * a real date cannot be placed in a yearly series, and guessing would number it wrongly.
 */
export function yearOf(date: string): number {
  const m = ISO_DATE.exec(date);
  if (m === null) throw new RangeError(`numbering: "${date}" is not an ISO date (YYYY-MM-DD)`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`numbering: "${date}" is not a calendar date`);
  }
  return year;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "2024-05-24" → "24"; "2001-…" → "01". Used by the slash-year format "§ 81/24". */
export function twoDigitYear(date: string): string {
  return String(yearOf(date) % 100).padStart(2, '0');
}
