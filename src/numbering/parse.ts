/**
 * Reading labels as people typed them in old minutes: "§ 101", "§101", "§ 81/24", "1.",
 * "§ 1.", "§100c", "§§ 87–89", "§§ 150-160", "§87, 88 och 89", "Paragrafer: §101 - §112".
 * Used to import minutes written before Paragraf and to resolve follow-up references
 * ("Återkoppling protokoll 2021-04-09: §95 …"). Parsing never corrects: what it reads is
 * handed to checkYear, which reports what is wrong.
 */
import { subItemIndex } from './labels';

export interface ParsedRef {
  number: number;
  /** Sub-item index, 1 = a ("§100c" → 3). */
  sub?: number;
}

export interface ParsedLabel {
  /** "§ …" (paragraph) or a plain point "1.". */
  kind: 'paragraph' | 'point';
  /** Every item referred to, in the order written; a range is expanded ("§§ 87–89" → 87, 88, 89). */
  refs: ParsedRef[];
  /** True when written as a range ("§§ 87–89", "§101 - §112"). */
  range: boolean;
  /** The two-digit year of "§ 81/24" → 24. */
  yearSuffix?: number;
  /** Whether a space followed the first "§": "§ 101" → 'space', "§101" → 'nospace'; null for points. */
  spacing: 'space' | 'nospace' | null;
}

export interface FoundReference {
  /** Offsets into the searched text: text.slice(start, end) is the reference as written. */
  start: number;
  end: number;
  text: string;
  label: ParsedLabel;
}

export type ParsedHeading =
  | { kind: 'item'; label: ParsedLabel; title: string }
  | { kind: 'sub-item'; sub: number; title: string };

/** A range wider than this is a typo, not a meeting ("§§ 1–99999"); refuse to expand it. */
const MAX_RANGE = 2000;
const WS = /[ \t\u00a0\u2009\u202f]/;
const DASH = /[-–—]/;

interface Ref {
  number: number;
  sub?: number;
  year?: number;
}

function isWs(ch: string | undefined): boolean {
  return ch !== undefined && WS.test(ch);
}

function skipWs(text: string, pos: number): number {
  let p = pos;
  while (isWs(text[p])) p++;
  return p;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/** number [letters] [/yy] at pos, or null. */
function readRef(text: string, pos: number): { ref: Ref; end: number } | null {
  let p = pos;
  while (isDigit(text[p])) p++;
  const digits = text.slice(pos, p);
  if (digits.length === 0 || digits.length > 5) return null;
  const number = Number(digits);
  if (number < 1) return null;
  const ref: Ref = { number };
  // A sub-item letter must be glued to the number ("§100c"): "§ 5 i protokollet" is prose.
  if (isLetter(text[p])) {
    let q = p;
    while (isLetter(text[q])) q++;
    const index = q - p <= 2 ? subItemIndex(text.slice(p, q)) : null;
    if (index === null) return null; // "§12kap", "§3abc": not a label
    ref.sub = index;
    p = q;
  }
  if (text[p] === '/' && isDigit(text[p + 1]) && isDigit(text[p + 2]) && !isDigit(text[p + 3])) {
    ref.year = Number(text.slice(p + 1, p + 3));
    p += 3;
  }
  return { ref, end: p };
}

/** After a separator: optional "§" (as in "§101 - §112"), then a ref. */
function readContinuation(text: string, pos: number): { ref: Ref; end: number } | null {
  let p = skipWs(text, pos);
  if (text[p] === '§') p = skipWs(text, p + 1);
  return readRef(text, p);
}

/** The longest paragraph reference starting at a "§" at pos, or null. */
function readParagraph(text: string, pos: number): { label: ParsedLabel; end: number } | null {
  if (text[pos] !== '§') return null;
  let p = pos + 1;
  if (text[p] === '§') p++;
  const spacing = isWs(text[p]) ? 'space' : 'nospace';
  p = skipWs(text, p);
  const first = readRef(text, p);
  if (first === null) return null;
  const refs: Ref[] = [first.ref];
  let range = false;
  let year = first.ref.year;
  // A continuation in another year's series ("§ 81/24 och § 12/25") is a second reference.
  const otherYear = (r: Ref): boolean => r.year !== undefined && year !== undefined && r.year !== year;
  p = first.end;
  for (;;) {
    const q = skipWs(text, p);
    const ch = text[q];
    if (ch !== undefined && DASH.test(ch)) {
      const next = readContinuation(text, q + 1);
      const prev = refs[refs.length - 1];
      if (next === null || prev === undefined || otherYear(next.ref)) break;
      // "§ 100a–c" or a backwards range: not something to expand; stop before the dash.
      if (prev.sub !== undefined || next.ref.sub !== undefined) break;
      if (next.ref.number <= prev.number || next.ref.number - prev.number > MAX_RANGE) break;
      for (let n = prev.number + 1; n < next.ref.number; n++) refs.push({ number: n });
      refs.push(next.ref);
      range = true;
      year ??= next.ref.year;
      p = next.end;
      continue;
    }
    let after: number | null = null;
    if (ch === ',') after = q + 1;
    else {
      const word = /^(och|samt|&)/.exec(text.slice(q));
      if (word !== null && q > p && isWs(text[q + word[0].length])) after = q + word[0].length;
    }
    if (after === null) break;
    const next = readContinuation(text, after);
    if (next === null || otherYear(next.ref)) break;
    refs.push(next.ref);
    year ??= next.ref.year;
    p = next.end;
  }
  const label: ParsedLabel = {
    kind: 'paragraph',
    refs: refs.map((r) => (r.sub === undefined ? { number: r.number } : { number: r.number, sub: r.sub })),
    range,
    spacing,
  };
  if (year !== undefined) label.yearSuffix = year;
  return { label, end: p };
}

/**
 * Parses one label, the whole string (surrounding whitespace and one trailing "." or ":"
 * allowed): "§ 101", "§101", "§ 81/24", "§ 1.", "§100c", "§§ 87–89", "1." (a bare "1" also
 * reads as a point). Null if the text is anything more or less than a label. Sub-item letters
 * must be lowercase and glued to the number ("§100c", not "§ 100 c").
 */
export function parseLabel(text: string): ParsedLabel | null {
  const t = text.trim().replace(/[.:]$/, '').trimEnd();
  if (t.startsWith('§')) {
    const read = readParagraph(t, 0);
    return read !== null && read.end === t.length ? read.label : null;
  }
  const point = /^(\d{1,5})$/.exec(t);
  if (point === null || Number(point[1]) < 1) return null;
  return { kind: 'point', refs: [{ number: Number(point[1]) }], range: false, spacing: null };
}

/**
 * Every "§" reference in running text, in order: "§95 VFU …", "Nuray Iliev §87, 88 och 89",
 * "§§ 150–160". Plain numbers ("3.") are not searched for: in prose they are not references.
 */
export function findReferences(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  let i = text.indexOf('§');
  while (i !== -1) {
    const read = readParagraph(text, i);
    if (read !== null) {
      found.push({ start: i, end: read.end, text: text.slice(i, read.end), label: read.label });
      i = text.indexOf('§', read.end);
    } else {
      // Skip the whole "§§" so the second sign is not read as a reference of its own.
      i = text.indexOf('§', text[i + 1] === '§' ? i + 2 : i + 1);
    }
  }
  return found;
}

const QUOTE = /["”“'«»]/;

/**
 * Reads the heading line of an item or sub-item in imported minutes:
 * "§ 101" · "§109" · "§ 1. Mötets öppnande" · "§ 6.”Börja med barnen!" · "1. Handlingsplaner" ·
 * "- §101 Godkännande av föredragningslistan" (table of contents) · "a/ Verksamhetsplan" ·
 * "a/Vaccinationsmöjligheter". Null for anything else (prose, dates, "2021-06-04").
 */
export function parseHeading(line: string): ParsedHeading | null {
  const t = line.trim().replace(/^[-•·*–]\s+/, '');
  if (t.startsWith('§')) {
    const read = readParagraph(t, 0);
    if (read === null) return null;
    let p = read.end;
    if (t[p] === '.' || t[p] === ':') p++;
    const rest = t.slice(p);
    if (rest !== '' && !isWs(rest[0]) && !QUOTE.test(rest[0] ?? '')) return null;
    return { kind: 'item', label: read.label, title: rest.trim() };
  }
  const point = /^(\d{1,3})\.(?=$|[ \t\u00a0]|["”“'«])(.*)$/s.exec(t);
  if (point !== null) {
    const n = Number(point[1]);
    if (n < 1) return null;
    return {
      kind: 'item',
      label: { kind: 'point', refs: [{ number: n }], range: false, spacing: null },
      title: (point[2] ?? '').trim(),
    };
  }
  const sub = /^([a-z]{1,2})\/(?!\/)(.*)$/s.exec(t);
  if (sub !== null) {
    const index = subItemIndex(sub[1] ?? '');
    if (index === null) return null;
    return { kind: 'sub-item', sub: index, title: (sub[2] ?? '').trim() };
  }
  return null;
}
