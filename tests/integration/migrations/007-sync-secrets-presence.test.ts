import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/core/db';
import { tempDir } from '../../helpers/coreTransport';

describe('migration 007-sync-secrets-presence', () => {
  it('keeps a version-6 sync configuration (token still plain: sealing needs the OS), presence off, and holds the token exactly once', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 6);
    db.prepare("INSERT INTO ydoc VALUES ('d', 'meeting', 't')").run();
    db.prepare("INSERT INTO sync_config (id, url, token, updated_at) VALUES (1, 'wss://a', 'pgf_x', 't1')").run();
    db.prepare("INSERT INTO sync_doc (doc_id, url, clean_seq, updated_at) VALUES ('d', 'wss://a', 3, 't')").run();
    migrate(db, 7);
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT * FROM sync_config').all()).toEqual([
      { id: 1, url: 'wss://a', token: 'pgf_x', token_sealed: null, presence: 0, display_name: null, updated_at: 't1' },
    ]);
    expect(db.prepare('SELECT clean_seq FROM sync_doc').get()).toEqual({ clean_seq: 3 });
    // Sealed instead of plain is fine; both or neither is not.
    db.prepare("UPDATE sync_config SET token = NULL, token_sealed = x'0102', presence = 1, display_name = 'Anna'").run();
    expect(() => db.prepare("UPDATE sync_config SET token = 'pgf_x'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sync_config SET token_sealed = NULL').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE sync_config SET presence = 2').run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO sync_config (id, url, token, updated_at) VALUES (2, 'wss://b', 'pgf_y', 't')").run()).toThrow(/CHECK/);
    db.close();
  });
});
