/**
 * Paragraf's own check of a signed PDF: every signature (found by its /ByteRange, so
 * signatures from other tools count too), who signed, whether the bytes it covers are unchanged
 * and the signature verifies, and whether anything was appended after the last signature.
 */
import crypto from 'node:crypto';
import { checkDetached, commonName } from './cms';
import { pdfString } from './pdfFile';

export interface SignatureReport {
  signer: string | null;
  /** /M of the signature dictionary, as written ("D:20210510…"), decoded to ISO when possible. */
  signedAt: string | null;
  field: string | null;
  /** The signed bytes are unchanged and the signature verifies with the certificate in it. */
  valid: boolean;
  /** The signature covers the file up to the end of its own revision (a %%EOF). */
  coversRevision: boolean;
  /** The signature covers the whole file as it is now. */
  coversWholeFile: boolean;
  certificate: { subject: string; issuer: string; validFrom: string; validTo: string; selfSigned: boolean } | null;
  problem: { sv: string; en: string } | null;
}

export interface VerifyReport {
  signatures: SignatureReport[];
  /** Every signature is valid and the last one covers the whole file. */
  intact: boolean;
  /** Bytes after the last signature's revision: someone changed the file after the last signature. */
  changedAfterLastSignature: boolean;
}

function isoFromPdfDate(raw: string | null): string | null {
  const m = raw ? /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/u.exec(raw) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : raw;
}

export function verifyPdf(pdf: Buffer): VerifyReport {
  const text = pdf.toString('latin1');
  const signatures: SignatureReport[] = [];
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/gu)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    // The signature dictionary around this /ByteRange, for /M, /Name and the field it fills.
    const dictStart = text.lastIndexOf('obj', m.index);
    const dictEnd = text.indexOf('endobj', m.index);
    const dict = text.slice(dictStart, dictEnd).replace(/\/Contents\s*<[0-9A-Fa-f\s]*>/u, '');
    const name = /\/Name\s*(\([^)]*\)|<[^>]*>)/u.exec(dict);
    const when = /\/M\s*\(([^)]*)\)/u.exec(dict);
    const objNum = /(\d+)\s+\d+\s+obj\s*$/u.exec(text.slice(Math.max(0, dictStart - 20), dictStart + 3));
    let field: string | null = null;
    if (objNum) {
      // The field whose /V points at this signature: the newest object that does.
      const refs = [...text.matchAll(new RegExp(`/V\\s+${objNum[1]}\\s+0\\s+R\\b`, 'gu'))];
      const ref = refs[refs.length - 1];
      if (ref) {
        const obj = text.slice(text.lastIndexOf(' obj', ref.index), text.indexOf('endobj', ref.index));
        const t = /\/T\s*(\([^)]*\)|<[^>]*>)/u.exec(obj);
        if (t) field = pdfString(t[1]!);
      }
    }
    const report: SignatureReport = {
      signer: name ? pdfString(name[1]!) : null,
      signedAt: isoFromPdfDate(when?.[1] ?? null),
      field,
      valid: false,
      coversRevision: false,
      coversWholeFile: false,
      certificate: null,
      problem: null,
    };
    signatures.push(report);
    const end = c + d;
    if (a !== 0 || b <= 0 || c <= b || end > pdf.length) {
      report.problem = { sv: 'Underskriftens byteintervall är ogiltigt.', en: 'The signature’s byte range is invalid.' };
      continue;
    }
    report.coversWholeFile = end === pdf.length;
    report.coversRevision = /%%EOF\s*$/u.test(pdf.subarray(Math.max(0, end - 16), end).toString('latin1'));
    const cms = Buffer.from(text.slice(b + 1, c - 1).replace(/\s+/gu, ''), 'hex');
    const check = checkDetached(cms, (alg) => crypto.createHash(alg).update(pdf.subarray(a, b)).update(pdf.subarray(c, end)).digest());
    if (check.certificate) {
      const x = check.certificate;
      report.signer ??= commonName(x);
      report.certificate = { subject: commonName(x), issuer: x.issuer.replace(/\n/gu, ', '), validFrom: x.validFrom, validTo: x.validTo, selfSigned: x.checkIssued(x) };
      report.signer = commonName(x);
    }
    report.valid = check.checked && check.digestMatches && check.signatureValid;
    // A signature that could not be read says nothing about the document: not "changed".
    if (!check.checked) report.problem = { sv: 'Underskriften kan inte kontrolleras: den är skadad eller gjord på ett sätt som Paragraf inte kan läsa.', en: 'The signature cannot be checked: it is damaged or made in a way Paragraf cannot read.' };
    else if (!check.digestMatches) report.problem = { sv: 'Dokumentet har ändrats efter att det skrevs under.', en: 'The document was changed after it was signed.' };
    else if (!check.signatureValid) report.problem = { sv: 'Underskriften kan inte verifieras med certifikatet.', en: 'The signature does not verify with the certificate.' };
  }
  const last = signatures[signatures.length - 1];
  const changedAfterLastSignature = last !== undefined && !last.coversWholeFile;
  return { signatures, intact: signatures.length > 0 && signatures.every((s) => s.valid) && !changedAfterLastSignature, changedAfterLastSignature };
}
