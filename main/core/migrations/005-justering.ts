import type { Migration } from './index';

/**
 * Justering and locking (issue 5, main/export/justering.ts).
 *
 * - `protocol_export`: every protocol PDF the Core exported, by the SHA-256 of its bytes, with
 *   the SHA-256 of the protocol model it was rendered from. A signed PDF is tied to its meeting
 *   by the hash of its first revision (what was exported, before any signature), and the model
 *   hash says whether the meeting still says what the signed PDF says.
 * - `meeting_lock`: one row per justerat meeting: the frozen Yjs state of the document at the
 *   moment of locking, the SHA-256 of the signed PDF (and of the export it was signed from),
 *   and who signed. The row can never be changed or removed (triggers): the lock is the audit
 *   record, and a rättelse is added beside it, never written over it.
 */
export const m005Justering: Migration = {
  name: '005-justering',
  up(db) {
    db.exec(`
      CREATE TABLE protocol_export (
        meeting_id    TEXT NOT NULL REFERENCES ydoc(id),
        pdf_sha256    TEXT NOT NULL,
        model_sha256  TEXT NOT NULL,
        exported_at   TEXT NOT NULL,
        PRIMARY KEY (meeting_id, pdf_sha256)
      ) STRICT;
      CREATE INDEX protocol_export_by_pdf ON protocol_export (pdf_sha256);

      CREATE TABLE meeting_lock (
        meeting_id           TEXT PRIMARY KEY REFERENCES ydoc(id),
        locked_at            TEXT NOT NULL,
        snapshot             BLOB NOT NULL,
        snapshot_sha256      TEXT NOT NULL,
        signed_pdf_sha256    TEXT NOT NULL,
        exported_pdf_sha256  TEXT NOT NULL,
        signers              TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER meeting_lock_no_update BEFORE UPDATE ON meeting_lock
        BEGIN SELECT RAISE(ABORT, 'meeting_lock is frozen: a justerat protocol is changed by a rättelse'); END;
      CREATE TRIGGER meeting_lock_no_delete BEFORE DELETE ON meeting_lock
        BEGIN SELECT RAISE(ABORT, 'meeting_lock is frozen: a justerat protocol is changed by a rättelse'); END;
    `);
  },
};
