/**
 * Signatures Paragraf did not make, and /Contents that are not signatures at all: the verifier
 * reports each one (valid or not, with a bilingual problem) and never throws, so export.verify
 * answers with a report, justering.lock with a clear refusal, and export.sign keeps the
 * signature it has just made. The other tool is openssl cms with -keyid: a CMS v3 SignerInfo
 * that names its signer by subjectKeyIdentifier instead of issuer and serial number.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unwrap } from '../../../src/api/client';
import type { TypedApi } from '../../../src/api/transport';
import type { Core } from '../../../main/core/Core';
import { loadPkcs12, signPdf } from '../../../main/export/sign';
import { verifyPdf } from '../../../main/export/verify';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { run } from '../../helpers/pdfTools';
import { createLsvoMeeting } from './lsvo';

// Lets one test make the post-signing justering check fail as an unexpected bug would.
const fault = vi.hoisted(() => ({ on: false }));
vi.mock('../../../main/export/justering', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../../main/export/justering')>();
  return {
    ...mod,
    checkSignedExport: (...args: Parameters<typeof mod.checkSignedExport>) => {
      if (fault.on) throw new TypeError('simulated bug in the justering check');
      return mod.checkSignedExport(...args);
    },
  };
});

const dir = tempDir('paragraf-verify-robust-');
const at = (f: string) => path.join(dir, f);
const PASSWORD = 'Hemligt lösenord 2';
const PARAGRAF_CN = 'Mats Wennstig Åström';
const OTHER_CN = 'Görel Annan-Verktyg Öhrn';
let core: Core;
let api: TypedApi;
let meetingId: string;
let protocol: Buffer;

function opensslCert(name: string, cn: string): void {
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at(`${name}.key`), '-out', at(`${name}.crt`), '-days', '30', '-utf8', '-subj', `/C=SE/O=Region Blekinge/CN=${cn}`, '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation'],
    { stdio: 'ignore' },
  );
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', at(`${name}.key`), '-in', at(`${name}.crt`), '-out', at(`${name}.p12`), '-passout', `pass:${PASSWORD}`], { stdio: 'ignore' });
}

/** The last signature's byte range and the offsets of its /Contents hex digits. */
function lastSignature(pdf: Buffer): { signed: Buffer; hexStart: number; hexEnd: number } {
  const text = pdf.toString('latin1');
  const [a, b, c, d] = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/gu)].at(-1)!.slice(1, 5).map(Number) as [number, number, number, number];
  return { signed: Buffer.concat([pdf.subarray(a, b), pdf.subarray(c, c + d)]), hexStart: b + 1, hexEnd: c - 1 };
}

/** The PDF with the last signature's /Contents replaced by `cms`, padded with zeros as a signer does. */
function withContents(pdf: Buffer, cms: Buffer): Buffer {
  const { hexStart, hexEnd } = lastSignature(pdf);
  const hex = cms.toString('hex').toUpperCase();
  expect(hex.length).toBeLessThanOrEqual(hexEnd - hexStart);
  const out = Buffer.from(pdf);
  out.write(hex.padEnd(hexEnd - hexStart, '0'), hexStart, 'latin1');
  return out;
}

const contentsOf = (pdf: Buffer): Buffer => {
  const { hexStart, hexEnd } = lastSignature(pdf);
  return Buffer.from(pdf.toString('latin1', hexStart, hexEnd), 'hex');
};

/** A detached CMS over the last signature's bytes, made by openssl with the signer named by key id. */
function opensslKeyidCms(pdf: Buffer, name: string): Buffer {
  fs.writeFileSync(at('range.bin'), lastSignature(pdf).signed);
  execFileSync('openssl', ['cms', '-sign', '-binary', '-keyid', '-md', 'sha256', '-outform', 'DER', '-signer', at(`${name}.crt`), '-inkey', at(`${name}.key`), '-in', at('range.bin'), '-out', at('keyid.der')], { stdio: 'ignore' });
  return fs.readFileSync(at('keyid.der'));
}

/** The export signed by Paragraf in its first field, then re-signed over the same bytes by "another tool". */
function signedByOtherTool(): Buffer {
  const paragraf = signPdf(protocol, loadPkcs12(fs.readFileSync(at('paragraf.p12')), PASSWORD)).pdf;
  return withContents(paragraf, opensslKeyidCms(paragraf, 'other'));
}

/** Fixed pseudo-random bytes, so a failure can be repeated. */
const noise = Buffer.concat(Array.from({ length: 20 }, (_, i) => crypto.createHash('sha256').update(`noise ${i}`).digest()));

const p12 = (name: string) => fs.readFileSync(at(`${name}.p12`)).toString('base64');

beforeAll(async () => {
  opensslCert('paragraf', PARAGRAF_CN);
  opensslCert('other', OTHER_CN);
  const o = openCore();
  core = o.core;
  api = o.api;
  const { meeting } = await createLsvoMeeting(api);
  meetingId = meeting.id;
  protocol = Buffer.from(unwrap(await api.invoke('export.pdf', { meetingId, pdfa: '2b' })).pdf, 'base64');
}, 90_000);
afterAll(() => core.close());

describe('a signature made by another tool, naming its signer by subjectKeyIdentifier (CMS v3)', () => {
  it('is valid, with the signer of its certificate, and openssl agrees', () => {
    const pdf = signedByOtherTool();
    const cms = contentsOf(pdf);
    // The fixture is what it claims: a SignerInfo with a key id, not issuer and serial.
    const printed = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', at('keyid.der')]).out;
    expect(printed).toContain('d.subjectKeyIdentifier');
    expect(printed).not.toContain('d.issuerAndSerialNumber');
    fs.writeFileSync(at('keyid-check.der'), cms);
    const ossl = run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', at('keyid-check.der'), '-content', at('range.bin'), '-noverify', '-out', '/dev/null']);
    expect(ossl.out).toContain('Verification successful');

    const report = verifyPdf(pdf);
    expect(report.signatures).toHaveLength(1);
    const [s] = report.signatures;
    expect([s!.signer, s!.valid, s!.problem, s!.certificate?.subject]).toEqual([OTHER_CN, true, null, OTHER_CN]);
    expect(report.intact).toBe(true);
  });

  it('whose key id matches no certificate’s extension is still found by the key that verifies it', () => {
    const pdf = signedByOtherTool();
    const cms = contentsOf(pdf);
    // The key id is outside the signed attributes: changing it leaves the signature intact.
    const ski = execFileSync('openssl', ['x509', '-in', at('other.crt'), '-noout', '-ext', 'subjectKeyIdentifier'], { encoding: 'utf8' });
    const keyId = Buffer.from(/([0-9A-F]{2}(?::[0-9A-F]{2})+)/u.exec(ski)![1]!.replace(/:/gu, ''), 'hex');
    const i = cms.indexOf(Buffer.concat([Buffer.from([0x80, keyId.length]), keyId]));
    expect(i).toBeGreaterThan(0);
    const changed = Buffer.from(cms);
    crypto.randomBytes(keyId.length).copy(changed, i + 2);
    const s = verifyPdf(withContents(pdf, changed)).signatures[0]!;
    expect([s.signer, s.valid, s.problem]).toEqual([OTHER_CN, true, null]);
  });

  it('changed bytes are still reported as a change', () => {
    const pdf = Buffer.from(signedByOtherTool());
    const i = pdf.indexOf('<pdf:Producer>Paragraf', 0, 'latin1');
    pdf.write('x', i + '<pdf:Producer>'.length, 'latin1');
    const s = verifyPdf(pdf).signatures[0]!;
    expect([s.signer, s.valid, s.problem?.sv]).toEqual([OTHER_CN, false, 'Dokumentet har ändrats efter att det skrevs under.']);
  });
});

describe('/Contents that are not a readable signature: a report with a problem, never a throw', () => {
  const paragrafSigned = () => signPdf(protocol, loadPkcs12(fs.readFileSync(at('paragraf.p12')), PASSWORD)).pdf;
  /** Paragraf's own CMS with its certificate's contents replaced by an OCTET STRING of the same size. */
  const malformedCertificate = (): Buffer => {
    const pdf = paragrafSigned();
    const cms = Buffer.from(contentsOf(pdf));
    const certDer = execFileSync('openssl', ['x509', '-in', at('paragraf.crt'), '-outform', 'DER']);
    const i = cms.indexOf(certDer);
    expect(i).toBeGreaterThan(0);
    expect(certDer[1]).toBe(0x82);
    const length = certDer.readUInt16BE(2);
    cms.fill(0, i + 4, i + 4 + length);
    cms.writeUInt8(0x04, i + 4);
    cms.writeUInt8(0x82, i + 5);
    cms.writeUInt16BE(length - 4, i + 6);
    return withContents(pdf, cms);
  };
  const cases: Array<[string, () => Buffer]> = [
    ['an empty SEQUENCE', () => withContents(paragrafSigned(), Buffer.from('3000', 'hex'))],
    ['bytes that are no DER at all', () => withContents(paragrafSigned(), noise)],
    ['a SignedData whose certificate is malformed', malformedCertificate],
  ];
  for (const [what, make] of cases) {
    it(`${what}: not valid, with a bilingual problem; export.verify answers with the report`, async () => {
      const pdf = make();
      const report = verifyPdf(pdf);
      expect(report.signatures).toHaveLength(1);
      const s = report.signatures[0]!;
      expect(s.valid).toBe(false);
      expect(s.problem).toEqual({
        sv: 'Underskriften kan inte kontrolleras: den är skadad eller gjord på ett sätt som Paragraf inte kan läsa.',
        en: 'The signature cannot be checked: it is damaged or made in a way Paragraf cannot read.',
      });
      expect(report.intact).toBe(false);

      const viaApi = await api.invoke('export.verify', { pdf: pdf.toString('base64') });
      expect(viaApi).toEqual({ ok: true, value: report });
      // justering.lock refuses it in words, not with an internal error.
      const lock = await api.invoke('justering.lock', { meetingId, pdf: pdf.toString('base64') });
      expect(lock.ok).toBe(false);
      if (!lock.ok) expect(lock.error.code).toBe('INVALID_INPUT');
    });
  }
});

describe('export.sign on a PDF another tool has signed keeps the new signature', () => {
  it('an unreadable earlier signature: the PDF comes back signed, not justerat', async () => {
    const broken = withContents(signPdf(protocol, loadPkcs12(fs.readFileSync(at('paragraf.p12')), PASSWORD)).pdf, Buffer.from('3000', 'hex'));
    const r = await api.invoke('export.sign', { pdf: broken.toString('base64'), p12: p12('paragraf'), password: PASSWORD });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.justerat).toBeNull();
    const report = verifyPdf(Buffer.from(r.value.pdf, 'base64'));
    expect(report.signatures.map((s) => s.valid)).toEqual([false, true]);
  });

  it('a bug in the justering check after signing: the signed PDF is returned and the failure logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fault.on = true;
    try {
      const r = await api.invoke('export.sign', { pdf: protocol.toString('base64'), p12: p12('paragraf'), password: PASSWORD });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.justerat).toBeNull();
      const report = verifyPdf(Buffer.from(r.value.pdf, 'base64'));
      expect(report.signatures.map((s) => [s.signer, s.valid])).toEqual([[PARAGRAF_CN, true]]);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('justering'), expect.any(TypeError));
    } finally {
      fault.on = false;
      logged.mockRestore();
    }
  });

  // Last: it locks the meeting.
  it('the other tool’s valid CMS v3 signature first, Paragraf’s last: signed and justerat', async () => {
    const first = signedByOtherTool();
    const second = signPdf(first, loadPkcs12(fs.readFileSync(at('paragraf.p12')), PASSWORD)).pdf;
    const r = unwrap(await api.invoke('export.sign', { pdf: second.toString('base64'), p12: p12('paragraf'), password: PASSWORD }));
    expect(r.justerat).toBe(meetingId);
    const report = verifyPdf(Buffer.from(r.pdf, 'base64'));
    expect(report.signatures.map((s) => [s.signer, s.valid])).toEqual([
      [OTHER_CN, true],
      [PARAGRAF_CN, true],
      [PARAGRAF_CN, true],
    ]);
    expect(report.intact).toBe(true);
  });
});
