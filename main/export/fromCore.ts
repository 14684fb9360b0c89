/**
 * Reads what the protocol model needs from the Core's store: the meeting row (meta), the body
 * profile and roster from the body document, the meeting document's content and attendance,
 * and the § labels the numbering engine projected. The caller flushes projections first.
 */
import type * as Y from 'yjs';
import { ParagrafError } from '../../src/api/errors';
import { personSchema, type Person } from '../../src/bodies/roster';
import type { ProtocolInput } from '../../src/export/model';
import type { Db } from '../core/db';
import type { DocStore } from '../core/docStore';
import { itemRows, readContent, readMeetingHeader, readProfile } from '../core/projections';

interface MeetingMetaRow {
  id: string;
  body_id: string;
  title: string;
  date: string;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  dnr: string | null;
}

/**
 * `source`: the document to print the protocol from, when not the live one (a justerat
 * meeting prints its locked snapshot, header included: a change to the place or the date
 * that arrived after the lock is not what was signed); the rättelser and the lock always come
 * from `extra`.
 */
export function readProtocolInput(db: Db, docs: DocStore, meetingId: string, source?: Y.Doc, extra: Pick<ProtocolInput, 'rattelser' | 'justerat'> = {}): ProtocolInput {
  const row = db.prepare('SELECT id, body_id, title, date, start_time, end_time, place, dnr FROM meeting WHERE id = ?').get(meetingId) as MeetingMetaRow | undefined;
  if (!row || docs.kindOf(meetingId) !== 'meeting') throw new ParagrafError('NOT_FOUND', 'Mötet finns inte.', 'The meeting does not exist.');
  const bodyDoc = docs.get(row.body_id);
  const profile = readProfile(bodyDoc);
  if (!profile) {
    throw new ParagrafError('INVALID_INPUT', 'Organets profil är ogiltig, så protokollet kan inte skapas.', 'The body’s profile is invalid, so the protocol cannot be made.');
  }
  const roster: Person[] = [];
  bodyDoc.getMap('members').forEach((value) => {
    const p = personSchema.safeParse(value);
    if (p.success) roster.push(p.data);
  });
  const doc = source ?? docs.get(meetingId);
  const justering = doc.getMap('meta').get('justering');
  const header = source
    ? readMeetingHeader(source)
    : { title: row.title, date: row.date, startTime: row.start_time, endTime: row.end_time, place: row.place, dnr: row.dnr };
  return {
    meeting: {
      id: row.id,
      ...header,
      justering: typeof justering === 'string' && justering.trim() !== '' ? justering : null,
    },
    profile,
    roster,
    content: readContent(doc),
    attendance: [...doc.getMap('attendance').entries()],
    labels: itemRows(db, meetingId).map((r) => ({ id: r.id, label: r.label, subItems: r.subItems.map((s) => ({ id: s.id, label: s.label })) })),
    ...extra,
  };
}
