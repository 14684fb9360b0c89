/**
 * What the engine reports instead of fixing. Every report says, in Swedish and English, what
 * is wrong and where, because the reader is the secretary deciding what to do about it.
 */

export type DiagnosticCode =
  /** A number is missing: between two meetings, inside one (a deleted item), or before the year's first meeting. */
  | 'gap'
  /** The same number appears twice in the year (or twice in a meeting). */
  | 'duplicate'
  /** In the document, a higher number stands before a lower one (an item moved after the numbers froze). */
  | 'out-of-order'
  /** A meeting starts at or below the number the previous meeting already reached. */
  | 'not-continuous'
  /** The first meeting of a year continues last year's series instead of starting at 1. */
  | 'no-restart'
  /** Two meetings of the body on the same day with no order between them (give a start time). */
  | 'ambiguous-order'
  /** Two items held the same frozen number (concurrent edits on two devices); one was given a new number. */
  | 'conflict'
  /** A stored frozen number was not a positive integer and was ignored. */
  | 'invalid-frozen';

export type Severity = 'error' | 'warning' | 'note';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  sv: string;
  en: string;
  /** The meetings concerned, in chronological order. */
  meetingIds: string[];
  /** The item numbers concerned (for sub-item reports: the parent's number). */
  numbers: number[];
  /** Item or sub-item ids concerned, when the engine numbered the meeting itself. */
  itemIds: string[];
}

export const severityOf: Record<DiagnosticCode, Severity> = {
  gap: 'warning',
  duplicate: 'error',
  'out-of-order': 'note',
  'not-continuous': 'error',
  'no-restart': 'error',
  'ambiguous-order': 'warning',
  conflict: 'warning',
  'invalid-frozen': 'warning',
};

export function diagnostic(
  code: DiagnosticCode,
  sv: string,
  en: string,
  where: { meetingIds: string[]; numbers?: number[]; itemIds?: string[] },
): Diagnostic {
  return {
    code,
    severity: severityOf[code],
    sv,
    en,
    meetingIds: where.meetingIds,
    numbers: where.numbers ?? [],
    itemIds: where.itemIds ?? [],
  };
}

/** Consecutive runs of sorted distinct numbers: [1,2,3,7,9,10] → [[1,3],[7,7],[9,10]]. */
export function runs(sorted: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}
