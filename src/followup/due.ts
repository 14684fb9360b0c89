/**
 * When a decision is due, read from its own words (never from the discussion around it: dates
 * there are history and background, "senast den 15/9" in the discussion of §103 is IVO's
 * deadline, not an owner's).
 *
 * Candidates:
 * - Dates: ISO "2024-10-11"; "den 4 juni", "4 juni 2021", "22–23 november" (the first day);
 *   "den 15/9" and "211231" (YYMMDD) only after a date word ("den", "senast", "till", "före",
 *   "inför", …) or the body's name ("LSVO 210409"), since bare "1/2" and six-digit numbers are
 *   usually something else. A date right after the body's name or a meeting word ("inför LSVO
 *   4 juni", "vid sammanträdet den 22 november") is a meeting; otherwise a date.
 * - The next meeting: "vid kommande LSVO", "före nästa LSVO-möte", "på nästa möte",
 *   "kommande möte": the first known meeting after this one, or `next` unresolved.
 * - A meeting by month: "vid LSVO:s möte i juni", "till mötet i oktober 2021", "till nämnden
 *   i december": the first known meeting that month, else the month alone.
 * - A named meeting: "vid internatet", matched against the names of known meetings.
 * - Periods: "efter sommaren", "under hösten", "före jul", "i juni": month-level, and only
 *   when the decision asks for something back ("återkommer", "redovisar", "tas upp",
 *   "klart", …) or the phrase is a deadline ("senast i juni", "före sommaren"): "avvaktas med
 *   en ny annonsering efter sommaren" is what will happen, not when to report.
 * Never due: dates before the meeting (references: "för 2021-04-09 upprättade
 * sammanträdesprotokoll"), validity dates ("att gälla från och med 2025-01-01", "gäller till
 * 211231", "gäller till och med 2025-12-31"), years alone ("2021 års utvecklingsmedel"), durations ("året ut", "under 8 månader").
 * Years: a day or month before the meeting's month is next year's.
 * Of several candidates the earliest wins (the first deadline is the one to follow up);
 * unresolved meetings sort last.
 */
import { MONTH_SOURCE, fullYear, isoDate, monthKey, monthNumber, monthOfIso, resolveYear, yearOfIso } from './dates';
import { allMatches, before, escapeRegExp } from './text';
import type { DetectContext, DuePoint, Evidence, KnownMeeting } from './types';

interface Candidate {
  start: number;
  end: number;
  due: DuePoint;
  rule: string;
  /** Sortable: YYYY-MM-DD, or '9999' when unresolved. */
  key: string;
  /** Periods give way to dates and meetings that overlap them. */
  vague: boolean;
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\p{N}])';
const MEETING_WORD = '\\p{L}*(?:mötet|möte|sammanträdet|sammanträde|träffen|träff)';
const PREP = '(?:vid|till|inför|före|innan|på|under|senast|i samband med)';

/** Words that make a following "15/9" or "211231" a date. */
const DATE_CUE = /(?:den|senast|till|före|inför|innan|per|vid|efter|datum|t\.?\s?o\.?\s?m\.?)\s*$/iu;
/** Dates of validity, not deadlines. */
const VALIDITY =
  /(?:från\s+och\s+med|fr\.?\s?o\.?\s?m\.?|från|sedan|gäll\p{L}*(?:\s+\p{L}+){0,3}?\s+(?:till\s+och\s+med|till|t\.?\s?o\.?\s?m\.?|fram\s+till))\s+(?:den\s+)?$/iu;
/** The decision asks for something back: a vague time is then when. */
const REPORT_BACK =
  /(?<![\p{L}])(?:återkomm\p{L}*|återkoppl\p{L}*|återrapport\p{L}*|redovis(?:a|ar|as)|rapporter(?:a|ar|as)|presenter(?:a|ar|as)|ta[rs]?\s+(?:åter\s+|igen\s+)?upp|kommer\s+(?:åter|tillbaka)|följ(?:a|er|s)\s+upp|klar|klart|färdig|färdigt|vara\s+inne|lämna[rs]?\s+in)(?![\p{L}])/iu;
const DEADLINE_PREP = /^(?:senast|före|innan|till)$/iu;

/** Seasons: months they cover, and what "före" / "efter" them means (13 = January next year). */
const SEASONS: Record<string, { range: [number, number]; before: number; after: number }> = {
  sommaren: { range: [6, 8], before: 6, after: 9 },
  sommar: { range: [6, 8], before: 6, after: 9 },
  semestern: { range: [7, 7], before: 6, after: 8 },
  hösten: { range: [9, 11], before: 8, after: 12 },
  höst: { range: [9, 11], before: 8, after: 12 },
  våren: { range: [3, 5], before: 2, after: 6 },
  vår: { range: [3, 5], before: 2, after: 6 },
  jul: { range: [12, 12], before: 12, after: 13 },
  julen: { range: [12, 12], before: 12, after: 13 },
  nyår: { range: [12, 12], before: 12, after: 13 },
  årsskiftet: { range: [12, 12], before: 12, after: 13 },
};

function bodySource(names: readonly string[]): string | null {
  const list = names.map((b) => b.trim()).filter((b) => b !== '');
  if (list.length === 0) return null;
  return list
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

function upcoming(ctx: DetectContext): KnownMeeting[] {
  return [...(ctx.upcomingMeetings ?? [])].filter((m) => m.date > ctx.meetingDate).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The stem of a meeting name for comparison: "Internatet" → "internat". */
function nameStem(name: string): string {
  const w = name.trim().toLocaleLowerCase('sv');
  return w.length > 5 ? w.replace(/(?:et|en|na)$/u, '') : w;
}

export function detectDue(text: string, ctx: DetectContext): { due: DuePoint | null; evidence: Evidence[] } {
  const body = bodySource(ctx.bodyNames);
  const bodyG = body === null ? null : `(?:${body})(?::s|s)?`;
  const meetingY = yearOfIso(ctx.meetingDate);
  const meetingM = monthOfIso(ctx.meetingDate);
  const meetingMonthKey = ctx.meetingDate.slice(0, 7);
  const known = upcoming(ctx);
  const candidates: Candidate[] = [];
  const ignored: Evidence[] = [];

  /** The words before a date that belong to it: "inför LSVO ", "vid sammanträdet den ". */
  const backPhrase = new RegExp(
    `(?:(?:${PREP}|i|den|till och med|${MEETING_WORD}${bodyG === null ? '' : `|${bodyG}(?:-${MEETING_WORD})?`})\\s+){0,5}$`,
    'iu',
  );
  const meetingInPhrase = new RegExp(`${MEETING_WORD}${bodyG === null ? '' : `|${bodyG}`}`, 'iu');

  const addDate = (start: number, end: number, iso: string, rule: string) => {
    const { text: prefix, offset } = before(text, start);
    const back = backPhrase.exec(prefix);
    const from = back === null ? start : offset + back.index;
    const phrase = text.slice(from, end);
    if (VALIDITY.test(prefix)) {
      ignored.push({ start, end, text: text.slice(start, end), field: 'due', rule: 'not-due:validity' });
      return;
    }
    if (iso < ctx.meetingDate) {
      ignored.push({ start, end, text: text.slice(start, end), field: 'due', rule: 'not-due:past' });
      return;
    }
    const isMeeting = back !== null && meetingInPhrase.test(back[0]);
    const due: DuePoint = isMeeting ? { kind: 'meeting', meetingDate: iso, month: iso.slice(0, 7), text: phrase } : { kind: 'date', date: iso, text: phrase };
    candidates.push({ start: from, end, due, rule: isMeeting ? `meeting-${rule}` : rule, key: iso, vague: false });
  };

  // ISO dates.
  for (const m of allMatches(text, /(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/gu)) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso !== null) addDate(m.index, m.index + m[0].length, iso, 'iso-date');
  }
  // "den 4 juni", "4 juni 2021", "22–23 november".
  const dayMonth = new RegExp(`${NOT_LETTER_BEFORE}(\\d{1,2})(?::?[ae])?(?:\\s*[-–]\\s*\\d{1,2})?\\s+(${MONTH_SOURCE})(?:\\s+(\\d{4}))?${NOT_LETTER_AFTER}`, 'giu');
  for (const m of allMatches(text, dayMonth)) {
    const month = monthNumber(m[2] ?? '');
    if (month === null) continue;
    const year = m[3] !== undefined ? Number(m[3]) : resolveYear(month, ctx.meetingDate);
    const iso = isoDate(year, month, Number(m[1]));
    if (iso !== null) addDate(m.index, m.index + m[0].length, iso, 'day-month');
  }
  const bodyBefore = body === null ? null : new RegExp(`(?:${body})\\s*$`, 'iu');
  const cued = (start: number): boolean => {
    const prefix = before(text, start).text;
    return DATE_CUE.test(prefix) || (bodyBefore !== null && bodyBefore.test(prefix));
  };
  // "den 15/9", "15/9-21".
  for (const m of allMatches(text, /(?<![\p{L}\d/])(\d{1,2})\/(\d{1,2})(?:[-/](\d{2}(?:\d{2})?))?(?![\d/])/gu)) {
    if (!cued(m.index)) continue;
    const month = Number(m[2]);
    const yearText = m[3];
    const year = yearText === undefined ? resolveYear(month, ctx.meetingDate) : yearText.length === 2 ? fullYear(Number(yearText)) : Number(yearText);
    const iso = isoDate(year, month, Number(m[1]));
    if (iso !== null) addDate(m.index, m.index + m[0].length, iso, 'day-slash-month');
  }
  // "211231", "LSVO 210409".
  for (const m of allMatches(text, /(?<![\d-])(\d{2})(\d{2})(\d{2})(?![\d-])/gu)) {
    if (!cued(m.index)) continue;
    const iso = isoDate(fullYear(Number(m[1])), Number(m[2]), Number(m[3]));
    if (iso !== null) addDate(m.index, m.index + m[0].length, iso, 'compact-date');
  }

  // The next meeting.
  const nextMeeting = new RegExp(
    `${NOT_LETTER_BEFORE}(?:${PREP}\\s+)?(?:nästa|kommande|nästkommande|närmaste)\\s+(?:${bodyG === null ? '' : `${bodyG}(?:[-\\s]?${MEETING_WORD})?|`}${MEETING_WORD})${NOT_LETTER_AFTER}`,
    'giu',
  );
  for (const m of allMatches(text, nextMeeting)) {
    const next = known[0];
    const due: DuePoint = next === undefined ? { kind: 'meeting', next: true, text: m[0] } : { kind: 'meeting', next: true, meetingDate: next.date, month: next.date.slice(0, 7), text: m[0] };
    candidates.push({ start: m.index, end: m.index + m[0].length, due, rule: 'next-meeting', key: next?.date ?? '9999', vague: false });
  }

  // A meeting by month.
  const byMonth = new RegExp(
    `${NOT_LETTER_BEFORE}(?:${PREP}\\s+)?(?:${bodyG === null ? '' : `${bodyG}\\s+(?:${MEETING_WORD}\\s+)?|`}${MEETING_WORD}\\s+)(?:(?:senast|redan)\\s+)?i\\s+(${MONTH_SOURCE})(?:\\s+(\\d{4}))?${NOT_LETTER_AFTER}`,
    'giu',
  );
  for (const m of allMatches(text, byMonth)) {
    const month = monthNumber(m[1] ?? '');
    if (month === null) continue;
    const year = m[2] !== undefined ? Number(m[2]) : resolveYear(month, ctx.meetingDate);
    const key = monthKey(year, month);
    if (key < meetingMonthKey) {
      ignored.push({ start: m.index, end: m.index + m[0].length, text: m[0], field: 'due', rule: 'not-due:past' });
      continue;
    }
    const hit = known.find((k) => k.date.slice(0, 7) === key);
    const due: DuePoint = hit === undefined ? { kind: 'meeting', month: key, text: m[0] } : { kind: 'meeting', meetingDate: hit.date, month: key, text: m[0] };
    candidates.push({ start: m.index, end: m.index + m[0].length, due, rule: 'month-meeting', key: hit?.date ?? `${key}-01`, vague: false });
  }

  // A named meeting: "vid internatet".
  const namedWords = ['internatet', 'konferensen', 'planeringsdagen', 'planeringsdagarna', 'seminariet', 'workshopen', 'dialogmötet', 'årsmötet'];
  for (const k of known) if (k.name !== undefined && k.name.trim() !== '') namedWords.push(`${escapeRegExp(nameStem(k.name))}\\p{L}*`);
  const named = new RegExp(`${NOT_LETTER_BEFORE}${PREP}\\s+(?:det\\s+|den\\s+)?(${namedWords.join('|')})${NOT_LETTER_AFTER}`, 'giu');
  for (const m of allMatches(text, named)) {
    const word = m[1] ?? '';
    const stem = nameStem(word);
    const hit = known.find((k) => k.name !== undefined && nameStem(k.name) === stem);
    const due: DuePoint = hit === undefined ? { kind: 'meeting', name: word, text: m[0] } : { kind: 'meeting', name: word, meetingDate: hit.date, month: hit.date.slice(0, 7), text: m[0] };
    candidates.push({ start: m.index, end: m.index + m[0].length, due, rule: 'named-meeting', key: hit?.date ?? '9999', vague: false });
  }

  // Periods, month-level.
  const asksBack = REPORT_BACK.test(text);
  const addPeriod = (start: number, end: number, prep: string, year: number, month: number, rule: string) => {
    const t = text.slice(start, end);
    if (!asksBack && !DEADLINE_PREP.test(prep)) {
      ignored.push({ start, end, text: t, field: 'due', rule: 'not-due:no-report-back' });
      return;
    }
    const y = year + Math.floor((month - 1) / 12);
    const mo = ((month - 1) % 12) + 1;
    const key = monthKey(y, mo);
    if (key < meetingMonthKey) {
      ignored.push({ start, end, text: t, field: 'due', rule: 'not-due:past' });
      return;
    }
    candidates.push({ start, end, due: { kind: 'period', month: key, text: t }, rule, key: `${key}-01`, vague: true });
  };
  const seasonRe = new RegExp(
    `${NOT_LETTER_BEFORE}(efter|före|innan|till|under|senast|inom|i)\\s+(${Object.keys(SEASONS).join('|')})(?:\\s+(\\d{4}))?${NOT_LETTER_AFTER}`,
    'giu',
  );
  for (const m of allMatches(text, seasonRe)) {
    const prep = (m[1] ?? '').toLowerCase();
    const season = SEASONS[(m[2] ?? '').toLowerCase()];
    if (season === undefined) continue;
    // "i höst", "i sommar" but not "i hösten"; "under hösten" but not "under höst".
    const word = (m[2] ?? '').toLowerCase();
    const indefinite = ['höst', 'vår', 'sommar'].includes(word);
    if (word !== 'jul' && word !== 'nyår' && (prep === 'i') !== indefinite) continue;
    const given = m[3] === undefined ? null : Number(m[3]);
    const [s, e] = season.range;
    let year: number;
    let month: number;
    if (prep === 'efter') {
      year = given ?? (e < meetingM ? meetingY + 1 : meetingY);
      month = season.after;
    } else if (prep === 'före' || prep === 'innan' || prep === 'senast') {
      year = given ?? (season.before < meetingM ? meetingY + 1 : meetingY);
      month = season.before;
    } else {
      year = given ?? (e < meetingM ? meetingY + 1 : meetingY);
      month = given === null && year === meetingY && s < meetingM ? meetingM : s;
    }
    addPeriod(m.index, m.index + m[0].length, prep, year, month, 'season');
  }
  const monthRe = new RegExp(
    `${NOT_LETTER_BEFORE}(senast|före|innan|till|under|efter|i början av|i slutet av|i)\\s+(?:(?:senast|redan)\\s+)?(${MONTH_SOURCE})(?:\\s+(\\d{4}))?${NOT_LETTER_AFTER}`,
    'giu',
  );
  for (const m of allMatches(text, monthRe)) {
    const prep = (m[1] ?? '').toLowerCase();
    const month = monthNumber(m[2] ?? '');
    if (month === null) continue;
    const year = m[3] !== undefined ? Number(m[3]) : resolveYear(month, ctx.meetingDate);
    const deadline = /(?:senast)\s*$/iu.test(before(text, m.index).text) ? 'senast' : prep;
    addPeriod(m.index, m.index + m[0].length, deadline, year, prep === 'efter' ? month + 1 : month, 'month');
  }

  // Overlaps: dates and meetings beat periods; then the longer reading.
  candidates.sort((a, b) => Number(a.vague) - Number(b.vague) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of candidates) if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  kept.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.start - b.start));
  const chosen = kept[0];
  const evidence: Evidence[] = [];
  if (chosen !== undefined) evidence.push({ start: chosen.start, end: chosen.end, text: text.slice(chosen.start, chosen.end), field: 'due', rule: chosen.rule });
  for (const k of kept.slice(1)) evidence.push({ start: k.start, end: k.end, text: text.slice(k.start, k.end), field: 'due', rule: `later:${k.rule}` });
  evidence.push(...ignored);
  return { due: chosen?.due ?? null, evidence };
}
