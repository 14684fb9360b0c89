/**
 * Justering and locking through a real Core: the LSVO protocol exported (with its last page on
 * the electronic signatures), signed by three signers in turn through export.sign; the last
 * signature locks the meeting. Then an ordinary edit is refused with nothing written, a
 * rättelse is recorded and appears in the next export, and the locked snapshot is unchanged.
 * Each signature draws its signer's name and time into its box on that last page.
 * Checked with pdftotext and pdfsig; certificates are made here with openssl.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { Transforms } from 'slate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/api/client';
import { toBase64 } from '../../../src/api/base64';
import type { TypedApi } from '../../../src/api/transport';
import type { Core } from '../../../main/core/Core';
import type { Db } from '../../../main/core/db';
import { readContent } from '../../../main/core/projections';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { editDoc } from '../../helpers/meetingEditor';
import { inOrder, run, squash } from '../../helpers/pdfTools';
import { createLsvoMeeting } from './lsvo';

const dir = tempDir('paragraf-justering-');
const at = (f: string) => path.join(dir, f);
const PASSWORD = 'Lösenord för justering';
const signers = [
  { name: 'sekreterare', cn: 'Mats Wennstig Åström' },
  { name: 'ordforande', cn: 'Bodil Sundlöf Ärlemalm' },
  { name: 'justerare', cn: 'Torill Skaar Magnusson-Éliasson' },
] as const;

let core: Core;
let api: TypedApi;
let db: Db;
let meetingId: string;
let itemIds: string[];
let signed: Buffer;

function p12(name: string, cn: string): string {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at(`${name}.key`), '-out', at(`${name}.crt`), '-days', '30', '-utf8', '-subj', `/C=SE/CN=${cn}`, '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', at(`${name}.key`), '-in', at(`${name}.crt`), '-out', at(`${name}.p12`), '-passout', `pass:${PASSWORD}`], { stdio: 'ignore' });
  return fs.readFileSync(at(`${name}.p12`)).toString('base64');
}

const text = (pdf: Buffer, file: string): string => {
  fs.writeFileSync(at(file), pdf);
  return squash(execFileSync('pdftotext', [at(file), '-'], { encoding: 'utf8' }));
};
const logCount = (): number => (db.prepare('SELECT count(*) AS n FROM ydoc_update WHERE doc_id = ?').get(meetingId) as { n: number }).n;
const lockRow = () => db.prepare('SELECT snapshot, snapshot_sha256, signed_pdf_sha256 FROM meeting_lock WHERE meeting_id = ?').get(meetingId) as { snapshot: Buffer; snapshot_sha256: string; signed_pdf_sha256: string } | undefined;

beforeAll(async () => {
  const o = openCore();
  core = o.core;
  api = o.api;
  db = (core as unknown as { ready(): { db: Db } }).ready().db;
  const created = await createLsvoMeeting(api);
  meetingId = created.meeting.id;
  itemIds = created.items.map((i) => i.id);
}, 60_000);
afterAll(() => core.close());

describe('justering', () => {
  it('the exported protocol ends with a page on its electronic signatures: who is to sign and how to verify', async () => {
    const out = unwrap(await api.invoke('export.pdf', { meetingId }));
    const pdf = Buffer.from(out.pdf, 'base64');
    fs.writeFileSync(at('exported.pdf'), pdf);
    const last = squash(execFileSync('pdftotext', ['-f', String(out.pages), '-l', String(out.pages), at('exported.pdf'), '-'], { encoding: 'utf8' }));
    expect(inOrder(last, [
      'Elektroniska underskrifter',
      'avancerade elektroniska underskrifter (PAdES)',
      'Ska skrivas under av',
      'Sekreterare: Mats Wennstig', 'Ordförande: Bodil Sundlöf', 'Justerare: Torill Skaar Magnusson',
      'Så kontrolleras underskrifterna', 'paragraf verify', 'pdfsig',
    ])).toEqual({ missing: null });
    // Only on the last page: the page before it is protocol text.
    const before = squash(execFileSync('pdftotext', ['-f', String(out.pages - 1), '-l', String(out.pages - 1), at('exported.pdf'), '-'], { encoding: 'utf8' }));
    expect(before).not.toContain('Elektroniska underskrifter');

    // Signed in turn; only the last signature justerar and locks the meeting.
    let current = out.pdf;
    for (const [i, s] of signers.entries()) {
      const r = unwrap(await api.invoke('export.sign', { pdf: current, p12: p12(s.name, s.cn), password: PASSWORD }));
      expect(r.signer).toBe(s.cn);
      expect(r.justerat).toBe(i === 2 ? meetingId : null);
      if (i < 2) expect(unwrap(await api.invoke('justering.status', { meetingId })).locked).toBe(false);
      current = r.pdf;
    }
    signed = Buffer.from(current, 'base64');
    fs.writeFileSync(at('signed.pdf'), signed);
    const sig = run('pdfsig', [at('signed.pdf')]);
    expect(sig.out.match(/Signature Validation: Signature is Valid\./gu)).toHaveLength(3);
    // Each signature drew its signer's name and time into its box on the last page.
    const signedLast = squash(execFileSync('pdftotext', ['-f', String(out.pages), '-l', String(out.pages), at('signed.pdf'), '-'], { encoding: 'utf8' }));
    const stamp = /Elektroniskt underskrivet (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC/gu;
    expect(inOrder(signedLast, [
      'Sekreterare: Mats Wennstig', 'Mats Wennstig Åström', 'Elektroniskt underskrivet',
      'Ordförande: Bodil Sundlöf', 'Bodil Sundlöf Ärlemalm', 'Elektroniskt underskrivet',
      'Justerare: Torill Skaar Magnusson', 'Torill Skaar Magnusson-Éliasson', 'Elektroniskt underskrivet',
    ])).toEqual({ missing: null });
    const times = [...signedLast.matchAll(stamp)].map((m) => m[1]!);
    expect(times).toHaveLength(3);
    for (const t of times) expect(Math.abs(Date.parse(`${t.replace(' ', 'T')}:00Z`) - Date.now())).toBeLessThan(10 * 60_000);
    // Before signing the boxes are empty.
    expect(last).not.toContain('Elektroniskt underskrivet');
  }, 60_000);

  it('locks the meeting: status justerat, the document snapshot and the signed PDF’s hash in SQLite', async () => {
    const status = unwrap(await api.invoke('justering.status', { meetingId }));
    expect(status.locked).toBe(true);
    expect(status.signers.map((s) => s.name)).toEqual(signers.map((s) => s.cn));
    const row = lockRow()!;
    expect(row.signed_pdf_sha256).toBe(status.signedPdfSha256);
    expect(row.signed_pdf_sha256).toBe(createHash('sha256').update(signed).digest('hex'));
    const meeting = unwrap(await api.invoke('meetings.list', {})).find((m) => m.id === meetingId)!;
    expect(meeting.status).toBe('justerat');
    // The snapshot is the document: its content is the protocol that was signed.
    const snap = new Y.Doc();
    Y.applyUpdate(snap, row.snapshot);
    expect(snap.getMap('meta').get('status')).toBe('justerat');
    expect(JSON.stringify(readContent(snap))).toContain('att med tillägg under övriga frågor godkänna');
    // Marking it again is refused: the lock is made once.
    const again = await api.invoke('justering.lock', { meetingId, pdf: signed.toString('base64') });
    expect(again.ok).toBe(false);
  });

  it('refuses an ordinary edit of the locked meeting with a bilingual error, and writes nothing', async () => {
    const before = logCount();
    const state = unwrap(await api.invoke('docs.open', { docId: meetingId })).update;
    const edit = editDoc(api, meetingId, (_doc, editor) => {
      Transforms.insertText(editor, 'ändrat i efterhand ', { at: { path: [0, 0, 0], offset: 0 } });
    });
    await expect(edit).rejects.toThrow(/locked/u);
    // The raw call, for the error itself.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(state, 'base64'));
    const sv = Y.encodeStateVector(doc);
    doc.getMap('meta').set('title', 'Ändrad titel');
    const r = await api.invoke('docs.applyUpdate', { docId: meetingId, update: toBase64(Y.encodeStateAsUpdate(doc, sv)) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message.sv).toMatch(/justerat och låst.*inte sparats.*rättelse/u);
      expect(r.error.message.en).toMatch(/locked.*not saved/u);
    }
    expect(logCount()).toBe(before);
    expect(unwrap(await api.invoke('docs.open', { docId: meetingId })).update).toBe(state);
  });

  it('a rättelse is recorded, appears in the next export, and leaves the locked snapshot unchanged', async () => {
    const lockBefore = lockRow()!;
    const s = unwrap(await api.invoke('justering.rattelse', {
      meetingId,
      itemId: itemIds[4]!,
      what: 'Datumet för redovisningen ska vara 11 juni, inte 4 juni.',
      why: 'Felskrivning upptäckt vid utskick.',
      by: 'Mats Wennstig',
    }));
    expect(s.rattelser).toHaveLength(1);
    expect(s.rattelser[0]!.by).toBe('Mats Wennstig');

    const out = unwrap(await api.invoke('export.pdf', { meetingId }));
    const t = text(Buffer.from(out.pdf, 'base64'), 'after-rattelse.pdf');
    const label = unwrap(await api.invoke('meetings.items', { meetingId })).find((i) => i.id === itemIds[4])!.label!;
    expect(inOrder(t, [
      'Rättelser', 'Följande rättelser har gjorts efter justeringen', `Mats Wennstig · ${label}`,
      'Ändring: Datumet för redovisningen ska vara 11 juni, inte 4 juni.', 'Skäl: Felskrivning upptäckt vid utskick.',
      'Elektroniska underskrifter', 'Protokollet justerades', lockBefore.signed_pdf_sha256, 'Underskrivet av', 'Mats Wennstig Åström',
    ])).toEqual({ missing: null });
    // The protocol text itself is the signed one: the refused edit is nowhere.
    expect(t).not.toContain('ändrat i efterhand');
    expect(t).not.toContain('Ändrad titel');

    const lockAfter = lockRow()!;
    expect(lockAfter.snapshot.equals(lockBefore.snapshot)).toBe(true);
    expect(lockAfter.snapshot_sha256).toBe(lockBefore.snapshot_sha256);
    // The database itself refuses to change the lock.
    expect(() => db.prepare("UPDATE meeting_lock SET signed_pdf_sha256 = 'x' WHERE meeting_id = ?").run(meetingId)).toThrow(/frozen/u);
    expect(() => db.prepare('DELETE FROM meeting_lock WHERE meeting_id = ?').run(meetingId)).toThrow(/frozen/u);
  });

  it('a rättelse needs a justerat meeting, and what, why and who', async () => {
    const other = unwrap(await api.invoke('meetings.create', { bodyId: unwrap(await api.invoke('meetings.list', {})).find((m) => m.id === meetingId)!.bodyId, date: '2021-06-04' }));
    const r = await api.invoke('justering.rattelse', { meetingId: other.id, what: 'x', why: 'y', by: 'z' });
    expect(r.ok || r.error.message.sv).toMatch(/inte justerat/u);
    const blank = await api.invoke('justering.rattelse', { meetingId, what: ' ', why: 'y', by: 'z' });
    expect(blank.ok).toBe(false);
  });

  it('a protocol edited after its export is signed but not justerat: the signed PDF no longer says what the meeting says', async () => {
    const body = unwrap(await api.invoke('meetings.list', {})).find((m) => m.id === meetingId)!.bodyId;
    const other = unwrap(await api.invoke('meetings.create', { bodyId: body, date: '2021-10-01' }));
    const out = unwrap(await api.invoke('export.pdf', { meetingId: other.id }));
    await editDoc(api, other.id, (_doc, editor) => {
      Transforms.insertText(editor, 'Tillagt efter exporten. ', { at: { path: [0, 0, 0], offset: 0 } });
    });
    let current = out.pdf;
    for (const s of signers) {
      const r = unwrap(await api.invoke('export.sign', { pdf: current, p12: fs.readFileSync(at(`${s.name}.p12`)).toString('base64'), password: PASSWORD }));
      expect(r.justerat).toBeNull();
      current = r.pdf;
    }
    const lock = await api.invoke('justering.lock', { meetingId: other.id, pdf: current });
    expect(lock.ok || lock.error.message.sv).toMatch(/har ändrats efter att den underskrivna PDF-filen skapades/u);
    expect(unwrap(await api.invoke('justering.status', { meetingId: other.id })).locked).toBe(false);
    // Still writable: the refusal is for locked meetings only.
    await editDoc(api, other.id, (_doc, editor) => Transforms.insertText(editor, 'Och mer. ', { at: { path: [0, 0, 0], offset: 0 } }));
  });

  it('a signed PDF of another meeting, or an unsigned one, does not justera a meeting', async () => {
    const body = unwrap(await api.invoke('meetings.list', {})).find((m) => m.id === meetingId)!.bodyId;
    const other = unwrap(await api.invoke('meetings.create', { bodyId: body, date: '2021-09-10' }));
    const wrong = await api.invoke('justering.lock', { meetingId: other.id, pdf: signed.toString('base64') });
    expect(wrong.ok || wrong.error.message.sv).toMatch(/inte ett protokoll som Paragraf har exporterat från det här mötet/u);
    const unsigned = unwrap(await api.invoke('export.pdf', { meetingId: other.id }));
    const none = await api.invoke('justering.lock', { meetingId: other.id, pdf: unsigned.pdf });
    expect(none.ok || none.error.message.sv).toMatch(/inga underskrifter/u);
    expect(unwrap(await api.invoke('justering.status', { meetingId: other.id })).locked).toBe(false);
  });
});
