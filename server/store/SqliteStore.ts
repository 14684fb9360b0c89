/**
 * The embedded store: one SQLite file (better-sqlite3, WAL, synchronous=FULL), for a single
 * small server with nothing else to set up. The CLI may open the same file while the server
 * runs (WAL lets readers and one writer share it; busy_timeout covers short waits).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AdminError } from '../messages';
import { checkUpdate, planCompaction, rebuildDocument, sha256, type StoredPiece } from './docState';
import { grantedOnly, type AccessMode, type CompactionResult, type DocumentListing, type GrantRow, type ServerStore, type TokenAccess, type TokenRow, type UserRow } from './Store';

export const SQLITE_FILE = 'paragraf-server.sqlite';

/** Numbered migrations; the index + 1 is the schema version kept in `user_version`. */
export const sqliteMigrations: Array<(db: Database.Database) => void> = [
  (db) =>
    db.exec(`
      CREATE TABLE documents (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        sha256 BLOB NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE document_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        data BLOB NOT NULL,
        sha256 BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX document_updates_by_name ON document_updates (name, id);
      CREATE TABLE users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE tokens (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users (id),
        hash BLOB NOT NULL UNIQUE,
        label TEXT,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE access_grants (
        user_id INTEGER NOT NULL REFERENCES users (id),
        body_id TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('read-write', 'read-only')),
        granted_at TEXT NOT NULL,
        PRIMARY KEY (user_id, body_id)
      );
    `),
];

interface UserDbRow {
  id: number;
  name: string;
  created_at: string;
}
interface TokenDbRow {
  id: number;
  user_id: number;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}
interface PieceDbRow {
  id: number;
  data: Buffer;
  sha256: Buffer;
}

const rowToUser = (r: UserDbRow): UserRow => ({ id: r.id, name: r.name, createdAt: r.created_at });
const rowToToken = (r: TokenDbRow): TokenRow => ({ id: r.id, userId: r.user_id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at });
const now = () => new Date().toISOString();

export function migrateSqlite(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > sqliteMigrations.length) {
    throw new AdminError(
      `Serverdatabasen har skapats av en nyare Paragraf-server (schema ${current}, den här känner till ${sqliteMigrations.length}). Uppdatera servern; inget har ändrats.`,
      `The server database was written by a newer Paragraf server (schema ${current}, this one knows ${sqliteMigrations.length}). Update the server; nothing was changed.`,
    );
  }
  for (let v = current; v < sqliteMigrations.length; v++) {
    db.transaction(() => {
      sqliteMigrations[v]!(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export class SqliteStore implements ServerStore {
  readonly kind = 'sqlite' as const;
  readonly where: string;
  private readonly db: Database.Database;

  private constructor(file: string) {
    this.where = file;
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      // FULL: in WAL mode NORMAL may lose the last commits on power loss, and an update is
      // acknowledged to the client only after its commit.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      migrateSqlite(this.db);
    } catch (err) {
      this.db.close();
      throw err;
    }
  }

  /** Opens (creating if needed) the store file in `dataDir`. */
  static open(dataDir: string): SqliteStore {
    fs.mkdirSync(dataDir, { recursive: true });
    return new SqliteStore(path.resolve(dataDir, SQLITE_FILE));
  }

  static openFile(file: string): SqliteStore {
    return new SqliteStore(file);
  }

  async loadDocument(name: string): Promise<Uint8Array | null> {
    // One read transaction: the snapshot and the log are seen at the same instant.
    const { snapshot, log } = this.db.transaction(() => ({
      snapshot: this.db.prepare('SELECT state AS data, sha256 FROM documents WHERE name = ?').get(name) as Omit<PieceDbRow, 'id'> | undefined,
      log: this.db.prepare('SELECT id, data, sha256 FROM document_updates WHERE name = ? ORDER BY id').all(name) as PieceDbRow[],
    }))();
    return rebuildDocument(name, snapshot ?? null, log);
  }

  async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    checkUpdate(update);
    const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
    this.db.prepare('INSERT INTO document_updates (name, data, sha256, created_at) VALUES (?, ?, ?, ?)').run(name, data, sha256(data), now());
  }

  async storeDocument(name: string, state: Uint8Array): Promise<CompactionResult> {
    return this.db.transaction(() => {
      const stored = this.db.prepare('SELECT state AS data, sha256 FROM documents WHERE name = ?').get(name) as Omit<PieceDbRow, 'id'> | undefined;
      const log = this.db.prepare('SELECT id, data, sha256 FROM document_updates WHERE name = ? ORDER BY id').all(name) as StoredPiece[];
      const plan = planCompaction(name, stored ?? null, state, log);
      const data = Buffer.from(plan.snapshot);
      this.db
        .prepare(
          `INSERT INTO documents (name, state, sha256, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
        )
        .run(name, data, sha256(data), now());
      const del = this.db.prepare('DELETE FROM document_updates WHERE id = ?');
      for (const id of plan.fold) del.run(id);
      return { folded: plan.fold.length, kept: plan.keep };
    }).immediate();
  }

  async addUser(name: string): Promise<UserRow> {
    const row = this.db.prepare('INSERT INTO users (name, created_at) VALUES (?, ?) RETURNING id, name, created_at').get(name, now()) as UserDbRow;
    return rowToUser(row);
  }

  async findUser(name: string): Promise<UserRow | null> {
    const row = this.db.prepare('SELECT id, name, created_at FROM users WHERE name = ?').get(name) as UserDbRow | undefined;
    return row ? rowToUser(row) : null;
  }

  async listUsers(): Promise<UserRow[]> {
    return (this.db.prepare('SELECT id, name, created_at FROM users ORDER BY name').all() as UserDbRow[]).map(rowToUser);
  }

  async addToken(userId: number, hash: Buffer, label: string | null): Promise<TokenRow> {
    const row = this.db
      .prepare('INSERT INTO tokens (user_id, hash, label, created_at) VALUES (?, ?, ?, ?) RETURNING id, user_id, label, created_at, revoked_at')
      .get(userId, hash, label, now()) as TokenDbRow;
    return rowToToken(row);
  }

  async listTokens(userId: number): Promise<TokenRow[]> {
    return (this.db.prepare('SELECT id, user_id, label, created_at, revoked_at FROM tokens WHERE user_id = ? ORDER BY id').all(userId) as TokenDbRow[]).map(rowToToken);
  }

  async revokeTokens(userId: number, tokenId?: number): Promise<number> {
    const r =
      tokenId === undefined
        ? this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(now(), userId)
        : this.db.prepare('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND id = ? AND revoked_at IS NULL').run(now(), userId, tokenId);
    return r.changes;
  }

  async setGrant(userId: number, bodyId: string, mode: AccessMode): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO access_grants (user_id, body_id, mode, granted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (user_id, body_id) DO UPDATE SET mode = excluded.mode, granted_at = excluded.granted_at`,
      )
      .run(userId, bodyId, mode, now());
  }

  async removeGrant(userId: number, bodyId: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM access_grants WHERE user_id = ? AND body_id = ?').run(userId, bodyId).changes > 0;
  }

  async listGrants(userId?: number): Promise<GrantRow[]> {
    const rows = this.db
      .prepare(
        `SELECT u.name AS user_name, g.body_id, g.mode, g.granted_at FROM access_grants g JOIN users u ON u.id = g.user_id
         WHERE (? IS NULL OR g.user_id = ?) ORDER BY u.name, g.body_id`,
      )
      .all(userId ?? null, userId ?? null) as Array<{ user_name: string; body_id: string; mode: AccessMode; granted_at: string }>;
    return rows.map((r) => ({ userName: r.user_name, bodyId: r.body_id, mode: r.mode, grantedAt: r.granted_at }));
  }

  async authenticate(tokenHash: Buffer, bodyId: string): Promise<TokenAccess | null> {
    const row = this.db
      .prepare(
        `SELECT t.id AS token_id, u.id AS user_id, u.name AS user_name, g.mode
         FROM tokens t JOIN users u ON u.id = t.user_id
         LEFT JOIN access_grants g ON g.user_id = u.id AND g.body_id = ?
         WHERE t.hash = ? AND t.revoked_at IS NULL`,
      )
      .get(bodyId, tokenHash) as { token_id: number; user_id: number; user_name: string; mode: AccessMode | null } | undefined;
    return row ? { tokenId: row.token_id, userId: row.user_id, userName: row.user_name, mode: row.mode } : null;
  }

  async accessFor(tokenId: number, bodyId: string): Promise<AccessMode | null> {
    const row = this.db
      .prepare(
        `SELECT g.mode FROM tokens t JOIN access_grants g ON g.user_id = t.user_id AND g.body_id = ?
         WHERE t.id = ? AND t.revoked_at IS NULL`,
      )
      .get(bodyId, tokenId) as { mode: AccessMode } | undefined;
    return row?.mode ?? null;
  }

  async listDocuments(tokenHash: Buffer): Promise<DocumentListing | null> {
    return this.db.transaction(() => {
      const user = this.db
        .prepare('SELECT u.id, u.name FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ? AND t.revoked_at IS NULL')
        .get(tokenHash) as { id: number; name: string } | undefined;
      if (!user) return null;
      const bodies = (this.db.prepare('SELECT body_id, mode FROM access_grants WHERE user_id = ? ORDER BY body_id').all(user.id) as Array<{ body_id: string; mode: AccessMode }>).map(
        (g) => ({ bodyId: g.body_id, mode: g.mode }),
      );
      // A document exists once it has a snapshot or a logged update (a new one may have only
      // the latter until its first compaction). Prefix match on the body's two name forms.
      const byBody = this.db.prepare(
        `SELECT name FROM documents WHERE name = 'body/' || @id OR substr(name, 1, length('meeting/' || @id || '/')) = 'meeting/' || @id || '/'
         UNION SELECT name FROM document_updates WHERE name = 'body/' || @id OR substr(name, 1, length('meeting/' || @id || '/')) = 'meeting/' || @id || '/'`,
      );
      const names: string[] = [];
      for (const b of bodies) for (const r of byBody.all({ id: b.bodyId }) as Array<{ name: string }>) names.push(r.name);
      return { userName: user.name, bodies, documents: grantedOnly(names, new Set(bodies.map((b) => b.bodyId))) };
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
