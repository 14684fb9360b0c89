/**
 * A restore that fails halfway must leave the data folder as it found it, and a data folder
 * whose database file is gone must not open as an empty Paragraf. Real SQLite files in a temp
 * folder; the failures are real ones (a taken target, a backup that will not open), not mocks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unwrap } from '../../src/api/client';
import { Core } from '../../main/core/Core';
import { DB_FILE } from '../../main/core/db';
import { openCore, tempDir } from '../helpers/coreTransport';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

/** A data folder with one body, three meetings and one backup holding all of them. */
async function seeded() {
  const dataDir = tempDir();
  const { core, api } = openCore(dataDir);
  const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO' }));
  const ids: string[] = [];
  for (const date of ['2021-01-15', '2021-02-12', '2021-03-12']) {
    ids.push(unwrap(await api.invoke('meetings.create', { bodyId: body.id, date })).id);
  }
  const backup = unwrap(await api.invoke('backups.create', {}));
  core.close();
  return { dataDir, file: path.join(dataDir, DB_FILE), ids: ids.sort(), backup };
}

function open(dataDir: string) {
  const opened = openCore(dataDir);
  cores.push(opened.core);
  return opened;
}

/** Everything in the data folder a restore could have left behind. */
function leftovers(dataDir: string): string[] {
  return fs.readdirSync(dataDir).filter((n) => n.includes('.damaged-') || n.includes('.restoring'));
}

describe('a restore that fails', () => {
  it('cannot copy the backup into the data folder: the damaged database stays where it was and a restart still asks for recovery', async () => {
    const { dataDir, file, ids, backup } = await seeded();
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2) + 100);
    const damagedBytes = fs.readFileSync(file);
    // The temporary copy's name is taken by a folder: the copy fails as on a full disk.
    fs.mkdirSync(`${file}.restoring`);
    fs.writeFileSync(path.join(`${file}.restoring`, 'keep'), 'x');

    const { api } = open(dataDir);
    expect(unwrap(await api.invoke('app.status', {})).state).toBe('needs-recovery');
    const res = await api.invoke('recovery.restoreBackup', { backupId: backup.id });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('STORE_FAILED');
      expect(res.error.message.sv).toMatch(/^Återställningen misslyckades: .*Inget har ändrats\./);
      expect(res.error.message.en).toMatch(/^The restore failed: .*Nothing has been changed\./);
    }
    expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);
    expect(leftovers(dataDir)).toEqual([`${DB_FILE}.restoring`]);
    const status = unwrap(await api.invoke('app.status', {}));
    expect(status.state).toBe('needs-recovery');
    expect(status.backups[0]?.id).toBe(backup.id);

    // After a restart: the same question, never an empty app.
    cores.pop()!.close();
    const again = open(dataDir);
    expect(unwrap(await again.api.invoke('app.status', {})).state).toBe('needs-recovery');
    expect(fs.readFileSync(file).equals(damagedBytes)).toBe(true);

    // With the obstacle gone the same backup restores every meeting.
    fs.rmSync(`${file}.restoring`, { recursive: true });
    expect(unwrap(await again.api.invoke('recovery.restoreBackup', { backupId: backup.id })).state).toBe('ready');
    expect(unwrap(await again.api.invoke('meetings.list', {})).map((m) => m.id).sort()).toEqual(ids);
    expect(leftovers(dataDir)).toEqual([expect.stringMatching(/^paragraf\.sqlite\.damaged-[\dTZ-]+$/)]);
  });

  it('cannot copy the backup while the database is healthy: it stays open, unchanged, with every meeting', async () => {
    const { dataDir, file, ids, backup } = await seeded();
    const bytes = fs.readFileSync(file);
    fs.mkdirSync(`${file}.restoring`);

    const { api } = open(dataDir);
    const res = await api.invoke('recovery.restoreBackup', { backupId: backup.id });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('STORE_FAILED');
    expect(unwrap(await api.invoke('app.status', {})).state).toBe('ready');
    expect(unwrap(await api.invoke('meetings.list', {})).map((m) => m.id).sort()).toEqual(ids);
    cores.pop()!.close();
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(leftovers(dataDir)).toEqual([`${DB_FILE}.restoring`]);
  });

  it('finds the chosen backup damaged: the open database is not closed', async () => {
    const { dataDir, ids, backup } = await seeded();
    const { api } = open(dataDir);
    // Damaged after the list was shown: checked only inside the restore.
    fs.truncateSync(path.join(dataDir, 'backups', backup.id), 1000);
    const res = await api.invoke('recovery.restoreBackup', { backupId: backup.id });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('NO_BACKUP');
    expect(unwrap(await api.invoke('app.status', {})).state).toBe('ready');
    expect(unwrap(await api.invoke('meetings.list', {})).map((m) => m.id).sort()).toEqual(ids);
    expect(leftovers(dataDir)).toEqual([]);
  });

  it('puts a backup in place that then refuses to open: the database it replaced is moved back byte for byte and reopened', async () => {
    const { dataDir, file, ids, backup } = await seeded();
    // Passes the check (quick_check, meetings counted) but was written by a newer Paragraf.
    const newer = backup.id.replace(/\.sqlite$/, '-1.sqlite');
    fs.copyFileSync(path.join(dataDir, 'backups', backup.id), path.join(dataDir, 'backups', newer));
    const db = new Database(path.join(dataDir, 'backups', newer));
    db.pragma('user_version = 9999');
    db.close();
    const bytes = fs.readFileSync(file);

    const { api } = open(dataDir);
    const res = await api.invoke('recovery.restoreBackup', { backupId: newer });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('DATABASE_CORRUPT');
      expect(res.error.message.sv).toMatch(/Inget har ändrats/);
    }
    expect(unwrap(await api.invoke('app.status', {})).state).toBe('ready');
    expect(unwrap(await api.invoke('meetings.list', {})).map((m) => m.id).sort()).toEqual(ids);
    expect(leftovers(dataDir)).toEqual([]);
    cores.pop()!.close();
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});

describe('a data folder without its database file', () => {
  it('asks for recovery when backups exist, creates nothing, and the backup brings every meeting back', async () => {
    const { dataDir, file, ids, backup } = await seeded();
    fs.rmSync(file);

    const { api } = open(dataDir);
    const status = unwrap(await api.invoke('app.status', {}));
    expect(status.state).toBe('needs-recovery');
    expect(status.problem?.message.sv).toMatch(/saknas/);
    expect(status.backups[0]?.id).toBe(backup.id);
    const list = await api.invoke('meetings.list', {});
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.error.code).toBe('DATABASE_CORRUPT');
    expect(fs.existsSync(file)).toBe(false);

    expect(unwrap(await api.invoke('recovery.restoreBackup', { backupId: backup.id })).state).toBe('ready');
    expect(unwrap(await api.invoke('meetings.list', {})).map((m) => m.id).sort()).toEqual(ids);
    expect(leftovers(dataDir)).toEqual([]);
  });

  it('asks for recovery when only a moved-aside database is left', async () => {
    const { dataDir, file } = await seeded();
    fs.renameSync(file, `${file}.damaged-2021-01-01T00-00-00-000Z`);
    fs.rmSync(path.join(dataDir, 'backups'), { recursive: true });

    const { api } = open(dataDir);
    expect(unwrap(await api.invoke('app.status', {})).state).toBe('needs-recovery');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('starts empty on a first start, with nothing in the folder', async () => {
    const dataDir = tempDir();
    const { api } = open(dataDir);
    expect(unwrap(await api.invoke('app.status', {})).state).toBe('ready');
    expect(unwrap(await api.invoke('meetings.list', {}))).toEqual([]);
  });
});
