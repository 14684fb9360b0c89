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

/** Where a restore copies the backup first: beside the database, so the rename into place is atomic. */
function stagingFile(dbFile: string): string {
  return `${dbFile}.restoring`;
}

/**
 * First half of a restore, while the database is still open and untouched: checks the backup
 * and copies it next to the database. A damaged backup, an unreadable one or a full disk fails
 * here, before anything is moved, so the app goes on exactly as it was. Returns the copy.
 */
export function stageBackup(dbFile: string, backup: string): string {
  const checked = inspectBackup(backup);
  if (!checked.ok) {
    throw new ParagrafError(
      'NO_BACKUP',
      `Säkerhetskopian är också skadad (${checked.reason}). Välj en äldre kopia.`,
      `That backup is damaged too (${checked.reason}). Choose an older one.`,
    );
  }
  const tmp = stagingFile(dbFile);
  try {
    // A -wal left by an interrupted restore would be replayed into the new copy.
    removeSidecars(tmp);
    fs.copyFileSync(backup, tmp);
    // The copy is checked too: a short write on a nearly full disk does not always throw.
    const copied = inspectBackup(tmp);
    // The read-only check leaves an empty -wal/-shm beside the copy; they are not moved with it.
    removeSidecars(tmp);
    if (!copied.ok) throw new Error(`the copy is damaged: ${copied.reason}`);
  } catch (err) {
    for (const suffix of ['', '-wal', '-shm']) removeQuietly(tmp + suffix);
    throw restoreFailed(err);
  }
  return tmp;
}

export interface SwappedIn {
  /** Where the database that was replaced went, or null if there was none. */
  aside: string | null;
  /** Puts the replaced files back where they were; the copy of the backup is removed. */
  undo(): void;
}

/**
 * Second half, with the database closed: moves the database (and its -wal/-shm) aside under a
 * dated name and renames the staged copy into its place. If a step fails, whatever was moved
 * is moved back before the error is thrown, so a failed restore never leaves the folder
 * without its database (SQLite would then quietly start an empty one).
 */
export function swapInBackup(dbFile: string, staged: string): SwappedIn {
  let aside = `${dbFile}.damaged-${stamp(new Date())}`;
  // Two restores within one millisecond must not overwrite the first damaged file.
  for (let i = 1; fs.existsSync(aside); i++) aside = `${dbFile}.damaged-${stamp(new Date())}-${i}`;
  const moved: string[] = [];
  let undone = false;
  const undo = () => {
    // Once only: a second run would delete the database it had just put back.
    if (undone) return;
    undone = true;
    try {
      // What SQLite wrote beside the copy goes first: a stray -wal would be replayed into the
      // original database on its next open.
      for (const suffix of ['-wal', '-shm', '']) {
        if (!moved.includes(suffix)) fs.rmSync(dbFile + suffix, { force: true });
      }
      for (const suffix of [...moved]) {
        fs.renameSync(aside + suffix, dbFile + suffix);
        moved.splice(moved.indexOf(suffix), 1);
      }
    } catch (err) {
      throw new ParagrafError(
        'STORE_FAILED',
        `Återställningen misslyckades och databasen kunde inte flyttas tillbaka (${message(err)}). Den ligger orörd i ${aside}; ändra inget i datamappen och kontakta support.`,
        `The restore failed and the database could not be moved back (${message(err)}). It is untouched at ${aside}; change nothing in the data folder and contact support.`,
        message(err),
      );
    }
  };
  try {
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(dbFile + suffix)) {
        fs.renameSync(dbFile + suffix, aside + suffix);
        moved.push(suffix);
      }
    }
    fs.renameSync(staged, dbFile);
  } catch (err) {
    try {
      undo();
    } finally {
      removeQuietly(staged);
    }
    throw restoreFailed(err);
  }
  return { aside: moved.includes('') ? aside : null, undo };
}

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** Tidying after a failure must not hide the failure itself. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // A directory or an unwritable folder: left for whoever put it there.
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function restoreFailed(err: unknown): ParagrafError {
  if (err instanceof ParagrafError) return err;
  return new ParagrafError(
    'STORE_FAILED',
    `Återställningen misslyckades: säkerhetskopian kunde inte läggas in i datamappen (${message(err)}). Inget har ändrats. Kontrollera att disken har ledigt utrymme och att datamappen går att skriva i, och försök igen eller välj en annan kopia.`,
    `The restore failed: the backup could not be put into the data folder (${message(err)}). Nothing has been changed. Check that the disk has free space and the data folder is writable, then try again or choose another backup.`,
    message(err),
  );
}

/**
 * Files that show this folder has held a database: backups, and databases moved aside by a
 * restore. A folder with any of them and no database file is not a first start.
 */
export function hasHeldDatabase(dataDir: string, dbFile: string): boolean {
  const base = `${path.basename(dbFile)}.damaged-`;
  if (fs.readdirSync(dataDir).some((n) => n.startsWith(base))) return true;
  const dir = backupDir(dataDir);
  return fs.existsSync(dir) && fs.readdirSync(dir).some((n) => NAME.test(n));
}
