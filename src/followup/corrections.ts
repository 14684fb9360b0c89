/**
 * Hand corrections of the register. What detection reads is a proposal; the secretary's
 * correction wins, field by field, and keeps winning when the att-sats is edited and detected
 * again, because a correction names the field it overrides (kind, owners, due or status) and
 * is stored beside the decision, not inside the detected values.
 *
 * - The latest correction of a field wins (by `at`, then by order in the list). Fields nobody
 *   corrected follow detection, also after the text changes.
 * - A correction may record what detection said when it was made (`detected`). When
 *   detection now says something else, the field is reported in `stale`: the correction still
 *   wins, but the UI can ask "the text changed, keep your correction?".
 * - Status is never detected: every decision starts `open`; `done` and `cancelled` come only
 *   from a correction, by a person or by the follow-up walk (`source`).
 * - needsFollowUp is derived from the merged kind and due point, so correcting a beslut into
 *   an uppdrag puts it on the follow-up list.
 */
import { z } from 'zod';
import { isIsoDate } from '../bodies/isoDate';
import { needsFollowUp } from './detectDecision';
import { decisionKinds, decisionStatuses } from './types';
import type { DecisionKind, DecisionStatus, DetectedDecision, DuePoint, Evidence, Owner } from './types';

const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/u, 'YYYY-MM');
const shortText = z.string().max(500);

export const ownerSchema = z.object({
  personId: z.string().min(1).max(100).optional(),
  name: z.string().min(1).max(300),
  how: z.enum(['reference', 'roster', 'text']),
  kind: z.enum(['person', 'group']),
  rule: z.enum(['reference', 'full-name', 'short-name', 'spelling', 'first-name', 'foredragande', 'group']),
});

export const duePointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDate, text: shortText }),
  z.object({
    kind: z.literal('meeting'),
    meetingDate: isoDate.optional(),
    month: month.optional(),
    next: z.boolean().optional(),
    name: z.string().max(200).optional(),
    text: shortText,
  }),
  z.object({ kind: z.literal('period'), month, text: shortText }),
]);

const meta = {
  /** Who corrected: a person id or user name. */
  by: z.string().min(1).max(200),
  /** When: an ISO timestamp ("2021-05-10T09:12:00Z"); used to order corrections of one field. */
  at: z.string().min(10).max(40),
  /** A person in the register, or the follow-up walk of a later meeting. */
  source: z.enum(['person', 'follow-up']).optional(),
};

export const decisionCorrectionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('kind'), value: z.enum(decisionKinds), detected: z.enum(decisionKinds).optional(), ...meta }),
  z.object({ field: z.literal('owners'), value: z.array(ownerSchema).max(100), detected: z.array(ownerSchema).max(100).optional(), ...meta }),
  z.object({ field: z.literal('due'), value: duePointSchema.nullable(), detected: duePointSchema.nullable().optional(), ...meta }),
  z.object({
    field: z.literal('status'),
    value: z.enum(decisionStatuses),
    /** What happened, as said in the follow-up ("Klart, avtalet förlängt"). */
    note: z.string().max(2000).optional(),
    ...meta,
  }),
]);
export type DecisionCorrection = z.infer<typeof decisionCorrectionSchema>;
export type CorrectableField = DecisionCorrection['field'];

export interface DecisionRecord {
  text: string;
  kind: DecisionKind;
  owners: Owner[];
  due: DuePoint | null;
  status: DecisionStatus;
  /** Derived from the merged kind and due point. */
  needsFollowUp: boolean;
  /** Where each field's value comes from. */
  source: Record<'kind' | 'owners' | 'due', 'detected' | 'corrected'> & { status: 'default' | 'corrected' };
  /** Corrected fields whose detection has changed since the correction was made. */
  stale: ('kind' | 'owners' | 'due')[];
  /** The note of the status correction, if any. */
  statusNote?: string;
  evidence: Evidence[];
}

/** Order-insensitive comparison of owners: who, not how they were read. */
function ownersKey(owners: readonly Owner[]): string {
  return owners
    .map((o) => (o.personId !== undefined ? `id:${o.personId}` : `${o.kind}:${o.name.toLocaleLowerCase('sv')}`))
    .sort()
    .join('|');
}

function dueKey(due: DuePoint | null): string {
  if (due === null) return 'null';
  switch (due.kind) {
    case 'date':
      return `date:${due.date}`;
    case 'period':
      return `period:${due.month}`;
    case 'meeting':
      return `meeting:${due.meetingDate ?? ''}:${due.month ?? ''}:${due.next === true ? 'next' : ''}:${due.name ?? ''}`;
  }
}

/** The latest correction of each field. */
function latest(corrections: readonly DecisionCorrection[]): Map<CorrectableField, DecisionCorrection> {
  const out = new Map<CorrectableField, DecisionCorrection>();
  corrections.forEach((c) => {
    const prev = out.get(c.field);
    if (prev === undefined || c.at >= prev.at) out.set(c.field, c);
  });
  return out;
}

/** The register row: detection, overridden field by field by the latest corrections. */
export function mergeCorrections(detected: DetectedDecision, corrections: readonly DecisionCorrection[]): DecisionRecord {
  const last = latest(corrections);
  const kindC = last.get('kind');
  const ownersC = last.get('owners');
  const dueC = last.get('due');
  const statusC = last.get('status');
  const kind = kindC?.field === 'kind' ? kindC.value : detected.kind;
  const owners = ownersC?.field === 'owners' ? ownersC.value.map((o) => ({ ...o })) : detected.owners;
  const due = dueC?.field === 'due' ? dueC.value : detected.due;
  const stale: DecisionRecord['stale'] = [];
  if (kindC?.field === 'kind' && kindC.detected !== undefined && kindC.detected !== detected.kind) stale.push('kind');
  if (ownersC?.field === 'owners' && ownersC.detected !== undefined && ownersKey(ownersC.detected) !== ownersKey(detected.owners)) stale.push('owners');
  if (dueC?.field === 'due' && dueC.detected !== undefined && dueKey(dueC.detected) !== dueKey(detected.due)) stale.push('due');
  const record: DecisionRecord = {
    text: detected.text,
    kind,
    owners,
    due,
    status: statusC?.field === 'status' ? statusC.value : 'open',
    needsFollowUp: needsFollowUp(kind, due),
    source: {
      kind: kindC === undefined ? 'detected' : 'corrected',
      owners: ownersC === undefined ? 'detected' : 'corrected',
      due: dueC === undefined ? 'detected' : 'corrected',
      status: statusC === undefined ? 'default' : 'corrected',
    },
    stale,
    evidence: detected.evidence,
  };
  if (statusC?.field === 'status' && statusC.note !== undefined) record.statusNote = statusC.note;
  return record;
}

/**
 * A correction of one field that remembers what detection said at the time, so a later
 * change in detection can be reported as `stale`. Status has no detected value.
 */
export function correct(
  detected: DetectedDecision,
  change:
    | { field: 'kind'; value: DecisionKind }
    | { field: 'owners'; value: Owner[] }
    | { field: 'due'; value: DuePoint | null }
    | { field: 'status'; value: DecisionStatus; note?: string },
  by: string,
  at: string,
  source: 'person' | 'follow-up' = 'person',
): DecisionCorrection {
  switch (change.field) {
    case 'kind':
      return { ...change, detected: detected.kind, by, at, source };
    case 'owners':
      return { ...change, detected: detected.owners, by, at, source };
    case 'due':
      return { ...change, detected: detected.due, by, at, source };
    case 'status':
      return { ...change, by, at, source };
  }
}
