/**
 * checkYear: reads a body's series of numbers, whoever wrote them (Paragraf or an imported
 * document), and reports what is wrong with it. It never returns corrected numbers: a gap
 * or a duplicate in a signed protocol is a fact about that protocol, and the secretary
 * decides what to do (DOMAIN.md: "Gaps and duplicates are flagged, never silently fixed").
 */
import { diagnostic, runs, type Diagnostic } from './diagnostics';
import { describeNumber, describeRun } from './labels';
import { yearOf, type NumberingScheme } from './scheme';

export interface SeriesMeeting {
  id: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** Orders two meetings of the same day: the start time "09:00", or anything that sorts. */
  sortKey?: string;
  /** The meeting's item numbers in document order. */
  numbers: readonly number[];
  /** Item ids parallel to `numbers`, when known: reports then name the items. */
  itemIds?: readonly string[];
  /**
   * Numbers given out in this meeting and then withdrawn (items deleted after the meeting
   * started). They count as used, so the series continues after them, and they are
   * reported as missing from the document.
   */
  retired?: readonly number[];
}

/**
 * The order of a body's meetings: by date, then by sort key (a missing key sorts first),
 * then by id so that the order is total and every device computes the same one.
 */
export function compareMeetings(
  a: { id: string; date: string; sortKey?: string | undefined },
  b: { id: string; date: string; sortKey?: string | undefined },
): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ka = a.sortKey ?? '';
  const kb = b.sortKey ?? '';
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function listSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

export function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function validate(meetings: readonly SeriesMeeting[]): void {
  const ids = new Set<string>();
  for (const m of meetings) {
    if (ids.has(m.id)) throw new RangeError(`numbering: meeting id "${m.id}" appears twice`);
    ids.add(m.id);
    yearOf(m.date);
    for (const n of [...m.numbers, ...(m.retired ?? [])]) {
      if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`numbering: meeting "${m.id}" has item number ${n}`);
    }
    if (m.itemIds !== undefined && m.itemIds.length !== m.numbers.length) {
      throw new RangeError(`numbering: meeting "${m.id}" has ${m.numbers.length} numbers but ${m.itemIds.length} item ids`);
    }
  }
}

function idsFor(m: SeriesMeeting, predicate: (n: number, i: number) => boolean): string[] {
  if (m.itemIds === undefined) return [];
  return m.itemIds.filter((_, i) => predicate(m.numbers[i] ?? 0, i));
}

/** Numbers missing from the document between lo and hi, split into withdrawn and never used. */
function internalGaps(scheme: NumberingScheme, m: SeriesMeeting, lo: number, hi: number): Diagnostic[] {
  const present = new Set(m.numbers);
  const retired = new Set(m.retired ?? []);
  const withdrawn: number[] = [];
  const unused: number[] = [];
  for (let n = lo; n <= hi; n++) {
    if (present.has(n)) continue;
    (retired.has(n) ? withdrawn : unused).push(n);
  }
  const out: Diagnostic[] = [];
  const all = [
    ...runs(unused).map((r) => ({ r, withdrawn: false })),
    ...runs(withdrawn).map((r) => ({ r, withdrawn: true })),
  ].sort((a, b) => a.r[0] - b.r[0]);
  for (const { r, withdrawn: w } of all) {
    const sv = describeRun(scheme, r[0], r[1], m.date, 'sv');
    const en = describeRun(scheme, r[0], r[1], m.date, 'en');
    const plural = r[0] !== r[1];
    const numbers = range(r[0], r[1]);
    out.push(
      w
        ? diagnostic(
            'gap',
            `${cap(sv)} saknas i mötet ${m.date}: ${plural ? 'punkterna togs' : 'punkten togs'} bort efter att mötet startat, och numret används inte igen.`,
            `${cap(en)} ${plural ? 'are' : 'is'} missing from the meeting of ${m.date}: deleted after the meeting started; the number${plural ? 's are' : ' is'} not reused.`,
            { meetingIds: [m.id], numbers },
          )
        : diagnostic(
            'gap',
            `${cap(sv)} saknas i mötet ${m.date}.`,
            `${cap(en)} ${plural ? 'are' : 'is'} missing from the meeting of ${m.date}.`,
            { meetingIds: [m.id], numbers },
          ),
    );
  }
  return out;
}

function outOfOrder(scheme: NumberingScheme, m: SeriesMeeting): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 1; i < m.numbers.length; i++) {
    const before = m.numbers[i - 1] ?? 0;
    const after = m.numbers[i] ?? 0;
    if (after >= before) continue;
    out.push(
      diagnostic(
        'out-of-order',
        `I mötet ${m.date} står ${describeNumber(scheme, before, m.date, 'sv')} före ${describeNumber(scheme, after, m.date, 'sv')}.`,
        `In the meeting of ${m.date}, ${describeNumber(scheme, before, m.date, 'en')} comes before ${describeNumber(scheme, after, m.date, 'en')}.`,
        { meetingIds: [m.id], numbers: [before, after], itemIds: idsFor(m, (_, j) => j === i - 1 || j === i) },
      ),
    );
  }
  return out;
}

function duplicates(scheme: NumberingScheme, group: readonly SeriesMeeting[]): Diagnostic[] {
  const seen = new Map<number, Array<{ m: SeriesMeeting; i: number }>>();
  for (const m of group) {
    m.numbers.forEach((n, i) => {
      const list = seen.get(n) ?? [];
      list.push({ m, i });
      seen.set(n, list);
    });
  }
  const out: Diagnostic[] = [];
  for (const [n, where] of [...seen].sort((a, b) => a[0] - b[0])) {
    if (where.length < 2) continue;
    const first = where[0];
    if (first === undefined) continue;
    const meetings = [...new Set(where.map((w) => w.m))];
    const itemIds = where.flatMap((w) => (w.m.itemIds?.[w.i] === undefined ? [] : [w.m.itemIds[w.i] ?? '']));
    const sv = describeNumber(scheme, n, first.m.date, 'sv');
    const en = describeNumber(scheme, n, first.m.date, 'en');
    if (meetings.length === 1) {
      out.push(
        diagnostic(
          'duplicate',
          `${cap(sv)} förekommer ${where.length} gånger i mötet ${first.m.date}.`,
          `${cap(en)} occurs ${where.length} times in the meeting of ${first.m.date}.`,
          { meetingIds: [first.m.id], numbers: [n], itemIds },
        ),
      );
    } else {
      const dates = meetings.map((m) => m.date);
      out.push(
        diagnostic(
          'duplicate',
          `${cap(sv)} förekommer i flera möten: ${listSv(dates)}.`,
          `${cap(en)} occurs in more than one meeting: ${listEn(dates)}.`,
          { meetingIds: meetings.map((m) => m.id), numbers: [n], itemIds },
        ),
      );
    }
  }
  return out;
}

function used(m: SeriesMeeting): number[] {
  return [...m.numbers, ...(m.retired ?? [])];
}

function checkYearly(scheme: NumberingScheme, sorted: readonly SeriesMeeting[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a === undefined || b === undefined) continue;
    if (a.date === b.date && (a.sortKey ?? '') === (b.sortKey ?? '')) {
      out.push(
        diagnostic(
          'ambiguous-order',
          `Två möten samma dag (${a.date}) har ingen inbördes ordning. Ange starttid för båda, så att numren följer den ordning mötena hölls i.`,
          `Two meetings on the same day (${a.date}) have no order between them. Give both a start time so the numbers follow the order in which they were held.`,
          { meetingIds: [a.id, b.id] },
        ),
      );
    }
  }

  const years = new Map<number, SeriesMeeting[]>();
  for (const m of sorted) {
    const y = yearOf(m.date);
    years.set(y, [...(years.get(y) ?? []), m]);
  }
  let previousYear: { year: number; hw: number; last: SeriesMeeting } | null = null;
  for (const [year, group] of years) {
    let hw = 0;
    let prev: SeriesMeeting | null = null;
    for (const m of group) {
      const u = used(m);
      if (u.length === 0) continue;
      const lo = Math.min(...u);
      const hi = Math.max(...u);
      const loSv = describeNumber(scheme, lo, m.date, 'sv');
      const loEn = describeNumber(scheme, lo, m.date, 'en');
      if (prev === null) {
        const continues = previousYear !== null && previousYear.year === year - 1 && lo === previousYear.hw + 1;
        if (lo > 1 && continues && previousYear !== null) {
          out.push(
            diagnostic(
              'no-restart',
              `Numreringen börjar inte om vid årsskiftet: mötet ${m.date} börjar på ${loSv} som en fortsättning på ${previousYear.year} (väntat: ${describeNumber(scheme, 1, m.date, 'sv')}).`,
              `Numbering does not restart at the turn of the year: the meeting of ${m.date} starts at ${loEn}, continuing ${previousYear.year} (expected ${describeNumber(scheme, 1, m.date, 'en')}).`,
              { meetingIds: [previousYear.last.id, m.id], numbers: [previousYear.hw, lo] },
            ),
          );
        } else if (lo > 1) {
          const sv = describeRun(scheme, 1, lo - 1, m.date, 'sv');
          const en = describeRun(scheme, 1, lo - 1, m.date, 'en');
          out.push(
            diagnostic(
              'gap',
              `${cap(sv)} saknas före mötet ${m.date}, det första kända mötet ${year}.`,
              `${cap(en)} ${lo - 1 > 1 ? 'are' : 'is'} missing before the meeting of ${m.date}, the first known meeting of ${year}.`,
              { meetingIds: [m.id], numbers: range(1, lo - 1) },
            ),
          );
        }
      } else if (lo > hw + 1) {
        const sv = describeRun(scheme, hw + 1, lo - 1, m.date, 'sv');
        const en = describeRun(scheme, hw + 1, lo - 1, m.date, 'en');
        out.push(
          diagnostic(
            'gap',
            `${cap(sv)} saknas mellan mötena ${prev.date} och ${m.date}.`,
            `${cap(en)} ${lo - 1 > hw + 1 ? 'are' : 'is'} missing between the meetings of ${prev.date} and ${m.date}.`,
            { meetingIds: [prev.id, m.id], numbers: range(hw + 1, lo - 1) },
          ),
        );
      } else if (lo <= hw) {
        const prevHi = Math.max(...used(prev));
        out.push(
          diagnostic(
            'not-continuous',
            `Mötet ${m.date} börjar på ${loSv}, men numreringen hade redan nått ${describeNumber(scheme, hw, m.date, 'sv')}${prevHi === hw ? ` i mötet ${prev.date}` : ''} (väntat: ${describeNumber(scheme, hw + 1, m.date, 'sv')}).`,
            `The meeting of ${m.date} starts at ${loEn}, but numbering had already reached ${describeNumber(scheme, hw, m.date, 'en')}${prevHi === hw ? ` in the meeting of ${prev.date}` : ''} (expected ${describeNumber(scheme, hw + 1, m.date, 'en')}).`,
            { meetingIds: [prev.id, m.id], numbers: [hw, lo] },
          ),
        );
      }
      out.push(...internalGaps(scheme, m, lo, hi), ...outOfOrder(scheme, m));
      hw = Math.max(hw, hi);
      prev = m;
    }
    out.push(...duplicates(scheme, group));
    if (prev !== null) previousYear = { year, hw, last: prev };
  }
  return out;
}

function checkPerMeeting(scheme: NumberingScheme, sorted: readonly SeriesMeeting[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of sorted) {
    const u = used(m);
    if (u.length > 0) out.push(...internalGaps(scheme, m, 1, Math.max(...u)));
    out.push(...outOfOrder(scheme, m), ...duplicates(scheme, [m]));
  }
  return out;
}

/**
 * Reports gaps, duplicates, numbers out of document order, meetings that do not continue
 * from the previous one, and yearly series that do not restart on 1 January. Takes the
 * body's meetings in any order and any span of years; yearly checks run per calendar year.
 * For per-meeting and points schemes every meeting is checked on its own (from 1).
 */
export function checkYear(scheme: NumberingScheme, meetings: readonly SeriesMeeting[]): Diagnostic[] {
  validate(meetings);
  const sorted = [...meetings].sort(compareMeetings);
  return scheme.kind === 'yearly' ? checkYearly(scheme, sorted) : checkPerMeeting(scheme, sorted);
}

export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) out.push(n);
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
