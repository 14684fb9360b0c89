/**
 * Which meeting is "the previous one" for a meeting (the look-up panel beside the editor): the
 * same body's latest meeting before it in the numbering's own order (compareMeetings: date,
 * start time, id), minuted in Paragraf. A meeting recorded only as a § span (minuted outside
 * Paragraf) has no text to look things up in, so it is passed over.
 */
import { compareMeetings } from './check';

export interface MeetingOrderFacts {
  id: string;
  bodyId: string;
  date: string;
  startTime: string | null;
  recorded: unknown;
}

const ordered = (m: MeetingOrderFacts) => ({ id: m.id, date: m.date, sortKey: m.startTime ?? undefined });

export function previousMeeting<M extends MeetingOrderFacts>(meetings: readonly M[], current: MeetingOrderFacts): M | null {
  let best: M | null = null;
  for (const m of meetings) {
    if (m.id === current.id || m.bodyId !== current.bodyId || m.recorded) continue;
    if (compareMeetings(ordered(m), ordered(current)) < 0 && (best === null || compareMeetings(ordered(m), ordered(best)) > 0)) best = m;
  }
  return best;
}
