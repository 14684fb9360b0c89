/**
 * Search across all minutes of all bodies, over the projection in `search_row`/`search_fts`
 * (register.ts writes it).
 *
 * - Terms of three characters or more go to FTS5's trigram index: substring matching, so
 *   "avtal" finds "hemsjukvårdsavtal" and "FoU-avtal".
 * - å/ä/ö are letters of their own: a query with them searches the text as written. A query
 *   without them searches the folded columns ("hogskola" finds "högskola" too); within a page
 *   the hits spelled as typed come first, and every hit says whether it was exact or folded.
 * - Shorter terms cannot use a trigram index. Mixed with longer ones, they filter the rows the
 *   long ones found. Alone (the first keystrokes), "95" finds § 95 and "vå" finds § titles
 *   with a word starting so; nothing else scans the text.
 * Results: newest meeting first, with the § label as computed now and a snippet.
 */
import type { z } from 'zod';
import type { registerMethods, SearchHit } from '../../src/api/registerContract';
import { ftsExpression, foldSwedish, hasSwedishLetters, lowerSwedish, queryTerms, snippet } from '../../src/search/text';
import type { Db } from './db';
import { dayNumber, ROWIDS_PER_DAY } from './register';

export type SearchParams = z.output<(typeof registerMethods)['search.query']['params']>;

interface HitRow {
  rowid: number;
  kind: 'item' | 'decision';
  meeting_id: string;
  meeting_date: string;
  meeting_title: string;
  body_id: string;
  body_name: string;
  item_id: string;
  sub_item_id: string | null;
  decision_id: string | null;
  title: string;
  text: string;
  label: string | null;
  sub_items_json: string | null;
}

const SELECT = `SELECT r.rowid AS rowid, r.kind, r.meeting_id, r.meeting_date, m.title AS meeting_title, r.body_id, b.name AS body_name,
  r.item_id, r.sub_item_id, r.decision_id, r.title, r.text, i.label, i.sub_items_json
  FROM search_row r
  JOIN meeting m ON m.id = r.meeting_id
  JOIN body b ON b.id = r.body_id
  LEFT JOIN item i ON i.meeting_id = r.meeting_id AND i.id = r.item_id`;
const SELECT_FTS = SELECT.replace('FROM search_row r', 'FROM search_fts f JOIN search_row r ON r.rowid = f.rowid');

function filters(p: SearchParams): { sql: string; args: Record<string, unknown> } {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  // Without a decision filter, one hit per §: the § row holds its decisions' text too.
  const decisions = p.decisionsOnly === true || p.status !== undefined;
  where.push(decisions ? "r.kind = 'decision'" : "r.kind = 'item'");
  if (p.bodyId !== undefined) {
    where.push('r.body_id = @bodyId');
    args.bodyId = p.bodyId;
  }
  // Dates as rowid ranges too (rowids follow the meeting date, register.ts): FTS5 uses them.
  if (p.from !== undefined) {
    where.push('r.meeting_date >= @from AND r.rowid >= @fromRowid');
    args.from = p.from;
    args.fromRowid = dayNumber(p.from) * ROWIDS_PER_DAY;
  }
  if (p.to !== undefined) {
    where.push('r.meeting_date <= @to AND r.rowid < @toRowid');
    args.to = p.to;
    args.toRowid = (dayNumber(p.to) + 1) * ROWIDS_PER_DAY;
  }
  if (p.status !== undefined) {
    where.push('EXISTS (SELECT 1 FROM decision d WHERE d.meeting_id = r.meeting_id AND d.id = r.decision_id AND d.status = @status)');
    args.status = p.status;
  }
  if (p.personId !== undefined) {
    where.push(
      decisions
        ? 'EXISTS (SELECT 1 FROM decision_owner o WHERE o.meeting_id = r.meeting_id AND o.decision_id = r.decision_id AND o.person_id = @personId)'
        : 'EXISTS (SELECT 1 FROM decision d JOIN decision_owner o ON o.meeting_id = d.meeting_id AND o.decision_id = d.id WHERE d.meeting_id = r.meeting_id AND d.item_id = r.item_id AND o.person_id = @personId)',
    );
    args.personId = p.personId;
  }
  return { sql: where.join(' AND '), args };
}

function toHit(r: HitRow, terms: readonly string[], match: SearchHit['match']): SearchHit {
  let label = r.label;
  if (r.sub_item_id !== null && r.sub_items_json !== null) {
    const sub = (JSON.parse(r.sub_items_json) as Array<{ id: string; label: string | null }>).find((s) => s.id === r.sub_item_id);
    label = sub?.label ?? label;
  }
  const where = terms.some((t) => (match === 'folded' ? foldSwedish(r.text).includes(foldSwedish(t)) : lowerSwedish(r.text).includes(lowerSwedish(t)))) ? r.text : r.title;
  return {
    kind: r.kind,
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    meetingTitle: r.meeting_title,
    bodyId: r.body_id,
    bodyName: r.body_name,
    itemId: r.item_id,
    subItemId: r.sub_item_id,
    decisionId: r.decision_id,
    label,
    title: r.title,
    snippet: snippet(where, terms, { folded: match === 'folded' }),
    match,
  };
}

export function search(db: Db, p: SearchParams): { hits: SearchHit[]; more: boolean } {
  const terms = queryTerms(p.query);
  if (terms.length === 0) return { hits: [], more: false };
  const { sql: where, args } = filters(p);
  const limit = p.limit;
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);

  if (long.length === 0) return shortSearch(db, terms, where, args, limit);

  // Short terms next to long ones: checked on the rows the long ones found.
  const keeps = (r: HitRow, fold: boolean) => {
    if (short.length === 0) return true;
    const norm = fold ? foldSwedish : lowerSwedish;
    const hay = norm(`${r.title}\n${r.text}`);
    return short.every((t) => hay.includes(norm(t)));
  };
  // Driven by the FTS table in descending rowid order (= newest meeting first), so a common
  // word stops after a page instead of sorting every match.
  // The date range on f.rowid as well, so FTS5 starts inside it instead of at the newest row.
  const ftsWhere = where.replaceAll('r.rowid', 'f.rowid');
  const run = (expr: string, fetch: number) =>
    db
      .prepare(`${SELECT_FTS} WHERE search_fts MATCH @expr AND ${ftsWhere} ORDER BY f.rowid DESC LIMIT @fetch`)
      .all({ ...args, expr, fetch }) as HitRow[];
  // Short terms filter after the query, so fetch a margin to still fill the page.
  const fetch = short.length === 0 ? limit + 1 : limit * 4 + 1;
  if (terms.some(hasSwedishLetters)) {
    // Typed with å/ä/ö: those letters are meant, so only the text as written is searched.
    const exact = run(ftsExpression(terms, ['title', 'text'])!, fetch).filter((r) => keeps(r, false));
    return { hits: exact.slice(0, limit).map((r) => toHit(r, terms, 'exact')), more: exact.length > limit };
  }
  // Typed without å/ä/ö: the folded columns find both "hogskolan" and "högskolan", so one
  // query over them is enough (an exact query for a word nobody wrote, of common trigrams,
  // costs FTS5 a walk of their whole doclists: 70 ms on ten years). Within the page, hits
  // spelled as typed come first; each is marked exact or folded.
  const isExact = (r: HitRow) => {
    const hay = lowerSwedish(`${r.title}\n${r.text}`);
    return terms.every((t) => hay.includes(lowerSwedish(t)));
  };
  const found = run(ftsExpression(terms.map(foldSwedish), ['title_folded', 'text_folded'])!, fetch).filter((r) => keeps(r, true));
  const page = found.slice(0, limit).map((r) => ({ r, exact: isExact(r) }));
  const hits = [...page.filter((x) => x.exact), ...page.filter((x) => !x.exact)].map((x) => toHit(x.r, terms, x.exact ? 'exact' : 'folded'));
  const more = found.length > limit;
  return { hits, more };
}

/**
 * The title index came into migration 003 after its first commit; a development database
 * migrated in between lacks it, and INDEXED BY a missing index is an error, not a slow query.
 */
const hasTitleIndex = new WeakMap<Db, boolean>();
function titleIndexHint(db: Db): string {
  let has = hasTitleIndex.get(db);
  if (has === undefined) {
    has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'search_row_titles'").get() !== undefined;
    hasTitleIndex.set(db, has);
  }
  return has ? 'INDEXED BY search_row_titles' : '';
}

/**
 * One or two characters: the first keystrokes of a search. A number finds that § (the
 * secretary's "§ 95"); letters find § titles with a word starting so. Text is not scanned:
 * two letters match nearly every §, and the answer comes from the third keystroke anyway.
 */
function shortSearch(db: Db, terms: readonly string[], where: string, args: Record<string, unknown>, limit: number): { hits: SearchHit[]; more: boolean } {
  const q = terms.join(' ');
  const number = /^§?\s*(\d{1,4})$/u.exec(q);
  let rows: HitRow[];
  if (number !== null) {
    rows = db
      .prepare(`${SELECT} WHERE i.number = @n AND ${where} ORDER BY r.rowid DESC LIMIT @fetch`)
      .all({ ...args, n: Number(number[1]), fetch: limit + 1 }) as HitRow[];
  } else {
    const t = q.replace(/[\\%_]/gu, (c) => `\\${c}`);
    // The page is picked in the covering index of titles (migration 003), not in the rows
    // with their text: a title nobody has would otherwise read ten years of minutes.
    rows = db
      .prepare(
        `${SELECT.replace('FROM search_row r', `FROM (SELECT r.rowid AS rid FROM search_row r ${titleIndexHint(db)} WHERE (r.title LIKE @start ESCAPE '\\' OR r.title LIKE @word ESCAPE '\\') AND ${where} ORDER BY r.rowid DESC LIMIT @fetch) page JOIN search_row r ON r.rowid = page.rid`)} ORDER BY r.rowid DESC`,
      )
      .all({ ...args, start: `${t}%`, word: `% ${t}%`, fetch: limit + 1 }) as HitRow[];
  }
  return { hits: rows.slice(0, limit).map((r) => toHit(r, terms, 'short')), more: rows.length > limit };
}
