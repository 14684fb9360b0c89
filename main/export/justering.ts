/**
 * Justering and locking (issue 5). A protocol is justerat when the PDF Paragraf exported from
 * the meeting carries valid signatures in every signature field (export.sign locks it when the
 * last one is added), or when the secretary marks a signed PDF as the justerat protocol
 * (justering.lock: at least one valid signature, e.g. when a justerare signed on paper).
 *
 * Locking keeps, in SQLite (migration 005), the frozen Yjs state of the meeting document and
 * the SHA-256 of the signed PDF; the document's meta says `status: justerat` so every window
 * (and every synced computer) shows the meeting read-only. From then on the Core refuses
 * client updates to the document (`assertWritable`, called by docs.applyUpdate before anything
 * is applied or stored). The only way to change a justerat protocol is a rättelse.
 *
 * Rättelser live in the meeting document (Y.Array `rattelser`, append-only), not in a table:
 * the document is what syncs to the other computers, what backups and recovery restore, and
 * what every export is built from, so a rättelse made on one computer appears in the next
 * export made on any of them. They never touch `content`, so the protocol text stays exactly
 * the signed one; the export prints them in a section of their own ("Rättelser").
 */
import crypto from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import * as Y from 'yjs';
import { z } from 'zod';
import { ParagrafError } from '../../src/api/errors';
import { lateChanges, readLockRecord, readLockSnapshot, writeLock, type LateChange, type LockRecord } from '../../src/export/lock';
import type { ProtocolModel, Rattelse } from '../../src/export/model';
import type { Db } from '../core/db';
import type { DocStore } from '../core/docStore';
import { itemRows, readContent } from '../core/projections';
import { isElement } from '../../src/protocol/schema';
import { readSignatureFields } from './pdfFile';
import { verifyPdf } from './verify';

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The model's hash without its rättelser: what the signatures vouch for is the protocol itself. */
export function modelHash(model: ProtocolModel): string {
  const { rattelser: _r, justerat: _j, ...rest } = model;
  return sha256(Buffer.from(JSON.stringify(rest), 'utf8'));
}

const lockedStatements = new WeakMap<Db, Statement<[string], { n: number }>>();

/** One primary-key lookup per update, with a statement prepared once per database. */
export function isLocked(db: Db, docId: string): boolean {
  let stmt = lockedStatements.get(db);
  if (!stmt) {
    stmt = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM meeting_lock WHERE meeting_id = ?');
    lockedStatements.set(db, stmt);
  }
  return stmt.get(docId) !== undefined;
}

export const lockedError = (): ParagrafError =>
  new ParagrafError(
    'CONFLICT',
    'Protokollet är justerat och låst. Ändringen har inte sparats. En ändring i ett justerat protokoll görs som rättelse.',
    'The minutes are justerat (signed) and locked. The change was not saved. A change to signed minutes is made as a rättelse (correction).',
  );

/** Called by docs.applyUpdate before the update touches the document or the log. */
export function assertWritable(db: Db, docId: string): void {
  if (isLocked(db, docId)) throw lockedError();
}

export function recordExport(db: Db, meetingId: string, pdfSha256: string, modelSha256: string): void {
  db.prepare('INSERT OR IGNORE INTO protocol_export (meeting_id, pdf_sha256, model_sha256, exported_at) VALUES (?, ?, ?, ?)').run(meetingId, pdfSha256, modelSha256, new Date().toISOString());
}

/**
 * The bytes Paragraf exported, cut from a signed PDF: everything before the first signature's
 * incremental update, which starts right after the exported file's last "%%EOF" (sign.ts adds a
 * newline first when the file lacked one, so both cuts are tried).
 */
export function exportedRevisionHashes(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const first = /\/ByteRange\s*\[/u.exec(text);
  if (!first) return [];
  const eof = text.lastIndexOf('%%EOF', first.index);
  if (eof < 0) return [];
  const end = eof + '%%EOF'.length;
  const cuts = [end];
  if (text[end] === '\r' && text[end + 1] === '\n') cuts.push(end + 2);
  else if (text[end] === '\n' || text[end] === '\r') cuts.push(end + 1);
  return cuts.map((c) => sha256(pdf.subarray(0, c)));
}

export interface ExportRecord {
  meetingId: string;
  pdfSha256: string;
  modelSha256: string;
}

/** The export a signed PDF was made from, if this database made it. */
export function findExport(db: Db, pdf: Buffer, meetingId?: string): ExportRecord | null {
  for (const h of exportedRevisionHashes(pdf)) {
    const row = (
      meetingId
        ? db.prepare('SELECT meeting_id, pdf_sha256, model_sha256 FROM protocol_export WHERE pdf_sha256 = ? AND meeting_id = ?').get(h, meetingId)
        : db.prepare('SELECT meeting_id, pdf_sha256, model_sha256 FROM protocol_export WHERE pdf_sha256 = ?').get(h)
    ) as { meeting_id: string; pdf_sha256: string; model_sha256: string } | undefined;
    if (row) return { meetingId: row.meeting_id, pdfSha256: row.pdf_sha256, modelSha256: row.model_sha256 };
  }
  return null;
}

export interface LockSigner {
  name: string | null;
  signedAt: string | null;
  field: string | null;
}

export interface LockRow {
  meetingId: string;
  lockedAt: string;
  snapshot: Buffer;
  snapshotSha256: string;
  signedPdfSha256: string;
  exportedPdfSha256: string;
  signers: LockSigner[];
}

export function readLock(db: Db, meetingId: string): LockRow | null {
  const r = db.prepare('SELECT * FROM meeting_lock WHERE meeting_id = ?').get(meetingId) as
    | { meeting_id: string; locked_at: string; snapshot: Buffer; snapshot_sha256: string; signed_pdf_sha256: string; exported_pdf_sha256: string; signers: string }
    | undefined;
  if (!r) return null;
  return {
    meetingId: r.meeting_id,
    lockedAt: r.locked_at,
    snapshot: r.snapshot,
    snapshotSha256: r.snapshot_sha256,
    signedPdfSha256: r.signed_pdf_sha256,
    exportedPdfSha256: r.exported_pdf_sha256,
    signers: JSON.parse(r.signers) as LockSigner[],
  };
}

/** The document as it was when it was locked: what exports of a justerat protocol print. */
export function snapshotDoc(lock: LockRow): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, lock.snapshot);
  return doc;
}

const rattelseSchema = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  itemId: z.string().nullable(),
  what: z.string(),
  why: z.string(),
});

export function readRattelser(doc: Y.Doc): Rattelse[] {
  const out: Rattelse[] = [];
  for (const v of doc.getArray('rattelser').toArray()) {
    const r = rattelseSchema.safeParse(v);
    if (r.success) out.push(r.data);
  }
  return out;
}

export interface LockCheck {
  /** Every signature field of the PDF is signed. */
  allSigned: boolean;
  signers: LockSigner[];
  record: ExportRecord;
}

/**
 * Whether `pdf` is a validly signed export of `meetingId` (or of any meeting, when not given)
 * whose meeting still says what was signed. Throws a bilingual error saying what is wrong.
 */
export function checkSignedExport(db: Db, pdf: Buffer, currentModelHash: (meetingId: string) => string, meetingId?: string): LockCheck {
  const report = verifyPdf(pdf);
  if (report.signatures.length === 0) {
    throw new ParagrafError('INVALID_INPUT', 'PDF-filen har inga underskrifter. Protokollet justeras när det är underskrivet.', 'The PDF has no signatures. The minutes are justerat once they are signed.');
  }
  if (!report.intact) {
    throw new ParagrafError(
      'INVALID_INPUT',
      'Underskrifterna i PDF-filen är inte giltiga, eller filen har ändrats efter den sista underskriften. Protokollet har inte justerats.',
      'The PDF’s signatures are not valid, or the file was changed after the last signature. The minutes were not justerat.',
    );
  }
  const record = findExport(db, pdf, meetingId);
  if (!record) {
    throw new ParagrafError(
      'INVALID_INPUT',
      'PDF-filen är inte ett protokoll som Paragraf har exporterat från det här mötet. Protokollet har inte justerats.',
      'The PDF is not minutes Paragraf exported from this meeting. The minutes were not justerat.',
    );
  }
  if (currentModelHash(record.meetingId) !== record.modelSha256) {
    throw new ParagrafError(
      'CONFLICT',
      'Protokollet har ändrats efter att den underskrivna PDF-filen skapades, så de säger inte samma sak. Exportera protokollet igen och låt det skrivas under på nytt.',
      'The minutes changed after the signed PDF was made, so the two no longer say the same. Export the minutes again and have them signed again.',
    );
  }
  const { fields } = readSignatureFields(pdf);
  return {
    allSigned: fields.length > 0 && fields.every((f) => f.signed),
    signers: report.signatures.map((s) => ({ name: s.signer, signedAt: s.signedAt, field: s.field })),
    record,
  };
}

export interface Locker {
  db: Db;
  docs: DocStore;
  commitCoreChange(docId: string, change: (doc: Y.Doc) => void): void;
  /** Brings the meeting's projected row (status) up to date and tells the windows. */
  projected(meetingId: string): void;
}

/** Locks the meeting: one transaction writes the lock row and the document's status. */
export function lockMeeting(host: Locker, meetingId: string, pdf: Buffer, check: LockCheck): LockRow {
  const { db, docs } = host;
  const existing = readLock(db, meetingId);
  if (existing) {
    throw new ParagrafError('CONFLICT', 'Protokollet är redan justerat och låst.', 'The minutes are already justerat and locked.');
  }
  const lockedAt = new Date().toISOString();
  db.transaction(() => {
    host.commitCoreChange(meetingId, (doc) => {
      const meta = doc.getMap('meta');
      meta.set('status', 'justerat');
      meta.set('justeratAt', lockedAt);
    });
    // The snapshot is taken after the status is set: the frozen document says it is justerat.
    const snapshot = Buffer.from(docs.encodeState(meetingId));
    db.prepare(
      'INSERT INTO meeting_lock (meeting_id, locked_at, snapshot, snapshot_sha256, signed_pdf_sha256, exported_pdf_sha256, signers) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(meetingId, lockedAt, snapshot, sha256(snapshot), sha256(pdf), check.record.pdfSha256, JSON.stringify(check.signers));
    // The lock and its snapshot into the document too, so every synced computer locks the
    // meeting with the same snapshot (src/export/lock.ts) and the server refuses later edits.
    const lock = readLock(db, meetingId)!;
    host.commitCoreChange(meetingId, (doc) => writeLock(doc, lockRecordOf(lock), lock.snapshot));
    host.projected(meetingId);
  })();
  return readLock(db, meetingId)!;
}

function lockRecordOf(lock: LockRow): LockRecord {
  return {
    lockedAt: lock.lockedAt,
    pdfSha256: lock.signedPdfSha256,
    exportedPdfSha256: lock.exportedPdfSha256,
    snapshotSha256: lock.snapshotSha256,
    by: lock.signers.map((s) => s.name).filter((n): n is string => n !== null),
    signers: lock.signers,
  };
}

/**
 * A lock that arrived in the document (made on another computer, through sync) becomes this
 * database's lock too: the same frozen snapshot (checked against the record's hash) and record
 * in `meeting_lock`, so this Core refuses edits and prints the signed snapshot exactly as the
 * computer that locked it. Returns whether it locked the meeting now.
 */
export function adoptSharedLock(host: Locker, meetingId: string): boolean {
  const { db, docs } = host;
  if (isLocked(db, meetingId) || docs.kindOf(meetingId) !== 'meeting') return false;
  const doc = docs.get(meetingId);
  const record = readLockRecord(doc);
  if (!record) return false;
  const snapshot = readLockSnapshot(doc);
  if (!snapshot || sha256(snapshot) !== record.snapshotSha256) {
    console.error(`paragraf: the lock of ${meetingId} from another computer has no snapshot matching its hash; not adopted`);
    return false;
  }
  try {
    Y.applyUpdate(new Y.Doc(), snapshot);
  } catch (err) {
    console.error(`paragraf: the locked snapshot of ${meetingId} cannot be read; not adopted`, err);
    return false;
  }
  db.transaction(() => {
    db.prepare(
      'INSERT INTO meeting_lock (meeting_id, locked_at, snapshot, snapshot_sha256, signed_pdf_sha256, exported_pdf_sha256, signers) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(meetingId, record.lockedAt, Buffer.from(snapshot), record.snapshotSha256, record.pdfSha256, record.exportedPdfSha256, JSON.stringify(record.signers));
    host.projected(meetingId);
  })();
  // This computer's own Core-made changes from before the lock may have been refused by the
  // server (they changed what was signed); later ones (rättelser) must not depend on them in
  // Yjs' per-client order, or the server could never take them either: a fresh client id.
  doc.clientID = crypto.randomBytes(4).readUInt32BE(0) >>> 1;
  return true;
}

/** Locks made before the lock travelled in the document: written into it once, at start. */
export function shareLocalLocks(host: Locker): void {
  const { db, docs } = host;
  for (const { meeting_id: id } of db.prepare('SELECT meeting_id FROM meeting_lock').all() as Array<{ meeting_id: string }>) {
    if (readLockRecord(docs.get(id))) continue;
    const lock = readLock(db, id)!;
    host.commitCoreChange(id, (doc) => writeLock(doc, lockRecordOf(lock), lock.snapshot));
  }
  // Meetings a lock reached while this Core could not adopt it (projected as justerat, no row).
  for (const { id } of db.prepare("SELECT m.id FROM meeting m LEFT JOIN meeting_lock l ON l.meeting_id = m.id WHERE m.status = 'justerat' AND l.meeting_id IS NULL").all() as Array<{ id: string }>) {
    adoptSharedLock(host, id);
  }
}

const META_FIELDS: ReadonlyArray<[string, string, string]> = [
  ['title', 'rubrik', 'title'],
  ['date', 'datum', 'date'],
  ['startTime', 'starttid', 'start time'],
  ['endTime', 'sluttid', 'end time'],
  ['place', 'plats', 'place'],
  ['dnr', 'diarienummer', 'reference number'],
  ['justering', 'justering', 'justering'],
];

/**
 * What the live document says beyond the signed snapshot: changes merged after the lock (typed
 * offline on another computer before it heard of the lock). Never part of the protocol; shown
 * to the secretary, who may record them as rättelser.
 */
export function lateChangesOf(db: Db, docs: DocStore, meetingId: string, lock: LockRow): LateChange[] {
  const signed = snapshotDoc(lock);
  const live = docs.get(meetingId);
  const labels = new Map(itemRows(db, meetingId).map((r) => [r.id, r.label]));
  const out = lateChanges(readContent(signed), readContent(live), labels);
  const a = signed.getMap('meta');
  const b = live.getMap('meta');
  for (const [key, sv, en] of META_FIELDS) {
    const was = a.get(key) ?? '';
    const now = b.get(key) ?? '';
    if (String(was) !== String(now)) out.push({ itemId: null, sv: `Mötets ${sv}: ”${String(was)}” ändrad till ”${String(now)}”`, en: `The meeting's ${en}: "${String(was)}" changed to "${String(now)}"` });
  }
  const attendance = (doc: Y.Doc) => JSON.stringify([...doc.getMap('attendance').entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  if (attendance(signed) !== attendance(live)) out.push({ itemId: null, sv: 'Närvarolistan har ändrats.', en: 'The attendance list has changed.' });
  signed.destroy();
  return out;
}

export interface RattelseInput {
  itemId?: string | undefined;
  what: string;
  why: string;
  by: string;
}

export function addRattelse(host: Locker, meetingId: string, input: RattelseInput): Rattelse {
  const { db, docs } = host;
  if (!readLock(db, meetingId)) {
    throw new ParagrafError(
      'CONFLICT',
      'Protokollet är inte justerat. Ändra direkt i protokollet; rättelser görs först efter justering.',
      'The minutes are not justerat. Edit the minutes directly; rättelser (corrections) are made after justering only.',
    );
  }
  if (input.itemId) {
    const items = readContent(docs.get(meetingId)).filter(isElement).filter((n) => n.type === 'item');
    if (!items.some((n) => n.id === input.itemId)) throw new ParagrafError('NOT_FOUND', 'Paragrafen finns inte i protokollet.', 'The § does not exist in the minutes.');
  }
  const r: Rattelse = { id: crypto.randomUUID(), at: new Date().toISOString(), by: input.by.trim(), itemId: input.itemId ?? null, what: input.what.trim(), why: input.why.trim() };
  if (r.what === '' || r.why === '' || r.by === '') {
    throw new ParagrafError('INVALID_INPUT', 'En rättelse ska säga vad som ändras, varför och av vem.', 'A rättelse must say what changes, why and by whom.');
  }
  host.commitCoreChange(meetingId, (doc) => doc.getArray('rattelser').push([r]));
  return r;
}
