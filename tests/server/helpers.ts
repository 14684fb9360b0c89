/**
 * Helpers for the server suite: a database per test file (least-privilege roles), server
 * nodes in this process or as child processes, accounts, and two kinds of client: the real
 * Hocuspocus provider (what main/ will use) and a raw protocol client that can try what the
 * provider never would (skip authentication, address another document, send garbage).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pg from 'pg';
import { inject } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { runCommand } from '../../server/commands';
import { readServerConfig } from '../../server/config';
import { openStore } from '../../server/store/openStore';
import type { AccessMode, ServerStore } from '../../server/store/Store';
import { startSyncServer, type SyncServer } from '../../server/syncServer';
import { generateToken, hashToken } from '../../server/tokens';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export async function waitUntil(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function tempDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-server-test-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------
// PostgreSQL

export interface TestDatabase {
  name: string;
  /** The server's role: rows only. */
  appUrl: string;
  /** The schema owner: runs migrate. */
  ownerUrl: string;
  /** Superuser, for the test's own inspection and for corrupting rows on purpose. */
  superUrl: string;
}

/** A fresh database set up as server/README.md says: roles, setup SQL, migrate as owner. */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const port = inject('postgresPort');
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const url = (user: string, db: string) => `postgres://${user}@127.0.0.1:${port}/${db}`;
  const admin = new pg.Client({ connectionString: url('postgres', 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} OWNER paragraf_owner`);
  } finally {
    await admin.end();
  }
  const inDb = new pg.Client({ connectionString: url('postgres', name) });
  await inDb.connect();
  try {
    await inDb.query(fs.readFileSync(path.join(repoRoot, 'server/sql/postgres-setup.sql'), 'utf8'));
  } finally {
    await inDb.end();
  }
  const db = { name, appUrl: url('paragraf_app', name), ownerUrl: url('paragraf_owner', name), superUrl: url('postgres', name) };
  if (options.migrate !== false) {
    const io = collectIo();
    const code = await runCommand(['migrate'], { PARAGRAF_DATABASE_URL: db.ownerUrl }, io);
    if (code !== 0) throw new Error(`migrate failed: ${io.text()}`);
  }
  return db;
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// Server nodes

export function collectIo(): { out: (l: string) => void; err: (l: string) => void; lines: string[]; outLines: string[]; text: () => string } {
  const lines: string[] = [];
  const outLines: string[] = [];
  return {
    out: (l) => {
      outLines.push(l);
      lines.push(l);
    },
    err: (l) => lines.push(l),
    lines,
    outLines,
    text: () => lines.join('\n'),
  };
}

/** Settings for tests: any free port, quick compaction and access re-checks. */
export function testEnv(env: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    PARAGRAF_SERVER_PORT: '0',
    PARAGRAF_COMPACT_DEBOUNCE_MS: '100',
    PARAGRAF_ACCESS_RECHECK_MS: '150',
    ...env,
  };
}

export interface Node {
  url: string;
  store: ServerStore;
  server: SyncServer;
  log: string[];
  stop(): Promise<void>;
}

/** A server node in this process, with its own store (and its own Redis connections). */
export async function startNode(env: Record<string, string | undefined>): Promise<Node> {
  const config = readServerConfig(testEnv(env));
  const store = await openStore(config, { migrate: 'never' });
  const log: string[] = [];
  let server: SyncServer;
  try {
    server = await startSyncServer(config, store, (l) => log.push(l));
  } catch (err) {
    await store.close();
    throw err;
  }
  let stopped = false;
  return {
    url: server.url,
    store,
    server,
    log,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await store.close();
    },
  };
}

/** A server as its own process (`node --import tsx server/cli.ts serve`), to be killed. */
export interface ChildNode {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnNode(env: Record<string, string | undefined>, port: number): Promise<ChildNode> {
  // node itself, not the tsx wrapper: SIGKILL must hit the process that holds the sockets.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, ...testEnv(env), PARAGRAF_SERVER_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await Promise.race([
    waitUntil(() => out.includes('listening on'), 'server process to listen', 30_000),
    exited.then(() => {
      throw new Error(`server process exited:\n${out}`);
    }),
  ]);
  return {
    url: `ws://127.0.0.1:${port}`,
    child,
    output: () => out,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------
// Accounts

/** Creates a user with a fresh token and the given grants; returns the token. */
export async function addAccount(store: ServerStore, name: string, grants: Record<string, AccessMode> = {}): Promise<string> {
  const user = await store.addUser(name);
  const token = generateToken();
  await store.addToken(user.id, hashToken(token), null);
  for (const [bodyId, mode] of Object.entries(grants)) await store.setGrant(user.id, bodyId, mode);
  return token;
}

// ---------------------------------------------------------------------------------------
// Clients

/** The real Hocuspocus provider over `ws`, as the app's main process will use it. */
export class ProviderClient {
  readonly doc: Y.Doc;
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  scope: string | null = null;
  denied: string | null = null;
  closedReason: string | null = null;
  messagesIn = 0;

  constructor(url: string, name: string, token: string | null, doc = new Y.Doc()) {
    this.doc = doc;
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500 });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      token,
      document: doc,
      onAuthenticated: ({ scope }) => {
        this.scope = scope;
        this.denied = null;
      },
      onAuthenticationFailed: ({ reason }) => (this.denied = reason),
      onClose: ({ event }) => (this.closedReason = event.reason),
      onMessage: () => this.messagesIn++,
    });
    this.provider.attach();
  }

  text(key = 't'): string {
    return this.doc.getText(key).toString();
  }

  async synced(timeoutMs = 10_000): Promise<void> {
    await waitUntil(() => this.provider.isSynced, `provider synced`, timeoutMs);
  }

  /** Every local change acknowledged by the server. */
  async acked(timeoutMs = 10_000): Promise<void> {
    await waitUntil(() => this.provider.isSynced && this.provider.unsyncedChanges === 0, 'changes acknowledged', timeoutMs);
  }

  async refused(timeoutMs = 10_000): Promise<string> {
    await waitUntil(() => this.denied !== null, 'permission denied', timeoutMs);
    return this.denied!;
  }

  close(): void {
    this.provider.destroy();
    this.socket.destroy();
  }
}

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3, SyncReply: 4, Stateless: 5, Close: 7, SyncStatus: 8 } as const;

export type RawIncoming =
  | { doc: string; type: 'auth-token-request' }
  | { doc: string; type: 'denied'; reason: string }
  | { doc: string; type: 'authenticated'; scope: string }
  | { doc: string; type: 'sync'; step: number; payload: Uint8Array }
  | { doc: string; type: 'sync-status'; applied: boolean }
  | { doc: string; type: 'awareness' | 'query-awareness' | 'stateless' | 'other' }
  | { doc: string; type: 'close'; reason: string };

/** Speaks Hocuspocus' wire format directly: each message is docName, type, payload. */
export class RawClient {
  readonly received: RawIncoming[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.received.push(RawClient.decode(new Uint8Array(data))));
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async open(url: string): Promise<RawClient> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { statusCode: res.statusCode })));
    });
    return new RawClient(ws);
  }

  static decode(data: Uint8Array): RawIncoming {
    const d = decoding.createDecoder(data);
    const doc = decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    switch (type) {
      case MessageType.Auth: {
        const sub = decoding.readVarUint(d);
        if (sub === 1) return { doc, type: 'denied', reason: decoding.readVarString(d) };
        if (sub === 2) return { doc, type: 'authenticated', scope: decoding.readVarString(d) };
        return { doc, type: 'auth-token-request' };
      }
      case MessageType.Sync:
      case MessageType.SyncReply:
        return { doc, type: 'sync', step: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) };
      case MessageType.SyncStatus:
        return { doc, type: 'sync-status', applied: decoding.readVarUint(d) === 1 };
      case MessageType.Close:
        return { doc, type: 'close', reason: decoding.readVarString(d) };
      case MessageType.Awareness:
        return { doc, type: 'awareness' };
      case MessageType.QueryAwareness:
        return { doc, type: 'query-awareness' };
      case MessageType.Stateless:
        return { doc, type: 'stateless' };
      default:
        return { doc, type: 'other' };
    }
  }

  private send(doc: string, write: (e: encoding.Encoder) => void): void {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, doc);
    write(e);
    this.ws.send(encoding.toUint8Array(e));
  }

  auth(doc: string, token: string): void {
    this.send(doc, (e) => {
      encoding.writeVarUint(e, MessageType.Auth);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, token);
    });
  }

  syncStep1(doc: string, ydoc: Y.Doc): void {
    this.send(doc, (e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(ydoc));
    });
  }

  syncStep2(doc: string, update: Uint8Array): void {
    this.send(doc, (e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, update);
    });
  }

  update(doc: string, update: Uint8Array): void {
    this.send(doc, (e) => {
      encoding.writeVarUint(e, MessageType.Sync);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
    });
  }

  sendRaw(bytes: Uint8Array): void {
    this.ws.send(bytes);
  }

  of<T extends RawIncoming['type']>(type: T, doc?: string): Extract<RawIncoming, { type: T }>[] {
    return this.received.filter((m): m is Extract<RawIncoming, { type: T }> => m.type === type && (doc === undefined || m.doc === doc));
  }

  async waitFor<T extends RawIncoming['type']>(type: T, doc?: string, count = 1, timeoutMs = 10_000): Promise<Extract<RawIncoming, { type: T }>[]> {
    await waitUntil(() => this.of(type, doc).length >= count || this.closed !== null, `${count}× ${type}${doc ? ` for ${doc}` : ''}`, timeoutMs);
    const found = this.of(type, doc);
    if (found.length < count) throw new Error(`socket closed (${JSON.stringify(this.closed)}) before ${count}× ${type}`);
    return found;
  }

  close(): void {
    this.ws.close();
  }
}

/** One edit as a standalone Yjs update (what a client sends when a user types). */
export function editUpdate(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const on = (u: Uint8Array) => (captured = u);
  doc.on('update', on);
  doc.transact(() => edit(doc));
  doc.off('update', on);
  if (!captured) throw new Error('the edit changed nothing');
  return captured;
}

export function textOf(state: Uint8Array | null, key = 't'): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText(key).toString();
}

export const newId = () => randomUUID();

// ---------------------------------------------------------------------------------------
// Back ends: the same test against SQLite and PostgreSQL

export type Mode = 'sqlite' | 'postgres';
export const modes: Mode[] = ['sqlite', 'postgres'];

export interface Backend {
  mode: Mode;
  /** What the server needs in its environment to use this store. */
  env: Record<string, string>;
  /** The bytes as stored, read behind the server's back. */
  stored(name: string): Promise<{ snapshot: Buffer | null; updates: Buffer[] }>;
  /** Flips bytes in the stored snapshot (not its checksum): simulated disk damage. */
  corruptSnapshot(name: string): Promise<void>;
  cleanup(): Promise<void>;
}

export async function makeBackend(mode: Mode): Promise<Backend> {
  if (mode === 'sqlite') {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'paragraf-server.sqlite');
    const withDb = async <T>(fn: (db: import('better-sqlite3').Database) => T): Promise<T> => {
      const { default: Database } = await import('better-sqlite3');
      const db = new Database(file);
      try {
        db.pragma('busy_timeout = 5000');
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      mode,
      env: { PARAGRAF_SERVER_DATA: tmp.dir },
      stored: (name) =>
        withDb((db) => ({
          snapshot: (db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as { state: Buffer } | undefined)?.state ?? null,
          updates: (db.prepare('SELECT data FROM document_updates WHERE name = ? ORDER BY id').all(name) as Array<{ data: Buffer }>).map((r) => r.data),
        })),
      corruptSnapshot: (name) =>
        withDb((db) => {
          const row = db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as { state: Buffer };
          const bad = Buffer.from(row.state);
          const at = Math.floor(bad.length / 2);
          bad[at] = bad[at]! ^ 0xff;
          db.prepare('UPDATE documents SET state = ? WHERE name = ?').run(bad, name);
        }),
      cleanup: async () => tmp.remove(),
    };
  }
  const db = await createTestDatabase();
  return {
    mode,
    env: { PARAGRAF_DATABASE_URL: db.appUrl },
    stored: async (name) => {
      // One snapshot of both tables: the server may fold the log into the snapshot between two
      // separate reads, and the text would then look lost.
      const client = new pg.Client({ connectionString: db.superUrl });
      await client.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const s = await client.query<{ state: Buffer }>('SELECT state FROM paragraf.documents WHERE name = $1', [name]);
        const u = await client.query<{ data: Buffer }>('SELECT data FROM paragraf.document_updates WHERE name = $1 ORDER BY id', [name]);
        await client.query('COMMIT');
        return { snapshot: s.rows[0]?.state ?? null, updates: u.rows.map((r) => r.data) };
      } finally {
        await client.end();
      }
    },
    corruptSnapshot: async (name) => {
      await sql(db.superUrl, 'UPDATE paragraf.documents SET state = set_byte(state, length(state) / 2, get_byte(state, length(state) / 2) # 255) WHERE name = $1', [name]);
    },
    cleanup: async () => undefined,
  };
}

/** The text of a document as stored (snapshot + log), read behind the server's back. */
export async function storedText(backend: Backend, name: string, key = 't'): Promise<string> {
  const s = await backend.stored(name);
  const doc = new Y.Doc();
  if (s.snapshot) Y.applyUpdate(doc, s.snapshot);
  for (const u of s.updates) Y.applyUpdate(doc, u);
  return doc.getText(key).toString();
}
