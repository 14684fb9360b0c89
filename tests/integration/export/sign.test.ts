/**
 * Signing the exported LSVO protocol: three signers in turn (sekreterare, ordförande,
 * justerare) with PKCS#12 files whose names carry å ä ö é, each an incremental update; checked
 * by Paragraf's verifier, poppler's pdfsig, openssl cms and PDFBox Preflight. Test certificates
 * are made here with openssl (and node-forge for an expired one); the one key committed is a
 * throwaway fixture for a 1-in-400 case that cannot be made on demand (see its test).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/api/client';
import { ParagrafError } from '../../../src/api/errors';
import type { Core } from '../../../main/core/Core';
import { loadPkcs12, signPdf, signPdfFile } from '../../../main/export/sign';
import { verifyPdf } from '../../../main/export/verify';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { pdfaStructure, preflight, run } from '../../helpers/pdfTools';
import { createLsvoMeeting } from './lsvo';

const dir = tempDir('paragraf-sign-');
const at = (f: string) => path.join(dir, f);
const PASSWORD = 'Hemligt lösenord 1';
let core: Core;

const signers = [
  { file: 'sekreterare.p12', cn: 'Mats Wennstig Åström' },
  { file: 'ordforande.p12', cn: 'Bodil Sundlöf Ärlemalm' },
  { file: 'justerare.p12', cn: 'Torill Skaar Magnusson-Éliasson' },
] as const;

function opensslCert(name: string, cn: string, keyUsage: string, newkey = 'rsa:2048'): void {
  const key = at(`${name}.key`);
  const crt = at(`${name}.crt`);
  execFileSync('openssl', ['req', '-x509', '-newkey', newkey, '-nodes', '-keyout', key, '-out', crt, '-days', '30', '-utf8', '-subj', `/C=SE/O=Region Blekinge/CN=${cn}`, '-addext', `keyUsage=critical,${keyUsage}`], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', at(`${name}.p12`), '-passout', `pass:${PASSWORD}`], { stdio: 'ignore' });
  fs.rmSync(key);
}

/** A certificate that expired yesterday, on a key openssl made (forge would take seconds to make one). */
function expiredP12(): void {
  const keyPem = at('expired.key');
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyPem], { stdio: 'ignore' });
  const key = forge.pki.privateKeyFromPem(fs.readFileSync(keyPem, 'utf8'));
  fs.rmSync(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 400 * 86_400_000);
  cert.validity.notAfter = new Date(Date.now() - 86_400_000);
  const attrs = [{ name: 'commonName', value: 'Utgången Signerare' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], PASSWORD, { algorithm: 'aes256' });
  fs.writeFileSync(at('expired.p12'), Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

beforeAll(async () => {
  execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-out', at('p256.param')], { stdio: 'ignore' });
  signers.forEach((s, i) => opensslCert(s.file.replace('.p12', ''), s.cn, i === 0 ? 'digitalSignature' : 'digitalSignature,nonRepudiation'));
  opensslCert('encipher', 'Nyckel För Kryptering', 'keyEncipherment');
  opensslCert('ecdsa', 'Åsa Öberg Ékström', 'digitalSignature,nonRepudiation', 'ec:' + at('p256.param'));
  opensslCert('ecdsa-encipher', 'Nyckel För Nyckelavtal', 'keyAgreement', 'ec:' + at('p256.param'));
  expiredP12();
  const o = openCore();
  core = o.core;
  const { meeting } = await createLsvoMeeting(o.api);
  for (const level of ['2b', '1b'] as const) {
    const out = unwrap(await o.api.invoke('export.pdf', { meetingId: meeting.id, pdfa: level }));
    fs.writeFileSync(at(`protocol-${level}.pdf`), Buffer.from(out.pdf, 'base64'));
  }
}, 90_000);
afterAll(() => core.close());

describe('signing in turn', () => {
  it('three signatures, each an incremental update; pdfsig, openssl cms and Paragraf find every one valid', () => {
    let input = at('protocol-2b.pdf');
    const revisions: number[] = [fs.statSync(input).size];
    signers.forEach((s, i) => {
      const output = at(`signed-${i + 1}.pdf`);
      const r = signPdfFile(input, output, at(s.file), PASSWORD, { reason: 'Justering av protokollet', location: 'Karlskrona' });
      expect(r.signer).toBe(s.cn);
      expect(r.field).toBe(['signatur-1-sekreterare', 'signatur-2-ordforande', 'signatur-3-justerare'][i]);
      // Incremental: the earlier file is a byte-for-byte prefix of the new one.
      const before = fs.readFileSync(input);
      expect(fs.readFileSync(output).subarray(0, before.length).equals(before)).toBe(true);
      revisions.push(fs.statSync(output).size);
      input = output;
    });
    const final = at('signed-3.pdf');

    const report = verifyPdf(fs.readFileSync(final));
    expect(report.signatures.map((s) => [s.signer, s.field, s.valid, s.coversRevision])).toEqual([
      ['Mats Wennstig Åström', 'signatur-1-sekreterare', true, true],
      ['Bodil Sundlöf Ärlemalm', 'signatur-2-ordforande', true, true],
      ['Torill Skaar Magnusson-Éliasson', 'signatur-3-justerare', true, true],
    ]);
    expect(report.signatures.map((s) => s.coversWholeFile)).toEqual([false, false, true]);
    expect(report.intact).toBe(true);

    const pdfsig = run('pdfsig', [final]);
    expect(pdfsig.status).toBe(0);
    const blocks = pdfsig.out.split(/^Signature #\d+:/mu).slice(1);
    expect(blocks).toHaveLength(3);
    blocks.forEach((b, i) => {
      expect(b).toContain(`Signer Certificate Common Name: ${signers[i]!.cn}`);
      expect(b).toContain('Signature Validation: Signature is Valid.');
      // Each signature covers its own revision: the file as it was when that signer signed.
      const ranges = /Signed Ranges: \[(\d+) - (\d+)\], \[(\d+) - (\d+)\]/u.exec(b)!;
      expect(Number(ranges[4])).toBe(revisions[i + 1]);
      expect(b).toContain(i === 2 ? 'Total document signed' : 'Not total document signed');
    });

    // openssl cms, on the bytes each signature covers.
    const bytes = fs.readFileSync(final);
    const text = bytes.toString('latin1');
    const ranges = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/gu)].map((m) => m.slice(1, 5).map(Number));
    ranges.forEach(([a, b, c, d], i) => {
      fs.writeFileSync(at(`sig${i}.der`), Buffer.from(text.slice(b! + 1, c! - 1), 'hex'));
      fs.writeFileSync(at(`sig${i}.bin`), Buffer.concat([bytes.subarray(a, b), bytes.subarray(c, c! + d!)]));
      const r = run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', at(`sig${i}.der`), '-content', at(`sig${i}.bin`), '-noverify', '-out', '/dev/null']);
      expect(r.out).toContain('Verification successful');
    });
  });

  it('a byte changed after signing is reported by Paragraf and by pdfsig', () => {
    const bytes = Buffer.from(fs.readFileSync(at('signed-3.pdf')));
    // One letter of the XMP metadata (an uncompressed stream in the first revision).
    const i = bytes.indexOf('<pdf:Producer>Paragraf', 0, 'latin1');
    expect(i).toBeGreaterThan(0);
    bytes.write('x', i + '<pdf:Producer>'.length, 'latin1');
    fs.writeFileSync(at('tampered.pdf'), bytes);
    const report = verifyPdf(bytes);
    expect(report.intact).toBe(false);
    expect(report.signatures.map((s) => s.valid)).toEqual([false, false, false]);
    expect(report.signatures[0]!.problem?.sv).toBe('Dokumentet har ändrats efter att det skrevs under.');
    const pdfsig = run('pdfsig', [at('tampered.pdf')]);
    expect(pdfsig.out).not.toContain('Signature is Valid.');
    expect(pdfsig.out).toMatch(/Digest Mismatch|Signature is Invalid/u);
  });

  it('an update appended after the last signature is reported as a change', () => {
    const signed = fs.readFileSync(at('signed-2.pdf'));
    const appended = Buffer.concat([signed, Buffer.from('\n% added later\n', 'latin1')]);
    const report = verifyPdf(appended);
    expect(report.signatures.every((s) => s.valid)).toBe(true);
    expect(report.changedAfterLastSignature).toBe(true);
    expect(report.intact).toBe(false);
  });

  it('the signed PDF/A-1b export still passes PDFBox Preflight', () => {
    signPdfFile(at('protocol-1b.pdf'), at('signed-1b.pdf'), at(signers[0].file), PASSWORD);
    const r = preflight(at('signed-1b.pdf'));
    expect(r.out).toContain('is a valid PDF/A-1b file');
    expect(pdfaStructure(at('signed-1b.pdf'), 1)).toEqual([]);
  });

  it('the PDF/A-2b export passes the structural PDF/A-2b checks before and after three signatures (appearances, fonts, no transparency)', () => {
    expect(pdfaStructure(at('protocol-2b.pdf'), 2)).toEqual([]);
    expect(pdfaStructure(at('signed-3.pdf'), 2)).toEqual([]);
  });
});

describe('an ECDSA (P-256) certificate, as newer e-legitimationer have', () => {
  it('signs after an RSA signer; pdfsig, openssl cms and Paragraf find both valid', () => {
    signPdfFile(at('protocol-2b.pdf'), at('ec-1.pdf'), at(signers[0].file), PASSWORD);
    const r = signPdfFile(at('ec-1.pdf'), at('ec-2.pdf'), at('ecdsa.p12'), PASSWORD);
    expect(r).toEqual({ field: 'signatur-2-ordforande', signer: 'Åsa Öberg Ékström' });
    const bytes = fs.readFileSync(at('ec-2.pdf'));
    const report = verifyPdf(bytes);
    expect(report.signatures.map((s) => [s.signer, s.valid, s.coversRevision])).toEqual([
      ['Mats Wennstig Åström', true, true],
      ['Åsa Öberg Ékström', true, true],
    ]);
    expect(report.intact).toBe(true);
    const pdfsig = run('pdfsig', [at('ec-2.pdf')]);
    const blocks = pdfsig.out.split(/^Signature #\d+:/mu).slice(1);
    expect(blocks[1]).toContain('Signer Certificate Common Name: Åsa Öberg Ékström');
    expect(blocks[1]).toContain('Signature Validation: Signature is Valid.');
    expect(blocks[1]).toMatch(/Signature Type: ETSI\.CAdES\.detached/u);
    const text = bytes.toString('latin1');
    const [a, b, c, d] = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/gu)].at(-1)!.slice(1, 5).map(Number);
    fs.writeFileSync(at('ec.der'), Buffer.from(text.slice(b! + 1, c! - 1), 'hex'));
    fs.writeFileSync(at('ec.bin'), Buffer.concat([bytes.subarray(a, b), bytes.subarray(c, c! + d!)]));
    const cms = run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', at('ec.der'), '-content', at('ec.bin'), '-noverify', '-out', '/dev/null']);
    expect(cms.out).toContain('Verification successful');
    // The signature in the CMS is ECDSA with SHA-256.
    const printed = run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', at('ec.der')]);
    expect(printed.out).toContain('ecdsa-with-SHA256');
  });
});

describe('a password with å ä ö on PKCS#12 files made by OpenSSL 3', () => {
  // OpenSSL 3 keys the encryption with the UTF-8 password, and node-forge first decrypts with
  // another form of it. That wrong key fails the padding check ("Failed to decrypt"), except
  // about 1 time in 400, when the padding happens to look right and the garbage behind it fails
  // with another message; the file was then called damaged (a CI run failed so). This fixture
  // is such a file, found by exporting one throwaway self-signed test key (CN Mats Wennstig
  // Åström, valid for 100 years, used nowhere else) until it happened.
  it('opens the file whose wrong-key decryption happens to pass the padding check', () => {
    const fixture = fs.readFileSync(path.join(__dirname, '../../fixtures/openssl3-wrong-key-valid-padding.p12'));
    expect(loadPkcs12(fixture, 'Lösenord för justering').name).toBe('Mats Wennstig Åström');
  });
});

describe('refused certificates: a clear error and no file written or changed', () => {
  const cases: Array<[string, () => void, RegExp]> = [
    ['wrong password', () => signPdfFile(at('protocol-2b.pdf'), at('out.pdf'), at(signers[0].file), 'fel lösenord'), /Fel lösenord/u],
    ['expired certificate', () => signPdfFile(at('protocol-2b.pdf'), at('out.pdf'), at('expired.p12'), PASSWORD), /gick ut/u],
    ['certificate not for signing', () => signPdfFile(at('protocol-2b.pdf'), at('out.pdf'), at('encipher.p12'), PASSWORD), /får inte användas för underskrifter/u],
    ['ECDSA certificate not for signing', () => signPdfFile(at('protocol-2b.pdf'), at('out.pdf'), at('ecdsa-encipher.p12'), PASSWORD), /får inte användas för underskrifter/u],
    [
      'corrupt PKCS#12 file',
      () => {
        const good = fs.readFileSync(at(signers[0].file));
        fs.writeFileSync(at('corrupt.p12'), good.subarray(0, good.length / 2));
        signPdfFile(at('protocol-2b.pdf'), at('out.pdf'), at('corrupt.p12'), PASSWORD);
      },
      /inte en giltig PKCS#12-fil/u,
    ],
    ['signing in place with a wrong password', () => signPdfFile(at('signed-1.pdf'), at('signed-1.pdf'), at(signers[1].file), 'fel'), /Fel lösenord/u],
  ];
  for (const [what, attempt, sv] of cases) {
    it(what, () => {
      const before = new Map(fs.readdirSync(dir).map((f) => [f, sha(at(f))]));
      let error: unknown;
      try {
        attempt();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ParagrafError);
      const pe = error as ParagrafError;
      expect(pe.code).toBe('INVALID_INPUT');
      expect(pe.sv).toMatch(sv);
      expect(pe.en.length).toBeGreaterThan(10);
      // Nothing new, nothing changed (the corrupt .p12 the case itself wrote aside).
      const after = new Map(fs.readdirSync(dir).filter((f) => f !== 'corrupt.p12').map((f) => [f, sha(at(f))]));
      before.delete('corrupt.p12');
      expect(after).toEqual(before);
    });
  }

  it('a field already signed is refused', () => {
    const signer = loadPkcs12(fs.readFileSync(at(signers[1].file)), PASSWORD);
    expect(() => signPdf(fs.readFileSync(at('signed-1.pdf')), signer, { field: 'sekreterare' })).toThrow(/already signed/u);
  });
});
