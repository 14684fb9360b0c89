/**
 * The Core's handlers for the register, search and the follow-up offers (contract:
 * src/api/registerContract.ts). Kept out of Core.ts, which spreads them in; they reach the
 * Core only through `RegisterHost`.
 */
import type * as Y from 'yjs';
import type { z } from 'zod';
import { ParagrafError } from '../../src/api/errors';
import type { ApiHandlers } from '../../src/api/contract';
import type { RegisterDecisionRow, registerMethods } from '../../src/api/registerContract';
import { correct, type DecisionCorrection, type DetectedDecision, type DuePoint, type Owner } from '../../src/followup';
import type { Db } from './db';
import { renderRegisterPdf } from '../export/registerPdf';
import type { DocStore } from './docStore';
import { offeredItems } from './followUp';
import { CORRECTIONS, isOverdue, OVERDUE_SQL, projectRegister, type StoredCorrection } from './register';
import { search } from './search';

export interface RegisterHost {
  ready(): { db: Db; docs: DocStore };
  flushProjections(): void;
  commitCoreChange(docId: string, change: (doc: Y.Doc) => void): void;
}

type Filter = z.output<(typeof registerMethods)['register.list']['params']>;

interface DecisionRow {
  meeting_id: string;
  id: string;
  body_id: string;
  meeting_date: string;
  meeting_title: string;
  item_id: string;
  sub_item_id: string | null;
  text: string;
  kind: RegisterDecisionRow['kind'];
  owners_json: string;
  due_json: string | null;
  due_day: string | null;
  status: RegisterDecisionRow['status'];
  status_note: string | null;
  needs_follow_up: number;
  source_json: string;
  stale_json: string;
  detected_json: string;
  label: string | null;
  title: string | null;
  sub_items_json: string | null;
}

/** Today in the machine's time zone: "overdue" is about the secretary's calendar day, not UTC's. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Where a decision was reported back, oldest first (decision_report, from the follow-up links). */
function reportsOf(db: Db, meetingId: string, decisionId: string): RegisterDecisionRow['reportedIn'] {
  const rows = db
    .prepare(
      `SELECT r.meeting_id, m.date, r.item_id, i.label FROM decision_report r
       JOIN meeting m ON m.id = r.meeting_id
       LEFT JOIN item i ON i.meeting_id = r.meeting_id AND i.id = r.item_id
       WHERE r.source_meeting_id = ? AND r.decision_id = ? ORDER BY m.date`,
    )
    .all(meetingId, decisionId) as Array<{ meeting_id: string; date: string; item_id: string; label: string | null }>;
  return rows.map((r) => ({ meetingId: r.meeting_id, meetingDate: r.date, itemId: r.item_id, label: r.label }));
}

function rowToDecision(db: Db, r: DecisionRow, today: string): RegisterDecisionRow {
  const subs = JSON.parse(r.sub_items_json ?? '[]') as Array<{ id: string; title: string; label: string | null }>;
  const sub = r.sub_item_id === null ? undefined : subs.find((s) => s.id === r.sub_item_id);
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    meetingTitle: r.meeting_title,
    bodyId: r.body_id,
    itemId: r.item_id,
    subItemId: r.sub_item_id,
    label: sub?.label ?? r.label,
    itemTitle: sub?.title ?? r.title ?? '',
    text: r.text,
    kind: r.kind,
    owners: JSON.parse(r.owners_json) as Owner[],
    due: r.due_json === null ? null : (JSON.parse(r.due_json) as DuePoint),
    dueDay: r.due_day,
    status: r.status,
    statusNote: r.status_note,
    needsFollowUp: r.needs_follow_up === 1,
    overdue: isOverdue(r.status, r.due_json === null ? null : (JSON.parse(r.due_json) as DuePoint), r.due_day, today),
    source: JSON.parse(r.source_json) as RegisterDecisionRow['source'],
    stale: JSON.parse(r.stale_json) as RegisterDecisionRow['stale'],
    reportedIn: reportsOf(db, r.meeting_id, r.id),
  };
}

const SELECT = `SELECT d.*, m.title AS meeting_title, i.label, i.title, i.sub_items_json FROM decision d
  JOIN meeting m ON m.id = d.meeting_id
  LEFT JOIN item i ON i.meeting_id = d.meeting_id AND i.id = d.item_id`;

export function listDecisions(db: Db, f: Filter): RegisterDecisionRow[] {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  const today = f.today ?? localToday();
  const add = (sql: string, key: string, value: unknown) => {
    where.push(sql);
    args[key] = value;
  };
  if (f.bodyId !== undefined) add('d.body_id = @bodyId', 'bodyId', f.bodyId);
  if (f.meetingId !== undefined) add('d.meeting_id = @meetingId', 'meetingId', f.meetingId);
  if (f.status !== undefined) add('d.status = @status', 'status', f.status);
  if (f.dueBefore !== undefined) add('d.due_day <= @dueBefore', 'dueBefore', f.dueBefore);
  if (f.needsFollowUp !== undefined) add('d.needs_follow_up = @nf', 'nf', f.needsFollowUp ? 1 : 0);
  if (f.overdueOnly === true) add(OVERDUE_SQL, 'today', today);
  if (f.ownerId !== undefined) {
    add('EXISTS (SELECT 1 FROM decision_owner o WHERE o.meeting_id = d.meeting_id AND o.decision_id = d.id AND o.person_id = @ownerId)', 'ownerId', f.ownerId);
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.meeting_date DESC, d.meeting_id, i.position, d.position LIMIT @limit`;
  return (db.prepare(sql).all({ ...args, limit: f.limit }) as DecisionRow[]).map((r) => rowToDecision(db, r, today));
}

function getDecision(db: Db, meetingId: string, decisionId: string): DecisionRow {
  const row = db.prepare(`${SELECT} WHERE d.meeting_id = ? AND d.id = ?`).get(meetingId, decisionId) as DecisionRow | undefined;
  if (!row) {
    throw new ParagrafError(
      'NOT_FOUND',
      'Beslutet finns inte (längre) i protokollet. Det kan ha tagits bort; uppdatera listan.',
      'The decision is not (or no longer) in the minutes. It may have been removed; refresh the list.',
    );
  }
  return row;
}

/** Appends a correction to the meeting document (the source of truth) and re-derives its rows. */
function applyCorrection(host: RegisterHost, meetingId: string, decisionId: string, make: (detected: DetectedDecision) => DecisionCorrection): RegisterDecisionRow {
  const { db, docs } = host.ready();
  host.flushProjections();
  const row = getDecision(db, meetingId, decisionId);
  const d = JSON.parse(row.detected_json) as Pick<DetectedDecision, 'kind' | 'owners' | 'due'>;
  const detected: DetectedDecision = { ...d, text: row.text, needsFollowUp: row.needs_follow_up === 1, evidence: [] };
  const entry: StoredCorrection = { decisionId, correction: make(detected) };
  // The document change is durable on its own (the update log); the rows follow from it, and a
  // failed projection would be redone by the next flush or a rebuild.
  host.commitCoreChange(meetingId, (doc) => doc.getArray(CORRECTIONS).push([entry]));
  db.transaction(() => projectRegister(db, docs, meetingId))();
  return rowToDecision(db, getDecision(db, meetingId, decisionId), localToday());
}

/** Who made a correction: one secretary per installation for now (no sign-in yet). */
const BY = 'sekreterare';

export function registerHandlers(host: RegisterHost): Pick<ApiHandlers, keyof typeof registerMethods> {
  return {
    'register.pdf': async ({ bodyId, status, today }) => {
      const { db } = host.ready();
      host.flushProjections();
      const body = db.prepare('SELECT name FROM body WHERE id = ?').get(bodyId) as { name: string } | undefined;
      if (!body) throw new ParagrafError('NOT_FOUND', 'Organet finns inte. Välj i listan.', 'The body does not exist. Choose one from the list.');
      // The same decisions as the register view: those that need återkoppling.
      const rows = listDecisions(db, { bodyId, needsFollowUp: true, limit: 10_000, ...(status ? { status } : {}), ...(today ? { today } : {}) });
      const selection = status === undefined ? 'Alla beslut' : status === 'open' ? 'Öppna beslut' : status === 'done' ? 'Klara beslut' : 'Avskrivna beslut';
      const pdf = await renderRegisterPdf(rows, { bodyName: body.name, selection });
      return { pdf: pdf.toString('base64'), fileName: `Beslutsregister ${body.name}.pdf`, decisions: rows.length };
    },
    'register.list': (f) => {
      const { db } = host.ready();
      host.flushProjections();
      return listDecisions(db, f);
    },
    'register.setStatus': ({ meetingId, decisionId, status, note, source }) =>
      applyCorrection(host, meetingId, decisionId, (detected) =>
        correct(detected, note === undefined ? { field: 'status', value: status } : { field: 'status', value: status, note }, BY, new Date().toISOString(), source),
      ),
    'register.correct': ({ meetingId, decisionId, change }) =>
      applyCorrection(host, meetingId, decisionId, (detected) => correct(detected, change, BY, new Date().toISOString())),
    'search.query': (params) => {
      const { db } = host.ready();
      host.flushProjections();
      return search(db, params);
    },
    'meetings.offeredItems': ({ meetingId }) => {
      const { db, docs } = host.ready();
      if (docs.kindOf(meetingId) !== 'meeting') {
        throw new ParagrafError('NOT_FOUND', 'Mötet finns inte. Välj i listan.', 'The meeting does not exist. Choose one from the list.');
      }
      host.flushProjections();
      return offeredItems(db, meetingId);
    },
  };
}
