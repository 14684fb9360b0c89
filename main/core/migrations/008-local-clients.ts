import type { Migration } from './index';

/**
 * Which Yjs client ids typed on this computer, per document: the windows' replicas and the
 * Core itself. When another computer's move of an item arrives and would drop text typed here
 * into the deleted original, only the computer that typed it puts it back
 * (src/protocol/moveRescue.ts), so the text is restored once, not by every computer that saw it.
 */
export const m008LocalClients: Migration = {
  name: '008-local-clients',
  up(db) {
    db.exec(`
      CREATE TABLE doc_local_client (
        doc_id     TEXT NOT NULL REFERENCES ydoc(id) ON DELETE CASCADE,
        client_id  INTEGER NOT NULL CHECK (client_id >= 0),
        PRIMARY KEY (doc_id, client_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
