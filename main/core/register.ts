/**
 * The decision register and the search index: projections of the meeting documents, written
 * in the same flush as the other projections (Core.flushProjections, off the typing path) and
 * rebuilt with them (`rebuildAll`).
 *
 * Yjs is the source of truth for everything here, corrections included: a correction or a
 * status change is a document change (an entry appended to the meeting document's
 * `decisionCorrections` Y.Array), and the row is derived from text + corrections with
 * `mergeCorrections`, so the correction wins on every device and survives a rebuild.
 *
 * A decision's id is the id of the paragraph where it starts (plus "_n" for the n-th decision
 * starting in the same paragraph): stable while the secretary types elsewhere, and a
 * correction stays attached to "its" att-sats when the text of that att-sats is edited.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import {
  decisionCorrectionSchema,
  detectDecision,
  findForedragande,
  mergeCorrections,
  splitAttSatser,
  type DecisionCorrection,
  type DetectedDecision,
  type DuePoint,
  type Presenter,
} from '../../src/followup';
import type { Person } from '../../src/bodies/roster';
import { isElement } from '../../src/protocol/schema';
import { foldSwedish } from '../../src/search/text';
import { isPoliticalType, politicalPrefix } from '../../src/protocol/politicsSchema';
import type { Db } from './db';
import type { DocStore } from './docStore';
import { readContent, readProfile } from './projections';
import { FOLLOW_UP_LINKS, type FollowUpLink } from './followUp';

/** The meeting document's list of corrections: append-only, so concurrent corrections merge. */
export const CORRECTIONS = 'decisionCorrections';

export const storedCorrectionSchema = z.object({ decisionId: z.string().min(1).max(200), correction: decisionCorrectionSchema });
export type StoredCorrection = z.infer<typeof storedCorrectionSchema>;

export function readCorrections(doc: Y.Doc): Map<string, DecisionCorrection[]> {
  const out = new Map<string, DecisionCorrection[]>();
  for (const raw of doc.getArray(CORRECTIONS).toArray()) {
    // Written by another device or version: skip what does not parse, never fail the projection.
    const p = storedCorrectionSchema.safeParse(raw);
    if (!p.success) continue;
    out.set(p.data.decisionId, [...(out.get(p.data.decisionId) ?? []), p.data.correction]);
  }
  return out;
}

interface Block {
  id: string;
  /**
   * text: a paragraph, read with the text rules (splitAttSatser); att-sats: an att-sats element
   * of a structured decision block, one decision as it stands; foredragande: the presenters;
   * political: a yrkande, reservation, jäv … (searchable, never read as a decision).
   */
  kind: 'text' | 'att-sats' | 'foredragande' | 'political';
  /** For a political line: its word ("Yrkande", "Reservation"), shown, not typed. */
  label?: string;
  text: string;
  /** People linked in this block by name completion (a `personId` on a text leaf). */
  personIds: string[];
}

interface Segment {
  itemId: string;
  subItemId: string | null;
  title: string;
  blocks: Block[];
}

export interface ItemText {
  itemId: string;
  title: string;
  /** Title, paragraphs and sub-items, one line each: what search finds. */
  text: string;
  segments: Segment[];
}

function leafText(node: unknown, personIds: string[]): string {
  if (!isElement(node)) {
    if (typeof node === 'object' && node !== null && 'text' in node) {
      const leaf = node as { text: unknown; personId?: unknown };
      if (typeof leaf.personId === 'string' && leaf.personId !== '') personIds.push(leaf.personId);
      return String(leaf.text);
    }
    return '';
  }
  return node.children.map((c) => leafText(c, personIds)).join('');
}

/**
 * The body of an item or sub-item as blocks. Read by type name, not by the schema's element
 * union: documents may hold decision blocks ("decision" > "att-sats") and "foredragande"
 * lines, or only paragraphs (older documents, genres that write "Beslut:" in prose); both are
 * read.
 */
function pushBlocks(children: readonly unknown[], into: Block[]): void {
  for (const c of children) {
    if (!isElement(c)) continue;
    const type = (c as { type: string }).type;
    if (type === 'paragraph' || type === 'foredragande' || type === 'att-sats') {
      const personIds: string[] = [];
      into.push({ id: c.id, kind: type === 'paragraph' ? 'text' : type, text: leafText(c, personIds), personIds });
    } else if (type === 'decision') pushBlocks(c.children, into);
    else if (isPoliticalType(type)) {
      const personIds: string[] = [];
      into.push({ id: c.id, kind: 'political', label: politicalPrefix[type].replace(/:$/u, ''), text: leafText(c, personIds), personIds });
    }
    else pushRichBlocks(c, into);
  }
}

/**
 * Lists, tables and the Dokument / skickas-till blocks (src/protocol/richBlocks.ts): one text
 * block per list item or table cell. A list item is read with its bullet ("– ") or number
 * ("1. ") in front, as older documents wrote lists in paragraphs, so "Beslut:" followed by a
 * bullet list is still read as one decision per bullet (splitAttSatser's beslut-bullets).
 */
function pushRichBlocks(node: { type: string; id: string; children: unknown[] }, into: Block[]): void {
  if (node.type === 'table' || node.type === 'table-row') {
    for (const c of node.children) if (isElement(c)) pushRichBlocks(c, into);
  } else if (node.type === 'table-cell') {
    const personIds: string[] = [];
    into.push({ id: node.id, kind: 'text', text: leafText(node, personIds), personIds });
  } else if (node.type === 'list' || node.type === 'documents' || node.type === 'distribution') {
    const ordered = (node as { ordered?: unknown }).ordered === true;
    let n = 0;
    for (const li of node.children) {
      if (!isElement(li)) continue;
      const personIds: string[] = [];
      const text = leafText(li, personIds);
      n += 1;
      into.push({ id: li.id, kind: 'text', text: node.type !== 'list' ? text : `${ordered ? `${n}.` : '–'} ${text}`, personIds });
    }
  }
}

/** What a block adds to the searchable text (the layout's "Föredragande:" is shown, not typed). */
const lineOf = (b: Block): string => (b.kind === 'foredragande' ? `Föredragande: ${b.text}` : b.kind === 'political' && b.text.trim() !== '' ? `${b.label}: ${b.text}` : b.text);

/** The items of a meeting document as text, split where decisions can stand: item body, each sub-item. */
export function itemTexts(content: readonly unknown[]): ItemText[] {
  const out: ItemText[] = [];
  for (const node of content) {
    if (!isElement(node) || node.type !== 'item') continue;
    let title = '';
    const main: Segment = { itemId: node.id, subItemId: null, title: '', blocks: [] };
    const segments: Segment[] = [main];
    for (const c of node.children) {
      if (!isElement(c)) continue;
      if (c.type === 'item-title') title = leafText(c, []).trim();
      else if (c.type === 'subitem') {
        const seg: Segment = { itemId: node.id, subItemId: c.id, title: '', blocks: [] };
        const t = c.children.find((s) => isElement(s) && s.type === 'subitem-title');
        if (t) seg.title = leafText(t, []).trim();
        pushBlocks(c.children, seg.blocks);
        segments.push(seg);
      } else pushBlocks([c], main.blocks);
    }
    main.title = title;
    const lines = [title, ...segments.flatMap((s) => [...(s.subItemId ? [s.title] : []), ...s.blocks.map(lineOf)])];
    out.push({ itemId: node.id, title, text: lines.filter((l) => l.trim() !== '').join('\n'), segments });
  }
  return out;
}

export interface FoundDecision {
  id: string;
  itemId: string;
  subItemId: string | null;
  /** The § (or sub-item) title the decision stands under. */
  title: string;
  text: string;
  referencedPersonIds: string[];
}

/** Every decision of a meeting's items, in document order, with its stable id. */
export function findDecisions(items: readonly ItemText[], lead: string | undefined): FoundDecision[] {
  const out: FoundDecision[] = [];
  for (const item of items) {
    for (const seg of item.segments) {
      const title = seg.subItemId ? seg.title : item.title;
      let run: Block[] = [];
      const flush = () => {
        if (run.length > 0) out.push(...splitRun(run, lead, item.itemId, seg.subItemId, title));
        run = [];
      };
      for (const b of seg.blocks) {
        if (b.kind === 'text') {
          run.push(b);
          continue;
        }
        flush();
        // A structured att-sats is one decision as it stands, under its own id.
        if (b.kind === 'att-sats' && b.text.trim() !== '') {
          out.push({ id: b.id, itemId: item.itemId, subItemId: seg.subItemId, title, text: b.text.trim(), referencedPersonIds: [...new Set(b.personIds)] });
        }
      }
      flush();
    }
  }
  return out;
}

/** Decisions written as text in consecutive paragraphs (lead phrase, "att" lines, "Beslut:"). */
function splitRun(blocks: readonly Block[], lead: string | undefined, itemId: string, subItemId: string | null, title: string): FoundDecision[] {
  const out: FoundDecision[] = [];
  let text = '';
  const starts: number[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) text += '\n';
    starts.push(text.length);
    text += b.text;
  });
  const perBlock = new Map<number, number>();
  for (const d of splitAttSatser(text, lead === undefined ? {} : { lead })) {
    // The block the decision starts in (and the blocks it continues into, for references).
    let first = 0;
    while (first + 1 < starts.length && starts[first + 1]! <= d.start) first++;
    let last = first;
    while (last + 1 < starts.length && starts[last + 1]! < d.end) last++;
    const n = perBlock.get(first) ?? 0;
    perBlock.set(first, n + 1);
    const block = blocks[first]!;
    out.push({
      id: n === 0 ? block.id : `${block.id}_${n}`,
      itemId,
      subItemId,
      title,
      text: d.text,
      referencedPersonIds: [...new Set(blocks.slice(first, last + 1).flatMap((b) => b.personIds))],
    });
  }
  return out;
}

/** A sortable day for a due point; `nextMeeting` resolves "före nästa möte". */
export function dueDay(due: DuePoint | null, nextMeeting: string | null): string | null {
  if (due === null) return null;
  if (due.kind === 'date') return due.date;
  if (due.kind === 'period') return `${due.month}-01`;
  if (due.meetingDate !== undefined) return due.meetingDate;
  if (due.month !== undefined) return `${due.month}-01`;
  return due.next === true ? nextMeeting : null;
}

/**
 * Overdue: still open after the day its due point allows. A date, a dated meeting or the next
 * meeting: the day after it. A meeting known only by its month ("vid mötet i juni"): once that
 * month is over, since the meeting may be on its last day. A vague period ("under hösten"):
 * never; its month is for sorting and reminders, not a deadline (src/followup/types.ts).
 * OVERDUE_SQL says the same for the register's "overdue only" filter (a test keeps them equal).
 */
export function isOverdue(status: string, due: DuePoint | null, day: string | null, today: string): boolean {
  if (status !== 'open' || due === null || day === null || due.kind === 'period') return false;
  if (due.kind === 'meeting' && due.meetingDate === undefined && due.next !== true && due.month !== undefined) return nextMonth(day) <= today;
  return day < today;
}

/** "2024-06-01" → "2024-07-01". */
function nextMonth(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** isOverdue as SQL over the decision row `d`, with `@today`. */
export const OVERDUE_SQL = `(d.status = 'open' AND d.due_day IS NOT NULL AND CASE
    WHEN json_extract(d.due_json, '$.kind') = 'period' THEN 0
    WHEN json_extract(d.due_json, '$.kind') = 'meeting' AND json_extract(d.due_json, '$.meetingDate') IS NULL
      AND coalesce(json_extract(d.due_json, '$.next'), 0) <> 1 AND json_extract(d.due_json, '$.month') IS NOT NULL
      THEN date(d.due_day, '+1 month') <= @today
    ELSE d.due_day < @today END)`;

interface PersonRow {
  id: string;
  name: string;
  title: string;
  organisation: string;
  party: string | null;
  role: Person['role'];
  email: string | null;
  active: number;
  left_on: string | null;
}

/** What the body calls itself in running text: its name and the subject of its lead phrase. */
function bodyNames(name: string, lead: string | undefined): string[] {
  const names = [name];
  const subject = lead?.replace(/\s*beslutar\s*:?\s*$/iu, '').trim();
  if (subject && subject !== lead && subject !== name) names.push(subject);
  if (/ledningsgrupp/iu.test(subject ?? '')) names.push('ledningsgruppen');
  return names;
}

/**
 * Derives the register rows and search rows of one meeting from its document. The caller
 * runs it inside a transaction, after the meeting and item rows are projected.
 */
export function projectRegister(db: Db, docs: DocStore, meetingId: string): { decisions: number } {
  const doc = docs.get(meetingId);
  const meta = doc.getMap('meta');
  const bodyId = String(meta.get('bodyId'));
  const date = String(meta.get('date'));
  const bodyDocKind = docs.kindOf(bodyId);
  const profile = bodyDocKind === 'body' ? readProfile(docs.get(bodyId)) : null;
  const lead = profile?.decision.lead;
  const roster: Person[] = (db.prepare('SELECT * FROM person WHERE body_id = ?').all(bodyId) as PersonRow[]).map((p) => ({
    id: p.id,
    name: p.name,
    title: p.title,
    organisation: p.organisation,
    party: p.party,
    role: p.role,
    email: p.email,
    active: p.active === 1,
    leftOn: p.left_on,
  }));
  const upcoming = (db.prepare('SELECT date, title FROM meeting WHERE body_id = ? AND date > ? ORDER BY date LIMIT 24').all(bodyId, date) as Array<{ date: string }>).map((m) => ({ date: m.date }));
  const names = bodyNames(profile?.name ?? '', lead);

  const items = itemTexts(readContent(doc));
  const found = findDecisions(items, lead);
  const corrections = readCorrections(doc);
  const presentersOf = new Map<string, Presenter[]>();
  for (const item of items) {
    presentersOf.set(
      item.itemId,
      findForedragande(item.text).map((n) => {
        const p = roster.find((r) => r.name.toLocaleLowerCase('sv') === n.toLocaleLowerCase('sv'));
        return p ? { name: n, personId: p.id } : { name: n };
      }),
    );
  }

  projectReports(db, doc, meetingId);
  db.prepare('DELETE FROM decision WHERE meeting_id = ?').run(meetingId);
  const insertDecision = db.prepare(
    `INSERT INTO decision (meeting_id, id, body_id, meeting_date, item_id, sub_item_id, position, text, kind, owners_json, due_json, due_day,
       status, status_note, needs_follow_up, source_json, stale_json, detected_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOwner = db.prepare('INSERT INTO decision_owner (meeting_id, decision_id, person_id, name) VALUES (?, ?, ?, ?)');
  const searchRows: SearchRowInput[] = items.map((item) => ({ kind: 'item', itemId: item.itemId, subItemId: null, decisionId: null, title: item.title, text: item.text }));
  const cache = detectionCache(meetingId, JSON.stringify([roster, names, date, upcoming]));

  const seen = new Set<string>();
  found.forEach((f, position) => {
    // Two decisions with one id can only come from a damaged document (duplicate paragraph ids).
    if (seen.has(f.id)) return;
    seen.add(f.id);
    const foredragande = presentersOf.get(f.itemId) ?? [];
    const key = JSON.stringify([f.text, foredragande, f.referencedPersonIds]);
    let detected = cache.get(key);
    if (detected === undefined) {
      try {
        detected = detectDecision(f.text, { roster, bodyNames: names, meetingDate: date, upcomingMeetings: upcoming, foredragande, referencedPersonIds: f.referencedPersonIds });
      } catch (err) {
        console.error(`paragraf: decision ${f.id} of meeting ${meetingId} could not be read`, err);
        return;
      }
      cache.set(key, detected);
    }
    const record = mergeCorrections(detected, corrections.get(f.id) ?? []);
    insertDecision.run(
      meetingId,
      f.id,
      bodyId,
      date,
      f.itemId,
      f.subItemId,
      position,
      record.text,
      record.kind,
      JSON.stringify(record.owners),
      record.due === null ? null : JSON.stringify(record.due),
      dueDay(record.due, upcoming[0]?.date ?? null),
      record.status,
      record.statusNote ?? null,
      record.needsFollowUp ? 1 : 0,
      JSON.stringify(record.source),
      JSON.stringify(record.stale),
      JSON.stringify({ kind: detected.kind, owners: detected.owners, due: detected.due }),
    );
    for (const o of record.owners) insertOwner.run(meetingId, f.id, o.personId ?? null, o.name);
    searchRows.push({ kind: 'decision', itemId: f.itemId, subItemId: f.subItemId, decisionId: f.id, title: f.title, text: record.text });
  });
  cache.prune();
  syncSearchRows(db, meetingId, bodyId, date, searchRows);
  return { decisions: seen.size };
}

interface SearchRowInput {
  kind: 'item' | 'decision';
  itemId: string;
  subItemId: string | null;
  decisionId: string | null;
  title: string;
  text: string;
}

/**
 * Writes a meeting's search rows, touching only those that changed: after a keystroke that is
 * the edited § and its decision, not the whole meeting's text through the trigram tokenizer.
 */
function syncSearchRows(db: Db, meetingId: string, bodyId: string, date: string, rows: readonly SearchRowInput[]): void {
  type Old = SearchRowInput & { rowid: number; body_id: string; meeting_date: string };
  const key = (r: Pick<SearchRowInput, 'kind' | 'itemId' | 'decisionId'>) => `${r.kind}\u0000${r.itemId}\u0000${r.decisionId ?? ''}`;
  const old = new Map(
    (
      db
        .prepare('SELECT rowid, kind, item_id AS itemId, sub_item_id AS subItemId, decision_id AS decisionId, title, text, body_id, meeting_date FROM search_row WHERE meeting_id = ?')
        .all(meetingId) as Old[]
    ).map((r) => [key(r), r]),
  );
  const deleteFts = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  const deleteRow = db.prepare('DELETE FROM search_row WHERE rowid = ?');
  const insertRow = db.prepare(
    'INSERT INTO search_row (rowid, kind, meeting_id, body_id, meeting_date, item_id, sub_item_id, decision_id, title, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFts = db.prepare('INSERT INTO search_fts (rowid, title, text, title_folded, text_folded) VALUES (?, ?, ?, ?, ?)');
  // The FTS table is contentless: its rows go by rowid, before the rows that hold the ids.
  const drop = (r: Old) => {
    deleteFts.run(r.rowid);
    deleteRow.run(r.rowid);
  };
  const fresh: SearchRowInput[] = [];
  for (const r of rows) {
    const o = old.get(key(r));
    if (o && o.title === r.title && o.text === r.text && o.subItemId === r.subItemId && o.body_id === bodyId && o.meeting_date === date) {
      old.delete(key(r));
      continue;
    }
    if (o) {
      drop(o);
      old.delete(key(r));
    }
    fresh.push(r);
  }
  for (const o of old.values()) drop(o);
  if (fresh.length === 0) return;
  let rowid = nextSearchRowid(db, date);
  for (const r of fresh) {
    insertRow.run(rowid, r.kind, meetingId, bodyId, date, r.itemId, r.subItemId, r.decisionId, r.title, r.text);
    insertFts.run(rowid, r.title, r.text, foldSwedish(r.title), foldSwedish(r.text));
    rowid++;
  }
}

/**
 * What detection read, per meeting, for the decisions as they stand: a keystroke re-reads the
 * edited att-sats, not all of them. Detection is pure, so a cached answer equals a fresh one
 * (the rebuild-equals-incremental test holds); any change of roster, body names, date or
 * planned meetings (`context`) empties the meeting's cache.
 */
const detections = new Map<string, { context: string; byKey: Map<string, DetectedDecision>; used: Set<string> }>();
function detectionCache(meetingId: string, context: string) {
  let entry = detections.get(meetingId);
  if (entry === undefined || entry.context !== context) {
    entry = { context, byKey: new Map(), used: new Set() };
    detections.set(meetingId, entry);
    // A bound on memory: the meetings typed in lately, not every meeting a rebuild touched.
    if (detections.size > 50) detections.delete(detections.keys().next().value!);
  }
  const e = entry;
  e.used.clear();
  return {
    get(key: string) {
      const d = e.byKey.get(key);
      if (d !== undefined) e.used.add(key);
      return d;
    },
    set(key: string, d: DetectedDecision) {
      e.byKey.set(key, d);
      e.used.add(key);
    },
    /** Forgets decisions that are no longer in the document. */
    prune() {
      for (const k of [...e.byKey.keys()]) if (!e.used.has(k)) e.byKey.delete(k);
    },
  };
}

/**
 * After a roster change, owners are read again in the body's most recent meetings, where open
 * decisions are (not in all: a roster import must not cost seconds on ten years); older
 * meetings follow on their next edit, or `projections.rebuild`.
 */
export function reprojectRecentMeetings(db: Db, docs: DocStore, bodyId: string, limit = 12): void {
  const ids = db.prepare('SELECT id FROM meeting WHERE body_id = ? ORDER BY date DESC LIMIT ?').all(bodyId, limit) as Array<{ id: string }>;
  for (const { id } of ids) if (docs.kindOf(id) === 'meeting') projectRegister(db, docs, id);
}

/**
 * Search rows are numbered by their meeting's date: rowid = day number × 2^24 + n. FTS5 walks
 * a match in rowid order and can stop after a page, so "newest first" costs a page of rows
 * instead of sorting every match: "avtal" matches a third of ten years of minutes.
 */
export const ROWIDS_PER_DAY = 2 ** 24;
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}
function nextSearchRowid(db: Db, date: string): number {
  const base = dayNumber(date) * ROWIDS_PER_DAY;
  const row = db.prepare('SELECT max(rowid) AS m FROM search_row WHERE rowid >= ? AND rowid < ?').get(base, base + ROWIDS_PER_DAY) as { m: number | null };
  return row.m === null ? base : row.m + 1;
}

/** Empties the register and the search index (before a rebuild). */
export function clearRegister(db: Db): void {
  db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')").run();
  for (const t of ['search_row', 'decision_owner', 'decision', 'decision_report']) db.prepare(`DELETE FROM ${t}`).run();
}

/**
 * The decisions this meeting reports back on: each line the follow-up walk drafted is linked
 * (followUpLinks: paragraph id → source meeting and decision ids) and stands in some item of
 * this meeting; a line the secretary deleted reports nothing any more.
 */
function projectReports(db: Db, doc: Y.Doc, meetingId: string): void {
  db.prepare('DELETE FROM decision_report WHERE meeting_id = ?').run(meetingId);
  const links = doc.getMap<FollowUpLink>(FOLLOW_UP_LINKS);
  if (links.size === 0) return;
  const itemOf = new Map<string, string>();
  const visit = (node: unknown, itemId: string) => {
    if (!isElement(node)) return;
    itemOf.set(node.id, itemId);
    if ('children' in node) for (const c of node.children as unknown[]) visit(c, itemId);
  };
  for (const node of readContent(doc)) if (isElement(node) && node.type === 'item') visit(node, node.id);
  const insert = db.prepare('INSERT OR IGNORE INTO decision_report (source_meeting_id, decision_id, meeting_id, item_id) VALUES (?, ?, ?, ?)');
  links.forEach((link, paragraphId) => {
    const itemId = itemOf.get(paragraphId);
    if (!itemId || typeof link?.meetingId !== 'string' || !Array.isArray(link.decisionIds)) return;
    for (const decisionId of link.decisionIds) if (typeof decisionId === 'string') insert.run(link.meetingId, decisionId, meetingId, itemId);
  });
}
