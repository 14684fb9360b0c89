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
  certificate: crypto.X509Certificate | null;
  problem: string | null;
}

/** Checks a detached CMS SignedData against the digest of the bytes it claims to sign. */
export function checkDetached(cms: Buffer, digestOf: (algorithm: string) => Buffer): CmsCheck {
  const fail = (problem: string, certificate: crypto.X509Certificate | null = null): CmsCheck => ({ digestMatches: false, signatureValid: false, certificate, problem });
  let root: Asn1;
  try {
    root = fromDer(cms);
  } catch (e) {
    return fail(`CMS cannot be parsed: ${(e as Error).message}`);
  }
  const outer = root.value as Asn1[];
  if (asn1.derToOid(outer[0]!.value as string) !== OID.signedData) return fail('not a SignedData');
  const sd = ((outer[1]!.value as Asn1[])[0]!.value as Asn1[]);
  const certsNode = sd.find((n) => n.tagClass === asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  const certs = ((certsNode?.value as Asn1[]) ?? []).map((c) => new crypto.X509Certificate(der(c)));
  const signerInfos = sd[sd.length - 1]!.value as Asn1[];
  const si = signerInfos[0]!.value as Asn1[];
  const sid = si[1]!.value as Asn1[];
  const serial = Buffer.from(sid[1]!.value as string, 'binary').toString('hex').replace(/^0+/u, '').toUpperCase();
  const cert = certs.find((c) => c.serialNumber.replace(/^0+/u, '').toUpperCase() === serial) ?? null;
  if (!cert) return fail('the signer’s certificate is not in the signature');
  const digestAlg = asn1.derToOid((si[2]!.value as Asn1[])[0]!.value as string);
  const hashName = { [OID.sha256]: 'sha256', '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512', '1.3.14.3.2.26': 'sha1' }[digestAlg];
  if (!hashName) return fail(`unsupported digest ${digestAlg}`, cert);
  const attrsNode = si[3]!;
  if (attrsNode.tagClass !== asn1.Class.CONTEXT_SPECIFIC) return fail('no signed attributes', cert);
  const attrs = attrsNode.value as Asn1[];
  const md = attrs.find((a) => asn1.derToOid((a.value as Asn1[])[0]!.value as string) === OID.messageDigest);
  const claimed = md ? Buffer.from((((md.value as Asn1[])[1]!.value as Asn1[])[0]!.value as string), 'binary') : null;
  const digestMatches = claimed !== null && claimed.equals(digestOf(hashName));
  const signedAttrs = der(set(attrs));
  const signature = Buffer.from(si[5]!.value as string, 'binary');
  let signatureValid: boolean;
  try {
    signatureValid = crypto.verify(hashName, signedAttrs, cert.publicKey, signature);
  } catch {
    // A malformed signature value (wrong length for the key) is simply not a valid signature.
    signatureValid = false;
  }
  return { digestMatches, signatureValid, certificate: cert, problem: digestMatches ? (signatureValid ? null : 'the signature does not verify') : 'the document was changed after signing' };
}

/** The CN of a certificate's subject, decoded (Node's X509Certificate keeps UTF-8 intact). */
export function commonName(cert: crypto.X509Certificate): string {
  const line = cert.subject.split('\n').find((l) => l.startsWith('CN='));
  return line ? line.slice(3) : cert.subject.replace(/\n/gu, ', ');
}
