import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/core/db';
import { tempDir } from '../../helpers/coreTransport';

describe('migration 004-sync', () => {
  it('keeps version-3 rows and adds one sync configuration and clean points per document and server', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 3);
    db.prepare("INSERT INTO ydoc VALUES ('d', 'meeting', 't')").run();
    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT count(*) AS n FROM ydoc').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO sync_config (id, url, token, updated_at) VALUES (1, 'wss://a', 'pgf_x', 't')").run();
    // One configuration only.
    expect(() => db.prepare("INSERT INTO sync_config (id, url, token, updated_at) VALUES (2, 'wss://b', 'pgf_y', 't')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO sync_doc (doc_id, url, clean_seq, updated_at) VALUES ('d', 'wss://a', 3, 't'), ('d', 'wss://b', 1, 't')").run();
    // A clean point belongs to a stored document.
    expect(() => db.prepare("INSERT INTO sync_doc (doc_id, url, clean_seq, updated_at) VALUES ('nope', 'wss://a', 1, 't')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
