/**
 * PAdES signatures with a PKCS#12 file: each signer's signature is one incremental update that
 * fills the next empty signature field the exporter placed (sekreterare, ordförande,
 * justerare), so earlier signatures keep covering exactly the bytes they signed.
 *
 * Everything that can be wrong with the certificate is checked before a byte is written, and
 * the file functions write to a temporary file and rename: a failed signing leaves no file
 * and changes none.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { ParagrafError } from '../../src/api/errors';
import { commonName, signDetached, type CmsSigner } from './cms';
import { signatureAppearance } from './appearance';
import { pdfTextHex, readSignatureFields, setDictEntry } from './pdfFile';

export interface LoadedCertificate extends CmsSigner {
  name: string;
  certificate: crypto.X509Certificate;
}

const certError = (sv: string, en: string, detail?: string) => new ParagrafError('INVALID_INPUT', sv, en, detail);

/** Reads a PKCS#12 file: the private key and its certificate (plus chain), checked for signing. */
export function loadPkcs12(p12: Buffer, password: string, now = new Date()): LoadedCertificate {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn = () => forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    try {
      parsed = forge.pkcs12.pkcs12FromAsn1(asn(), password);
    } catch (e) {
      // OpenSSL 3 encrypts with PBES2, whose key comes from the UTF-8 bytes of the password,
      // while the MAC uses its UTF-16 form. node-forge feeds both the same string, so a password
      // with å ä ö passes the MAC check and then decrypts with the wrong key. That usually fails
      // the padding check ("Failed to decrypt"), but about 1 time in 400 the padding looks
      // right and what fails is the garbage inside, with any message: so after any
      // failure but the MAC's (which the first attempt checked with the right form), decrypt
      // again with the UTF-8 form, MAC left out.
      if (/MAC could not be verified|Invalid password/iu.test((e as Error).message) || !/[^ -~]/u.test(password)) throw e;
      const again = asn();
      again.value = (again.value as forge.asn1.Asn1[]).slice(0, 2);
      parsed = forge.pkcs12.pkcs12FromAsn1(again, forge.util.encodeUtf8(password));
    }
  } catch (e) {
    const message = (e as Error).message;
    if (/MAC could not be verified|Invalid password/iu.test(message)) {
      throw certError('Fel lösenord till certifikatfilen. Inget har skrivits under.', 'Wrong password for the certificate file. Nothing was signed.', message);
    }
    throw certError(
      'Certifikatfilen kan inte läsas: den är inte en giltig PKCS#12-fil (.p12/.pfx) eller är skadad. Inget har skrivits under.',
      'The certificate file cannot be read: it is not a valid PKCS#12 file (.p12/.pfx) or it is damaged. Nothing was signed.',
      message,
    );
  }
  const bags = (type: string | undefined): forge.pkcs12.Bag[] => (type ? (parsed.getBags({ bagType: type })[type] ?? []) : []);
  const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)];
  const key = keyBags.map(privateKeyOf).find((k) => k !== null);
  if (!key) {
    throw certError(
      'Certifikatfilen innehåller ingen privat nyckel som Paragraf kan använda (RSA eller ECDSA). Inget har skrivits under.',
      'The certificate file holds no private key Paragraf can use (RSA or ECDSA). Nothing was signed.',
    );
  }
  const publicDer = crypto.createPublicKey(key).export({ type: 'spki', format: 'der' });
  const certs = bags(forge.pki.oids.certBag)
    .map(certificateDerOf)
    .filter((c): c is Buffer => c !== null);
  const own = certs.find((c) => new crypto.X509Certificate(c).publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer));
  if (!own) throw certError('Certifikatfilen saknar certifikatet till nyckeln. Inget har skrivits under.', 'The certificate file lacks the certificate for its key. Nothing was signed.');
  const x509 = new crypto.X509Certificate(own);
  const name = commonName(x509);
  if (now < new Date(x509.validFrom)) {
    throw certError(`Certifikatet för ${name} gäller först från ${x509.validFrom}. Inget har skrivits under.`, `The certificate of ${name} is not valid until ${x509.validFrom}. Nothing was signed.`);
  }
  if (now > new Date(x509.validTo)) {
    throw certError(`Certifikatet för ${name} gick ut ${x509.validTo}. Använd ett giltigt certifikat. Inget har skrivits under.`, `The certificate of ${name} expired on ${x509.validTo}. Use a valid certificate. Nothing was signed.`);
  }
  // Key usage: when the certificate restricts it, it must allow signatures.
  const ku = keyUsageOf(own);
  if (ku && !ku.digitalSignature && !ku.nonRepudiation) {
    throw certError(
      `Certifikatet för ${name} får inte användas för underskrifter (nyckelanvändning). Inget har skrivits under.`,
      `The certificate of ${name} may not be used for signatures (key usage). Nothing was signed.`,
    );
  }
  return { key, certificates: [own, ...certs.filter((c) => c !== own)], name, certificate: x509 };
}

/**
 * The bag's private key for node:crypto. node-forge reads RSA keys only; any other key (ECDSA,
 * as newer e-legitimationer have) it leaves as the decrypted PKCS#8 structure, which
 * node:crypto reads. Key types the CMS code cannot sign with (cms.ts: RSA, EC) are not offered.
 */
function privateKeyOf(bag: forge.pkcs12.Bag): crypto.KeyObject | null {
  try {
    const key = bag.key
      ? crypto.createPrivateKey(forge.pki.privateKeyToPem(bag.key))
      : bag.asn1
        ? crypto.createPrivateKey({ key: Buffer.from(forge.asn1.toDer(bag.asn1).getBytes(), 'binary'), format: 'der', type: 'pkcs8' })
        : null;
    return key && (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'ec') ? key : null;
  } catch {
    return null;
  }
}

/**
 * The exact DER of a certificate bag, never re-encoded (a re-encoded name could differ from
 * what the CA signed). forge parses RSA certificates (and keeps their TBSCertificate as read);
 * others it leaves as ASN.1.
 */
function certificateDerOf(bag: forge.pkcs12.Bag): Buffer | null {
  const asn = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
  return asn ? Buffer.from(forge.asn1.toDer(asn).getBytes(), 'binary') : null;
}

/** The key usage extension of a certificate (any key type), or null when it has none. */
function keyUsageOf(der: Buffer): { digitalSignature?: boolean; nonRepudiation?: boolean } | null {
  const cert = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  const tbs = (cert.value as forge.asn1.Asn1[])[0]!;
  const wrapper = (tbs.value as forge.asn1.Asn1[]).find((v) => v.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && v.type === 3);
  if (!wrapper) return null;
  // Exported by node-forge's x509.js, not declared in its types.
  const pki = forge.pki as unknown as { certificateExtensionsFromAsn1(exts: forge.asn1.Asn1): Array<{ name?: string; digitalSignature?: boolean; nonRepudiation?: boolean }> };
  return pki.certificateExtensionsFromAsn1(wrapper).find((e) => e.name === 'keyUsage') ?? null;
}

export interface SignOptions {
  /** The field to sign (e.g. "signatur-2-ordforande"), or the first field whose name contains this role; default: the next unsigned. */
  field?: string;
  reason?: string;
  location?: string;
  now?: Date;
}

export interface SignResult {
  pdf: Buffer;
  field: string;
  signer: string;
}

/** Room for the CMS: a 4096-bit certificate chain of three plus attributes is well under this. */
const CONTENTS_BYTES = 16_384;
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

export function signPdf(pdf: Buffer, signer: LoadedCertificate, options: SignOptions = {}): SignResult {
  const now = options.now ?? new Date();
  const { offsets: objectOffsets, trailer, acroFormNum, acroForm, fields } = readSignatureFields(pdf);
  if (fields.length === 0 || acroFormNum === null || acroForm === null) {
    throw new ParagrafError('INVALID_INPUT', 'PDF-filen har inga underskriftsfält. Exportera protokollet från Paragraf och försök igen.', 'The PDF has no signature fields. Export the protocol from Paragraf and try again.');
  }
  const open = fields.filter((f) => !f.signed);
  const want = options.field;
  const field = want === undefined ? open[0] : (open.find((f) => f.name === want) ?? open.find((f) => f.name.includes(want)));
  if (!field) {
    const signedAlready = want !== undefined && fields.some((f) => f.signed && (f.name === want || f.name.includes(want)));
    throw new ParagrafError(
      'CONFLICT',
      signedAlready ? `Fältet ${want} är redan underskrivet.` : want ? `PDF-filen har inget osignerat fält ${want}.` : 'Alla underskriftsfält är redan underskrivna.',
      signedAlready ? `The field ${want} is already signed.` : want ? `The PDF has no unsigned field ${want}.` : 'Every signature field is already signed.',
    );
  }

  // The increment: the signature dictionary (new object), the field pointing at it, the
  // AcroForm with SigFlags 3 (signatures exist, append only), a cross-reference section for
  // just these objects, and a trailer chained to the previous one with the same /ID.
  const sigNum = trailer.size;
  // The signer's name and time in the field's box on the last page (appearance.ts), in this
  // same update so this signature covers it; a field without a box keeps its empty appearance.
  const appearance = signatureAppearance(pdf, objectOffsets, field.dict, signer.name, now);
  const apNum = appearance ? sigNum + 1 : null;
  const base = pdf.length;
  const eol = pdf[base - 1] === 0x0a ? '' : '\n';
  const parts: string[] = [];
  const offsets = new Map<number, number>();
  let cursor = base + eol.length;
  const emit = (num: number | null, text: string) => {
    if (num !== null) offsets.set(num, cursor);
    parts.push(text);
    cursor += Buffer.byteLength(text, 'latin1');
  };
  const sigDict =
    `${sigNum} 0 obj\n<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n${BYTE_RANGE_PLACEHOLDER}\n` +
    `/Contents <${'0'.repeat(CONTENTS_BYTES * 2)}>\n/M (${pdfDate(now)})\n/Name ${pdfTextHex(signer.name)}\n` +
    (options.reason ? `/Reason ${pdfTextHex(options.reason)}\n` : '') +
    (options.location ? `/Location ${pdfTextHex(options.location)}\n` : '') +
    '>>\nendobj\n';
  emit(sigNum, sigDict);
  let fieldDict = setDictEntry(field.dict, 'V', `${sigNum} 0 R`);
  if (apNum !== null) fieldDict = fieldDict.replace(/\/AP\s*<<\s*\/N\s+\d+\s+\d+\s+R\s*>>/u, `/AP << /N ${apNum} 0 R >>`);
  emit(field.num, `${field.num} 0 obj\n${fieldDict}\nendobj\n`);
  if (apNum !== null) emit(apNum, `${apNum} 0 obj\n${appearance}\nendobj\n`);
  emit(acroFormNum, `${acroFormNum} 0 obj\n${setDictEntry(acroForm, 'SigFlags', '3')}\nendobj\n`);
  const xrefAt = cursor;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (const n of nums) xref += `${n} 1\n${String(offsets.get(n)).padStart(10, '0')} 00000 n \n`;
  const trailerText =
    `trailer\n<<\n/Size ${(apNum ?? sigNum) + 1}\n/Root ${trailer.root}\n` +
    (trailer.info ? `/Info ${trailer.info}\n` : '') +
    (trailer.id ? `/ID ${trailer.id}\n` : '') +
    `/Prev ${trailer.xref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  emit(null, xref + trailerText);

  const out = Buffer.concat([pdf, Buffer.from(eol + parts.join(''), 'latin1')]);
  const sigStart = base + eol.length;
  const contentsAt = out.indexOf('/Contents <', sigStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + 2 + CONTENTS_BYTES * 2;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `/ByteRange [${range.map((n, i) => (i === 0 ? String(n) : String(n).padStart(10, '0'))).join(' ')}]`;
  if (rangeText.length !== BYTE_RANGE_PLACEHOLDER.length) throw new Error('sign: byte range does not fit its placeholder');
  out.write(rangeText, out.indexOf(BYTE_RANGE_PLACEHOLDER, sigStart, 'latin1'), 'latin1');

  const hash = crypto.createHash('sha256');
  hash.update(out.subarray(0, contentsAt));
  hash.update(out.subarray(contentsEnd));
  const cms = signDetached(hash.digest(), signer);
  if (cms.length > CONTENTS_BYTES) throw new Error(`sign: the signature (${cms.length} bytes) does not fit its placeholder`);
  out.write(cms.toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  return { pdf: out, field: field.name, signer: signer.name };
}

/** Writes next to the target and renames over it: the target is either the old file or the new one. */
export function writeFileAtomic(target: string, data: Buffer): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomUUID()}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Like writeFileAtomic, with `commit` run between writing the temporary file and renaming it
 * into place: if it throws, the temporary file is removed and `target` is untouched; once it
 * has succeeded, the bytes are already on disk and only the rename remains.
 */
export async function writeFileAtomicWhen(target: string, data: Buffer, commit: () => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomUUID()}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    await commit();
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    // What `commit` did refers to these bytes: keep them where they are, and say where.
    throw new Error(`${e instanceof Error ? e.message : String(e)}; the file is kept as ${tmp}`, { cause: e });
  }
}

/** Signs `input` into `output` (which may be the same file). Nothing is written unless signing succeeds. */
export function signPdfFile(input: string, output: string, p12File: string, password: string, options: SignOptions = {}): Omit<SignResult, 'pdf'> {
  const signer = loadPkcs12(fs.readFileSync(p12File), password, options.now);
  const result = signPdf(fs.readFileSync(input), signer, options);
  writeFileAtomic(output, result.pdf);
  return { field: result.field, signer: result.signer };
}
