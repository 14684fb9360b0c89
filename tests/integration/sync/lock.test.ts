/**
 * The lock travels with sync (issue 5): two Cores and the real sync server. A protocol justerat on
 * one computer locks the meeting on the other with the same signed snapshot; an edit typed
 * offline on the other before it heard of the lock is refused by the server and never becomes
 * part of the protocol, but is shown there as a change after justering; an edit that reached the
 * server before a lock made offline elsewhere merges into the live document of the computer that
 * locked, is printed in no export, and is shown there as a change after justering. Rättelser
 * still travel both ways.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Transforms } from 'slate';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import { tempDir } from '../../helpers/coreTransport';
import { editDoc } from '../../helpers/meetingEditor';
import { configure, localDoc, openSyncCore, startTestServer, waitDocState, waitUntil, type TestCore, type TestServer } from './syncHelpers';

const PASSWORD = 'Justering över nätet';
const keys = tempDir('paragraf-sync-lock-');
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(keys, 'k.pem'), '-out', path.join(keys, 'c.pem'), '-days', '30', '-utf8', '-subj', '/C=SE/CN=Åsa Justerare', '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation'], { stdio: 'ignore' });
execFileSync('openssl', ['pkcs12', '-export', '-inkey', path.join(keys, 'k.pem'), '-in', path.join(keys, 'c.pem'), '-out', path.join(keys, 's.p12'), '-passout', `pass:${PASSWORD}`], { stdio: 'ignore' });
const p12 = fs.readFileSync(path.join(keys, 's.p12')).toString('base64');

let server: TestServer;
const cores: TestCore[] = [];
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of cores.splice(0)) c.core.close();
  await server.cleanup();
});

/** Two Cores of one user with one meeting, both synced. */
async function twoCores(): Promise<{ a: TestCore; b: TestCore; bodyId: string; meetingId: string; name: string }> {
  const token = await server.user('sekreterare');
  const a = openSyncCore();
  const b = openSyncCore();
  cores.push(a, b);
  const body = unwrap(await a.api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  const meetingId = unwrap(await a.api.invoke('meetings.create', { bodyId: body.id, date: '2026-05-07' })).id;
  await server.grant('sekreterare', body.id, 'read-write');
  await configure(a, server.url, token);
  await waitDocState(a, meetingId, 'synced');
  await configure(b, server.url, token);
  await waitUntil(async () => unwrap(await b.api.invoke('meetings.list', {})).some((m) => m.id === meetingId), 'B discovers the meeting', 20_000);
  await waitDocState(b, meetingId, 'synced');
  return { a, b, bodyId: body.id, meetingId, name: `meeting/${body.id}/${meetingId}` };
}

const typeInto = (c: TestCore, meetingId: string, text: string) => editDoc(c.api, meetingId, (_d, editor) => Transforms.insertText(editor, text, { at: { path: [0, 0, 0], offset: 0 } }));
const contentOf = async (c: TestCore, meetingId: string) => (await localDoc(c, meetingId)).get('content', Y.XmlText).toString();
const pdfText = async (c: TestCore, meetingId: string) => {
  const file = path.join(keys, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, Buffer.from(unwrap(await c.api.invoke('export.pdf', { meetingId })).pdf, 'base64'));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
};

/** Exported, signed once, and marked justerat: the dialog's "Markera som justerat". */
async function justera(c: TestCore, meetingId: string): Promise<string> {
  const pdf = unwrap(await c.api.invoke('export.pdf', { meetingId })).pdf;
  const signed = unwrap(await c.api.invoke('export.sign', { pdf, p12, password: PASSWORD }));
  const status = unwrap(await c.api.invoke('justering.lock', { meetingId, pdf: signed.pdf }));
  expect(status.locked).toBe(true);
  return status.signedPdfSha256!;
}

describe('the lock travels with sync', () => {
  it('locks the other computer with the same snapshot; its offline edit is refused by the server and shown there as a change after justering', async () => {
    const { a, b, meetingId, name } = await twoCores();
    await typeInto(a, meetingId, 'Det justerade. ');
    await waitUntil(async () => (await contentOf(b, meetingId)).includes('Det justerade.'), 'B has the text');

    b.core.syncManager!.syncClient!.setOnline(false);
    await waitDocState(b, meetingId, 'offline');
    await typeInto(b, meetingId, 'Skrivet på B utan nät. ');
    const pdfSha = await justera(a, meetingId);
    await waitDocState(a, meetingId, 'synced', 20_000, (s) => !s.pending);

    b.core.syncManager!.syncClient!.setOnline(true);
    await waitUntil(async () => unwrap(await b.api.invoke('justering.status', { meetingId })).locked, 'B adopts the lock', 20_000);
    const sa = unwrap(await a.api.invoke('justering.status', { meetingId }));
    const sb = unwrap(await b.api.invoke('justering.status', { meetingId }));
    expect([sb.signedPdfSha256, sb.snapshotSha256, sb.lockedAt]).toEqual([pdfSha, sa.snapshotSha256, sa.lockedAt]);
    expect(unwrap(await b.api.invoke('meetings.list', {})).find((m) => m.id === meetingId)?.status).toBe('justerat');

    // The server refused B's edit: A and the stored document never see it.
    await new Promise((r) => setTimeout(r, 500));
    expect(await contentOf(a, meetingId)).not.toContain('Skrivet på B');
    expect((await server.stored(name)).get('content', Y.XmlText).toString()).not.toContain('Skrivet på B');
    // B keeps what was typed, shows it as a change after justering, and prints the signed protocol.
    expect(await contentOf(b, meetingId)).toContain('Skrivet på B utan nät.');
    expect(sb.lateChanges.map((c) => c.sv)).toEqual([
      '§ 1 Det justerade. Val av justerare samt tid för justering: ”Det justerade. Val av justerare samt tid för justering” ändrad till ”Skrivet på B utan nät. Det justerade. Val av justerare samt tid för justering”',
    ]);
    const printed = await pdfText(b, meetingId);
    expect(printed).toContain('Det justerade.');
    expect(printed).not.toContain('Skrivet på B');
    // B's status says the server refused the change, and what became of it.
    const refusedStatus = await waitDocState(b, meetingId, 'error');
    expect(refusedStatus.error?.code).toBe('update-refused-locked');
    expect(refusedStatus.pending).toBe(true);
    // B's Core now refuses edits, as A's does.
    const refused = await b.api.invoke('docs.applyUpdate', { docId: meetingId, update: Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())).toString('base64') });
    expect(refused.ok || refused.error.code).toBe('CONFLICT');

    // A rättelse recorded on B reaches A and the server despite B's refused edit before it.
    unwrap(await b.api.invoke('justering.rattelse', { meetingId, what: 'Lägg till meningen från B.', why: 'Skrevs offline före justeringen', by: 'Märta' }));
    await waitUntil(async () => unwrap(await a.api.invoke('justering.status', { meetingId })).rattelser.length === 1, 'the rättelse reaches A', 20_000);
    expect((await server.stored(name)).getArray('rattelser').length).toBe(1);
    // The rättelse itself was taken: the status still names the refused change, never "synced".
    expect((await waitDocState(b, meetingId, 'error')).error?.code).toBe('update-refused-locked');
  }, 180_000);

  it('an edit merged after a lock made offline elsewhere is no part of the protocol there, and is shown as a change after justering', async () => {
    const { a, b, meetingId } = await twoCores();
    await typeInto(a, meetingId, 'Signerad text. ');
    await waitUntil(async () => (await contentOf(b, meetingId)).includes('Signerad text.'), 'B has the text');

    a.core.syncManager!.syncClient!.setOnline(false);
    await waitDocState(a, meetingId, 'offline');
    await justera(a, meetingId);
    await typeInto(b, meetingId, 'Sent från B. ');
    // And a new place in the header, which the signed protocol did not have.
    await editDoc(b.api, meetingId, (doc) => doc.getMap('meta').set('place', 'Flyttat till Ronneby'));
    await waitDocState(b, meetingId, 'synced', 20_000, (s) => !s.pending);

    a.core.syncManager!.syncClient!.setOnline(true);
    await waitUntil(async () => (await contentOf(a, meetingId)).includes('Sent från B.'), 'A receives B’s edit', 20_000);
    const sa = unwrap(await a.api.invoke('justering.status', { meetingId }));
    expect(sa.lateChanges.map((c) => c.sv).join('\n')).toContain('Sent från B.');
    const printed = await pdfText(a, meetingId);
    expect(printed).toContain('Signerad text.');
    expect(printed).not.toContain('Sent från B');
    // The header too is the signed one (it was read from the live meeting row).
    expect(unwrap(await a.api.invoke('meetings.list', {})).find((m) => m.id === meetingId)?.place).toBe('Flyttat till Ronneby');
    expect(printed).not.toContain('Ronneby');
    // B learns of the lock from A and locks too.
    await waitUntil(async () => unwrap(await b.api.invoke('justering.status', { meetingId })).locked, 'B adopts the lock', 20_000);
  }, 180_000);
});
