/**
 * Yjs documents kept in SQLite. The promise of the product lives here: an update is in the
 * `ydoc_update` log (committed, fsynced) before `applyUpdate` returns, and so before anyone is
 * told "Sparat". A document is rebuilt from its snapshot plus the updates after it.
 */
import * as Y from 'yjs';
import { ParagrafError } from '../../src/api/errors';
import type { Db } from './db';

export type DocKind = 'body' | 'meeting';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

export interface DocStoreOptions {
  /** Fold the log into a snapshot once a document has this many logged updates. */
  compactThreshold: number;
}

export class DocStore {
  private readonly docs = new Map<string, Y.Doc>();
  private readonly lastSeq = new Map<string, number>();
  private readonly logged = new Map<string, number>();
  private readonly compactTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly insertUpdate;
  private readonly insertDoc;
  private readonly insertClient;
  /** Per document, the Yjs client ids that typed on this computer (see migration 008). */
  private readonly own = new Map<string, Set<number>>();
  /** Told of every document once it is loaded or created (the Core watches meetings). */
  onOpen: ((id: string, doc: Y.Doc) => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: DocStoreOptions = { compactThreshold: 500 },
  ) {
    this.insertUpdate = db.prepare('INSERT INTO ydoc_update (doc_id, seq, data, created_at) VALUES (?, ?, ?, ?)');
    this.insertDoc = db.prepare('INSERT INTO ydoc (id, kind, created_at) VALUES (?, ?, ?)');
    this.insertClient = db.prepare('INSERT OR IGNORE INTO doc_local_client (doc_id, client_id) VALUES (?, ?)');
  }

  /** Whether a Yjs client id typed on this computer, in this document (in any run). */
  isOwn(id: string): (client: number) => boolean {
    return (client) => this.ownClients(id).has(client);
  }

  private ownClients(id: string): Set<number> {
    let set = this.own.get(id);
    if (!set) {
      const rows = this.db.prepare('SELECT client_id FROM doc_local_client WHERE doc_id = ?').all(id) as Array<{ client_id: number }>;
      set = new Set(rows.map((r) => r.client_id));
      this.own.set(id, set);
    }
    return set;
  }

  private recordOwn(id: string, clients: Iterable<number>): void {
    const set = this.ownClients(id);
    for (const client of clients) {
      if (set.has(client)) continue;
      this.insertClient.run(id, client);
      set.add(client);
    }
  }

  /**
   * Creates a document and stores its first state. Must run inside the caller's transaction
   * when a projection row is written with it, so both exist or neither does.
   */
  create(id: string, kind: DocKind, init: (doc: Y.Doc) => void): Y.Doc {
    const doc = new Y.Doc();
    init(doc);
    const now = new Date().toISOString();
    // The primary key refuses an existing id: a new document never replaces a stored one.
    this.insertDoc.run(id, kind, now);
    this.insertUpdate.run(id, 1, Buffer.from(Y.encodeStateAsUpdate(doc)), now);
    this.recordOwn(id, [doc.clientID]);
    this.docs.set(id, doc);
    this.lastSeq.set(id, 1);
    this.logged.set(id, 1);
    this.onOpen?.(id, doc);
    return doc;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM ydoc WHERE id = ?').get(id) !== undefined;
  }

  /** The live document, loaded from SQLite on first use. */
  get(id: string): Y.Doc {
    const cached = this.docs.get(id);
    if (cached) return cached;
    if (!this.exists(id)) {
      throw new ParagrafError(
        'NOT_FOUND',
        `Dokumentet ${id} finns inte i databasen.`,
        `Document ${id} does not exist in the database.`,
      );
    }
    const doc = new Y.Doc();
    const snapshot = this.db.prepare('SELECT data, upto_seq FROM ydoc_snapshot WHERE doc_id = ?').get(id) as
      | { data: Buffer; upto_seq: number }
      | undefined;
    let seq = 0;
    if (snapshot) {
      Y.applyUpdate(doc, snapshot.data);
      seq = snapshot.upto_seq;
    }
    const rows = this.db
      .prepare('SELECT seq, data FROM ydoc_update WHERE doc_id = ? AND seq > ? ORDER BY seq')
      .all(id, seq) as UpdateRow[];
    for (const row of rows) {
      // One bad row must not cost the rest of the document: skip it, keep it in the log.
      try {
        Y.applyUpdate(doc, row.data);
      } catch (err) {
        console.error(`paragraf: update ${id}#${row.seq} could not be applied and was skipped`, err);
      }
      seq = row.seq;
    }
    this.docs.set(id, doc);
    this.lastSeq.set(id, seq);
    this.logged.set(id, rows.length);
    this.onOpen?.(id, doc);
    return doc;
  }

  savedSeq(id: string): number {
    this.get(id);
    return this.lastSeq.get(id) ?? 0;
  }

  /**
   * Applies an update from a client. Order matters: decode (reject garbage before touching
   * anything), apply to the live doc, append to the log in a committed transaction, and only
   * then return. If the append fails the caller gets an error and keeps the update queued;
   * re-sending it is harmless because Yjs updates are idempotent.
   *
   * `encodedByYjs`: the bytes were produced by Yjs itself (the sync client passes what its
   * shadow document emitted), so the full decode that guards against garbage is skipped: for
   * a merge of 10,000 offline keystrokes it costs about half an apply.
   */
  applyUpdate(id: string, update: Uint8Array, options: { encodedByYjs?: boolean } = {}): { seq: number; savedAt: string } {
    const doc = this.get(id);
    let clients: Set<number> | null = null;
    try {
      // A window's update (not the sync client's): its client ids typed on this computer.
      if (!options.encodedByYjs) {
        const { structs } = Y.decodeUpdate(update);
        clients = new Set(structs.map((s) => s.id.client));
        // Bytes that decode can still fail half-way through being applied: an item placed
        // next to a later change of its own client, which no honest client can make. Checked
        // on the structs just decoded; applying to an empty document first (as the server
        // does) tripled the cost of saving a keystroke.
        for (const s of structs) {
          if (!(s instanceof Y.Item)) continue;
          for (const ref of [s.origin, s.rightOrigin]) {
            if (ref && ref.client === s.id.client && ref.clock >= s.id.clock) throw new Error(`item ${s.id.client}:${s.id.clock} refers to its own later change`);
          }
        }
      }
    } catch (err) {
      throw new ParagrafError(
        'INVALID_UPDATE',
        'Ändringen kunde inte läsas och sparades inte. Dokumentet är oförändrat.',
        'The change could not be read and was not saved. The document is unchanged.',
        err instanceof Error ? err.message : String(err),
      );
    }
    if (clients) this.recordOwn(id, clients);
    Y.applyUpdate(doc, update, this);
    const seq = (this.lastSeq.get(id) ?? 0) + 1;
    const savedAt = new Date().toISOString();
    try {
      this.insertUpdate.run(id, seq, Buffer.from(update.buffer, update.byteOffset, update.byteLength), savedAt);
    } catch (err) {
      throw new ParagrafError(
        'STORE_FAILED',
        'Ändringen kunde inte skrivas till disken. Den finns kvar i fönstret och sparas när det går; kontrollera diskutrymmet.',
        'The change could not be written to disk. It is kept in the window and saved when possible; check the free disk space.',
        err instanceof Error ? err.message : String(err),
      );
    }
    this.lastSeq.set(id, seq);
    const count = (this.logged.get(id) ?? 0) + 1;
    this.logged.set(id, count);
    if (count >= this.options.compactThreshold) this.scheduleCompaction(id);
    return { seq, savedAt };
  }

  /**
   * A change made by the Core itself (freezing § numbers, importing a roster): applied to the
   * live document in one Yjs transaction, logged like any client update, and returned so the
   * caller can send it to every replica. Returns null when `change` changed nothing.
   */
  transactLocal(id: string, change: (doc: Y.Doc) => void): { update: Uint8Array; seq: number; savedAt: string } | null {
    const doc = this.get(id);
    const before = Y.encodeStateVector(doc);
    this.recordOwn(id, [doc.clientID]);
    doc.transact(() => change(doc), 'core');
    const update = Y.encodeStateAsUpdate(doc, before);
    // An empty diff is two zero bytes (no structs, no deletes).
    if (update.length <= 2) return null;
    const seq = (this.lastSeq.get(id) ?? 0) + 1;
    const savedAt = new Date().toISOString();
    this.insertUpdate.run(id, seq, Buffer.from(update), savedAt);
    this.lastSeq.set(id, seq);
    this.logged.set(id, (this.logged.get(id) ?? 0) + 1);
    return { update, seq, savedAt };
  }

  kindOf(id: string): DocKind | null {
    const row = this.db.prepare('SELECT kind FROM ydoc WHERE id = ?').get(id) as { kind: DocKind } | undefined;
    return row?.kind ?? null;
  }

  encodeState(id: string): Uint8Array {
    return Y.encodeStateAsUpdate(this.get(id));
  }

  diff(id: string, stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.get(id), stateVector);
  }

  /** Off the acknowledgement path: a keystroke never waits for a compaction. */
  private scheduleCompaction(id: string): void {
    if (this.compactTimers.has(id)) return;
    const t = setTimeout(() => {
      this.compactTimers.delete(id);
      this.compact(id);
    }, 0);
    this.compactTimers.set(id, t);
  }

  /**
   * Folds the log into one snapshot. The snapshot is the live document's full state, which
   * contains every logged update (each was applied before it was logged), so deleting the
   * rows up to `upto` loses nothing. Both happen in one transaction.
   */
  compact(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    const upto = this.lastSeq.get(id) ?? 0;
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO ydoc_snapshot (doc_id, data, upto_seq, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(doc_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at`,
        )
        .run(id, state, upto, new Date().toISOString());
      this.db.prepare('DELETE FROM ydoc_update WHERE doc_id = ? AND seq <= ?').run(id, upto);
    })();
    this.logged.set(id, 0);
  }

  loggedCount(id: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM ydoc_update WHERE doc_id = ?').get(id) as { n: number }).n;
  }

  close(): void {
    for (const t of this.compactTimers.values()) clearTimeout(t);
    this.compactTimers.clear();
    for (const doc of this.docs.values()) doc.destroy();
    this.docs.clear();
  }
}
