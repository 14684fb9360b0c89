/**
 * The Core's side of syncing: the configuration kept in SQLite (`sync_config`), the
 * SyncClient's host (log an update from the server before anyone sees it, adopt documents
 * first seen on the server), and the status the API reports. The Core owns one SyncManager
 * while its database is open; without a configured server it does nothing at all.
 */
import * as Y from 'yjs';
import type { EventName, EventPayload, SyncDocStatus, SyncStatus } from '../../src/api/contract';
import { ParagrafError } from '../../src/api/errors';
import { bodyDocumentName, isBodyId, meetingDocumentName, type DocumentName } from '../../src/sync/docNames';
import type { Db } from '../core/db';
import type { DocStore } from '../core/docStore';
import { projectBody, projectMeeting, readProfile, renumberBody } from '../core/projections';
import { problem } from './messages';
import { SyncClient, type AdoptResult, type PresenceCursor, type PresencePeer, type PresenceSettings, type SyncClientStatus, type SyncHost } from './SyncClient';

export interface SyncConfig {
  url: string;
  token: string;
}

/**
 * Encrypts the sync token at rest: in the app, Electron's safeStorage (the OS keychain's key);
 * absent in the harness and the CLI, where the token is stored as is (and the settings say so).
 */
export interface SecretProtector {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

interface ConfigRow {
  url: string;
  token: string | null;
  token_sealed: Buffer | null;
  presence: number;
  display_name: string | null;
}

export interface SyncTuning {
  /** Reconnect backoff (ms); tests use short ones. */
  reconnect?: { delay?: number; minDelay?: number; maxDelay?: number };
  discoverEveryMs?: number;
  /** How often new local documents are looked for (ms). Default 1 s. */
  scanEveryMs?: number;
}

export interface SyncContext {
  db: Db;
  docs: DocStore;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Bring the projections of `docId` up to date soon (rows for lists, numbering, register), off the typing path. */
  scheduleProjection(docId: string): void;
  /** A change the Core makes itself (logged, sent to the windows and the server like any). */
  commitCoreChange(docId: string, change: (doc: Y.Doc) => void): void;
  tuning?: SyncTuning;
  secrets?: SecretProtector;
}

const TOKEN_SHAPE = /^pgf_[A-Za-z0-9_-]{43}$/;

/** Checks a server address: ws:// or wss://, no user name or password in it. Throws a bilingual error. */
export function checkServerUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new ParagrafError(
      'INVALID_INPUT',
      'Serveradressen kunde inte läsas. Skriv den som wss://server.exempel.se (eller ws:// för en server på den här datorn).',
      'The server address could not be read. Write it as wss://server.example.com (or ws:// for a server on this computer).',
    );
  }
  if (u.protocol !== 'wss:' && u.protocol !== 'ws:') {
    throw new ParagrafError(
      'INVALID_INPUT',
      `Serveradressen måste börja med wss:// (krypterad) eller ws://, inte ${u.protocol}//.`,
      `The server address must start with wss:// (encrypted) or ws://, not ${u.protocol}//.`,
    );
  }
  if (u.username || u.password) {
    throw new ParagrafError(
      'INVALID_INPUT',
      'Skriv inte användarnamn eller lösenord i serveradressen; nyckeln (token) anges i ett eget fält.',
      'Do not put a user name or password in the server address; the token goes in its own field.',
    );
  }
  if (u.hash || u.search) {
    throw new ParagrafError('INVALID_INPUT', 'Serveradressen får inte innehålla ? eller #.', 'The server address must not contain ? or #.');
  }
  return u.toString().replace(/\/+$/, '');
}

export function checkToken(raw: string): string {
  const token = raw.trim();
  if (!TOKEN_SHAPE.test(token)) {
    throw new ParagrafError(
      'INVALID_INPUT',
      'Nyckeln (token) ser inte ut som en Paragraf-nyckel: den börjar med pgf_ och är 47 tecken lång. Kopiera den igen från serverns administratör.',
      'The token does not look like a Paragraf token: it starts with pgf_ and is 47 characters long. Copy it again from the server administrator.',
    );
  }
  return token;
}

export class SyncManager {
  private client: SyncClient | null = null;
  private config: SyncConfig | null = null;
  /** A configured server whose stored token cannot be read (sealed elsewhere): shown, not run. */
  private unreadable: { url: string } | null = null;
  private presence: PresenceSettings = { enabled: false, name: null };
  /** Per document open in a window: which API clients show it, each with its cursor (last moved last). */
  private readonly here = new Map<string, Map<string, PresenceCursor | null>>();
  private scanTimer: ReturnType<typeof setInterval> | null = null;
  private docCount = -1;

  constructor(private readonly ctx: SyncContext) {}

  /** Starts syncing if a server is configured. */
  start(): void {
    const row = this.ctx.db.prepare('SELECT url, token, token_sealed, presence, display_name FROM sync_config WHERE id = 1').get() as ConfigRow | undefined;
    if (!row) return;
    this.presence = { enabled: row.presence === 1, name: row.display_name };
    const token = this.readToken(row);
    if (token === null) {
      this.unreadable = { url: row.url };
      return;
    }
    this.config = { url: row.url, token };
    this.startClient(this.config);
  }

  configure(server: { url: string; token: string } | null): SyncStatus {
    if (server === null) {
      this.stopClient();
      this.ctx.db.prepare('DELETE FROM sync_config').run();
      this.config = null;
      this.unreadable = null;
      this.presence = { enabled: false, name: null };
      return this.status();
    }
    const config = { url: checkServerUrl(server.url), token: checkToken(server.token) };
    const { plain, sealed } = this.seal(config.token);
    // A new server or token keeps the presence settings.
    this.ctx.db
      .prepare(
        `INSERT INTO sync_config (id, url, token, token_sealed, updated_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET url = excluded.url, token = excluded.token, token_sealed = excluded.token_sealed, updated_at = excluded.updated_at`,
      )
      .run(config.url, plain, sealed, new Date().toISOString());
    this.stopClient();
    this.config = config;
    this.unreadable = null;
    this.startClient(config);
    return this.status();
  }

  setPresence(settings: { enabled: boolean; name?: string | null | undefined }): SyncStatus {
    if (!this.config && !this.unreadable) {
      throw new ParagrafError(
        'INVALID_INPUT',
        'Ange först en server: att visa vilka som är här går bara när protokollen synkas.',
        'Set up a server first: showing who is here only works when the minutes sync.',
      );
    }
    const name = settings.name?.trim() ? settings.name.trim() : null;
    this.ctx.db.prepare('UPDATE sync_config SET presence = ?, display_name = ?, updated_at = ? WHERE id = 1').run(settings.enabled ? 1 : 0, name, new Date().toISOString());
    this.presence = { enabled: settings.enabled, name };
    this.client?.setPresence(this.presence);
    return this.status();
  }

  /** An API client shows `docId` with this selection; answers who else is there. */
  setHere(docId: string, clientId: string, cursor: PresenceCursor | null): PresencePeer[] {
    const byClient = this.here.get(docId) ?? new Map<string, PresenceCursor | null>();
    // Re-inserted so the most recently moved cursor is the one others see.
    byClient.delete(clientId);
    byClient.set(clientId, cursor);
    this.here.set(docId, byClient);
    this.client?.setHere(docId, { cursor });
    return this.client?.peers(docId) ?? [];
  }

  leave(docId: string, clientId: string): void {
    const byClient = this.here.get(docId);
    if (!byClient?.delete(clientId)) return;
    if (byClient.size > 0) {
      this.client?.setHere(docId, { cursor: [...byClient.values()].at(-1) ?? null });
      return;
    }
    this.here.delete(docId);
    this.client?.setHere(docId, null);
  }

  status(docId?: string): SyncStatus {
    const extra = { presence: { ...this.presence }, tokenStorage: this.ctx.secrets ? ('encrypted' as const) : ('plain' as const) };
    if (this.unreadable) return { configured: true, url: this.unreadable.url, connection: 'off', error: problem('token-unreadable'), docs: [], ...extra };
    if (!this.client || !this.config) return { configured: false, url: null, connection: 'off', error: null, docs: [], ...extra };
    return this.toApi(this.client.status(), docId);
  }

  /** The live client, for tests that simulate a lost network. */
  get syncClient(): SyncClient | null {
    return this.client;
  }

  stop(): void {
    this.stopClient();
  }

  private toApi(s: SyncClientStatus, docId?: string, docs: SyncDocStatus[] = s.docs): SyncStatus {
    return {
      configured: true,
      url: this.config?.url ?? null,
      connection: s.connection,
      error: s.error,
      docs: docId ? docs.filter((d) => d.docId === docId) : docs,
      presence: { ...this.presence },
      tokenStorage: this.ctx.secrets ? 'encrypted' : 'plain',
    };
  }

  /** The token to store: sealed when a protector exists (it fails loudly rather than store plain). */
  private seal(token: string): { plain: string | null; sealed: Buffer | null } {
    const secrets = this.ctx.secrets;
    if (!secrets) return { plain: token, sealed: null };
    return { plain: null, sealed: secrets.encrypt(token) };
  }

  /** The stored token, sealing a plain one (from before migration 007) when a protector exists. */
  private readToken(row: ConfigRow): string | null {
    const secrets = this.ctx.secrets;
    if (row.token_sealed) {
      if (!secrets) return null;
      try {
        return secrets.decrypt(row.token_sealed);
      } catch (err) {
        console.error('paragraf: the stored sync token could not be decrypted', err);
        return null;
      }
    }
    if (row.token !== null && secrets) {
      try {
        this.ctx.db.prepare('UPDATE sync_config SET token = NULL, token_sealed = ? WHERE id = 1').run(secrets.encrypt(row.token));
      } catch (err) {
        // Still usable as it is; sealing is tried again at the next start.
        console.error('paragraf: the sync token could not be encrypted', err);
      }
    }
    return row.token;
  }

  private startClient(config: SyncConfig): void {
    const tuning = this.ctx.tuning ?? {};
    this.client = new SyncClient({
      url: config.url,
      token: config.token,
      host: this.host(config.url),
      ...(tuning.reconnect ? { reconnect: tuning.reconnect } : {}),
      ...(tuning.discoverEveryMs ? { discoverEveryMs: tuning.discoverEveryMs } : {}),
      presence: this.presence,
      onChange: (changed, status) => this.ctx.emit('sync.changed', this.toApi(status, undefined, changed)),
      onPresence: (docId, peers) => this.ctx.emit('presence.changed', { docId, peers }),
    });
    for (const [docId, byClient] of this.here) this.client.setHere(docId, { cursor: [...byClient.values()].at(-1) ?? null });
    // New local documents (a body or meeting created here) start syncing within a moment.
    this.docCount = this.countDocs();
    this.scanTimer = setInterval(() => {
      const n = this.countDocs();
      if (n !== this.docCount) {
        this.docCount = n;
        this.client?.documentsChanged();
      }
    }, tuning.scanEveryMs ?? 1000);
    this.scanTimer.unref?.();
  }

  private stopClient(): void {
    if (this.scanTimer) clearInterval(this.scanTimer);
    this.scanTimer = null;
    this.client?.stop();
    this.client = null;
  }

  private countDocs(): number {
    return (this.ctx.db.prepare('SELECT count(*) AS n FROM ydoc').get() as { n: number }).n;
  }

  private host(url: string): SyncHost {
    const { db, docs } = this.ctx;
    return {
      localDocuments: () => {
        const out: Array<{ docId: string; name: string }> = [];
        // A meeting's name comes from its row's body, fixed when it was created or adopted,
        // never from its content: anyone who may write to body A could otherwise set a
        // meeting's meta.bodyId to B, and this computer, with its grant for B, would upload
        // that meeting into B (and send its later edits to both names).
        const rows = db.prepare('SELECT y.id, y.kind, m.body_id FROM ydoc y LEFT JOIN meeting m ON m.id = y.id ORDER BY y.kind, y.id').all() as Array<{ id: string; kind: string; body_id: string | null }>;
        for (const r of rows) {
          if (!isBodyId(r.id)) continue; // only lower-case UUIDs can have a server name
          if (r.kind === 'body') out.push({ docId: r.id, name: bodyDocumentName(r.id) });
          else if (r.kind === 'meeting' && r.body_id !== null && isBodyId(r.body_id)) out.push({ docId: r.id, name: meetingDocumentName(r.body_id, r.id) });
        }
        return out;
      },
      doc: (docId) => docs.get(docId),
      savedSeq: (docId) => docs.savedSeq(docId),
      applyRemote: (docId, update) => {
        // In the log first (DocStore.applyUpdate), then everyone else hears of it.
        // The shadow document emitted these bytes: Yjs' own encoding, no need to decode twice.
        const saved = docs.applyUpdate(docId, update, { encodedByYjs: true });
        // Node's base64, not src/'s portable loop: a merge of offline work can be 100+ kB.
        this.ctx.emit('docs.updated', { docId, update: Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('base64'), sourceId: 'sync' });
        this.ctx.emit('docs.saved', { docId, seq: saved.seq, savedAt: saved.savedAt });
        this.keepBody(docId);
        this.ctx.scheduleProjection(docId);
      },
      adoptRemote: (name, state) => this.adopt(name, state),
      loadClean: () =>
        new Map(
          (db.prepare('SELECT doc_id, clean_seq FROM sync_doc WHERE url = ?').all(url) as Array<{ doc_id: string; clean_seq: number }>).map((r) => [r.doc_id, r.clean_seq]),
        ),
      saveClean: (entries) => {
        const now = new Date().toISOString();
        const upsert = db.prepare(
          `INSERT INTO sync_doc (doc_id, url, clean_seq, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(doc_id, url) DO UPDATE SET clean_seq = max(clean_seq, excluded.clean_seq), updated_at = excluded.updated_at`,
        );
        db.transaction(() => {
          for (const [docId, seq] of entries) if (docs.exists(docId)) upsert.run(docId, url, seq, now);
        })();
      },
    };
  }

  /**
   * A meeting belongs to the body it was created in, for good: the server grants by that body.
   * A remote change of meta.bodyId (anyone who may write to body A can send one) is undone at
   * once, by a change of our own that every replica and the server receive, so the meeting
   * never shows up under a body its writer had no grant for.
   */
  private keepBody(docId: string): void {
    const { db, docs } = this.ctx;
    if (docs.kindOf(docId) !== 'meeting') return;
    const row = db.prepare('SELECT body_id FROM meeting WHERE id = ?').get(docId) as { body_id: string } | undefined;
    if (!row) return;
    const claimed = docs.get(docId).getMap('meta').get('bodyId');
    if (claimed === row.body_id) return;
    console.error(`paragraf: sync tried to move meeting ${docId} from body ${row.body_id} to ${String(claimed)}; put back`);
    this.ctx.commitCoreChange(docId, (doc) => doc.getMap('meta').set('bodyId', row.body_id));
  }

  /**
   * A document first seen on the server becomes a local one. The name is authoritative (the
   * server grants by it): a meeting must say it belongs to the body its name gives. It is
   * created from the server's full state, never over a stored document (the primary key
   * refuses that), and never empty.
   */
  private adopt(name: DocumentName, state: Uint8Array): AdoptResult {
    const { db, docs } = this.ctx;
    const docId = name.kind === 'body' ? name.bodyId : name.meetingId;
    if (docs.exists(docId)) return { ok: false, wait: false, problem: problem('name-mismatch') };
    const probe = new Y.Doc();
    try {
      Y.applyUpdate(probe, state);
      if (name.kind === 'body') {
        if (!readProfile(probe)) return { ok: false, wait: false, problem: problem('invalid-document') };
      } else {
        if (probe.getMap('meta').get('bodyId') !== name.bodyId) return { ok: false, wait: false, problem: problem('name-mismatch') };
        // Its body's rows must exist first (a meeting row refers to its body row).
        if (docs.kindOf(name.bodyId) !== 'body') return { ok: false, wait: true };
      }
    } catch {
      return { ok: false, wait: false, problem: problem('invalid-document') };
    } finally {
      probe.destroy();
    }
    db.transaction(() => {
      docs.create(docId, name.kind, (d) => Y.applyUpdate(d, state));
    })();
    // Its rows now, so lists show it at once (a meeting's row needs its body's: bodies are
    // adopted first). Derived data: if it fails the document is still stored, and the
    // scheduled projection (which also does the register) tries again.
    try {
      db.transaction(() => {
        if (name.kind === 'body') projectBody(db, docs, docId);
        else renumberBody(db, name.bodyId, projectMeeting(db, docs, docId).year);
      })();
    } catch (err) {
      console.error(`paragraf: rows for ${docId} from the server could not be made yet`, err);
    }
    this.ctx.scheduleProjection(docId);
    // The start and body screens reload their lists (bodies too) on this event.
    this.ctx.emit('meetings.changed', { bodyId: name.bodyId });
    return { ok: true, docId };
  }
}
