import type { Migration } from './index';

/**
 * The decision register and search (issue 6). Everything here is a projection: derived from
 * the meeting documents (main/core/register.ts) and rebuilt by `projections.rebuild`.
 *
 * - `decision`: one row per att-sats (or "Beslut:" sentence/bullet), detection merged with
 *   the corrections stored in the meeting document. § labels are not copied here: they move
 *   when an earlier meeting changes, so reads join `item` for them.
 * - `decision_owner`: the owners, one row each, so "everything Kjell owns" is an index lookup.
 * - `search_row` + `search_fts`: one row per § (title and all its text) and one per decision.
 *   The FTS table is contentless (the text is kept once, in `search_row`) with the trigram
 *   tokenizer, because Swedish compounds need substring matching ("avtal" in
 *   "hemsjukvårdsavtal"). `*_folded` columns hold the text with å/ä/ö folded to a/a/o so a
 *   query typed without them still finds them, as a second-rank fallback.
 */
export const m003RegisterSearch: Migration = {
  name: '003-register-search',
  up(db) {
    db.exec(`
      CREATE TABLE decision (
        meeting_id      TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        id              TEXT NOT NULL,
        body_id         TEXT NOT NULL,
        meeting_date    TEXT NOT NULL,
        item_id         TEXT NOT NULL,
        sub_item_id     TEXT,
        position        INTEGER NOT NULL,
        text            TEXT NOT NULL,
        kind            TEXT NOT NULL,
        owners_json     TEXT NOT NULL,
        due_json        TEXT,
        -- A sortable day for the due point (exact date, a meeting's date, or a month's first
        -- day); NULL when it names no time. Overdue = open and due_day < today.
        due_day         TEXT,
        status          TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
        status_note     TEXT,
        needs_follow_up INTEGER NOT NULL,
        source_json     TEXT NOT NULL,
        stale_json      TEXT NOT NULL,
        -- What detection alone said, so a correction can record it (and report it stale later).
        detected_json   TEXT NOT NULL,
        PRIMARY KEY (meeting_id, id)
      ) STRICT;
      CREATE INDEX decision_by_body ON decision(body_id, status, meeting_date);
      CREATE INDEX decision_by_item ON decision(meeting_id, item_id);
      -- "95" in the search box finds § 95 of every meeting: without this, a scan of all items.
      CREATE INDEX item_by_number ON item(number);

      CREATE TABLE decision_owner (
        meeting_id   TEXT NOT NULL,
        decision_id  TEXT NOT NULL,
        person_id    TEXT,
        name         TEXT NOT NULL,
        FOREIGN KEY (meeting_id, decision_id) REFERENCES decision(meeting_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX decision_owner_by_person ON decision_owner(person_id);
      CREATE INDEX decision_owner_by_decision ON decision_owner(meeting_id, decision_id);

      CREATE TABLE search_row (
        rowid        INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL CHECK (kind IN ('item', 'decision')),
        meeting_id   TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        body_id      TEXT NOT NULL,
        meeting_date TEXT NOT NULL,
        item_id      TEXT NOT NULL,
        sub_item_id  TEXT,
        decision_id  TEXT,
        title        TEXT NOT NULL,
        text         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX search_row_by_meeting ON search_row(meeting_id);
      CREATE INDEX search_row_by_body_date ON search_row(body_id, meeting_date);
      -- One or two characters cannot use the trigram index: they match § titles, scanned in
      -- this small covering index instead of the rows with their text.
      CREATE INDEX search_row_titles ON search_row(kind, body_id, meeting_date, title);

      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, text, title_folded, text_folded,
        tokenize = 'trigram', content = '', contentless_delete = 1
      );
    `);
  },
};
