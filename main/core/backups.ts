/**
 * Rolling backups through SQLite's online backup API (consistent while the app writes), and
 * the restore that replaces a damaged database. A damaged file is moved aside, never deleted:
 * it may still hold the last minutes of a meeting that someone can rescue by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ParagrafError } from '../../src/api/errors';
import type { BackupInfo } from '../../src/api/contract';
import type { Db } from './db';

const NAME = /^paragraf-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(-\d+)?\.sqlite$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

function fromStamp(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(s);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : s;
}

/** Reads a backup file without changing it: valid only if it opens and passes quick_check. */
export function inspectBackup(file: string): { ok: true; meetings: number } | { ok: false; reason: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check);
    if (check.length !== 1 || check[0] !== 'ok') return { ok: false, reason: check.slice(0, 3).join('; ') };
    const meetings = (db.prepare('SELECT count(*) AS n FROM meeting').get() as { n: number }).n;
    return { ok: true, meetings };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    db?.close();
  }
}

/** Valid backups, newest first. Broken ones are left out: offering them would be a trap. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    const info = inspectBackup(file);
    if (!info.ok) continue;
    out.push({ id: name, createdAt: fromStamp(m[1]!), sizeBytes: fs.statSync(file).size, meetings: info.meetings });
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : -1));
}

/**
 * Writes a new backup next to the database and keeps the newest `keep`. The copy is written
 * to a temporary name and renamed, so a crash mid-backup never leaves a half file that looks
 * like a backup.
 */
export async function createBackup(db: Db, dataDir: string, keep = 10): Promise<BackupInfo> {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const now = new Date();
  let name = `paragraf-${stamp(now)}.sqlite`;
  for (let i = 1; fs.existsSync(path.join(dir, name)); i++) name = `paragraf-${stamp(now)}-${i}.sqlite`;
  const tmp = path.join(dir, `.${name}.part`);
  await db.backup(tmp);
  const info = inspectBackup(tmp);
  if (!info.ok) {
    fs.rmSync(tmp, { force: true });
    throw new ParagrafError(
      'STORE_FAILED',
      `Säkerhetskopian blev felaktig och sparades inte (${info.reason}). Dina data är orörda.`,
      `The backup came out damaged and was not kept (${info.reason}). Your data is untouched.`,
    );
  }
  fs.renameSync(tmp, path.join(dir, name));
  prune(dir, keep);
  return { id: name, createdAt: now.toISOString(), sizeBytes: fs.statSync(path.join(dir, name)).size, meetings: info.meetings };
}

function prune(dir: string, keep: number): void {
  const names = fs
    .readdirSync(dir)
    .filter((n) => NAME.test(n))
    .sort()
    .reverse();
  for (const old of names.slice(keep)) fs.rmSync(path.join(dir, old), { force: true });
}

/** Resolves a backup id to its file, refusing anything that is not one of our backup names. */
export function backupFile(dataDir: string, backupId: string): string {
  const file = path.join(backupDir(dataDir), backupId);
  if (!NAME.test(backupId) || path.basename(backupId) !== backupId || !fs.existsSync(file)) {
    throw new ParagrafError(
      'NO_BACKUP',
      `Säkerhetskopian "${backupId}" finns inte. Välj en kopia ur listan.`,
      `Backup "${backupId}" does not exist. Choose one from the list.`,
    );
  }
  return file;
}

/**
 * Moves the database (and its -wal/-shm) aside under a dated name and puts a copy of the
 * backup in its place. Returns where the old file went.
 */
export function replaceWithBackup(dbFile: string, backup: string): string | null {
  const checked = inspectBackup(backup);
  if (!checked.ok) {
    throw new ParagrafError(
      'NO_BACKUP',
      `Säkerhetskopian är också skadad (${checked.reason}). Välj en äldre kopia.`,
      `That backup is damaged too (${checked.reason}). Choose an older one.`,
    );
  }
  const aside = `${dbFile}.damaged-${stamp(new Date())}`;
  let moved: string | null = null;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbFile + suffix)) {
      fs.renameSync(dbFile + suffix, aside + suffix);
      if (suffix === '') moved = aside;
    }
  }
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backup, tmp);
  fs.renameSync(tmp, dbFile);
  return moved;
}
