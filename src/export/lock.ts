/**
 * The lock of a justerat protocol as part of the meeting document, so it travels with sync.
 *
 * When a protocol is justerat, the Core writes into the meeting's `meta` map:
 * - `lock`: the lock record (when, the signed PDF's SHA-256, the signers, the snapshot's SHA-256);
 * - `lockSnapshot`: the frozen Yjs state of the document as it was signed (bytes).
 * Every computer that receives them keeps that snapshot as its own lock (main/export/justering.ts)
 * and shows the meeting read-only; the sync server refuses content changes to a locked meeting
 * (server/extensions/LockGuard.ts). Both read the document through this module.
 *
 * The snapshot travels in the document itself because it cannot be rebuilt elsewhere: Yjs
 * garbage-collects deleted text, so a state vector alone cannot bring back what the document said
 * when it was signed on another computer. It is written once, and costs one copy of the text.
 *
 * Pure: zod and yjs only.
 */
import * as Y from 'yjs';
import { z } from 'zod';

export const LOCK_KEY = 'lock';
export const LOCK_SNAPSHOT_KEY = 'lockSnapshot';

/**
 * What may still change in a locked meeting document: rättelser (the way a justerat protocol is
 * corrected), register corrections and decision status (follow-up, not the protocol's text), and
 * the frozen § numbers the Core keeps. Everything else (content, attendance, meta, the lock
 * itself) is what was signed.
 */
export const WRITABLE_AFTER_LOCK: ReadonlySet<string> = new Set(['rattelser', 'decisionCorrections', 'frozenItems', 'frozenSubItems']);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u);

export const lockRecordSchema = z.object({
  lockedAt: z.string().min(1).max(40),
  /** SHA-256 of the signed PDF that justerade the protocol. */
  pdfSha256: sha256Hex,
  /** SHA-256 of the PDF as Paragraf exported it, before the signatures. */
  exportedPdfSha256: sha256Hex,
  /** SHA-256 of `lockSnapshot`. */
  snapshotSha256: sha256Hex,
  /** The signers' names, as their certificates give them. */
  by: z.array(z.string().max(500)).max(50),
  signers: z.array(z.object({ name: z.string().nullable(), signedAt: z.string().nullable(), field: z.string().nullable() })).max(50),
});
export type LockRecord = z.infer<typeof lockRecordSchema>;

/** The document's lock record, or null when it has none (or one that does not parse). */
export function readLockRecord(doc: Y.Doc): LockRecord | null {
  if (!doc.share.has('meta')) return null;
  const parsed = lockRecordSchema.safeParse(doc.getMap('meta').get(LOCK_KEY));
  return parsed.success ? parsed.data : null;
}

/** The frozen state the lock record's snapshotSha256 vouches for (the caller checks the hash). */
export function readLockSnapshot(doc: Y.Doc): Uint8Array | null {
  if (!doc.share.has('meta')) return null;
  const v = doc.getMap('meta').get(LOCK_SNAPSHOT_KEY);
  return v instanceof Uint8Array ? v : null;
}

/** Writes the lock into the document (inside the caller's transaction). */
export function writeLock(doc: Y.Doc, record: LockRecord, snapshot: Uint8Array): void {
  const meta = doc.getMap('meta');
  // A plain Uint8Array: Yjs stores binary by that exact constructor (a Node Buffer is refused).
  meta.set(LOCK_SNAPSHOT_KEY, new Uint8Array(snapshot));
  meta.set(LOCK_KEY, record);
}

/**
 * What `update` would change in `doc`, by root type ("content", "meta" …, with the meta keys),
 * found by applying it to a copy (Yjs updates do not always name their root type: an item
 * placed after another takes its parent from it). `pending`: part of the update waits for
 * changes the document lacks, so what it would finally change cannot be known.
 */
export function changedByUpdate(doc: Y.Doc, update: Uint8Array): { roots: Set<string>; metaKeys: Set<string>; pending: boolean } {
  const probe = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    const wasPending = probe.store.pendingStructs !== null || probe.store.pendingDs !== null;
    const roots = new Set<string>();
    const metaKeys = new Set<string>();
    probe.on('afterTransaction', (tr: Y.Transaction) => {
      const names = new Map<unknown, string>();
      for (const [name, type] of probe.share) names.set(type, name);
      for (const [type, keys] of tr.changed) {
        let root: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
        while (root._item) root = root._item.parent as Y.AbstractType<unknown>;
        const name = names.get(root) ?? '?';
        roots.add(name);
        if (name === 'meta') {
          if (root === type) for (const k of keys) metaKeys.add(k ?? '?');
          else metaKeys.add('?');
        }
      }
    });
    Y.applyUpdate(probe, update);
    const pending = !wasPending && (probe.store.pendingStructs !== null || probe.store.pendingDs !== null);
    return { roots, metaKeys, pending };
  } finally {
    probe.destroy();
  }
}

/**
 * The parts of a locked document `update` would change that may not change after justering
 * (empty: the update may be applied). Null when the document is not locked.
 */
export function refusedAfterLock(doc: Y.Doc, update: Uint8Array): string[] | null {
  if (!readLockRecord(doc)) return null;
  const { roots, metaKeys, pending } = changedByUpdate(doc, update);
  const refused = [...roots].filter((r) => !WRITABLE_AFTER_LOCK.has(r)).map((r) => (r === 'meta' ? `meta(${[...metaKeys].sort().join(',')})` : r));
  if (pending) refused.push('(väntande ändringar / pending changes)');
  return refused.sort();
}

// ---------------------------------------------------------------------------------------
// Changes after justering: what the live document says beyond the signed snapshot.

interface Node {
  type?: unknown;
  id?: unknown;
  text?: unknown;
  children?: unknown;
}

const isNode = (n: unknown): n is Node => typeof n === 'object' && n !== null;
const childrenOf = (n: Node): Node[] => (Array.isArray(n.children) ? n.children.filter(isNode) : []);
const textOf = (n: Node): string => (typeof n.text === 'string' ? n.text : childrenOf(n).map(textOf).join('')).replace(/[\s\u00a0]+/gu, ' ');

/** Every text block of an item (title, paragraphs, sub-items' blocks) by element id, in order. */
function blocksOf(item: Node): Map<string, { type: string; text: string }> {
  const out = new Map<string, { type: string; text: string }>();
  const walk = (n: Node) => {
    for (const c of childrenOf(n)) {
      if (typeof c.type !== 'string') continue;
      const leafOnly = childrenOf(c).every((g) => typeof g.type !== 'string');
      if (leafOnly && typeof c.id === 'string') out.set(c.id, { type: c.type, text: textOf(c).trim() });
      else walk(c);
    }
  };
  walk(item);
  return out;
}

const short = (s: string, max = 160): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export interface LateChange {
  /** The item (§) it concerns, if one. */
  itemId: string | null;
  /** Swedish, as the secretary would write it in a rättelse. */
  sv: string;
  en: string;
}

/**
 * How the live content differs from the signed snapshot: § items added or removed, and text
 * added, removed or changed within an item (by the editor's stable element ids). `labels` gives
 * "§ 105" for an item id where known. What the secretary is shown after a change from another
 * computer merged into a justerat protocol; she may record it as a rättelse.
 */
export function lateChanges(signed: readonly unknown[], live: readonly unknown[], labels: ReadonlyMap<string, string | null> = new Map()): LateChange[] {
  const items = (content: readonly unknown[]) => {
    const m = new Map<string, Node>();
    for (const n of content) if (isNode(n) && n.type === 'item' && typeof n.id === 'string') m.set(n.id, n);
    return m;
  };
  const before = items(signed);
  const after = items(live);
  const titleOf = (item: Node) => [...blocksOf(item).values()].find((b) => b.type === 'item-title')?.text ?? '';
  const name = (id: string, item: Node) => [labels.get(id), titleOf(item)].filter(Boolean).join(' ') || '(utan rubrik)';
  const out: LateChange[] = [];
  for (const [id, item] of after) {
    const old = before.get(id);
    if (!old) {
      const title = titleOf(item) || '(utan rubrik)';
      out.push({ itemId: id, sv: `Ny punkt: ${short(title)}`, en: `New item: ${short(title)}` });
      continue;
    }
    const a = blocksOf(old);
    const b = blocksOf(item);
    const where = name(id, old);
    for (const [bid, block] of b) {
      const was = a.get(bid);
      if (!was) {
        if (block.text !== '') out.push({ itemId: id, sv: `${where}: tillagd text ”${short(block.text)}”`, en: `${where}: text added "${short(block.text)}"` });
      } else if (was.text !== block.text) {
        out.push({ itemId: id, sv: `${where}: ”${short(was.text)}” ändrad till ”${short(block.text)}”`, en: `${where}: "${short(was.text)}" changed to "${short(block.text)}"` });
      }
    }
    for (const [bid, block] of a) {
      if (!b.has(bid) && block.text !== '') out.push({ itemId: id, sv: `${where}: borttagen text ”${short(block.text)}”`, en: `${where}: text removed "${short(block.text)}"` });
    }
  }
  for (const [id, item] of before) {
    if (!after.has(id)) out.push({ itemId: id, sv: `Borttagen punkt: ${short(name(id, item))}`, en: `Removed item: ${short(name(id, item))}` });
  }
  return out;
}
