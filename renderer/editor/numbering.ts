/**
 * The agenda (items, titles, sub-items) as the document stands, and the § labels computed from
 * it by the numbering engine (src/numbering). Both are read on every change of the editor, so
 * both are built to cost almost nothing when the change is a keystroke in a paragraph:
 *
 * - `createOutlineReader` keeps one outline entry per item node. Slate's tree is immutable,
 *   so an item whose node object did not change has the same entry; the one item that holds
 *   the cursor is re-read (its own children only), and if its title, sub-items and flags are
 *   unchanged the previous entry object is kept. When nothing changed, the very same array is
 *   returned, so React skips the re-render.
 * - `structureKey` is what the numbers depend on (item ids in order and their sub-item ids);
 *   typing in a title changes the outline but not the key, so numbers are not recomputed.
 * - `computeNumbers` runs the engine only when the key, the frozen numbers or the body's
 *   numbering context change.
 */
import type { Descendant } from 'slate';
import { outline, type OutlineItem } from '../../src/protocol/schema';
import {
  numberMeeting,
  type Diagnostic,
  type FrozenNumbers,
  type MeetingInput,
  type MeetingNumbers,
  type NumberingScheme,
} from '../../src/numbering';

export type { OutlineItem };

export interface OutlineReader {
  (children: readonly Descendant[]): readonly OutlineItem[];
}

export function createOutlineReader(): OutlineReader {
  const byNode = new WeakMap<object, OutlineItem>();
  const byId = new Map<string, OutlineItem>();
  let last: readonly OutlineItem[] = [];
  return (children) => {
    const next: OutlineItem[] = [];
    let same = children.length === last.length;
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      let entry = byNode.get(node);
      if (entry === undefined) {
        const read = outline([node])[0];
        if (read === undefined) {
          same = false; // not an item: the normaliser is about to repair it
          continue;
        }
        const previous = byId.get(read.id);
        entry = previous !== undefined && sameEntry(previous, read) ? previous : read;
        byNode.set(node, entry);
        byId.set(entry.id, entry);
      }
      if (same && last[next.length] !== entry) same = false;
      next.push(entry);
    }
    if (same && next.length === last.length) return last;
    last = next;
    return next;
  };
}

function sameEntry(a: OutlineItem, b: OutlineItem): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.bordlagd === b.bordlagd &&
    a.agendaKey === b.agendaKey &&
    a.plannedMinutes === b.plannedMinutes &&
    a.subItems.length === b.subItems.length &&
    a.subItems.every((s, i) => s.id === b.subItems[i]!.id && s.title === b.subItems[i]!.title)
  );
}

/** Changes exactly when some label can change: items added, removed, moved; sub-items likewise. */
export function structureKey(items: readonly OutlineItem[]): string {
  let key = '';
  for (const item of items) {
    key += item.id;
    for (const sub of item.subItems) key += `/${sub.id}`;
    key += '|';
  }
  return key;
}

/** What meetings.numbering returns: the body's scheme and its other meetings. */
export interface NumberingContext {
  scheme: NumberingScheme;
  otherMeetings: readonly MeetingInput[];
}

export interface MeetingFacts {
  id: string;
  date: string;
  /** The start time, which orders two meetings of one body on one day. */
  sortKey: string | null;
  /** Started (pågår, avslutat …): the frozen numbers apply. */
  started: boolean;
}

export interface ItemLabels {
  label: string;
  reference: string;
  number: number;
  /** Sub-item id → "a/". */
  subItems: ReadonlyMap<string, string>;
}

export interface MeetingNumbering {
  items: ReadonlyMap<string, ItemLabels>;
  /** The engine's reports that concern this meeting (gaps, duplicates, out of order …). */
  diagnostics: readonly Diagnostic[];
  /** "§101–§112", or null. */
  span: string | null;
  /** False until the body's numbering context has arrived (labels are then provisional). */
  exact: boolean;
}

export const emptyNumbering: MeetingNumbering = { items: new Map(), diagnostics: [], span: null, exact: false };

/**
 * Until the body's scheme and earlier meetings are known (or when they cannot be fetched),
 * the items are counted "§ 1, § 2 …" in order: right in order, provisional in value.
 */
const provisionalScheme: NumberingScheme = { kind: 'per-meeting', format: 'paragraph' };

export function computeNumbers(
  items: readonly OutlineItem[],
  meeting: MeetingFacts,
  frozen: FrozenNumbers,
  context: NumberingContext | null,
): MeetingNumbering {
  let result: MeetingNumbers;
  try {
    result = numberMeeting({
      scheme: context?.scheme ?? provisionalScheme,
      meeting: {
        id: meeting.id,
        date: meeting.date,
        ...(meeting.sortKey ? { sortKey: meeting.sortKey } : {}),
        items: items.map((i) => ({ id: i.id, subItems: i.subItems.map((s) => ({ id: s.id })) })),
        // Present exactly when the meeting has started (the engine's contract), even while the
        // Core's first frozen entries are still on their way: then it continues the series.
        ...(meeting.started ? { frozen } : {}),
      },
      otherMeetings: context?.otherMeetings ?? [],
    });
  } catch (error) {
    // A meeting date the engine cannot place (it validates strictly): show no numbers rather
    // than wrong ones, and say why in the console.
    console.error('numbering failed', error);
    return emptyNumbering;
  }
  const map = new Map<string, ItemLabels>();
  for (const item of result.items) {
    map.set(item.id, {
      label: item.label,
      reference: item.reference,
      number: item.number,
      subItems: new Map(item.subItems.map((s) => [s.id, s.label])),
    });
  }
  return { items: map, diagnostics: result.diagnostics, span: result.span, exact: context !== null };
}
