import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { unwrap } from '../../src/api/client';
import { Core } from '../../main/core/Core';
import { DB_FILE } from '../../main/core/db';
import { openCore, tempDir } from '../helpers/coreTransport';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

/** A data folder with two bodies, five meetings and one backup holding all of them. */
async function seeded() {
  const dataDir = tempDir();
  const { core, api } = openCore(dataDir);
  const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO' }));
  const other = unwrap(await api.invoke('bodies.create', { name: 'Ledningsgrupp' }));
  const ids: string[] = [];
  for (const date of ['2021-01-15', '2021-02-12', '2021-03-12', '2021-04-09']) {
    ids.push(unwrap(await api.invoke('meetings.create', { bodyId: body.id, date })).id);
  }
  ids.push(unwrap(await api.invoke('meetings.create', { bodyId: other.id, date: '2021-06-04' })).id);
  const backup = unwrap(await api.invoke('backups.create', {}));
  core.close();
  return { dataDir, ids: ids.sort(), backup };
}

const damage = {
  truncated(file: string) {
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2) + 100);
  },
  'truncated to zero bytes'(file: string) {
    fs.truncateSync(file, 0);
  },
  'truncated at a page boundary'(file: string) {
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.max(4096, Math.floor(size / 4096 / 2) * 4096));
  },
  'bytes flipped'(file: string) {
    const buf = fs.readFileSync(file);
    // Flip bytes inside the schema and table pages, past the 100-byte header.
    for (let i = 100; i < buf.length; i += 97) buf[i] = buf[i]! ^ 0xff;
    fs.writeFileSync(file, buf);
  },
  'header overwritten'(file: string) {
    const buf = fs.readFileSync(file);
    buf.fill(0x41, 0, 64);
    fs.writeFileSync(file, buf);
  },
};

describe('a damaged database', () => {
  it.each(Object.keys(damage) as (keyof typeof damage)[])('%s: is detected at start and the newest backup restores every meeting', async (kind) => {
    const { dataDir, ids, backup } = await seeded();
    const file = path.join(dataDir, DB_FILE);
    damage[kind](file);
    const damagedBytes = fs.readFileSync(file);

    const { core, api } = openCore(dataDir);
    cores.push(core);
    const status = unwrap(await api.invoke('app.status', {}));
    expect(status.state).toBe('needs-recovery');
    expect(status.problem?.kind).toBe('corrupt');
    expect(status.problem?.message.sv).toMatch(/skadad/);
    expect(status.backups[0]?.id).toBe(backup.id);
    expect(status.backups[0]?.meetings).toBe(5);

    // Everything else refuses, clearly, rather than showing an empty app.
    const list = await api.invoke('meetings.list', {});
    expect(list.ok).toBe(false);
    if (!list.ok) expect(list.error.code).toBe('DATABASE_CORRUPT');

    const after = unwrap(await api.invoke('recovery.restoreBackup', { backupId: status.backups[0]!.id }));
    expect(after.state).toBe('ready');
    expect(after.restoredFrom).toBe(backup.id);
    const meetings = unwrap(await api.invoke('meetings.list', {}));
    expect(meetings.map((m) => m.id).sort()).toEqual(ids);
    // Each meeting's document opens, too: the backup holds the documents, not just the rows.
    for (const id of ids) expect((await api.invoke('docs.open', { docId: id })).ok).toBe(true);

    // The damaged file was moved aside byte for byte, never deleted.
    const aside = fs.readdirSync(dataDir).filter((n) => n.startsWith(`${DB_FILE}.damaged-`) && !/-(wal|shm)$/.test(n));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dataDir, aside[0]!)).equals(damagedBytes)).toBe(true);
  });

  it('refuses a backup id that is not one of the backups', async () => {
    const { dataDir } = await seeded();
    const { core, api } = openCore(dataDir);
    cores.push(core);
    for (const backupId of ['../paragraf.sqlite', 'paragraf.sqlite', '/etc/passwd', 'paragraf-2020-01-01T00-00-00-000Z.sqlite']) {
      const res = await api.invoke('recovery.restoreBackup', { backupId });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('NO_BACKUP');
    }
    expect(unwrap(await api.invoke('meetings.list', {}))).toHaveLength(5);
  });

  it('keeps only the newest backups and never offers a damaged one', async () => {
    const dataDir = tempDir();
    const { core, api } = openCore(dataDir, { backupsToKeep: 3 });
    cores.push(core);
    const body = unwrap(await api.invoke('bodies.create', { name: 'B' }));
    for (let i = 0; i < 5; i++) {
      unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: `2021-01-0${i + 1}` }));
      unwrap(await api.invoke('backups.create', {}));
    }
    let status = unwrap(await api.invoke('app.status', {}));
    expect(status.backups.map((b) => b.meetings)).toEqual([5, 4, 3]);
    fs.truncateSync(path.join(dataDir, 'backups', status.backups[0]!.id), 1000);
    status = unwrap(await api.invoke('app.status', {}));
    expect(status.backups.map((b) => b.meetings)).toEqual([4, 3]);
  });
});
