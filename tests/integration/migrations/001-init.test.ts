import { describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, openDatabase, schemaVersion } from '../../../main/core/db';
import { migrations } from '../../../main/core/migrations';
import { Core } from '../../../main/core/Core';
import { tempDir } from '../../helpers/coreTransport';

describe('migration 001-init', () => {
  it('brings an empty database to version 1 with the document log and projections', () => {
    const db = new Database(path.join(tempDir(), 'x.sqlite'));
    migrate(db, 0);
    expect(schemaVersion(db)).toBe(0);
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(['body', 'meeting', 'ydoc', 'ydoc_snapshot', 'ydoc_update']);
    // The log refuses two rows with the same sequence number for one document.
    db.prepare("INSERT INTO ydoc VALUES ('d', 'meeting', 'now')").run();
    db.prepare("INSERT INTO ydoc_update VALUES ('d', 1, x'00', 'now')").run();
    expect(() => db.prepare("INSERT INTO ydoc_update VALUES ('d', 1, x'00', 'now')").run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('every migration is listed once, in order', () => {
    expect(migrations.map((m) => m.name)).toEqual(migrations.map((m, i) => `${String(i + 1).padStart(3, '0')}-${m.name.slice(4)}`));
  });
});

describe('a database from a newer Paragraf', () => {
  it('is refused with a clear message and left unchanged', () => {
    const dir = tempDir();
    const file = path.join(dir, 'paragraf.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer Paragraf/);
    const core = Core.open({ dataDir: dir, backupIntervalMs: 0 });
    const status = core.status();
    core.close();
    expect(status.state).toBe('needs-recovery');
    expect(status.problem?.kind).toBe('too-new');
    expect(status.problem?.message.sv).toMatch(/nyare version/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    check.close();
  });
});
