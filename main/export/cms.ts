/**
 * CMS SignedData for PAdES (ETSI.CAdES.detached), built with node-forge's ASN.1 codec and
 * signed with Node's crypto. node-forge's own PKCS#7 signer is not used: it cannot add the
 * ESS signing-certificate-v2 attribute PAdES requires, and it re-encodes certificate names
 * (the usual way å ä ö get mangled). Certificates go into the CMS as the exact DER bytes of
 * the PKCS#12 file, and names are read with Node's X509Certificate, which decodes UTF-8.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const seq = (v: Asn1[]) => asn1.create(U, T.SEQUENCE, true, v);
const set = (v: Asn1[]) => asn1.create(U, T.SET, true, v);
const oid = (o: string) => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const int = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const octets = (b: Buffer) => asn1.create(U, T.OCTETSTRING, false, b.toString('binary'));
const nul = () => asn1.create(U, T.NULL, false, '');
const algId = (o: string, params = true) => seq(params ? [oid(o), nul()] : [oid(o)]);
const der = (a: Asn1): Buffer => Buffer.from(asn1.toDer(a).getBytes(), 'binary');
// The typings know only the old boolean argument; forge takes these options (lib/asn1.js).
const fromDer = (b: Buffer): Asn1 =>
  (asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, o: object) => Asn1)(forge.util.createBuffer(b.toString('binary')), { parseAllBytes: false, decodeBitStrings: false });

/** Issuer Name and serial number of a certificate, from its TBSCertificate, as DER nodes. */
function issuerAndSerial(certDer: Buffer): Asn1 {
  const tbs = (fromDer(certDer).value as Asn1[])[0]!;
  const parts = tbs.value as Asn1[];
  // The version is an explicit [0] and absent in v1 certificates.
  const i = parts[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return seq([parts[i + 2]!, parts[i]!]);
}

/** DER SET OF: elements sorted by their encodings (X.690 11.6), as a verifier re-encodes them. */
function derSet(items: Asn1[]): Asn1 {
  const sorted = items.map((a) => ({ a, d: der(a) })).sort((x, y) => Buffer.compare(x.d, y.d));
  return set(sorted.map((x) => x.a));
}

export interface CmsSigner {
  key: crypto.KeyObject;
  /** The signer's certificate first, then the chain. */
  certificates: Buffer[];
}

export function signDetached(digest: Buffer, signer: CmsSigner): Buffer {
  const cert = signer.certificates[0]!;
  const attrs = derSet([
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.messageDigest), set([octets(digest)])]),
    // ESSCertIDv2 with the default hash (SHA-256) left out, as DER requires for defaults.
    seq([oid(OID.signingCertificateV2), set([seq([seq([seq([octets(crypto.createHash('sha256').update(cert).digest())])])])])]),
  ]);
  const signedAttrs = der(attrs);
  const isEc = signer.key.asymmetricKeyType === 'ec';
  const signature = crypto.sign('sha256', signedAttrs, signer.key);
  // The signed bytes are the attributes as a SET; in the SignerInfo they are [0] IMPLICIT.
  const implicitAttrs = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs.value as Asn1[]);
  const signerInfo = seq([
    int(1),
    issuerAndSerial(cert),
    algId(OID.sha256),
    implicitAttrs,
    isEc ? algId(OID.ecdsaWithSha256, false) : algId(OID.rsaEncryption),
    octets(signature),
  ]);
  const signedData = seq([
    int(1),
    set([algId(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, signer.certificates.map(fromDer)),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

export interface CmsCheck {
  /** The messageDigest attribute equals the digest of the signed bytes. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer's public key. */
  signatureValid: boolean;
  /**
   * The CMS could be read far enough to compare digests. When false, digestMatches and
   * signatureValid are false without saying the document changed: the signature is damaged,
   * or made in a way this check does not read (problem says how).
   */
  checked: boolean;
  certificate: crypto.X509Certificate | null;
  problem: string | null;
}

/** A node's children, or null when it is not the constructed node the walk expects. */
const kids = (n: Asn1 | undefined, min = 0): Asn1[] | null => (n && Array.isArray(n.value) && n.value.length >= min ? n.value : null);
/** A primitive node's bytes, or null. */
const bytesOf = (n: Asn1 | undefined): Buffer | null => (n && typeof n.value === 'string' ? Buffer.from(n.value, 'binary') : null);
const oidOf = (n: Asn1 | undefined): string | null => (n && n.tagClass === U && n.type === T.OID && typeof n.value === 'string' ? asn1.derToOid(n.value) : null);
const isContext = (n: Asn1 | undefined, tag: number): boolean => n !== undefined && n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === tag;

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';

/** The subjectKeyIdentifier extension of a certificate (its key id bytes), or null. */
function subjectKeyId(certDer: Buffer): Buffer | null {
  try {
    const tbs = kids(kids(fromDer(certDer))?.[0]) ?? [];
    const extensions = kids(kids(tbs.find((n) => isContext(n, 3)), 1)?.[0]) ?? [];
    for (const ext of extensions) {
      const parts = kids(ext, 2);
      if (!parts || oidOf(parts[0]) !== SUBJECT_KEY_IDENTIFIER) continue;
      // extnValue is an OCTET STRING holding the DER of the KeyIdentifier (itself an OCTET STRING).
      const inner = bytesOf(parts[parts.length - 1]);
      return inner ? bytesOf(fromDer(inner)) : null;
    }
  } catch {
    // An extension that does not parse identifies nothing.
  }
  return null;
}

const HASHES: Record<string, string> = { [OID.sha256]: 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512', '1.3.14.3.2.26': 'sha1' };

/** A CMS that could not be checked, with the reason (and the signer's certificate, if found). */
const fail = (problem: string, certificate: crypto.X509Certificate | null = null): CmsCheck => ({ digestMatches: false, signatureValid: false, checked: false, certificate, problem });

/**
 * Checks a detached CMS SignedData against the digest of the bytes it claims to sign. Total:
 * the CMS comes from a PDF anyone may have made, so any shape this walk does not expect gives
 * a result with a problem, never an exception (a throw here would turn export.verify into an
 * internal error and make export.sign lose a signature it has already made).
 */
export function checkDetached(cms: Buffer, digestOf: (algorithm: string) => Buffer): CmsCheck {
  try {
    return walkDetached(cms, digestOf);
  } catch (e) {
    // The explicit checks below cover the shapes known to occur; this covers the rest.
    return fail(`unexpected CMS structure: ${(e as Error).message}`);
  }
}

function walkDetached(cms: Buffer, digestOf: (algorithm: string) => Buffer): CmsCheck {
  let root: Asn1;
  try {
    root = fromDer(cms);
  } catch (e) {
    return fail(`CMS cannot be parsed: ${(e as Error).message}`);
  }
  const outer = kids(root, 2);
  if (!outer || oidOf(outer[0]) !== OID.signedData) return fail('not a SignedData');
  const sd = kids(kids(outer[1], 1)?.[0], 4);
  if (!sd) return fail('the SignedData is incomplete');
  const certsNode = sd.find((n) => isContext(n, 0));
  // Only X.509 certificates (SEQUENCEs) are candidates; other CertificateChoices, or a
  // certificate that does not parse, cannot be the signer's and are passed over.
  const certs: Array<{ cert: crypto.X509Certificate; der: Buffer }> = [];
  for (const c of kids(certsNode) ?? []) {
    if (c.tagClass !== U || c.type !== T.SEQUENCE) continue;
    try {
      const d = der(c);
      certs.push({ cert: new crypto.X509Certificate(d), der: d });
    } catch {
      continue;
    }
  }
  const si = kids(kids(sd[sd.length - 1], 1)?.[0], 5);
  if (!si) return fail('no SignerInfo');

  // The signer: issuerAndSerialNumber (a SEQUENCE, CMS v1), or subjectKeyIdentifier ([0], CMS
  // v3, what e.g. `openssl cms -sign -keyid` writes): the certificate whose SKI extension
  // equals it. A certificate without that extension can still be the signer's; that case is
  // settled below, by which key verifies the signature.
  const sid = si[1];
  let signer: crypto.X509Certificate | null;
  let keyId: Buffer | null = null;
  if (sid?.tagClass === U && sid.type === T.SEQUENCE) {
    const serialBytes = bytesOf(kids(sid, 2)?.[1]);
    if (!serialBytes) return fail('the signer identifier is malformed');
    const serial = serialBytes.toString('hex').replace(/^0+/u, '').toUpperCase();
    signer = certs.find((c) => c.cert.serialNumber.replace(/^0+/u, '').toUpperCase() === serial)?.cert ?? null;
  } else if (isContext(sid, 0)) {
    const id = bytesOf(sid);
    if (!id) return fail('the signer identifier is malformed');
    keyId = id;
    signer = certs.find((c) => subjectKeyId(c.der)?.equals(id))?.cert ?? null;
  } else {
    return fail('the signer identifier is malformed');
  }

  const digestAlg = oidOf(kids(si[2], 1)?.[0]) ?? 'missing';
  const hashName = HASHES[digestAlg];
  if (!hashName) return fail(`unsupported digest ${digestAlg}`, signer);
  const attrsNode = si[3];
  if (!isContext(attrsNode, 0)) return fail('no signed attributes', signer);
  const attrs = kids(attrsNode) ?? [];
  const signature = bytesOf(si[5]);
  if (!signature) return fail('no signature value', signer);
  const signedAttrs = der(set(attrs));
  const verifies = (cert: crypto.X509Certificate): boolean => {
    try {
      return crypto.verify(hashName, signedAttrs, cert.publicKey, signature);
    } catch {
      // A malformed signature value (wrong length for the key) is simply not a valid signature.
      return false;
    }
  };
  if (!signer && keyId) signer = certs.find((c) => verifies(c.cert))?.cert ?? null;
  if (!signer) return fail('the signer’s certificate is not in the signature');

  const md = attrs.find((a) => oidOf(kids(a, 2)?.[0]) === OID.messageDigest);
  const claimed = bytesOf(kids(kids(md, 2)?.[1], 1)?.[0]);
  // Without its messageDigest the signature says nothing about the document: not "changed".
  if (!claimed) return fail('no messageDigest attribute', signer);
  const digestMatches = claimed.equals(digestOf(hashName));
  const signatureValid = verifies(signer);
  return {
    digestMatches,
    signatureValid,
    checked: true,
    certificate: signer,
    problem: digestMatches ? (signatureValid ? null : 'the signature does not verify') : 'the document was changed after signing',
  };
}

/** The CN of a certificate's subject, decoded (Node's X509Certificate keeps UTF-8 intact). */
export function commonName(cert: crypto.X509Certificate): string {
  const line = cert.subject.split('\n').find((l) => l.startsWith('CN='));
  return line ? line.slice(3) : cert.subject.replace(/\n/gu, ', ');
}
