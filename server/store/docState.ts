/**
 * The Yjs side of storage, shared by both adapters so they cannot drift: checking a
 * client's update before it is logged, rebuilding a document from its verified pieces, and
 * deciding what a compaction may fold.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';

export function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

export interface StoredPiece<Id = number> {
  id: Id;
  data: Uint8Array;
  sha256: Uint8Array;
}

/** Thrown when a stored document cannot be read back exactly as it was written. */
export class DocumentDamagedError extends Error {
  constructor(
    readonly documentName: string,
    what: string,
  ) {
    super(
      `Dokumentet ${documentName} är skadat i databasen (${what}) och öppnas inte; inget skrivs över. Återställ från säkerhetskopia.\n` +
        `Document ${documentName} is damaged in the database (${what}) and is not opened; nothing is overwritten. Restore it from a backup.`,
    );
    this.name = 'DocumentDamagedError';
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** An empty Yjs v1 update: no structs, no deletions. Logging it would only cost a write. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * Throws if `update` is not a well-formed Yjs update (checked before it is logged). Decoding
 * alone is not enough: an update can decode and still fail to apply (an item whose origin is
 * a later clock of its own client), and Hocuspocus swallows that failure and acknowledges the
 * message; logged, such a row would make the document impossible to load for everyone. So it
 * is also applied to an empty document, which costs the size of the update, not of the
 * document (an update waiting for changes it lacks just stays pending there).
 */
export function checkUpdate(update: Uint8Array): void {
  Y.decodeUpdate(update);
  const probe = new Y.Doc();
  try {
    Y.applyUpdate(probe, update);
  } finally {
    probe.destroy();
  }
}

/**
 * Rebuilds a document from its snapshot and log. Every piece must match the SHA-256 written
 * with it and apply cleanly; otherwise the document is damaged and loading fails.
 */
export function rebuildDocument<Id>(
  name: string,
  snapshot: { data: Uint8Array; sha256: Uint8Array } | null,
  log: StoredPiece<Id>[],
): Uint8Array | null {
  if (!snapshot && log.length === 0) return null;
  const doc = new Y.Doc();
  try {
    const pieces = [...(snapshot ? [{ what: 'snapshot', ...snapshot }] : []), ...log.map((r) => ({ what: `update ${String(r.id)}`, ...r }))];
    for (const p of pieces) {
      if (!sameBytes(sha256(p.data), p.sha256)) throw new DocumentDamagedError(name, `${p.what}: checksum mismatch`);
      try {
        Y.applyUpdate(doc, p.data);
      } catch (err) {
        throw new DocumentDamagedError(name, `${p.what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Plans a compaction: the new snapshot is the stored snapshot *merged* with the live state
 * (so a node that lags behind another cannot drop what the other already folded), and the
 * log rows that may be deleted are exactly those the new snapshot contains, inserts and
 * deletions both (Y.snapshotContainsUpdate). A damaged stored snapshot aborts the plan:
 * it is evidence, not something to paper over.
 */
export function planCompaction<Id>(
  name: string,
  stored: { data: Uint8Array; sha256: Uint8Array } | null,
  state: Uint8Array,
  log: StoredPiece<Id>[],
): { snapshot: Uint8Array; fold: Id[]; keep: number } {
  const doc = new Y.Doc();
  try {
    if (stored) {
      if (!sameBytes(sha256(stored.data), stored.sha256)) throw new DocumentDamagedError(name, 'snapshot: checksum mismatch');
      Y.applyUpdate(doc, stored.data);
    }
    Y.applyUpdate(doc, state);
    const snap = Y.snapshot(doc);
    const fold: Id[] = [];
    for (const row of log) {
      // A damaged row is kept: deleting it would hide the damage and maybe lose data.
      if (sameBytes(sha256(row.data), row.sha256) && Y.snapshotContainsUpdate(snap, row.data)) fold.push(row.id);
    }
    return { snapshot: Y.encodeStateAsUpdate(doc), fold, keep: log.length - fold.length };
  } finally {
    doc.destroy();
  }
}
