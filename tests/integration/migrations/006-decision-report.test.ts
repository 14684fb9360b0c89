import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/core/db';
import { tempDir } from '../../helpers/coreTransport';

describe('migration 006-decision-report', () => {
  it('keeps version-5 rows and adds where decisions are reported back, removed with the reporting meeting', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 5);
    db.prepare("INSERT INTO ydoc VALUES ('b', 'body', 't'), ('m2', 'meeting', 't')").run();
    db.prepare("INSERT INTO body (id, name, genre, created_at) VALUES ('b', 'LSVO', 'sammantradesprotokoll', 't')").run();
    db.prepare("INSERT INTO meeting (id, body_id, title, date, status, created_at, updated_at) VALUES ('m2', 'b', 'LSVO', '2021-05-07', 'planerat', 't', 't')").run();
    migrate(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT count(*) AS n FROM meeting').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO decision_report VALUES ('m1', 'd1', 'm2', 'i3'), ('m1', 'd2', 'm2', 'i3')").run();
    expect(() => db.prepare("INSERT INTO decision_report VALUES ('m1', 'd1', 'm2', 'i4')").run()).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("INSERT INTO decision_report VALUES ('m1', 'd3', 'nope', 'i1')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM meeting WHERE id = 'm2'").run();
    expect(db.prepare('SELECT count(*) AS n FROM decision_report').get()).toEqual({ n: 0 });
    db.close();
  });
});
