/**
 * The draft of the next meeting's "Föregående sammanträdesprotokoll" item, in the form LSVO
 * writes it (samples, § 102):
 *
 *   Återkoppling protokoll 2021-04-09:
 *   §95 VFU sjuksköterskeprogrammet BTH – [what happened since]
 *   §100c Ökad samverkan pga. brist på fysioterapeuter – …
 *
 * - One line per item (or sub-item) with open decisions that need follow-up, in § order: the
 *   protocol's own follow-up goes "by § number", so two open att-satser of one § share its
 *   line (the line lists both decision ids and all owners). The label comes from the
 *   numbering module (`formatReference`), so "§95", "§ 95", "§ 81c/24" or "punkt 3" follow
 *   the body's scheme.
 * - Then older meetings' decisions that are still open, one block per meeting, newest first.
 * - Bordlagda and återremitterade decisions are not follow-up lines: they are offered for the
 *   new agenda (`agenda`), previous meeting first.
 * - Done and cancelled decisions, information and beslut without a due point are left out.
 * Pure: decisions in, draft out; storing and inserting the draft is the caller's.
 */
import { formatReference } from '../numbering/labels';
import type { NumberingScheme } from '../numbering/scheme';
import type { DecisionKind, DecisionStatus, DuePoint, Owner } from './types';

/** A decision of an earlier meeting, as the register holds it (merged with corrections). */
export interface RegisterDecision {
  id: string;
  /** The meeting it was taken at. */
  meetingDate: string;
  /** Its item; `title` is the sub-item's title for a sub-item ("Ökad samverkan …" for §100c). */
  item: { number: number; sub?: number; title: string };
  text: string;
  kind: DecisionKind;
  owners: readonly Owner[];
  due: DuePoint | null;
  status: DecisionStatus;
  needsFollowUp: boolean;
}

export interface DraftOptions {
  /** The body's numbering scheme, for the labels. */
  scheme: NumberingScheme;
  /** The meeting being prepared: lines and offers get a `timing` against it. */
  meetingDate?: string;
}

/** overdue: due before the meeting being prepared · due: at it · later: after it. */
export type Timing = 'overdue' | 'due' | 'later';

export interface FollowUpLine {
  /** "§95 VFU sjuksköterskeprogrammet BTH – " (the secretary writes on after the dash). */
  text: string;
  label: string;
  title: string;
  decisionIds: string[];
  owners: Owner[];
  /** The earliest due point of the line's decisions. */
  due: DuePoint | null;
  timing?: Timing;
}

export interface FollowUpBlock {
  meetingDate: string;
  /** "Återkoppling protokoll 2021-04-09:" */
  heading: string;
  lines: FollowUpLine[];
}

export interface AgendaOffer {
  decisionId: string;
  kind: 'bordlagd' | 'aterremitterad';
  meetingDate: string;
  label: string;
  title: string;
  /** A suggested agenda title: "VFU … (bordlagd 2021-04-09, §95)". */
  text: string;
  due: DuePoint | null;
  timing?: Timing;
}

export interface FollowUpDraft {
  /** The previous meeting's block first, then older meetings, newest first. */
  blocks: FollowUpBlock[];
  /** The blocks as the lines to insert: each heading followed by its lines. */
  lines: string[];
  agenda: AgendaOffer[];
}

const compareStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A sortable day for a due point: exact where known, the month's first day for months. */
function dueDay(due: DuePoint | null): string | null {
  if (due === null) return null;
  if (due.kind === 'date') return due.date;
  if (due.kind === 'period') return `${due.month}-01`;
  return due.meetingDate ?? (due.month !== undefined ? `${due.month}-01` : null);
}

function timing(due: DuePoint | null, meetingDate: string | undefined, fromPrevious: boolean): Timing | undefined {
  if (meetingDate === undefined || due === null) return undefined;
  if (due.kind === 'meeting' && due.meetingDate === undefined && due.next === true) return fromPrevious ? 'due' : 'overdue';
  if (due.kind === 'meeting' && due.meetingDate === undefined && due.month === undefined) return undefined;
  if (due.kind === 'period' || (due.kind === 'meeting' && due.meetingDate === undefined)) {
    const month = due.month ?? '';
    const mine = meetingDate.slice(0, 7);
    return month < mine ? 'overdue' : month === mine ? 'due' : 'later';
  }
  const day = dueDay(due) ?? '';
  return day < meetingDate ? 'overdue' : day === meetingDate ? 'due' : 'later';
}

const URGENCY: Record<Timing, number> = { overdue: 0, due: 1, later: 2 };

function label(d: RegisterDecision, scheme: NumberingScheme): string {
  return formatReference(scheme, d.item.number, d.meetingDate, d.item.sub);
}

function isOpen(d: RegisterDecision): boolean {
  return d.status === 'open';
}

function block(meetingDate: string, decisions: readonly RegisterDecision[], options: DraftOptions, fromPrevious: boolean): FollowUpBlock {
  const byItem = new Map<string, RegisterDecision[]>();
  const sorted = [...decisions].sort((a, b) => a.item.number - b.item.number || (a.item.sub ?? 0) - (b.item.sub ?? 0));
  for (const d of sorted) {
    const k = `${d.item.number}:${d.item.sub ?? 0}`;
    byItem.set(k, [...(byItem.get(k) ?? []), d]);
  }
  const lines: FollowUpLine[] = [];
  for (const group of byItem.values()) {
    const first = group[0]!;
    const lab = label(first, options.scheme);
    const title = first.item.title.trim();
    const owners: Owner[] = [];
    const seen = new Set<string>();
    for (const o of group.flatMap((d) => d.owners)) {
      const k = o.personId ?? `${o.kind}:${o.name.toLocaleLowerCase('sv')}`;
      if (!seen.has(k)) {
        seen.add(k);
        owners.push(o);
      }
    }
    const dues = group.map((d) => d.due).filter((d): d is DuePoint => d !== null);
    dues.sort((a, b) => compareStr(dueDay(a) ?? '9999', dueDay(b) ?? '9999'));
    const due = dues[0] ?? null;
    const timings = group.map((d) => timing(d.due, options.meetingDate, fromPrevious)).filter((t): t is Timing => t !== undefined);
    timings.sort((a, b) => URGENCY[a] - URGENCY[b]);
    const line: FollowUpLine = { text: `${lab} ${title} – `, label: lab, title, decisionIds: group.map((d) => d.id), owners, due };
    if (timings[0] !== undefined) line.timing = timings[0];
    lines.push(line);
  }
  return { meetingDate, heading: `Återkoppling protokoll ${meetingDate}:`, lines };
}

/**
 * The draft follow-up item: `previousDecisions` are the decisions of the previous meeting,
 * `openOlder` the still-open decisions of meetings before it (any status may be passed:
 * closed ones are left out here).
 */
export function draftFollowUp(
  previousDecisions: readonly RegisterDecision[],
  openOlder: readonly RegisterDecision[],
  options: DraftOptions,
): FollowUpDraft {
  const needsLine = (d: RegisterDecision) => isOpen(d) && d.needsFollowUp && d.kind !== 'bordlagd' && d.kind !== 'aterremitterad';
  const isTabled = (d: RegisterDecision) => isOpen(d) && (d.kind === 'bordlagd' || d.kind === 'aterremitterad');

  const byDate = (ds: readonly RegisterDecision[]) => {
    const m = new Map<string, RegisterDecision[]>();
    for (const d of ds) m.set(d.meetingDate, [...(m.get(d.meetingDate) ?? []), d]);
    return m;
  };
  const previousDates = new Set(previousDecisions.map((d) => d.meetingDate));
  const blocks: FollowUpBlock[] = [];
  const prev = byDate(previousDecisions.filter(needsLine));
  for (const date of [...prev.keys()].sort().reverse()) blocks.push(block(date, prev.get(date)!, options, true));
  const older = byDate(openOlder.filter((d) => needsLine(d) && !previousDates.has(d.meetingDate)));
  for (const date of [...older.keys()].sort().reverse()) blocks.push(block(date, older.get(date)!, options, false));

  const agenda: AgendaOffer[] = [];
  const offer = (d: RegisterDecision, fromPrevious: boolean) => {
    const lab = label(d, options.scheme);
    const title = d.item.title.trim();
    const word = d.kind === 'bordlagd' ? 'bordlagd' : 'återremitterad';
    const o: AgendaOffer = {
      decisionId: d.id,
      kind: d.kind as AgendaOffer['kind'],
      meetingDate: d.meetingDate,
      label: lab,
      title,
      text: `${title} (${word} ${d.meetingDate}, ${lab})`,
      due: d.due,
    };
    const t = timing(d.due, options.meetingDate, fromPrevious);
    if (t !== undefined) o.timing = t;
    agenda.push(o);
  };
  const byItemOrder = (a: RegisterDecision, b: RegisterDecision) =>
    compareStr(b.meetingDate, a.meetingDate) || a.item.number - b.item.number || (a.item.sub ?? 0) - (b.item.sub ?? 0);
  for (const d of previousDecisions.filter(isTabled).sort(byItemOrder)) offer(d, true);
  for (const d of openOlder.filter((x) => isTabled(x) && !previousDates.has(x.meetingDate)).sort(byItemOrder)) offer(d, false);

  return { blocks, lines: blocks.flatMap((b) => [b.heading, ...b.lines.map((l) => l.text)]), agenda };
}
