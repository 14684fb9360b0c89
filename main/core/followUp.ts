/**
 * The follow-up walk (issue 6): when a meeting is created, its "Föregående
 * sammanträdesprotokoll" item (agendaKey `foregaende-protokoll`) is drafted from the register
 * with `draftFollowUp` (src/followup): a heading per earlier meeting and one line per § with
 * open decisions needing återkoppling, each line linked to its source decisions in the new
 * document's `followUpLinks` map (paragraph id → source), so the UI can link the § and mark
 * the decision done while the återkoppling is typed. Bordlagda and återremitterade items of
 * earlier meetings are offered for the agenda (`offeredItems`), not inserted.
 */
import type * as Y from 'yjs';
import { draftFollowUp, type DuePoint, type Owner, type RegisterDecision } from '../../src/followup';
import type { ItemElement, ParagraphElement } from '../../src/protocol/schema';
import type { OfferedItem } from '../../src/api/registerContract';
import type { NumberingScheme } from '../../src/numbering';
import type { Db } from './db';
import { bodyScheme } from './projections';

export const FOLLOW_UP_LINKS = 'followUpLinks';

export interface FollowUpLink {
  meetingId: string;
  decisionIds: string[];
  label: string;
}

interface DecisionJoinRow {
  id: string;
  meeting_id: string;
  meeting_date: string;
  item_id: string;
  sub_item_id: string | null;
  text: string;
  kind: RegisterDecision['kind'];
  owners_json: string;
  due_json: string | null;
  status: RegisterDecision['status'];
  needs_follow_up: number;
  number: number | null;
  position: number | null;
  title: string | null;
  sub_items_json: string | null;
}

const JOIN = `SELECT d.id, d.meeting_id, d.meeting_date, d.item_id, d.sub_item_id, d.text, d.kind, d.owners_json, d.due_json, d.status,
  d.needs_follow_up, i.number, i.position, i.title, i.sub_items_json
  FROM decision d LEFT JOIN item i ON i.meeting_id = d.meeting_id AND i.id = d.item_id`;

function toRegisterDecision(r: DecisionJoinRow): RegisterDecision & { meetingId: string } {
  const subs = JSON.parse(r.sub_items_json ?? '[]') as Array<{ id: string; title: string }>;
  const subIndex = r.sub_item_id === null ? -1 : subs.findIndex((s) => s.id === r.sub_item_id);
  const item: RegisterDecision['item'] = {
    // An unnumbered item (numbering not run yet) still gets a line, by its place.
    number: r.number ?? (r.position ?? 0) + 1,
    title: subIndex >= 0 ? (subs[subIndex]?.title ?? '') : (r.title ?? ''),
  };
  if (subIndex >= 0) item.sub = subIndex + 1;
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    item,
    text: r.text,
    kind: r.kind,
    owners: JSON.parse(r.owners_json) as Owner[],
    due: r.due_json === null ? null : (JSON.parse(r.due_json) as DuePoint),
    status: r.status,
    needsFollowUp: r.needs_follow_up === 1,
  };
}

/** The body's latest meeting before `date` that has items (a recorded earlier meeting has none). */
function previousMeeting(db: Db, bodyId: string, date: string, exceptId?: string): { id: string; date: string } | undefined {
  return db
    .prepare(
      `SELECT id, date FROM meeting m WHERE body_id = ? AND date < ? AND id != ? AND EXISTS (SELECT 1 FROM item WHERE meeting_id = m.id)
       ORDER BY date DESC, start_time DESC, created_at DESC LIMIT 1`,
    )
    .get(bodyId, date, exceptId ?? '') as { id: string; date: string } | undefined;
}

export function draftFor(db: Db, bodyId: string, date: string, scheme: NumberingScheme = bodyScheme(db, bodyId)) {
  const prev = previousMeeting(db, bodyId, date);
  if (!prev) return null;
  const previous = (db.prepare(`${JOIN} WHERE d.meeting_id = ? ORDER BY d.position`).all(prev.id) as DecisionJoinRow[]).map(toRegisterDecision);
  const older = (
    db
      .prepare(`${JOIN} WHERE d.body_id = ? AND d.meeting_date < ? AND d.status = 'open' AND d.needs_follow_up = 1 ORDER BY d.meeting_date DESC, d.position LIMIT 500`)
      .all(bodyId, prev.date) as DecisionJoinRow[]
  ).map(toRegisterDecision);
  const meetingOf = new Map([...previous, ...older].map((d) => [d.id, d.meetingId]));
  return { draft: draftFollowUp(previous, older, { scheme, meetingDate: date }), meetingOf };
}

/**
 * Fills the agenda's follow-up item (before the document is created) and returns what to
 * write into the new document beside it: the links of the drafted lines. Called by
 * meetings.create; with no earlier meeting, or no such item, it changes nothing.
 */
export function prepareFollowUp(db: Db, bodyId: string, date: string, agenda: ItemElement[], newId: () => string): (doc: Y.Doc) => void {
  const item = agenda.find((a) => a.agendaKey === 'foregaende-protokoll');
  const result = item ? draftFor(db, bodyId, date) : null;
  if (!item || !result || result.draft.blocks.length === 0) return () => undefined;
  const links = new Map<string, FollowUpLink>();
  const paragraphs: ParagraphElement[] = [];
  for (const block of result.draft.blocks) {
    paragraphs.push({ type: 'paragraph', id: newId(), children: [{ text: block.heading }] });
    for (const line of block.lines) {
      const pid = newId();
      paragraphs.push({ type: 'paragraph', id: pid, children: [{ text: line.text }] });
      links.set(pid, { meetingId: result.meetingOf.get(line.decisionIds[0]!) ?? '', decisionIds: line.decisionIds, label: line.label });
    }
  }
  // The title stays; the drafted lines replace the empty paragraph the agenda item came with.
  item.children = [...item.children.filter((c) => c.type === 'item-title'), ...paragraphs];
  return (doc) => {
    const map = doc.getMap(FOLLOW_UP_LINKS);
    for (const [k, v] of links) map.set(k, v);
  };
}

/**
 * Items to offer for a meeting's agenda: open bordlagda/återremitterade decisions and items
 * marked bordlagd, of the body's earlier meetings, until an item of that title is on a later
 * agenda (which is how it is taken up).
 */
export function offeredItems(db: Db, meetingId: string): OfferedItem[] {
  const m = db.prepare('SELECT body_id, date FROM meeting WHERE id = ?').get(meetingId) as { body_id: string; date: string } | undefined;
  if (!m) return [];
  const scheme = bodyScheme(db, m.body_id);
  const offers: OfferedItem[] = [];
  const covered = new Set<string>();
  const result = draftFor(db, m.body_id, m.date, scheme);
  if (result) {
    for (const a of result.draft.agenda) {
      const src = db.prepare('SELECT meeting_id, item_id FROM decision WHERE id = ? AND body_id = ?').get(a.decisionId, m.body_id) as { meeting_id: string; item_id: string } | undefined;
      if (!src) continue;
      covered.add(`${src.meeting_id}:${src.item_id}`);
      offers.push({ key: a.decisionId, kind: a.kind, sourceMeetingId: src.meeting_id, sourceItemId: src.item_id, decisionId: a.decisionId, meetingDate: a.meetingDate, label: a.label, title: a.title, text: a.text });
    }
  }
  const flagged = db
    .prepare(
      `SELECT i.meeting_id, i.id, i.title, i.label, mt.date FROM item i JOIN meeting mt ON mt.id = i.meeting_id
       WHERE mt.body_id = ? AND mt.date < ? AND i.bordlagd = 1 ORDER BY mt.date DESC, i.position`,
    )
    .all(m.body_id, m.date) as Array<{ meeting_id: string; id: string; title: string; label: string | null; date: string }>;
  for (const f of flagged) {
    if (covered.has(`${f.meeting_id}:${f.id}`)) continue;
    const label = f.label ?? '';
    offers.push({
      key: `item:${f.id}`,
      kind: 'bordlagd',
      sourceMeetingId: f.meeting_id,
      sourceItemId: f.id,
      decisionId: null,
      meetingDate: f.date,
      label: f.label,
      title: f.title,
      text: `${f.title.trim()} (bordlagd ${f.date}${label ? `, ${label}` : ''})`,
    });
  }
  // Taken up: a later meeting (this one included) has an item starting with the same title.
  const laterTitles = (db
    .prepare('SELECT i.title, mt.date FROM item i JOIN meeting mt ON mt.id = i.meeting_id WHERE mt.body_id = ? AND mt.date <= ? AND i.bordlagd = 0')
    .all(m.body_id, m.date) as Array<{ title: string; date: string }>).map((r) => ({ title: r.title.trim().toLocaleLowerCase('sv'), date: r.date }));
  return offers.filter((o) => {
    const t = o.title.trim().toLocaleLowerCase('sv');
    return t === '' || !laterTitles.some((l) => l.date > o.meetingDate && l.title.startsWith(t));
  });
}
