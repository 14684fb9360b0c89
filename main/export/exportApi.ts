/**
 * The Core's handlers for export, signing, verification and justering (contract:
 * src/api/exportContract.ts). Kept out of Core.ts, which spreads them in; they reach the Core
 * only through `ExportHost`.
 */
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import type { ApiHandlers } from '../../src/api/contract';
import { ParagrafError } from '../../src/api/errors';
import { buildKallelseModel } from '../../src/export/kallelse';
import { buildProtocolModel, extractModel, type ProtocolInput, type ProtocolModel } from '../../src/export/model';
import type { Db } from '../core/db';
import type { DocStore } from '../core/docStore';
import { renderProtocolDocx } from './docx';
import { renderKallelseDocx } from './kallelseDocx';
import { renderKallelsePdf } from './kallelsePdf';
import { readProtocolInput } from './fromCore';
import { addRattelse, checkSignedExport, lateChangesOf, lockMeeting, modelHash, readLock, readRattelser, recordExport, snapshotDoc, type Locker } from './justering';
import { countPages, renderProtocolPdf } from './pdf';
import { loadPkcs12, signPdf } from './sign';
import { verifyPdf } from './verify';

export interface ExportHost {
  ready(): { db: Db; docs: DocStore };
  flushProjections(): void;
  /** A Core-made change to a document, logged and sent to every replica. */
  commitCoreChange(docId: string, change: (doc: Y.Doc) => void): void;
  /** The meeting's row was re-projected (its status changed): re-project and tell the windows. */
  meetingChanged(meetingId: string): void;
}

type ExportHandlers = Pick<ApiHandlers, 'export.pdf' | 'export.docx' | 'export.kallelse' | 'export.sign' | 'export.verify' | 'justering.status' | 'justering.lock' | 'justering.rattelse'>;

/** A file name without characters Windows or macOS refuse; å ä ö folded to plain letters. */
export function protocolFileName(body: string, documentTitle: string, date: string, ext = 'pdf'): string {
  const safe = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[^A-Za-z0-9-]+/gu, '-')
      .replace(/^-+|-+$/gu, '');
  return `${safe(body)}-${safe(documentTitle).toLowerCase()}-${date}.${ext}`;
}

const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function exportHandlers(host: ExportHost): ExportHandlers {
  /**
   * The input of a meeting's protocol model as it is now. A justerat meeting is printed from its locked
   * snapshot (whatever reached the live document since, e.g. through sync, is not the protocol),
   * with the rättelser of the live document and the lock record.
   */
  const inputOf = (meetingId: string): ProtocolInput => {
    const { db, docs } = host.ready();
    // Labels and attendance come from the projections: bring them up to date first.
    host.flushProjections();
    if (docs.kindOf(meetingId) !== 'meeting') throw new ParagrafError('NOT_FOUND', 'Mötet finns inte.', 'The meeting does not exist.');
    const lock = readLock(db, meetingId);
    if (!lock) return readProtocolInput(db, docs, meetingId);
    return readProtocolInput(db, docs, meetingId, snapshotDoc(lock), {
      rattelser: readRattelser(docs.get(meetingId)),
      justerat: { at: lock.lockedAt, signers: lock.signers.map((s) => ({ name: s.name, signedAt: s.signedAt })), signedPdfSha256: lock.signedPdfSha256 },
    });
  };
  const modelOf = (meetingId: string): ProtocolModel => buildProtocolModel(inputOf(meetingId));
  const chosen = (model: ProtocolModel, items: string[] | undefined): ProtocolModel => {
    if (!items) return model;
    const known = new Set(model.items.map((i) => i.id));
    if (!items.every((i) => known.has(i))) throw new ParagrafError('NOT_FOUND', 'En vald paragraf finns inte i protokollet.', 'A chosen § does not exist in the minutes.');
    return extractModel(model, items);
  };
  const locker = (): Locker => {
    const { db, docs } = host.ready();
    return { db, docs, commitCoreChange: host.commitCoreChange, projected: host.meetingChanged };
  };
  const status = (meetingId: string) => {
    const { db, docs } = host.ready();
    if (docs.kindOf(meetingId) !== 'meeting') throw new ParagrafError('NOT_FOUND', 'Mötet finns inte.', 'The meeting does not exist.');
    const lock = readLock(db, meetingId);
    return {
      meetingId,
      locked: lock !== null,
      lockedAt: lock?.lockedAt ?? null,
      signedPdfSha256: lock?.signedPdfSha256 ?? null,
      snapshotSha256: lock?.snapshotSha256 ?? null,
      signers: lock?.signers ?? [],
      rattelser: readRattelser(docs.get(meetingId)),
      lateChanges: lock ? lateChangesOf(db, docs, meetingId, lock) : [],
    };
  };
  const currentModelHash = (meetingId: string) => modelHash(modelOf(meetingId));

  return {
    'export.pdf': async ({ meetingId, pdfa, items }) => {
      const { db } = host.ready();
      const full = modelOf(meetingId);
      const model = chosen(full, items);
      const pdf = await renderProtocolPdf(model, pdfa ? { pdfa } : {});
      const sha256 = hex(pdf);
      // Only the whole protocol can be signed and justerat: remember what it said.
      if (model.kind === 'protokoll') recordExport(db, meetingId, sha256, modelHash(full));
      return { pdf: pdf.toString('base64'), fileName: protocolFileName(model.bodyName, model.documentTitle, model.date), pages: countPages(pdf), sha256 };
    },
    'export.docx': async ({ meetingId, items }) => {
      const model = chosen(modelOf(meetingId), items);
      const docx = await renderProtocolDocx(model);
      return { docx: docx.toString('base64'), fileName: protocolFileName(model.bodyName, model.documentTitle, model.date, 'docx'), sha256: hex(docx) };
    },
    'export.kallelse': async ({ meetingId, format, pdfa }) => {
      const model = buildKallelseModel(inputOf(meetingId));
      if (format === 'docx') {
        const docx = await renderKallelseDocx(model);
        return { data: docx.toString('base64'), fileName: protocolFileName(model.bodyName, model.documentTitle, model.date, 'docx'), sha256: hex(docx), format, pages: null };
      }
      const pdf = await renderKallelsePdf(model, pdfa ? { pdfa } : {});
      return { data: pdf.toString('base64'), fileName: protocolFileName(model.bodyName, model.documentTitle, model.date), sha256: hex(pdf), format, pages: countPages(pdf) };
    },
    'export.sign': ({ pdf, p12, password, field, reason, location }) => {
      const signer = loadPkcs12(Buffer.from(p12, 'base64'), password);
      const options = { ...(field ? { field } : {}), ...(reason ? { reason } : {}), ...(location ? { location } : {}) };
      const signed = signPdf(Buffer.from(pdf, 'base64'), signer, options);
      // The last signature of a protocol this database exported justerar its meeting. A PDF
      // from elsewhere, or one whose meeting has changed since, is signed all the same: the
      // signature is the signer's; only the lock waits (justering.lock says why).
      let justerat: string | null = null;
      try {
        const { db } = host.ready();
        const check = checkSignedExport(db, signed.pdf, currentModelHash);
        if (check.allSigned && !readLock(db, check.record.meetingId)) {
          lockMeeting(locker(), check.record.meetingId, signed.pdf, check);
          justerat = check.record.meetingId;
        }
      } catch (err) {
        // The signature is made: whatever goes wrong with the lock must not throw it away, or
        // the signer would have to sign again for a failure that is not theirs. A ParagrafError
        // is an expected "not yet" that justering.lock explains; anything else is logged here,
        // and the lock can be retried with justering.lock on the returned PDF.
        if (!(err instanceof ParagrafError)) console.error('paragraf: the signed PDF was returned, but checking it for justering failed', err);
      }
      return { pdf: signed.pdf.toString('base64'), field: signed.field, signer: signed.signer, sha256: hex(signed.pdf), justerat };
    },
    'export.verify': ({ pdf }) => verifyPdf(Buffer.from(pdf, 'base64')),
    'justering.status': ({ meetingId }) => status(meetingId),
    'justering.lock': ({ meetingId, pdf }) => {
      const { db } = host.ready();
      const bytes = Buffer.from(pdf, 'base64');
      const check = checkSignedExport(db, bytes, currentModelHash, meetingId);
      lockMeeting(locker(), check.record.meetingId, bytes, check);
      return status(check.record.meetingId);
    },
    'justering.rattelse': ({ meetingId, itemId, what, why, by }) => {
      addRattelse(locker(), meetingId, { itemId, what, why, by });
      return status(meetingId);
    },
  };
}
