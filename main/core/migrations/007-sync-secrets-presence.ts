import type { Migration } from './index';

/**
 * The sync token at rest, and awareness settings (main/sync/SyncManager.ts).
 *
 * - `token_sealed`: the token encrypted by the operating system (Electron's safeStorage:
 *   Keychain, DPAPI, libsecret); `token` holds it in plain text only where no such protector
 *   exists (the browser harness, the CLI) or until one first sees the row. Exactly one of them
 *   is set. Existing rows keep their plain token here: encryption needs the OS, which a
 *   migration cannot reach, so SyncManager seals a plain token the first time it starts with
 *   a protector.
 * - `presence`, `display_name`: whether others see who is in a protocol and where the
 *   cursor is (off by default), and the name they see (null: the server account's name).
 *
 * SQLite cannot relax NOT NULL in place, hence the copy into a new table.
 */
export const m007SyncSecretsPresence: Migration = {
  name: '007-sync-secrets-presence',
  up(db) {
    db.exec(`
      CREATE TABLE sync_config_new (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        url           TEXT NOT NULL,
        token         TEXT,
        token_sealed  BLOB,
        presence      INTEGER NOT NULL DEFAULT 0 CHECK (presence IN (0, 1)),
        display_name  TEXT,
        updated_at    TEXT NOT NULL,
        CHECK ((token IS NULL) <> (token_sealed IS NULL))
      ) STRICT;
      INSERT INTO sync_config_new (id, url, token, updated_at) SELECT id, url, token, updated_at FROM sync_config;
      DROP TABLE sync_config;
      ALTER TABLE sync_config_new RENAME TO sync_config;
    `);
  },
};
