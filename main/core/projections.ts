/**
 * Projections: rows derived from the documents, for lists, numbering across meetings and
 * (later) search. Written off the typing path and rebuildable from the documents at any
 * time (`rebuildAll`); a test checks a rebuild equals the incremental result. Bad data in a
 * document (written by another device or an older version) is skipped here, never fatal.
 */
import * as Y from 'yjs';
import { yTextToSlateElement } from '@slate-yjs/core';
import { bodyProfileSchema, type BodyProfile } from '../../src/bodies/profile';
import { personSchema } from '../../src/bodies/roster';
import { isIsoDate } from '../../src/bodies/isoDate';
import { attendanceEntrySchema } from '../../src/protocol/attendance';
import { outline } from '../../src/protocol/schema';
import { numberYear, type FrozenNumbers, type ManagedMeeting, type MeetingInput, type NumberingScheme, type RecordedMeeting } from '../../src/numbering';
import type { ItemRow } from '../../src/api/contract';
import type { ProtocolMeetingMeta } from '../../src/export/model';
import type { Db } from './db';
import type { DocStore } from './docStore';
import { clearRegister, projectRegister } from './register';

export function readProfile(doc: Y.Doc): BodyProfile | null {
  const parsed = bodyProfileSchema.safeParse(doc.getMap('profile').get('profile'));
  return parsed.success ? parsed.data : null;
}

export function readFrozen(doc: Y.Doc): FrozenNumbers | undefined {
  // Frozen exactly when the meeting has started (the numbering engine's contract).
  const status = doc.getMap('meta').get('status');
  if (status === undefined || status === 'planerat') return undefined;
  const items = doc.getMap<number>('frozenItems');
  const subItems = doc.getMap<number>('frozenSubItems');
  return { items: Object.fromEntries(items.entries()), subItems: Object.fromEntries(subItems.entries()) };
}

export interface RecordedRange {
  first: number;
  last: number;
}

/** A meeting recorded by meetings.recordEarlier: the § span its minutes used. */
export function readRecorded(doc: Y.Doc): RecordedRange | null {
  const r = doc.getMap('meta').get('recorded') as Partial<RecordedRange> | undefined;
  if (!r || !Number.isInteger(r.first) || !Number.isInteger(r.last) || r.first! > r.last!) return null;
  return { first: r.first!, last: r.last! };
}

export function readContent(doc: Y.Doc): unknown[] {
  return yTextToSlateElement(doc.get('content', Y.XmlText)).children;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The body's row and roster from its document. True when its numbering scheme changed (the
 * settings screen allows it until a meeting has started): the labels of its meetings' items
 * must then be computed again (renumberBodyYears).
 */
export function projectBody(db: Db, docs: DocStore, bodyId: string): boolean {
  const doc = docs.get(bodyId);
  const profile = readProfile(doc);
  const existing = db.prepare('SELECT created_at FROM body WHERE id = ?').get(bodyId) as { created_at: string } | undefined;
  const schemeBefore = existing ? JSON.stringify(bodyScheme(db, bodyId)) : null;
  if (!profile) {
    if (!existing) throw new Error(`body ${bodyId}: the document has no valid profile`);
    console.error(`paragraf: body ${bodyId} has an invalid profile; its row is left as it was`);
  } else {
    db.prepare(
      `INSERT INTO body (id, name, genre, preset, profile_json, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, genre = excluded.genre, preset = excluded.preset, profile_json = excluded.profile_json`,
    ).run(bodyId, profile.name, profile.genre, String(doc.getMap('profile').get('preset') ?? 'sammantradesprotokoll'), JSON.stringify(profile), existing?.created_at ?? String(doc.getMap('profile').get('createdAt') ?? new Date().toISOString()));
  }
  db.prepare('DELETE FROM person WHERE body_id = ?').run(bodyId);
  const insert = db.prepare(
    'INSERT INTO person (body_id, id, name, title, organisation, party, role, email, active, left_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  doc.getMap('members').forEach((value, key) => {
    const p = personSchema.safeParse(value);
    if (!p.success || p.data.id !== key) return;
    insert.run(bodyId, key, p.data.name, p.data.title, p.data.organisation, p.data.party, p.data.role, p.data.email, p.data.active ? 1 : 0, p.data.leftOn);
  });
  return profile !== null && schemeBefore !== null && schemeBefore !== JSON.stringify(profile.numbering);
}

/** Every year of the body's meetings numbered again with its scheme as it is now. */
export function renumberBodyYears(db: Db, bodyId: string): void {
  const years = db.prepare("SELECT DISTINCT substr(date, 1, 4) AS year FROM meeting WHERE body_id = ?").all(bodyId) as Array<{ year: string }>;
  for (const { year } of years) renumberBody(db, bodyId, year);
}

/**
 * What the § numbers of a body's year depend on, for one meeting as its rows stand: its date
 * and start time, its fixed numbers, and the order of its items and sub-items. Titles and text
 * are not in it, so typing changes nothing here (see projectMeeting's `numberingChanged`).
 */
function numberingKey(db: Db, meetingId: string): string {
  const m = db.prepare('SELECT body_id, date, start_time, frozen_json FROM meeting WHERE id = ?').get(meetingId) as Record<string, unknown> | undefined;
  if (!m) return '';
  const items = db.prepare('SELECT id, sub_items_json FROM item WHERE meeting_id = ? ORDER BY position').all(meetingId) as Array<{ id: string; sub_items_json: string }>;
  return JSON.stringify([m, items.map((i) => [i.id, (JSON.parse(i.sub_items_json) as Array<{ id: string }>).map((x) => x.id)])]);
}

/** What the protocol's header says about a meeting, as its document has it. */
export type MeetingHeader = Omit<ProtocolMeetingMeta, 'id' | 'justering'>;

export function readMeetingHeader(doc: Y.Doc): MeetingHeader {
  const meta = doc.getMap('meta');
  return {
    title: String(meta.get('title') ?? ''),
    date: String(meta.get('date')),
    startTime: str(meta.get('startTime')),
    endTime: str(meta.get('endTime')),
    place: str(meta.get('place')),
    dnr: str(meta.get('dnr')),
  };
}

/**
 * Projects one meeting's row, items and attendance. `numberingChanged` says whether anything
 * the body's § numbers depend on changed: most updates are typing, and renumbering the year
 * for each of them was most of the cost of a projection.
 */
export function projectMeeting(db: Db, docs: DocStore, meetingId: string): { bodyId: string; year: string; numberingChanged: boolean } {
  const doc = docs.get(meetingId);
  const meta = doc.getMap('meta');
  const bodyId = String(meta.get('bodyId'));
  const date = String(meta.get('date'));
  const keyBefore = numberingKey(db, meetingId);
  const existing = db.prepare('SELECT created_at FROM meeting WHERE id = ?').get(meetingId) as { created_at: string } | undefined;
  const now = new Date().toISOString();
  const frozen = readFrozen(doc);
  const recorded = readRecorded(doc);
  const header = readMeetingHeader(doc);
  db.prepare(
    `INSERT INTO meeting (id, body_id, title, date, status, created_at, updated_at, start_time, end_time, place, dnr, started_at, frozen_json)
     VALUES (@id, @bodyId, @title, @date, @status, @createdAt, @updatedAt, @startTime, @endTime, @place, @dnr, @startedAt, @frozen)
     ON CONFLICT(id) DO UPDATE SET title = @title, date = @date, status = @status, updated_at = @updatedAt, start_time = @startTime,
       end_time = @endTime, place = @place, dnr = @dnr, started_at = @startedAt, frozen_json = @frozen`,
  ).run({
    id: meetingId,
    bodyId,
    ...header,
    status: String(meta.get('status') ?? 'planerat'),
    createdAt: existing?.created_at ?? String(meta.get('createdAt') ?? now),
    updatedAt: now,
    startedAt: str(meta.get('startedAt')),
    frozen: recorded ? JSON.stringify({ recorded }) : frozen ? JSON.stringify(frozen) : null,
  });

  // Items: positions and titles from the document; numbers are filled in by renumberBody.
  const previous = new Map(
    (db.prepare('SELECT id, number, label, sub_items_json FROM item WHERE meeting_id = ?').all(meetingId) as Array<{ id: string; number: number | null; label: string | null; sub_items_json: string }>).map((r) => [r.id, r]),
  );
  db.prepare('DELETE FROM item WHERE meeting_id = ?').run(meetingId);
  const insertItem = db.prepare(
    'INSERT INTO item (meeting_id, id, position, title, number, label, bordlagd, agenda_key, sub_items_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // Two concurrent moves of one item can leave two copies with one id in the document (a known
  // limit of moving in Yjs; the editor's withIds renames the later copy as soon as the meeting
  // is opened). Until then the first copy is the item; the projection must not fail on it.
  const seen = new Set<string>();
  outline(readContent(doc)).forEach((item, position) => {
    if (seen.has(item.id)) return;
    seen.add(item.id);
    const old = previous.get(item.id);
    const oldSubs = new Map((JSON.parse(old?.sub_items_json ?? '[]') as Array<{ id: string; label: string | null }>).map((s) => [s.id, s.label]));
    const subs = item.subItems.map((s) => ({ id: s.id, title: s.title, label: oldSubs.get(s.id) ?? null }));
    insertItem.run(meetingId, item.id, position, item.title, old?.number ?? null, old?.label ?? null, item.bordlagd ? 1 : 0, item.agendaKey, JSON.stringify(subs));
  });

  db.prepare('DELETE FROM attendance WHERE meeting_id = ?').run(meetingId);
  const insertAttendance = db.prepare(
    'INSERT INTO attendance (meeting_id, key, person_id, name, status, roles, replaces, item_ids, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const personName = db.prepare('SELECT name FROM person WHERE body_id = ? AND id = ?');
  doc.getMap('attendance').forEach((value, key) => {
    const e = attendanceEntrySchema.safeParse(value);
    if (!e.success) return;
    const name = e.data.guest?.name ?? (personName.get(bodyId, e.data.personId) as { name: string } | undefined)?.name ?? '';
    insertAttendance.run(
      meetingId,
      key,
      e.data.personId,
      name,
      e.data.status,
      JSON.stringify(e.data.roles),
      e.data.replaces ?? null,
      e.data.presence?.itemIds ? JSON.stringify(e.data.presence.itemIds) : null,
      e.data.presence?.note ?? null,
    );
  });
  return { bodyId, year: date.slice(0, 4), numberingChanged: numberingKey(db, meetingId) !== keyBefore };
}

export function bodyScheme(db: Db, bodyId: string): NumberingScheme {
  const row = db.prepare('SELECT profile_json FROM body WHERE id = ?').get(bodyId) as { profile_json: string } | undefined;
  const profile = row ? bodyProfileSchema.safeParse(JSON.parse(row.profile_json)) : null;
  return profile?.success ? profile.data.numbering : { kind: 'yearly', format: 'space' };
}

/**
 * The § numbers fixed for a meeting, from the meeting row's `frozen_json`: FrozenNumbers once
 * it has started, or `{ recorded: {first, last} }` for a meeting minuted outside Paragraf (its
 * numbers were fixed elsewhere, so they are frozen by definition and share the column).
 */
export function parseFixedNumbers(json: string | null): { frozen?: FrozenNumbers; recorded?: RecordedRange } {
  if (!json) return {};
  const value = JSON.parse(json) as FrozenNumbers | { recorded: RecordedRange };
  return 'recorded' in value ? { recorded: value.recorded } : { frozen: value };
}

/** The body's meetings of one calendar year, as the numbering engine takes them. */
export function yearMeetings(db: Db, bodyId: string, year: string): MeetingInput[] {
  const meetings = (
    db
      .prepare("SELECT id, date, start_time, frozen_json FROM meeting WHERE body_id = ? AND substr(date, 1, 4) = ? ORDER BY date, start_time, id")
      .all(bodyId, year) as Array<{ id: string; date: string; start_time: string | null; frozen_json: string | null }>
  )
    // A date that is no calendar date (another computer, an older version) cannot be placed
    // in the year: that meeting gets no numbers, and the body's other meetings keep theirs.
    .filter((m) => isIsoDate(m.date));
  const items = db.prepare('SELECT id, sub_items_json FROM item WHERE meeting_id = ? ORDER BY position');
  return meetings.map((m): MeetingInput => {
    const fixed = parseFixedNumbers(m.frozen_json);
    if (fixed.recorded) {
      const { first, last } = fixed.recorded;
      const recorded: RecordedMeeting = { id: m.id, date: m.date, recorded: Array.from({ length: last - first + 1 }, (_, i) => first + i) };
      if (m.start_time) recorded.sortKey = m.start_time;
      return recorded;
    }
    const managed: ManagedMeeting = {
      id: m.id,
      date: m.date,
      items: (items.all(m.id) as Array<{ id: string; sub_items_json: string }>).map((i) => ({
        id: i.id,
        subItems: (JSON.parse(i.sub_items_json) as Array<{ id: string }>).map((s) => ({ id: s.id })),
      })),
    };
    if (m.start_time) managed.sortKey = m.start_time;
    if (fixed.frozen) managed.frozen = fixed.frozen;
    return managed;
  });
}

/** Recomputes every label of a body's year: one meeting's change can move the next one's numbers. */
export function renumberBody(db: Db, bodyId: string, year: string): void {
  const meetings = yearMeetings(db, bodyId, year);
  if (meetings.length === 0) return;
  const result = numberYear(bodyScheme(db, bodyId), meetings);
  const update = db.prepare('UPDATE item SET number = ?, label = ?, sub_items_json = ? WHERE meeting_id = ? AND id = ?');
  const subsOf = db.prepare('SELECT sub_items_json FROM item WHERE meeting_id = ? AND id = ?');
  for (const m of result.meetings) {
    for (const item of m.items) {
      const row = subsOf.get(m.meetingId, item.id) as { sub_items_json: string } | undefined;
      if (!row) continue;
      const labels = new Map(item.subItems.map((s) => [s.id, s.label]));
      const subs = (JSON.parse(row.sub_items_json) as Array<{ id: string; title: string }>).map((s) => ({ id: s.id, title: s.title, label: labels.get(s.id) ?? null }));
      update.run(item.number, item.label, JSON.stringify(subs), m.meetingId, item.id);
    }
  }
}

export function itemRows(db: Db, meetingId: string): ItemRow[] {
  const rows = db.prepare('SELECT * FROM item WHERE meeting_id = ? ORDER BY position').all(meetingId) as Array<{
    id: string;
    position: number;
    title: string;
    number: number | null;
    label: string | null;
    bordlagd: number;
    agenda_key: string | null;
    sub_items_json: string;
  }>;
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    number: r.number,
    label: r.label,
    bordlagd: r.bordlagd === 1,
    agendaKey: r.agenda_key,
    subItems: JSON.parse(r.sub_items_json) as ItemRow['subItems'],
  }));
}

/** Drops every projection row and derives them again from the documents, in one transaction. */
export function rebuildAll(db: Db, docs: DocStore) {
  db.transaction(() => {
    clearRegister(db);
    for (const t of ['attendance', 'item', 'person', 'meeting', 'body']) db.prepare(`DELETE FROM ${t}`).run();
    const ids = db.prepare('SELECT id, kind FROM ydoc ORDER BY created_at, id').all() as Array<{ id: string; kind: 'body' | 'meeting' }>;
    for (const { id } of ids.filter((d) => d.kind === 'body')) projectBody(db, docs, id);
    const years = new Set<string>();
    for (const { id } of ids.filter((d) => d.kind === 'meeting')) {
      const { bodyId, year } = projectMeeting(db, docs, id);
      years.add(`${bodyId}\u0000${year}`);
    }
    for (const key of years) {
      const [bodyId, year] = key.split('\u0000') as [string, string];
      renumberBody(db, bodyId, year);
    }
    // The register last: its due points read the other meetings ("nästa möte", "i juni").
    for (const { id } of ids.filter((d) => d.kind === 'meeting')) projectRegister(db, docs, id);
  })();
  const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { bodies: count('body'), meetings: count('meeting'), items: count('item'), people: count('person'), attendance: count('attendance'), decisions: count('decision') };
}
