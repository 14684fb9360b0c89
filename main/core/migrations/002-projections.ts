import type { Migration } from './index';

/**
 * Projections for issue "bodies, rosters, attendance, agenda and § numbering": everything here
 * is derived from the Y.Docs (projections.ts) and can be rebuilt from them at any time.
 */
export const m002Projections: Migration = {
  name: '002-projections',
  up(db) {
    db.exec(`
      ALTER TABLE body ADD COLUMN preset TEXT NOT NULL DEFAULT 'sammantradesprotokoll';
      ALTER TABLE body ADD COLUMN profile_json TEXT NOT NULL DEFAULT '{}';

      ALTER TABLE meeting ADD COLUMN start_time TEXT;
      ALTER TABLE meeting ADD COLUMN end_time TEXT;
      ALTER TABLE meeting ADD COLUMN place TEXT;
      ALTER TABLE meeting ADD COLUMN dnr TEXT;
      ALTER TABLE meeting ADD COLUMN started_at TEXT;
      -- The frozen § numbers (FrozenNumbers as JSON), copied from the document for numbering
      -- other meetings without loading their documents.
      ALTER TABLE meeting ADD COLUMN frozen_json TEXT;

      CREATE TABLE item (
        meeting_id    TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        id            TEXT NOT NULL,
        position      INTEGER NOT NULL,
        title         TEXT NOT NULL,
        number        INTEGER,
        label         TEXT,
        bordlagd      INTEGER NOT NULL DEFAULT 0,
        agenda_key    TEXT,
        sub_items_json TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (meeting_id, id)
      ) STRICT;

      CREATE TABLE person (
        body_id       TEXT NOT NULL REFERENCES body(id) ON DELETE CASCADE,
        id            TEXT NOT NULL,
        name          TEXT NOT NULL,
        title         TEXT NOT NULL,
        organisation  TEXT NOT NULL,
        party         TEXT,
        role          TEXT NOT NULL,
        email         TEXT,
        active        INTEGER NOT NULL,
        left_on       TEXT,
        PRIMARY KEY (body_id, id)
      ) STRICT;
      CREATE INDEX person_by_name ON person(name);

      CREATE TABLE attendance (
        meeting_id    TEXT NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        key           TEXT NOT NULL,
        person_id     TEXT,
        name          TEXT NOT NULL,
        status        TEXT NOT NULL,
        roles         TEXT NOT NULL,
        replaces      TEXT,
        item_ids      TEXT,
        note          TEXT,
        PRIMARY KEY (meeting_id, key)
      ) STRICT;
    `);
  },
};
