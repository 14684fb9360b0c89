import type { Migration } from './index';

/**
 * Sync with a server (main/sync/): the configured server and token, and per document the
 * log sequence number at which that server last held every local change ("clean"), so a
 * restart knows which documents still have changes only this computer has. Keyed by the
 * server URL too: a clean point says nothing about another server.
 *
 * The token is kept here, in the user's own database, like the minutes themselves; it
 * grants what the minutes' author already has on this computer.
 */
export const m004Sync: Migration = {
  name: '004-sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_config (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        url         TEXT NOT NULL,
        token       TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_doc (
        doc_id      TEXT NOT NULL REFERENCES ydoc(id),
        url         TEXT NOT NULL,
        clean_seq   INTEGER NOT NULL,
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (doc_id, url)
      ) STRICT;
    `);
  },
};
