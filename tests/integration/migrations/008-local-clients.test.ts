import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/core/db';
import { tempDir } from '../../helpers/coreTransport';

describe('migration 008-local-clients', () => {
  it('adds the per-document list of client ids that typed here: unique, non-negative, gone with the document', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 7);
    db.prepare("INSERT INTO ydoc VALUES ('d', 'meeting', 't')").run();
    migrate(db, 8);
    expect(schemaVersion(db)).toBe(8);
    db.prepare("INSERT INTO doc_local_client VALUES ('d', 4294967295)").run();
    expect(() => db.prepare("INSERT INTO doc_local_client VALUES ('d', 4294967295)").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO doc_local_client VALUES ('d', -1)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO doc_local_client VALUES ('nope', 1)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM ydoc WHERE id = 'd'").run();
    expect(db.prepare('SELECT count(*) AS n FROM doc_local_client').get()).toEqual({ n: 0 });
    db.close();
  });
});
