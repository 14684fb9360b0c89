/**
 * The numbering engine proper: meetings in, numbers and reports out. See index.ts for the
 * rules and the reasons behind them.
 */
import { checkYear, compareMeetings, type SeriesMeeting } from './check';
import { diagnostic, runs, type Diagnostic } from './diagnostics';
import { describeNumber, formatLabel, formatRange, formatReference, subItemLabel, subItemLetter } from './labels';
import { yearOf, type NumberingScheme } from './scheme';

export interface SubItemInput {
  id: string;
}

export interface ItemInput {
  id: string;
  /** Sub-items ("a/", "b/" …) in document order. */
  subItems?: readonly SubItemInput[];
}

/**
 * The numbers captured when a meeting starts, kept in the meeting document and only ever
 * added to (never an entry removed, even when its item is deleted: that is how a deleted
 * number stays used). Two flat maps on purpose: stored as Y.Maps, every entry merges on its
 * own, so two devices adding items concurrently cannot overwrite each other's entries.
 */
export interface FrozenNumbers {
  /** item id → § number. */
  items: Readonly<Record<string, number>>;
  /** subItemKey(item id, sub-item id) → letter index (1 = a). */
  subItems: Readonly<Record<string, number>>;
}

/** The key of a sub-item in FrozenNumbers.subItems. Ids never contain "/" (see the API's id schema). */
export function subItemKey(itemId: string, subItemId: string): string {
  return `${itemId}/${subItemId}`;
}

interface MeetingBase {
  id: string;
  /** ISO date, YYYY-MM-DD. Decides the calendar year. */
  date: string;
  /**
   * Orders two meetings of the body on the same date: the start time ("09:00") is the
   * natural key. Missing sorts first; ties fall back to the meeting id and are reported.
   */
  sortKey?: string;
}

/** A meeting Paragraf numbers: its items in document order and, once started, its frozen numbers. */
export interface ManagedMeeting extends MeetingBase {
  items: readonly ItemInput[];
  /** Present exactly when the meeting has started (status other than "planerat"). */
  frozen?: FrozenNumbers;
}

/** A meeting whose numbers were written elsewhere (imported minutes): taken as they stand. */
export interface RecordedMeeting extends MeetingBase {
  /** The item numbers as they stand in the document, in document order. */
  recorded: readonly number[];
}

export type MeetingInput = ManagedMeeting | RecordedMeeting;

export interface NumberedSubItem {
  id: string;
  /** 1 = a. */
  index: number;
  /** "a" */
  letter: string;
  /** "a/" */
  label: string;
  /** "§100c", "§ 81c/24", "punkt 3c". */
  reference: string;
  /** True when the letter comes from the stored frozen assignment. */
  frozen: boolean;
}

export interface NumberedItem {
  id: string;
  number: number;
  /** Heading label: "§ 101", "§101", "§ 81/24", "§ 1", "1.". */
  label: string;
  /** Citation form: "§ 101", "§101", "§ 81/24", "§ 1", "punkt 1". */
  reference: string;
  /** True when the number comes from the stored frozen assignment. */
  frozen: boolean;
  subItems: NumberedSubItem[];
}

export interface MeetingNumbers {
  meetingId: string;
  date: string;
  /** True when the meeting had frozen numbers (it has started). */
  started: boolean;
  /** Items in document order. */
  items: NumberedItem[];
  /** Lowest and highest number on an item in the document; null when there are no items. */
  first: number | null;
  last: number | null;
  /** The highest number this meeting has used, counting deleted items: the next meeting continues after it. */
  highest: number | null;
  /** "§101–§112", for the signatures; null when there are no items. */
  span: string | null;
  /**
   * Entries to add to the stored FrozenNumbers (started meetings only): numbers given to
   * items added after the start, and new numbers for items that collided. Write them (add
   * or overwrite these keys, remove nothing) so the numbers stay put when items move later.
   */
  toFreeze: FrozenNumbers;
  /** The reports that concern this meeting (also the year-level ones naming it). */
  diagnostics: Diagnostic[];
}

export interface YearNumbers {
  /** Every managed meeting, in chronological order. */
  meetings: MeetingNumbers[];
  /** Every report for the whole input, including those on recorded meetings. */
  diagnostics: Diagnostic[];
}

function isRecorded(m: MeetingInput): m is RecordedMeeting {
  return 'recorded' in m;
}

function validFrozen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
}

interface Assigned<T> {
  entry: T;
  value: number;
  frozen: boolean;
}

/**
 * The shared rule for items in a meeting and sub-items under an item:
 * - not started: 1-based positions counted from `base`, in document order;
 * - started: the frozen value where there is a valid, unclaimed one; every other entry, in
 *   document order, takes the next value above everything this scope has ever used
 *   (frozen values of deleted entries included), so no number is given out twice.
 * A frozen value already claimed by an entry earlier in the document is a collision from
 * concurrent edits: the earlier entry keeps it, the later one gets a new value.
 */
function assign<T extends { id: string }>(
  entries: readonly T[],
  base: number,
  frozen: ((entry: T) => unknown) | null,
  frozenValuesInScope: readonly number[],
): { assigned: Array<Assigned<T>>; collided: Array<{ entry: T; value: number; was: number }>; invalid: T[]; retired: number[] } {
  if (frozen === null) {
    return { assigned: entries.map((entry, i) => ({ entry, value: base + i + 1, frozen: false })), collided: [], invalid: [], retired: [] };
  }
  const taken = new Set<number>();
  const slots: Array<Assigned<T> | null> = [];
  const pending: Array<{ index: number; entry: T; was: number | null }> = [];
  const invalid: T[] = [];
  entries.forEach((entry, index) => {
    const value = frozen(entry);
    if (value === undefined) {
      slots.push(null);
      pending.push({ index, entry, was: null });
    } else if (!validFrozen(value)) {
      slots.push(null);
      pending.push({ index, entry, was: null });
      invalid.push(entry);
    } else if (taken.has(value)) {
      slots.push(null);
      pending.push({ index, entry, was: value });
    } else {
      taken.add(value);
      slots.push({ entry, value, frozen: true });
    }
  });
  const valid = frozenValuesInScope.filter(validFrozen);
  let high = Math.max(base, ...valid);
  const collided: Array<{ entry: T; value: number; was: number }> = [];
  for (const p of pending) {
    high += 1;
    slots[p.index] = { entry: p.entry, value: high, frozen: false };
    if (p.was !== null) collided.push({ entry: p.entry, value: high, was: p.was });
  }
  const retired = [...new Set(valid)].filter((v) => !taken.has(v)).sort((a, b) => a - b);
  return { assigned: slots.filter((s): s is Assigned<T> => s !== null), collided, invalid, retired };
}

interface Numbered {
  result: MeetingNumbers;
  series: SeriesMeeting;
  own: Diagnostic[];
}

function numberManaged(scheme: NumberingScheme, m: ManagedMeeting, yearHigh: number): Numbered {
  const frozen = m.frozen;
  const own: Diagnostic[] = [];
  const toFreeze: { items: Record<string, number>; subItems: Record<string, number> } = { items: {}, subItems: {} };
  const items = assign(
    m.items,
    // A started meeting with no frozen items yet still continues the year's series.
    frozen === undefined || Object.values(frozen.items).filter(validFrozen).length === 0 ? yearHigh : 0,
    frozen === undefined ? null : (item) => (Object.hasOwn(frozen.items, item.id) ? frozen.items[item.id] : undefined),
    frozen === undefined ? [] : Object.values(frozen.items),
  );
  const fmt = (n: number, lang: 'sv' | 'en'): string => describeNumber(scheme, n, m.date, lang);

  for (const e of items.invalid) {
    own.push(
      diagnostic(
        'invalid-frozen',
        `Det sparade numret för en punkt i mötet ${m.date} var ogiltigt och har ersatts.`,
        `The stored number of an item in the meeting of ${m.date} was invalid and has been replaced.`,
        { meetingIds: [m.id], itemIds: [e.id] },
      ),
    );
  }
  for (const c of items.collided) {
    own.push(
      diagnostic(
        'conflict',
        `${fmt(c.was, 'sv')} hade getts till två punkter i mötet ${m.date}, troligen vid samtidiga ändringar på två enheter. Punkten som står först behåller numret; den andra får ${fmt(c.value, 'sv')}.`,
        `${fmt(c.was, 'en')} had been given to two items in the meeting of ${m.date}, probably by concurrent edits on two devices. The item that comes first keeps it; the other gets ${fmt(c.value, 'en')}.`,
        { meetingIds: [m.id], numbers: [c.was, c.value], itemIds: [c.entry.id] },
      ),
    );
  }

  const numbered: NumberedItem[] = items.assigned.map(({ entry: item, value: n, frozen: wasFrozen }) => {
    if (frozen !== undefined && !wasFrozen) toFreeze.items[item.id] = n;
    const prefix = `${item.id}/`;
    const subs = assign(
      item.subItems ?? [],
      0,
      frozen === undefined ? null : (sub) => {
        const key = subItemKey(item.id, sub.id);
        return Object.hasOwn(frozen.subItems, key) ? frozen.subItems[key] : undefined;
      },
      frozen === undefined ? [] : Object.entries(frozen.subItems).filter(([k]) => k.startsWith(prefix)).map(([, v]) => v),
    );
    const where = fmt(n, 'sv');
    const whereEn = fmt(n, 'en');
    for (const e of subs.invalid) {
      own.push(
        diagnostic(
          'invalid-frozen',
          `Den sparade bokstaven för en underpunkt under ${where} i mötet ${m.date} var ogiltig och har ersatts.`,
          `The stored letter of a sub-item under ${whereEn} in the meeting of ${m.date} was invalid and has been replaced.`,
          { meetingIds: [m.id], numbers: [n], itemIds: [e.id] },
        ),
      );
    }
    for (const c of subs.collided) {
      own.push(
        diagnostic(
          'conflict',
          `${subItemLabel(c.was)} under ${where} hade getts till två underpunkter i mötet ${m.date}, troligen vid samtidiga ändringar på två enheter. Den som står först behåller bokstaven; den andra blir ${subItemLabel(c.value)}.`,
          `${subItemLabel(c.was)} under ${whereEn} had been given to two sub-items in the meeting of ${m.date}, probably by concurrent edits on two devices. The one that comes first keeps it; the other becomes ${subItemLabel(c.value)}.`,
          { meetingIds: [m.id], numbers: [n], itemIds: [c.entry.id] },
        ),
      );
    }
    // Sub-item letters are checked here, not in checkYear: they exist only in meetings
    // Paragraf numbered, and their series is the item, not the year.
    const present = new Set(subs.assigned.map((s) => s.value));
    const retiredSubs = new Set(subs.retired);
    const highest = Math.max(0, ...subs.assigned.map((s) => s.value), ...subs.retired);
    const withdrawn: number[] = [];
    const unused: number[] = [];
    for (let v = 1; v <= highest; v++) if (!present.has(v)) (retiredSubs.has(v) ? withdrawn : unused).push(v);
    const gaps = [
      ...runs(unused).map((r) => ({ r, w: false })),
      ...runs(withdrawn).map((r) => ({ r, w: true })),
    ].sort((x, y) => x.r[0] - y.r[0]);
    for (const { r: [a, b], w } of gaps) {
      const letters = a === b ? subItemLabel(a) : `${subItemLabel(a)}–${subItemLabel(b)}`;
      own.push(
        diagnostic(
          'gap',
          `${letters} saknas under ${where} i mötet ${m.date}${w ? ': togs bort efter att mötet startat, och bokstaven används inte igen' : ''}.`,
          `${letters} ${a === b ? 'is' : 'are'} missing under ${whereEn} in the meeting of ${m.date}${w ? ': deleted after the meeting started; the letter is not reused' : ''}.`,
          { meetingIds: [m.id], numbers: [n] },
        ),
      );
    }
    subs.assigned.forEach((s, i) => {
      const prev = subs.assigned[i - 1];
      if (prev === undefined || s.value > prev.value) return;
      own.push(
        diagnostic(
          'out-of-order',
          `Under ${where} i mötet ${m.date} står ${subItemLabel(prev.value)} före ${subItemLabel(s.value)}.`,
          `Under ${whereEn} in the meeting of ${m.date}, ${subItemLabel(prev.value)} comes before ${subItemLabel(s.value)}.`,
          { meetingIds: [m.id], numbers: [n], itemIds: [prev.entry.id, s.entry.id] },
        ),
      );
    });

    const subItems: NumberedSubItem[] = subs.assigned.map(({ entry: sub, value, frozen: subFrozen }) => {
      if (frozen !== undefined && !subFrozen) toFreeze.subItems[subItemKey(item.id, sub.id)] = value;
      return {
        id: sub.id,
        index: value,
        letter: subItemLetter(value),
        label: subItemLabel(value),
        reference: formatReference(scheme, n, m.date, value),
        frozen: subFrozen,
      };
    });
    return {
      id: item.id,
      number: n,
      label: formatLabel(scheme, n, m.date),
      reference: formatReference(scheme, n, m.date),
      frozen: wasFrozen,
      subItems,
    };
  });

  const numbers = numbered.map((i) => i.number);
  const first = numbers.length === 0 ? null : Math.min(...numbers);
  const last = numbers.length === 0 ? null : Math.max(...numbers);
  const usedHigh = Math.max(0, ...numbers, ...items.retired);
  const result: MeetingNumbers = {
    meetingId: m.id,
    date: m.date,
    started: frozen !== undefined,
    items: numbered,
    first,
    last,
    highest: usedHigh === 0 ? null : usedHigh,
    span: first === null || last === null ? null : formatRange(scheme, first, last, m.date),
    toFreeze,
    diagnostics: [],
  };
  const series: SeriesMeeting = { id: m.id, date: m.date, numbers, itemIds: numbered.map((i) => i.id), retired: items.retired };
  if (m.sortKey !== undefined) series.sortKey = m.sortKey;
  return { result, series, own };
}

/**
 * Numbers every managed meeting of a body and checks the whole series. `meetings` holds the
 * body's meetings in any order (cancelled ones left out); only what precedes a meeting in
 * its own calendar year affects its numbers, so passing more years is harmless.
 */
export function numberYear(scheme: NumberingScheme, meetings: readonly MeetingInput[]): YearNumbers {
  const ids = new Set<string>();
  for (const m of meetings) {
    if (ids.has(m.id)) throw new RangeError(`numbering: meeting id "${m.id}" appears twice`);
    ids.add(m.id);
    yearOf(m.date);
  }
  const sorted = [...meetings].sort(compareMeetings);
  const out: Numbered[] = [];
  const series: SeriesMeeting[] = [];
  let year: number | null = null;
  let high = 0;
  for (const m of sorted) {
    const y = yearOf(m.date);
    if (y !== year) {
      year = y;
      high = 0; // 1 January: the yearly counter starts again
    }
    if (isRecorded(m)) {
      const s: SeriesMeeting = { id: m.id, date: m.date, numbers: m.recorded };
      if (m.sortKey !== undefined) s.sortKey = m.sortKey;
      series.push(s);
      if (scheme.kind === 'yearly') high = Math.max(high, ...m.recorded);
      continue;
    }
    const n = numberManaged(scheme, m, scheme.kind === 'yearly' ? high : 0);
    out.push(n);
    series.push(n.series);
    if (scheme.kind === 'yearly') high = Math.max(high, n.result.highest ?? 0);
  }
  const yearly = checkYear(scheme, series);
  for (const n of out) {
    n.result.diagnostics = [...n.own, ...yearly.filter((d) => d.meetingIds.includes(n.result.meetingId))];
  }
  return { meetings: out.map((n) => n.result), diagnostics: [...out.flatMap((n) => n.own), ...yearly] };
}

/**
 * Numbers one meeting, given the body's other meetings (any order, any years; cancelled
 * ones left out). The result's diagnostics include the year-level reports naming it.
 */
export function numberMeeting(input: {
  scheme: NumberingScheme;
  meeting: ManagedMeeting;
  otherMeetings: readonly MeetingInput[];
}): MeetingNumbers {
  const others = input.otherMeetings.filter((m) => m.id !== input.meeting.id);
  const year = numberYear(input.scheme, [input.meeting, ...others]);
  const mine = year.meetings.find((m) => m.meetingId === input.meeting.id);
  if (mine === undefined) throw new Error('numbering: the meeting vanished while being numbered');
  return mine;
}

/**
 * The assignment to store when a meeting starts: every item's number and every sub-item's
 * letter as they stand. Pass the stored map as `previous` to get the merged map for an
 * already started meeting; entries are only added or overwritten, never dropped.
 */
export function freezeNumbers(numbers: MeetingNumbers, previous?: FrozenNumbers): FrozenNumbers {
  const items: Record<string, number> = { ...(previous?.items ?? {}) };
  const subItems: Record<string, number> = { ...(previous?.subItems ?? {}) };
  for (const item of numbers.items) {
    items[item.id] = item.number;
    for (const sub of item.subItems) subItems[subItemKey(item.id, sub.id)] = sub.index;
  }
  return { items, subItems };
}
