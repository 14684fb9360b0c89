import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTypedApi, unwrap } from '../../../src/api/client';
import { DocReplica } from '../../../src/docs/DocReplica';
import { Core } from '../../../main/core/Core';
import { coreTransport, openCore, tempDir } from '../../helpers/coreTransport';
import { fromBase64 } from '../../../src/api/base64';
import type { Db } from '../../../main/core/db';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function meetingIn(core: Core) {
  const api = createTypedApi(coreTransport(core));
  const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO' }));
  return unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' })).id;
}

function type(doc: Y.Doc, at: number, text: string) {
  const content = doc.getText('scratch');
  for (const [i, ch] of [...text].entries()) content.insert(at + i, ch);
}

describe('DocReplica', () => {
  it('two replicas of one meeting converge with both edits', async () => {
    const { core } = openCore();
    cleanup.push(() => core.close());
    const docId = await meetingIn(core);
    const a = new DocReplica(createTypedApi(coreTransport(core)), docId);
    const b = new DocReplica(createTypedApi(coreTransport(core)), docId);
    await a.open();
    await b.open();
    type(a.doc, 0, 'Alfa ');
    type(b.doc, 0, 'Beta ');
    await a.whenSaved();
    await b.whenSaved();
    const text = (d: Y.Doc) => d.getText('scratch').toString();
    expect(text(a.doc)).toBe(text(b.doc));
    expect(text(a.doc)).toContain('Alfa ');
    expect(text(a.doc)).toContain('Beta ');
    expect(a.getStatus()).toMatchObject({ state: 'saved', pending: 0 });
  });

  it('keeps edits made while the Core is unreachable, and saves them after a restart', async () => {
    const dataDir = tempDir();
    let { core } = openCore(dataDir);
    const docId = await meetingIn(core);
    const transport = coreTransport(core);
    const replica = new DocReplica(createTypedApi(transport), docId, { retryMs: 5, maxRetryMs: 20 });
    cleanup.push(() => replica.destroy());
    await replica.open();
    type(replica.doc, 0, 'Sparat före avbrottet. ');
    await replica.whenSaved();

    // The Core dies; the secretary keeps typing.
    transport.down = true;
    core.close();
    type(replica.doc, replica.doc.getText('scratch').length, 'Skrivet under avbrottet – åäö.');
    await new Promise((r) => setTimeout(r, 30));
    expect(replica.getStatus().state).toBe('retrying');
    expect(replica.getStatus().pending).toBeGreaterThan(0);
    expect(replica.getStatus().error?.sv).toBeTruthy();

    // A new Core on the same folder; the transport reconnects and the replica resyncs.
    core = Core.open({ dataDir, backupIntervalMs: 0 });
    cleanup.push(() => core.close());
    const fresh = coreTransport(core);
    Object.assign(transport, { invoke: fresh.invoke, on: fresh.on, down: false });
    await replica.resync();
    await replica.whenSaved();

    const check = new DocReplica(createTypedApi(coreTransport(core)), docId);
    await check.open();
    expect(check.doc.getText('scratch').toString()).toBe('Sparat före avbrottet. Skrivet under avbrottet – åäö.');
  });

  it('does not send remote updates back to the Core', async () => {
    const { core } = openCore();
    cleanup.push(() => core.close());
    const docId = await meetingIn(core);
    const a = new DocReplica(createTypedApi(coreTransport(core)), docId);
    const b = new DocReplica(createTypedApi(coreTransport(core)), docId);
    await a.open();
    await b.open();
    const seqBefore = unwrap(await createTypedApi(coreTransport(core)).invoke('docs.open', { docId })).savedSeq;
    type(a.doc, 0, 'x');
    await a.whenSaved();
    await new Promise((r) => setTimeout(r, 20));
    const seqAfter = unwrap(await createTypedApi(coreTransport(core)).invoke('docs.open', { docId })).savedSeq;
    expect(seqAfter - seqBefore).toBe(1);
    expect(b.doc.getText('scratch').toString()).toBe('x');
  });

  it('a change the Core refuses for good (the protocol was locked meanwhile) is set aside: no endless retry, and nothing left to wait for', async () => {
    const { core } = openCore();
    cleanup.push(() => core.close());
    const docId = await meetingIn(core);
    const transport = coreTransport(core);
    let applies = 0;
    const invoke = transport.invoke.bind(transport);
    transport.invoke = async (method: string, params: unknown) => {
      if (method === 'docs.applyUpdate') applies++;
      return invoke(method, params);
    };
    const replica = new DocReplica(createTypedApi(transport), docId, { retryMs: 5, maxRetryMs: 20 });
    cleanup.push(() => replica.destroy());
    await replica.open();
    type(replica.doc, 0, 'Före låsningen. ');
    await replica.whenSaved();
    applies = 0;
    // Justerat on another computer and synced in: the Core now refuses changes to it.
    const db = (core as unknown as { ready(): { db: Db } }).ready().db;
    db.prepare('INSERT INTO meeting_lock (meeting_id, locked_at, snapshot, snapshot_sha256, signed_pdf_sha256, exported_pdf_sha256, signers) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      docId, new Date().toISOString(), Buffer.alloc(1), 'x', 'x', 'x', '[]',
    );
    type(replica.doc, 16, 'Efter.');
    await replica.whenSaved(1000);
    expect(applies).toBeGreaterThan(0);
    // Answered for good: nothing is sent again (a retry every 5–20 ms would show here).
    const answered = applies;
    await new Promise((r) => setTimeout(r, 100));
    expect(applies).toBe(answered);
    const status = replica.getStatus();
    expect(status).toMatchObject({ state: 'error', pending: 0 });
    expect(status.refused).toBeGreaterThan(0);
    expect(status.error?.sv).toContain('justerat och låst');
    // The text stays in the window; the Core kept the protocol as it was.
    expect(replica.doc.getText('scratch').toString()).toBe('Före låsningen. Efter.');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, fromBase64(unwrap(await createTypedApi(coreTransport(core)).invoke('docs.open', { docId })).update));
    expect(stored.getText('scratch').toString()).toBe('Före låsningen. ');
  });
});
