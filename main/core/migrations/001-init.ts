import type { Migration } from './index';

/**
 * Documents are Yjs docs; their updates are an append-only log (`ydoc_update`) written before
 * the update is acknowledged, folded into `ydoc_snapshot` past a threshold. `body` and
 * `meeting` are projections for listing, rebuilt from the documents.
 */
export const m001Init: Migration = {
  name: '001-init',
  up(db) {
    db.exec(`
      CREATE TABLE ydoc (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('body', 'meeting')),
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE ydoc_update (
        doc_id      TEXT NOT NULL REFERENCES ydoc(id),
        seq         INTEGER NOT NULL,
        data        BLOB NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (doc_id, seq)
      ) STRICT;

      CREATE TABLE ydoc_snapshot (
        doc_id      TEXT PRIMARY KEY REFERENCES ydoc(id),
        data        BLOB NOT NULL,
        upto_seq    INTEGER NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE body (
        id          TEXT PRIMARY KEY REFERENCES ydoc(id),
        name        TEXT NOT NULL,
        genre       TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE meeting (
        id          TEXT PRIMARY KEY REFERENCES ydoc(id),
        body_id     TEXT NOT NULL REFERENCES body(id),
        title       TEXT NOT NULL,
        date        TEXT NOT NULL,
        status      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meeting_by_body_date ON meeting(body_id, date);
    `);
  },
};
