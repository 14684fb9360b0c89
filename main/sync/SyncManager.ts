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
import { SyncClient, type AdoptResult, type SyncClientStatus, type SyncHost } from './SyncClient';

export interface SyncConfig {
  url: string;
  token: string;
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
  tuning?: SyncTuning;
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
  private scanTimer: ReturnType<typeof setInterval> | null = null;
  private docCount = -1;

  constructor(private readonly ctx: SyncContext) {}

  /** Starts syncing if a server is configured. */
  start(): void {
    const row = this.ctx.db.prepare('SELECT url, token FROM sync_config WHERE id = 1').get() as SyncConfig | undefined;
    this.config = row ?? null;
    if (this.config) this.startClient(this.config);
  }

  configure(server: { url: string; token: string } | null): SyncStatus {
    if (server === null) {
      this.stopClient();
      this.ctx.db.prepare('DELETE FROM sync_config').run();
      this.config = null;
      return this.status();
    }
    const config = { url: checkServerUrl(server.url), token: checkToken(server.token) };
    this.ctx.db
      .prepare(
        `INSERT INTO sync_config (id, url, token, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET url = excluded.url, token = excluded.token, updated_at = excluded.updated_at`,
      )
      .run(config.url, config.token, new Date().toISOString());
    this.stopClient();
    this.config = config;
    this.startClient(config);
    return this.status();
  }

  status(docId?: string): SyncStatus {
    if (!this.client || !this.config) return { configured: false, url: null, connection: 'off', error: null, docs: [] };
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
    };
  }

  private startClient(config: SyncConfig): void {
    const tuning = this.ctx.tuning ?? {};
    this.client = new SyncClient({
      url: config.url,
      token: config.token,
      host: this.host(config.url),
      ...(tuning.reconnect ? { reconnect: tuning.reconnect } : {}),
      ...(tuning.discoverEveryMs ? { discoverEveryMs: tuning.discoverEveryMs } : {}),
      onChange: (changed, status) => this.ctx.emit('sync.changed', this.toApi(status, undefined, changed)),
    });
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
        for (const r of db.prepare('SELECT id, kind FROM ydoc ORDER BY kind, id').all() as Array<{ id: string; kind: string }>) {
          if (!isBodyId(r.id)) continue; // only lower-case UUIDs can have a server name
          if (r.kind === 'body') out.push({ docId: r.id, name: bodyDocumentName(r.id) });
          else if (r.kind === 'meeting') {
            const bodyId = docs.get(r.id).getMap('meta').get('bodyId');
            if (typeof bodyId === 'string' && isBodyId(bodyId)) out.push({ docId: r.id, name: meetingDocumentName(bodyId, r.id) });
          }
        }
        return out;
      },
      doc: (docId) => docs.get(docId),
      savedSeq: (docId) => docs.savedSeq(docId),
      applyRemote: (docId, update) => {
        // In the log first (DocStore.applyUpdate), then everyone else hears of it.
        const saved = docs.applyUpdate(docId, update);
        // Node's base64, not src/'s portable loop: a merge of offline work can be 100+ kB.
        this.ctx.emit('docs.updated', { docId, update: Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('base64'), sourceId: 'sync' });
        this.ctx.emit('docs.saved', { docId, seq: saved.seq, savedAt: saved.savedAt });
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
