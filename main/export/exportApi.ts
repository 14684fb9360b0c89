/**
 * The Core's handlers for export, signing and verification (contract: src/api/exportContract.ts).
 * Kept out of Core.ts, which spreads them in; they reach the Core only through `ExportHost`.
 */
import { createHash } from 'node:crypto';
import type { ApiHandlers } from '../../src/api/contract';
import { buildProtocolModel } from '../../src/export/model';
import type { Db } from '../core/db';
import type { DocStore } from '../core/docStore';
import { readProtocolInput } from './fromCore';
import { countPages, renderProtocolPdf } from './pdf';
import { loadPkcs12, signPdf } from './sign';
import { verifyPdf } from './verify';

export interface ExportHost {
  ready(): { db: Db; docs: DocStore };
  flushProjections(): void;
}

type ExportHandlers = Pick<ApiHandlers, 'export.pdf' | 'export.sign' | 'export.verify'>;

/** A file name without characters Windows or macOS refuse; å ä ö folded to plain letters. */
export function protocolFileName(body: string, documentTitle: string, date: string): string {
  const safe = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[^A-Za-z0-9-]+/gu, '-')
      .replace(/^-+|-+$/gu, '');
  return `${safe(body)}-${safe(documentTitle).toLowerCase()}-${date}.pdf`;
}

export function exportHandlers(host: ExportHost): ExportHandlers {
  return {
    'export.pdf': async ({ meetingId, pdfa }) => {
      const { db, docs } = host.ready();
      // Labels and attendance come from the projections: bring them up to date first.
      host.flushProjections();
      const model = buildProtocolModel(readProtocolInput(db, docs, meetingId));
      const pdf = await renderProtocolPdf(model, pdfa ? { pdfa } : {});
      return {
        pdf: pdf.toString('base64'),
        fileName: protocolFileName(model.bodyName, model.documentTitle, model.date),
        pages: countPages(pdf),
        sha256: createHash('sha256').update(pdf).digest('hex'),
      };
    },
    'export.sign': ({ pdf, p12, password, field, reason, location }) => {
      const signer = loadPkcs12(Buffer.from(p12, 'base64'), password);
      const options = { ...(field ? { field } : {}), ...(reason ? { reason } : {}), ...(location ? { location } : {}) };
      const signed = signPdf(Buffer.from(pdf, 'base64'), signer, options);
      return { pdf: signed.pdf.toString('base64'), field: signed.field, signer: signed.signer, sha256: createHash('sha256').update(signed.pdf).digest('hex') };
    },
    'export.verify': ({ pdf }) => verifyPdf(Buffer.from(pdf, 'base64')),
  };
}
