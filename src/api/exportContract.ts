/**
 * The part of the API contract for protocol export, signing and verification (issue 5).
 * Spread into `methods` in contract.ts, so it is still one contract; its own file because other
 * work edits contract.ts at the same time, and it cannot import contract.ts (that module imports
 * this one), hence its own `id` and `base64`.
 *
 * Bytes in, bytes out: the Core never writes to a path a renderer names. The Electron shell and
 * the command line save the bytes (write to a temporary file, then rename).
 */
import { z } from 'zod';

const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'id');
/** A protocol of a few hundred pages is a few MB; 64 MB of base64 is far beyond any of them. */
const base64 = z
  .string()
  .max(64 * 1024 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R, doc: string) {
  return { params, result, doc };
}

export const pdfaLevel = z.enum(['1b', '2b']);

export const exportedPdfSchema = z.object({
  pdf: base64,
  /** "LSVO-sammantradesprotokoll-2021-05-07.pdf": a name to offer in the save dialog. */
  fileName: z.string(),
  pages: z.number().int(),
  sha256: z.string(),
});

const bilingual = z.object({ sv: z.string(), en: z.string() });

export const signatureReportSchema = z.object({
  signer: z.string().nullable(),
  signedAt: z.string().nullable(),
  field: z.string().nullable(),
  valid: z.boolean(),
  coversRevision: z.boolean(),
  coversWholeFile: z.boolean(),
  certificate: z.object({ subject: z.string(), issuer: z.string(), validFrom: z.string(), validTo: z.string(), selfSigned: z.boolean() }).nullable(),
  problem: bilingual.nullable(),
});

export const verifyReportSchema = z.object({
  signatures: z.array(signatureReportSchema),
  intact: z.boolean(),
  changedAfterLastSignature: z.boolean(),
});

export const rattelseSchema = z.object({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  itemId: z.string().nullable(),
  what: z.string(),
  why: z.string(),
});

export const justeringStatusSchema = z.object({
  meetingId: z.string(),
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  /** SHA-256 (hex) of the signed PDF that justerade the protocol. */
  signedPdfSha256: z.string().nullable(),
  /** SHA-256 (hex) of the frozen Yjs state kept in the lock. */
  snapshotSha256: z.string().nullable(),
  signers: z.array(z.object({ name: z.string().nullable(), signedAt: z.string().nullable(), field: z.string().nullable() })),
  rattelser: z.array(rattelseSchema),
  /**
   * Changes in the live document beyond the signed snapshot (merged after the lock from another
   * computer): not part of the protocol, for the secretary to record as rättelser.
   */
  lateChanges: z.array(z.object({ itemId: z.string().nullable(), sv: z.string(), en: z.string() })),
});

export const exportMethods = {
  'export.pdf': method(
    z
      .object({
        meetingId: id,
        pdfa: pdfaLevel.optional(),
        /** Item ids: a protokollsutdrag of just these § (with the meeting header and the Utdragsbestyrkande). */
        items: z.array(id).min(1).max(1000).optional(),
      })
      .strict(),
    exportedPdfSchema,
    'The meeting’s protocol as a tagged PDF/A (2b unless asked for 1b) in the Swedish formal layout, with a signature field per signatory and a last page on the electronic signatures; with `items`, a protokollsutdrag of those §.',
  ),
  'export.docx': method(
    z.object({ meetingId: id, items: z.array(id).min(1).max(1000).optional() }).strict(),
    z.object({ docx: base64, fileName: z.string(), sha256: z.string() }),
    'The same protocol (or protokollsutdrag) as an editable Word document (DOCX), from the same protocol model as the PDF.',
  ),
  'export.kallelse': method(
    z.object({ meetingId: id, format: z.enum(['pdf', 'docx']).default('pdf'), pdfa: pdfaLevel.optional() }).strict(),
    z.object({ data: base64, fileName: z.string(), sha256: z.string(), format: z.enum(['pdf', 'docx']), pages: z.number().int().nullable() }),
    'The kallelse with its föredragningslista (the meeting’s items with § numbers, or 1, 2, 3 before numbering; who is called from the roster), before the meeting: a tagged PDF/A like the protocol, or DOCX.',
  ),
  'justering.status': method(z.object({ meetingId: id }).strict(), justeringStatusSchema, 'Whether the meeting is justerat and locked, the lock record, and its rättelser.'),
  'justering.lock': method(
    /** Without `meetingId`: the meeting the PDF was exported from (the command line's `sign --lock`). */
    z.object({ meetingId: id.optional(), pdf: base64.min(1) }).strict(),
    justeringStatusSchema,
    'Marks the meeting justerat with a signed PDF of it (valid signatures, exported from this meeting, nothing changed since): locks it, keeping the document snapshot and the PDF’s hash.',
  ),
  'justering.rattelse': method(
    z
      .object({
        meetingId: id,
        /** The § the rättelse concerns, if one. */
        itemId: id.optional(),
        what: z.string().min(1).max(5000),
        why: z.string().min(1).max(2000),
        by: z.string().min(1).max(200),
      })
      .strict(),
    justeringStatusSchema,
    'Records a rättelse (what, why, by whom; the time is the Core’s) to a justerat protocol; the next export prints it.',
  ),
  'export.sign': method(
    z
      .object({
        pdf: base64.min(1),
        /** The signer's PKCS#12 file (.p12/.pfx) and its password: used for this call only, never stored. */
        p12: base64.min(1),
        password: z.string().max(1000),
        /** The signature field, or a role in its name ("ordforande"); default: the next unsigned. */
        field: z.string().max(200).optional(),
        reason: z.string().max(500).optional(),
        location: z.string().max(200).optional(),
      })
      .strict(),
    z.object({
      pdf: base64,
      field: z.string(),
      signer: z.string(),
      sha256: z.string(),
      /** The meeting this signature justerade (its last signature field filled): now locked. */
      justerat: z.string().nullable(),
    }),
    'Add one PAdES signature (an incremental update) to an exported protocol; earlier signatures stay valid. The last signature of a protocol exported from this database justerar and locks its meeting.',
  ),
  'export.verify': method(
    z.object({ pdf: base64.min(1) }).strict(),
    verifyReportSchema,
    'Check every signature of a PDF: signer, integrity, and whether anything changed after the last signature.',
  ),
} as const;
