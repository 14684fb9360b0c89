/**
 * Opening the SQLite database: WAL, foreign keys, the integrity check at start, and the
 * numbered migrations. SQL lives in plain functions over a handle (STYLE.md §3).
 */
import Database from 'better-sqlite3';
import { ParagrafError } from '../../src/api/errors';
import { migrations } from './migrations';

export type Db = Database.Database;

export const DB_FILE = 'paragraf.sqlite';

export function openDatabase(file: string, options: { targetVersion?: number } = {}): Db {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL, not NORMAL: in WAL mode NORMAL may lose the last transactions on power loss, and
    // "Sparat" must mean what it says.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.targetVersion ?? migrations.length);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * Quick structural check of every page (`quick_check` skips index-content comparison, which
 * is O(N log N) and can take seconds on a ten-year database). Returns the problems found.
 */
export function checkIntegrity(db: Db): string[] {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  return rows.map((r) => r.quick_check).filter((s) => s !== 'ok');
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies migrations up to `target`. Refuses a database written by a newer Paragraf. */
export function migrate(db: Db, target: number): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new ParagrafError(
      'DATABASE_TOO_NEW',
      `Databasen har skapats av en nyare version av Paragraf (schema ${current}, den här versionen känner till ${migrations.length}). Uppdatera Paragraf; inget har ändrats i databasen.`,
      `The database was written by a newer Paragraf (schema ${current}, this version knows ${migrations.length}). Update Paragraf; nothing in the database was changed.`,
    );
  }
  for (let v = current; v < target; v++) {
    const m = migrations[v]!;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
