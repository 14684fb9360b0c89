/**
 * One decision in, one register row out: kind, owners, due point, whether it needs
 * follow-up, and the spans that made detection say so.
 */
import { tidyText } from '../bodies/roster';
import { isIsoDate } from '../bodies/isoDate';
import { detectDue } from './due';
import { detectKind } from './kind';
import { detectOwners } from './owners';
import type { DecisionKind, DetectContext, DetectedDecision, DuePoint } from './types';

/** uppdrag, bordlagd and återremitterad always; a beslut when it has a due point. */
export function needsFollowUp(kind: DecisionKind, due: DuePoint | null): boolean {
  if (kind === 'uppdrag' || kind === 'bordlagd' || kind === 'aterremitterad') return true;
  return kind === 'beslut' && due !== null;
}

/**
 * Reads one decision: an att-sats ("att Kjell Ivarsson tar med sig frågan …"), a prose
 * decision ("Ledningsgruppen beslutar att förlänga …") or a bullet. Only the decision's own
 * words are read; evidence offsets index the returned `text` (the input tidied).
 */
export function detectDecision(input: string, context: DetectContext): DetectedDecision {
  if (!isIsoDate(context.meetingDate)) throw new RangeError(`followup: meetingDate "${context.meetingDate}" is not YYYY-MM-DD`);
  const text = tidyText(input);
  const owners = detectOwners(text, context);
  const kind = detectKind(
    text,
    owners.evidence.filter((e) => e.field === 'owner'),
  );
  const due = detectDue(text, context);
  return {
    text,
    kind: kind.kind,
    owners: owners.owners,
    due: due.due,
    needsFollowUp: needsFollowUp(kind.kind, due.due),
    evidence: [...kind.evidence, ...owners.evidence, ...due.evidence].sort((a, b) => a.start - b.start),
  };
}
