/**
 * Turning numbers into the text a protocol shows. Everything here is a pure function of the
 * scheme, the number and (for "§ 81/24") the meeting's date.
 */
import { twoDigitYear, yearOf, type NumberingScheme } from './scheme';

function assertNumber(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`numbering: ${what} must be a positive integer, got ${n}`);
}

/**
 * The heading label of item number `n`, as it stands above the item:
 * yearly/space "§ 101", yearly/nospace "§101", yearly/slash-year "§ 81/24",
 * per-meeting "§ 1", points "1.".
 */
export function formatLabel(scheme: NumberingScheme, n: number, date: string): string {
  assertNumber(n, 'an item number');
  yearOf(date); // validates the date for every scheme, not only the one that prints it
  switch (scheme.kind) {
    case 'yearly':
      if (scheme.format === 'nospace') return `§${n}`;
      if (scheme.format === 'slash-year') return `§ ${n}/${twoDigitYear(date)}`;
      return `§ ${n}`;
    case 'per-meeting':
      return `§ ${n}`;
    case 'points':
      return `${n}.`;
  }
}

/**
 * Sub-item letters: 1 → "a" … 26 → "z", then 27 → "aa", 28 → "ab" … 52 → "az", 53 → "ba"
 * (bijective base 26, like spreadsheet columns). Only a–z: å, ä and ö sort differently from
 * system to system and no real agenda reaches z, so the rare long list stays unambiguous
 * and parseable rather than "Swedish".
 */
export function subItemLetter(index: number): string {
  assertNumber(index, 'a sub-item index');
  let rest = index;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(97 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** The inverse of subItemLetter: "a" → 1, "aa" → 27. Null for anything but lowercase a–z. */
export function subItemIndex(letters: string): number | null {
  if (!/^[a-z]{1,4}$/.test(letters)) return null;
  let index = 0;
  for (const ch of letters) index = index * 26 + (ch.charCodeAt(0) - 96);
  return index;
}

/** The label of a sub-item as written under its item: "a/", "b/" (LSVO: "a/ Verksamhetsplan"). */
export function subItemLabel(index: number): string {
  return `${subItemLetter(index)}/`;
}

/**
 * How the item (or one of its sub-items) is cited from running text, e.g. in the follow-up
 * of the previous meeting: "§100c Ökad samverkan" (LSVO). The letter attaches to the number;
 * the year of the slash format stays last, so the number part reads the same in every format:
 * yearly/space "§ 100c", yearly/nospace "§100c", slash-year "§ 81c/24", per-meeting "§ 1c",
 * points "punkt 3c" (a bare "3c" in prose would not read as a reference).
 */
export function formatReference(scheme: NumberingScheme, n: number, date: string, sub?: number): string {
  assertNumber(n, 'an item number');
  const letter = sub === undefined ? '' : subItemLetter(sub);
  yearOf(date);
  switch (scheme.kind) {
    case 'yearly':
      if (scheme.format === 'nospace') return `§${n}${letter}`;
      if (scheme.format === 'slash-year') return `§ ${n}${letter}/${twoDigitYear(date)}`;
      return `§ ${n}${letter}`;
    case 'per-meeting':
      return `§ ${n}${letter}`;
    case 'points':
      return `punkt ${n}${letter}`;
  }
}

/**
 * The span of a meeting as printed above the signatures ("Paragrafer §101–§112"): the two
 * references joined by an en dash, or one reference when first === last.
 */
export function formatRange(scheme: NumberingScheme, first: number, last: number, date: string): string {
  if (last < first) throw new RangeError(`numbering: range ${first}–${last} runs backwards`);
  if (first === last) return formatReference(scheme, first, date);
  if (scheme.kind === 'points') return `punkt ${first}–${last}`;
  return `${formatReference(scheme, first, date)}–${formatReference(scheme, last, date)}`;
}

/**
 * A run of numbers for a message: "§ 101", "§§ 101–103", "§§ 101–103/21", "punkt 3",
 * "punkterna 3–5" (Swedish) or "item 3", "items 3–5" (English).
 */
export function describeRun(scheme: NumberingScheme, from: number, to: number, date: string, lang: 'sv' | 'en'): string {
  if (scheme.kind === 'points') {
    if (from === to) return lang === 'sv' ? `punkt ${from}` : `item ${from}`;
    return lang === 'sv' ? `punkterna ${from}–${to}` : `items ${from}–${to}`;
  }
  if (from === to) return formatReference(scheme, from, date);
  const space = scheme.kind === 'yearly' && scheme.format === 'nospace' ? '' : ' ';
  const year = scheme.kind === 'yearly' && scheme.format === 'slash-year' ? `/${twoDigitYear(date)}` : '';
  return `§§${space}${from}–${to}${year}`;
}

/** One number for a message, in the given language ("§ 101" in both; "punkt 3" / "item 3"). */
export function describeNumber(scheme: NumberingScheme, n: number, date: string, lang: 'sv' | 'en'): string {
  return describeRun(scheme, n, n, date, lang);
}
