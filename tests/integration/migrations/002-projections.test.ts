import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/core/db';
import { tempDir } from '../../helpers/coreTransport';

describe('migration 002-projections', () => {
  it('keeps version-1 rows and adds the projection columns and tables', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    db.prepare("INSERT INTO ydoc VALUES ('b', 'body', 't'), ('m', 'meeting', 't')").run();
    db.prepare("INSERT INTO body (id, name, genre, created_at) VALUES ('b', 'LSVO', 'sammantradesprotokoll', 't')").run();
    db.prepare("INSERT INTO meeting (id, body_id, title, date, status, created_at, updated_at) VALUES ('m', 'b', 'LSVO', '2021-05-07', 'planerat', 't', 't')").run();
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT preset, profile_json FROM body').get()).toEqual({ preset: 'sammantradesprotokoll', profile_json: '{}' });
    expect(db.prepare('SELECT start_time, frozen_json FROM meeting').get()).toEqual({ start_time: null, frozen_json: null });
    db.prepare("INSERT INTO item (meeting_id, id, position, title) VALUES ('m', 'i', 0, 'Godkännande av föredragningslista')").run();
    // Items belong to their meeting: removing the meeting removes them.
    db.prepare("DELETE FROM meeting WHERE id = 'm'").run();
    expect(db.prepare('SELECT count(*) AS n FROM item').get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO person (body_id, id, name, title, organisation, role, active) VALUES ('nope', 'p', 'X', '', '', 'ledamot', 1)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
