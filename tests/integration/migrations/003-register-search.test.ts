import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/core/db';
import { tempDir } from '../../helpers/coreTransport';

describe('migration 003-register-search', () => {
  it('keeps version-2 rows and adds the register and a trigram search index', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, 2);
    db.prepare("INSERT INTO ydoc VALUES ('b', 'body', 't'), ('m', 'meeting', 't')").run();
    db.prepare("INSERT INTO body (id, name, genre, created_at) VALUES ('b', 'LSVO', 'sammantradesprotokoll', 't')").run();
    db.prepare("INSERT INTO meeting (id, body_id, title, date, status, created_at, updated_at) VALUES ('m', 'b', 'LSVO', '2021-05-07', 'planerat', 't', 't')").run();
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT title FROM meeting').get()).toEqual({ title: 'LSVO' });
    db.prepare(
      `INSERT INTO decision (meeting_id, id, body_id, meeting_date, item_id, position, text, kind, owners_json, status, needs_follow_up, source_json, stale_json, detected_json)
       VALUES ('m', 'd', 'b', '2021-05-07', 'i', 0, 'att …', 'uppdrag', '[]', 'open', 1, '{}', '[]', '{}')`,
    ).run();
    db.prepare("INSERT INTO decision_owner VALUES ('m', 'd', 'p', 'Kjell Ivarsson')").run();
    expect(() => db.prepare("UPDATE decision SET status = 'klar'").run()).toThrow(/CHECK/);
    // The trigram tokenizer matches inside compounds.
    db.prepare("INSERT INTO search_fts (rowid, title, text, title_folded, text_folded) VALUES (1, 'Hemsjukvårdsavtal', '', '', '')").run();
    expect(db.prepare("SELECT rowid FROM search_fts WHERE search_fts MATCH '\"avtal\"'").all()).toEqual([{ rowid: 1 }]);
    // Decisions and their owners belong to the meeting.
    db.prepare("DELETE FROM meeting WHERE id = 'm'").run();
    expect(db.prepare('SELECT (SELECT count(*) FROM decision) + (SELECT count(*) FROM decision_owner) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});
