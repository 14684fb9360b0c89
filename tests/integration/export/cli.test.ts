/** `paragraf export|sign|verify` as a person runs it: a separate Node process on a real data folder. */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { createLsvoMeeting } from './lsvo';

const tsx = path.resolve('node_modules/.bin/tsx');
const cli = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(tsx, ['main/cli/paragraf.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: r.stdout, err: r.stderr };
};

describe('paragraf command line', () => {
  it('exports, signs and verifies; a wrong password changes nothing and says so in Swedish and English', async () => {
    const dataDir = tempDir('paragraf-cli-data-');
    const work = tempDir('paragraf-cli-');
    const { core, api } = openCore(dataDir);
    const { meeting } = await createLsvoMeeting(api);
    core.close();

    const pdf = path.join(work, 'protokoll.pdf');
    const exported = cli(['export', '--data-dir', dataDir, '--meeting', meeting.id, '-o', pdf]);
    expect(exported.err).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.out).toMatch(/sidor\/pages/u);

    // A protokollsutdrag as Word: the § ids from "paragraf items".
    const listed = cli(['items', '--data-dir', dataDir, '--meeting', meeting.id]);
    expect(listed.status).toBe(0);
    const rows = listed.out.trim().split('\n').map((l) => l.split('\t'));
    expect(rows[0]![1]).toBe('§ 101');
    const docx = path.join(work, 'utdrag.docx');
    const extract = cli(['export', '--data-dir', dataDir, '--meeting', meeting.id, '--docx', '--items', rows[1]![0]!, '-o', docx]);
    expect(extract.err).toBe('');
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });
    expect(xml).toContain('Protokollsutdrag');
    expect(xml).toContain(rows[1]![2]!);
    expect(xml).not.toContain(rows[0]![2]!);

    // The kallelse with its föredragningslista, as PDF: the agenda's items in order.
    const kallelse = path.join(work, 'kallelse.pdf');
    const called = cli(['export', '--data-dir', dataDir, '--meeting', meeting.id, '--kallelse', '-o', kallelse]);
    expect(called.err).toBe('');
    expect(called.status).toBe(0);
    const ktext = execFileSync('pdftotext', [kallelse, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
    expect(ktext).toContain('Föredragningslista');
    expect(ktext.indexOf(rows[0]![2]!)).toBeGreaterThan(ktext.indexOf('Föredragningslista'));
    expect(ktext.indexOf(rows[1]![2]!)).toBeGreaterThan(ktext.indexOf(rows[0]![2]!));
    const mixed = cli(['export', '--data-dir', dataDir, '--meeting', meeting.id, '--kallelse', '--items', rows[0]![0]!, '-o', path.join(work, 'x.pdf')]);
    expect(mixed.status).toBe(1);
    expect(mixed.err).toContain('--items gäller protokollsutdrag, inte kallelse.');
    expect(mixed.err).toContain('--items is for a protokollsutdrag, not a kallelse.');
    expect(fs.existsSync(path.join(work, 'x.pdf'))).toBe(false);

    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(work, 'k.pem'), '-out', path.join(work, 'c.pem'), '-days', '5', '-utf8', '-subj', '/CN=Åke Sjöström-Lévy'], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', path.join(work, 'k.pem'), '-in', path.join(work, 'c.pem'), '-out', path.join(work, 's.p12'), '-passout', 'pass:rätt'], { stdio: 'ignore' });
    fs.rmSync(path.join(work, 'k.pem'));

    const before = crypto.createHash('sha256').update(fs.readFileSync(pdf)).digest('hex');
    const wrong = cli(['sign', pdf, '--p12', path.join(work, 's.p12')], { PARAGRAF_P12_PASSWORD: 'fel' });
    expect(wrong.status).toBe(1);
    expect(wrong.err).toContain('Fel lösenord till certifikatfilen');
    expect(wrong.err).toContain('Wrong password for the certificate file');
    expect(crypto.createHash('sha256').update(fs.readFileSync(pdf)).digest('hex')).toBe(before);

    const signed = cli(['sign', pdf, '--p12', path.join(work, 's.p12'), '--reason', 'Justering'], { PARAGRAF_P12_PASSWORD: 'rätt' });
    expect(signed.err).toBe('');
    expect(signed.out).toContain('signatur-1-sekreterare\tÅke Sjöström-Lévy');

    const verified = cli(['verify', pdf]);
    expect(verified.status).toBe(0);
    expect(verified.out).toContain('1. Åke Sjöström-Lévy (signatur-1-sekreterare');
    expect(verified.out).toContain('giltig / valid');

    // Appending to the signed file is noticed: exit code 2.
    fs.appendFileSync(pdf, '\n% later\n');
    const changed = cli(['verify', pdf]);
    expect(changed.status).toBe(2);
    expect(changed.out).toContain('Filen har ändrats efter den sista underskriften');
  }, 300_000);
});
