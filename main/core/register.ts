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
import type { Db } from './db';
import type { DocStore } from './docStore';
import { readContent, readProfile } from './projections';

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
      else if (c.type === 'paragraph') {
        const personIds: string[] = [];
        main.blocks.push({ id: c.id, text: leafText(c, personIds), personIds });
      } else if (c.type === 'subitem') {
        const seg: Segment = { itemId: node.id, subItemId: c.id, title: '', blocks: [] };
        for (const s of c.children) {
          if (!isElement(s)) continue;
          if (s.type === 'subitem-title') seg.title = leafText(s, []).trim();
          else {
            const personIds: string[] = [];
            seg.blocks.push({ id: s.id, text: leafText(s, personIds), personIds });
          }
        }
        segments.push(seg);
      }
    }
    main.title = title;
    const lines = [title, ...segments.flatMap((s) => [...(s.subItemId ? [s.title] : []), ...s.blocks.map((b) => b.text)])];
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
      let text = '';
      const starts: number[] = [];
      seg.blocks.forEach((b, i) => {
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
        const block = seg.blocks[first]!;
        out.push({
          id: n === 0 ? block.id : `${block.id}_${n}`,
          itemId: item.itemId,
          subItemId: seg.subItemId,
          title: seg.subItemId ? seg.title : item.title,
          text: d.text,
          referencedPersonIds: [...new Set(seg.blocks.slice(first, last + 1).flatMap((b) => b.personIds))],
        });
      }
    }
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

  clearMeeting(db, meetingId);
  const insertDecision = db.prepare(
    `INSERT INTO decision (meeting_id, id, body_id, meeting_date, item_id, sub_item_id, position, text, kind, owners_json, due_json, due_day,
       status, status_note, needs_follow_up, source_json, stale_json, detected_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOwner = db.prepare('INSERT INTO decision_owner (meeting_id, decision_id, person_id, name) VALUES (?, ?, ?, ?)');
  const insertRow = db.prepare(
    'INSERT INTO search_row (kind, meeting_id, body_id, meeting_date, item_id, sub_item_id, decision_id, title, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFts = db.prepare('INSERT INTO search_fts (rowid, title, text, title_folded, text_folded) VALUES (?, ?, ?, ?, ?)');
  const index = (kind: 'item' | 'decision', itemId: string, subItemId: string | null, decisionId: string | null, title: string, text: string) => {
    const { lastInsertRowid } = insertRow.run(kind, meetingId, bodyId, date, itemId, subItemId, decisionId, title, text);
    insertFts.run(lastInsertRowid, title, text, foldSwedish(title), foldSwedish(text));
  };
  for (const item of items) index('item', item.itemId, null, null, item.title, item.text);

  const seen = new Set<string>();
  found.forEach((f, position) => {
    // Two decisions with one id can only come from a damaged document (duplicate paragraph ids).
    if (seen.has(f.id)) return;
    seen.add(f.id);
    let detected: DetectedDecision;
    try {
      detected = detectDecision(f.text, {
        roster,
        bodyNames: names,
        meetingDate: date,
        upcomingMeetings: upcoming,
        foredragande: presentersOf.get(f.itemId) ?? [],
        referencedPersonIds: f.referencedPersonIds,
      });
    } catch (err) {
      console.error(`paragraf: decision ${f.id} of meeting ${meetingId} could not be read`, err);
      return;
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
    index('decision', f.itemId, f.subItemId, f.id, f.title, record.text);
  });
  return { decisions: seen.size };
}

function clearMeeting(db: Db, meetingId: string): void {
  // The FTS table is contentless: its rows go by rowid, before the rows that hold the ids.
  db.prepare('DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_row WHERE meeting_id = ?)').run(meetingId);
  db.prepare('DELETE FROM search_row WHERE meeting_id = ?').run(meetingId);
  db.prepare('DELETE FROM decision WHERE meeting_id = ?').run(meetingId);
}

/** Empties the register and the search index (before a rebuild). */
export function clearRegister(db: Db): void {
  db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')").run();
  for (const t of ['search_row', 'decision_owner', 'decision']) db.prepare(`DELETE FROM ${t}`).run();
}
