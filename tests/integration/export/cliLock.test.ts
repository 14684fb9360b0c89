/**
 * `paragraf sign --data-dir`: the signature that fills the last field of a protocol exported from
 * that database justerar and locks its meeting, as the app's dialog does; `--lock` locks after any
 * signature (a justerare who signed on paper). A refused lock writes nothing. Separate Node
 * processes on a real data folder; the earlier signatures are made in-process to keep it quick.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/api/client';
import { signPdfFile } from '../../../main/export/sign';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { createLsvoMeeting } from './lsvo';

const tsx = path.resolve('node_modules/.bin/tsx');
const cli = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(tsx, ['main/cli/paragraf.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: r.stdout, err: r.stderr };
};
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const PASSWORD = 'Justera mig';

function p12(dir: string, name: string, cn: string): string {
  const at = (f: string) => path.join(dir, f);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at(`${name}.key`), '-out', at(`${name}.crt`), '-days', '30', '-utf8', '-subj', `/C=SE/CN=${cn}`, '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', at(`${name}.key`), '-in', at(`${name}.crt`), '-out', at(`${name}.p12`), '-passout', `pass:${PASSWORD}`], { stdio: 'ignore' });
  return at(`${name}.p12`);
}

describe('paragraf sign locks the meeting', () => {
  it('the last signature with --data-dir justerar and locks; --lock locks early; a refused lock writes nothing', async () => {
    const dataDir = tempDir('paragraf-clilock-data-');
    const work = tempDir('paragraf-clilock-');
    const at = (f: string) => path.join(work, f);
    const keys = [p12(work, 's', 'Märta Sekreterare'), p12(work, 'o', 'Örjan Ordförande'), p12(work, 'j', 'Åsa Justerare-Lévy')];
    const { core, api } = openCore(dataDir);
    const first = (await createLsvoMeeting(api)).meeting.id;
    const second = (await createLsvoMeeting(api)).meeting.id;
    for (const [meetingId, file] of [[first, 'first.pdf'], [second, 'second.pdf']] as const) {
      fs.writeFileSync(at(file), Buffer.from(unwrap(await api.invoke('export.pdf', { meetingId })).pdf, 'base64'));
    }
    core.close();
    // A protocol exported from another database cannot lock a meeting of this one.
    const other = openCore();
    const stranger = (await createLsvoMeeting(other.api)).meeting.id;
    fs.writeFileSync(at('stranger.pdf'), Buffer.from(unwrap(await other.api.invoke('export.pdf', { meetingId: stranger })).pdf, 'base64'));
    other.core.close();

    // Sekreterare and ordförande sign in-process; the justerare's signature through the CLI fills the last field.
    signPdfFile(at('first.pdf'), at('first.pdf'), keys[0]!, PASSWORD);
    signPdfFile(at('first.pdf'), at('first.pdf'), keys[1]!, PASSWORD);
    const last = cli(['sign', at('first.pdf'), '--p12', keys[2]!, '--data-dir', dataDir], { PARAGRAF_P12_PASSWORD: PASSWORD });
    expect(last.err).toBe('');
    expect(last.status).toBe(0);
    expect(last.out).toContain(`signatur-3-justerare\tÅsa Justerare-Lévy\tjusterat/locked ${first}`);

    // --lock after one signature of three, for the second meeting: a boolean flag before the file.
    signPdfFile(at('second.pdf'), at('second.pdf'), keys[0]!, PASSWORD);
    const early = cli(['sign', '--lock', at('second.pdf'), '--p12', keys[1]!, '--data-dir', dataDir, '-o', at('second-signed.pdf')], { PARAGRAF_P12_PASSWORD: PASSWORD });
    expect(early.err).toBe('');
    expect(early.out).toContain(`signatur-2-ordforande\tÖrjan Ordförande\tjusterat/locked ${second}`);

    // Refused: --lock without a database, and a PDF this database never exported. Nothing written.
    const before = sha(at('stranger.pdf'));
    const noDb = cli(['sign', at('stranger.pdf'), '--p12', keys[0]!, '--lock'], { PARAGRAF_P12_PASSWORD: PASSWORD });
    expect(noDb.status).toBe(1);
    expect(noDb.err).toContain('--lock behöver --data-dir');
    expect(noDb.err).toContain('--lock needs --data-dir');
    const strange = cli(['sign', at('stranger.pdf'), '--p12', keys[0]!, '--lock', '--data-dir', dataDir], { PARAGRAF_P12_PASSWORD: PASSWORD });
    expect(strange.status).toBe(1);
    expect(strange.err).toContain('PDF-filen är inte ett protokoll som Paragraf har exporterat från det här mötet');
    expect(strange.err).toContain('The file was not written.');
    expect(sha(at('stranger.pdf'))).toBe(before);
    expect(fs.readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // The database: both meetings locked with the hash of the file the CLI wrote, as the dialog locks.
    const again = openCore(dataDir);
    const s1 = unwrap(await again.api.invoke('justering.status', { meetingId: first }));
    const s2 = unwrap(await again.api.invoke('justering.status', { meetingId: second }));
    expect([s1.locked, s1.signedPdfSha256, s1.signers.length]).toEqual([true, sha(at('first.pdf')), 3]);
    expect([s2.locked, s2.signedPdfSha256, s2.signers.length]).toEqual([true, sha(at('second-signed.pdf')), 2]);
    const meetings = unwrap(await again.api.invoke('meetings.list', {}));
    expect(meetings.filter((m) => m.id === first || m.id === second).map((m) => m.status)).toEqual(['justerat', 'justerat']);
    again.core.close();
  }, 400_000);
});
