/**
 * The PostgreSQL store, for real deployments and for several server nodes sharing documents.
 *
 * Least privilege: the server connects as a role that may only read and write Paragraf's
 * tables in one schema (server/sql/postgres-setup.sql). Creating and changing tables is the
 * schema owner's job (`tsx server/cli.ts migrate` run as the owner). The server migrates on
 * start only when its role happens to own the schema (the simple set-up), and otherwise
 * says precisely what to run.
 */
import pg from 'pg';
import { AdminError } from '../messages';
import { checkUpdate, planCompaction, rebuildDocument, sha256 } from './docState';
import { grantedOnly, type AccessMode, type CompactionResult, type DocumentListing, type GrantRow, type ServerStore, type TokenAccess, type TokenRow, type UserRow } from './Store';

/** Numbered migrations, run by the schema owner; the version is kept in `schema_version`. */
export const postgresMigrations: string[] = [
  `
  CREATE TABLE schema_version (version integer NOT NULL);
  INSERT INTO schema_version VALUES (0);
  CREATE TABLE documents (
    name text PRIMARY KEY,
    state bytea NOT NULL,
    sha256 bytea NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE document_updates (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    data bytea NOT NULL,
    sha256 bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX document_updates_by_name ON document_updates (name, id);
  CREATE TABLE users (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE tokens (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users (id),
    hash bytea NOT NULL UNIQUE,
    label text,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
  );
  CREATE TABLE access_grants (
    user_id integer NOT NULL REFERENCES users (id),
    body_id text NOT NULL,
    mode text NOT NULL CHECK (mode IN ('read-write', 'read-only')),
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, body_id)
  );
  `,
];

/** Any constant: serialises migrations of several nodes starting at once. */
const MIGRATION_LOCK = 0x70617261;

const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : d);

interface PgError {
  code?: string;
  message?: string;
}

function safeWhere(url: string, schema: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}${u.pathname} (schema ${schema})`;
  } catch {
    return `postgres (schema ${schema})`;
  }
}

export interface PostgresStoreOptions {
  url: string;
  schema: string;
  /** Create or upgrade the tables if needed (needs the schema owner's rights). */
  migrate: 'if-needed' | 'never';
  poolSize?: number;
}

export class PostgresStore implements ServerStore {
  readonly kind = 'postgres' as const;
  readonly where: string;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
    url: string,
  ) {
    this.where = safeWhere(url, schema);
  }

  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`bad schema name ${options.schema}`);
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // Only our schema on the search path: no table of another schema can be picked up.
      options: `-c search_path=${options.schema}`,
    });
    // An idle client that errors (e.g. the database restarts) must not crash the server.
    pool.on('error', (err) => console.error('paragraf-server: PostgreSQL connection error / anslutningsfel', err.message));
    const store = new PostgresStore(pool, options.schema, options.url);
    try {
      await store.checkSchema(options.migrate);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return store;
  }

  /** The schema version in the database (0: no tables yet). */
  async schemaVersion(): Promise<number> {
    const r = await this.pool.query<{ t: string | null }>(`SELECT to_regclass('schema_version')::text AS t`);
    if (!r.rows[0]?.t) return 0;
    const v = await this.pool.query<{ version: number }>('SELECT version FROM schema_version');
    return v.rows[0]?.version ?? 0;
  }

  private async checkSchema(mode: 'if-needed' | 'never'): Promise<void> {
    let current: number;
    try {
      current = await this.schemaVersion();
    } catch (err) {
      throw this.connectError(err);
    }
    if (current > postgresMigrations.length) {
      throw new AdminError(
        `Databasen har skapats av en nyare Paragraf-server (schema ${current}, den här känner till ${postgresMigrations.length}). Uppdatera servern; inget har ändrats.`,
        `The database was written by a newer Paragraf server (schema ${current}, this one knows ${postgresMigrations.length}). Update the server; nothing was changed.`,
      );
    }
    if (current === postgresMigrations.length) return;
    if (mode === 'never') throw this.needsMigration(current);
    await this.migrate();
  }

  /** Applies the missing migrations in one transaction. Run as the schema owner. */
  async migrate(): Promise<{ from: number; to: number }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [this.schema]);
      if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${this.schema}`);
      const t = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_version')::text AS t`);
      const from = t.rows[0]?.t ? ((await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0]?.version ?? 0) : 0;
      for (let v = from; v < postgresMigrations.length; v++) {
        await client.query(postgresMigrations[v]!);
        await client.query('UPDATE schema_version SET version = $1', [v + 1]);
      }
      await client.query('COMMIT');
      return { from, to: postgresMigrations.length };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      if ((err as PgError).code === '42501') throw this.needsMigration(-1);
      throw err;
    } finally {
      client.release();
    }
  }

  private needsMigration(current: number): AdminError {
    const have = current >= 0 ? ` (schema ${current} av ${postgresMigrations.length})` : '';
    const haveEn = current >= 0 ? ` (schema ${current} of ${postgresMigrations.length})` : '';
    return new AdminError(
      `Databasens tabeller saknas eller är gamla${have}, och serverns databasroll får inte skapa dem. Kör som schemats ägare: PARAGRAF_DATABASE_URL=<ägarens URL> npx tsx server/cli.ts migrate (se server/README.md).`,
      `The database tables are missing or outdated${haveEn}, and the server's database role may not create them. Run as the schema owner: PARAGRAF_DATABASE_URL=<owner's URL> npx tsx server/cli.ts migrate (see server/README.md).`,
    );
  }

  private connectError(err: unknown): Error {
    if (err instanceof AdminError) return err;
    const detail = (err as PgError).message ?? String(err);
    return new AdminError(
      `Kunde inte ansluta till PostgreSQL (${this.where}): ${detail}. Kontrollera PARAGRAF_DATABASE_URL och att databasen är igång.`,
      `Could not connect to PostgreSQL (${this.where}): ${detail}. Check PARAGRAF_DATABASE_URL and that the database is running.`,
    );
  }

  async loadDocument(name: string): Promise<Uint8Array | null> {
    const client = await this.pool.connect();
    try {
      // One snapshot of the database for both reads: a compaction on another node between
      // them would otherwise move updates out of the log before we read the new snapshot.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const s = await client.query<{ data: Buffer; sha256: Buffer }>('SELECT state AS data, sha256 FROM documents WHERE name = $1', [name]);
      const log = await client.query<{ id: string; data: Buffer; sha256: Buffer }>('SELECT id::text AS id, data, sha256 FROM document_updates WHERE name = $1 ORDER BY id', [name]);
      await client.query('COMMIT');
      return rebuildDocument(name, s.rows[0] ?? null, log.rows);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async appendUpdate(name: string, update: Uint8Array): Promise<void> {
    checkUpdate(update);
    // A copy: the query may wait for a pooled connection, and `update` views a socket buffer.
    const data = Buffer.from(update);
    await this.pool.query('INSERT INTO document_updates (name, data, sha256) VALUES ($1, $2, $3)', [name, data, sha256(data)]);
  }

  async storeDocument(name: string, state: Uint8Array): Promise<CompactionResult> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Nodes compacting the same document take turns (merging makes either order correct;
      // the lock keeps two merges from racing on the same row).
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
      const s = await client.query<{ data: Buffer; sha256: Buffer }>('SELECT state AS data, sha256 FROM documents WHERE name = $1', [name]);
      const log = await client.query<{ id: string; data: Buffer; sha256: Buffer }>('SELECT id::text AS id, data, sha256 FROM document_updates WHERE name = $1 ORDER BY id', [name]);
      const plan = planCompaction(name, s.rows[0] ?? null, state, log.rows);
      const data = Buffer.from(plan.snapshot);
      await client.query(
        `INSERT INTO documents (name, state, sha256, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
        [name, data, sha256(data)],
      );
      if (plan.fold.length > 0) await client.query('DELETE FROM document_updates WHERE id = ANY($1::bigint[])', [plan.fold]);
      await client.query('COMMIT');
      return { folded: plan.fold.length, kept: plan.keep };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async addUser(name: string): Promise<UserRow> {
    const r = await this.pool.query<{ id: number; name: string; created_at: Date }>('INSERT INTO users (name) VALUES ($1) RETURNING id, name, created_at', [name]);
    const row = r.rows[0]!;
    return { id: row.id, name: row.name, createdAt: iso(row.created_at)! };
  }

  async findUser(name: string): Promise<UserRow | null> {
    const r = await this.pool.query<{ id: number; name: string; created_at: Date }>('SELECT id, name, created_at FROM users WHERE name = $1', [name]);
    const row = r.rows[0];
    return row ? { id: row.id, name: row.name, createdAt: iso(row.created_at)! } : null;
  }

  async listUsers(): Promise<UserRow[]> {
    const r = await this.pool.query<{ id: number; name: string; created_at: Date }>('SELECT id, name, created_at FROM users ORDER BY name');
    return r.rows.map((row) => ({ id: row.id, name: row.name, createdAt: iso(row.created_at)! }));
  }

  async addToken(userId: number, hash: Buffer, label: string | null): Promise<TokenRow> {
    const r = await this.pool.query<{ id: number; created_at: Date }>('INSERT INTO tokens (user_id, hash, label) VALUES ($1, $2, $3) RETURNING id, created_at', [userId, hash, label]);
    const row = r.rows[0]!;
    return { id: row.id, userId, label, createdAt: iso(row.created_at)!, revokedAt: null };
  }

  async listTokens(userId: number): Promise<TokenRow[]> {
    const r = await this.pool.query<{ id: number; label: string | null; created_at: Date; revoked_at: Date | null }>(
      'SELECT id, label, created_at, revoked_at FROM tokens WHERE user_id = $1 ORDER BY id',
      [userId],
    );
    return r.rows.map((row) => ({ id: row.id, userId, label: row.label, createdAt: iso(row.created_at)!, revokedAt: iso(row.revoked_at) }));
  }

  async revokeTokens(userId: number, tokenId?: number): Promise<number> {
    const r =
      tokenId === undefined
        ? await this.pool.query('UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId])
        : await this.pool.query('UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND id = $2 AND revoked_at IS NULL', [userId, tokenId]);
    return r.rowCount ?? 0;
  }

  async setGrant(userId: number, bodyId: string, mode: AccessMode): Promise<void> {
    await this.pool.query(
      `INSERT INTO access_grants (user_id, body_id, mode) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, body_id) DO UPDATE SET mode = excluded.mode, granted_at = now()`,
      [userId, bodyId, mode],
    );
  }

  async removeGrant(userId: number, bodyId: string): Promise<boolean> {
    const r = await this.pool.query('DELETE FROM access_grants WHERE user_id = $1 AND body_id = $2', [userId, bodyId]);
    return (r.rowCount ?? 0) > 0;
  }

  async listGrants(userId?: number): Promise<GrantRow[]> {
    const r = await this.pool.query<{ user_name: string; body_id: string; mode: AccessMode; granted_at: Date }>(
      `SELECT u.name AS user_name, g.body_id, g.mode, g.granted_at FROM access_grants g JOIN users u ON u.id = g.user_id
       WHERE ($1::integer IS NULL OR g.user_id = $1) ORDER BY u.name, g.body_id`,
      [userId ?? null],
    );
    return r.rows.map((row) => ({ userName: row.user_name, bodyId: row.body_id, mode: row.mode, grantedAt: iso(row.granted_at)! }));
  }

  async authenticate(tokenHash: Buffer, bodyId: string): Promise<TokenAccess | null> {
    const r = await this.pool.query<{ token_id: number; user_id: number; user_name: string; mode: AccessMode | null }>(
      `SELECT t.id AS token_id, u.id AS user_id, u.name AS user_name, g.mode
       FROM tokens t JOIN users u ON u.id = t.user_id
       LEFT JOIN access_grants g ON g.user_id = u.id AND g.body_id = $1
       WHERE t.hash = $2 AND t.revoked_at IS NULL`,
      [bodyId, tokenHash],
    );
    const row = r.rows[0];
    return row ? { tokenId: row.token_id, userId: row.user_id, userName: row.user_name, mode: row.mode } : null;
  }

  async accessFor(tokenId: number, bodyId: string): Promise<AccessMode | null> {
    const r = await this.pool.query<{ mode: AccessMode }>(
      `SELECT g.mode FROM tokens t JOIN access_grants g ON g.user_id = t.user_id AND g.body_id = $1
       WHERE t.id = $2 AND t.revoked_at IS NULL`,
      [bodyId, tokenId],
    );
    return r.rows[0]?.mode ?? null;
  }

  async listDocuments(tokenHash: Buffer): Promise<DocumentListing | null> {
    const user = await this.pool.query<{ id: number; name: string }>(
      'SELECT u.id, u.name FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1 AND t.revoked_at IS NULL',
      [tokenHash],
    );
    const u = user.rows[0];
    if (!u) return null;
    const grants = await this.pool.query<{ body_id: string; mode: AccessMode }>('SELECT body_id, mode FROM access_grants WHERE user_id = $1 ORDER BY body_id', [u.id]);
    const bodies = grants.rows.map((g) => ({ bodyId: g.body_id, mode: g.mode }));
    if (bodies.length === 0) return { userName: u.name, bodies, documents: [] };
    // A document exists once it has a snapshot or a logged update (a new one may have only
    // the latter until its first compaction). The body is the second segment of the name.
    const ids = bodies.map((b) => b.bodyId);
    const r = await this.pool.query<{ name: string }>(
      `SELECT name FROM documents WHERE split_part(name, '/', 2) = ANY($1::text[])
       UNION SELECT name FROM document_updates WHERE split_part(name, '/', 2) = ANY($1::text[])`,
      [ids],
    );
    return { userName: u.name, bodies, documents: grantedOnly(r.rows.map((row) => row.name), new Set(ids)) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
