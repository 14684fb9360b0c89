import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/core/db';
import { tempDir } from '../../helpers/coreTransport';

describe('migration 005-justering', () => {
  it('keeps version-4 rows and adds export records and a lock that cannot be changed or removed', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    db.prepare("INSERT INTO ydoc VALUES ('m', 'meeting', 't')").run();
    migrate(db, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM ydoc').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO protocol_export VALUES ('m', 'aa', 'bb', 't')").run();
    expect(() => db.prepare("INSERT INTO protocol_export VALUES ('nope', 'aa', 'bb', 't')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO meeting_lock VALUES ('m', 't', x'0102', 'cc', 'dd', 'aa', '[]')").run();
    // One lock per meeting, never changed, never removed.
    expect(() => db.prepare("INSERT INTO meeting_lock VALUES ('m', 't2', x'03', 'ee', 'ff', 'aa', '[]')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("UPDATE meeting_lock SET snapshot = x'00'").run()).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM meeting_lock').run()).toThrow(/frozen/);
    expect(db.prepare('SELECT hex(snapshot) AS h FROM meeting_lock').get()).toEqual({ h: '0102' });
    db.close();
  });
});
