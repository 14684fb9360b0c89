/**
 * A justerat meeting on the real server: once its `meta` holds the lock record, every change to
 * what was signed (content, attendance, meta, the lock) is refused like a read-only user's write
 * (SyncStatus false; nothing applied, broadcast or stored), through the provider and through raw
 * update and sync-step-2 messages; rättelser still pass and are stored. Body documents and
 * unlocked meetings are not affected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeLock, type LockRecord } from '../../src/export/lock';
import { addAccount, editUpdate, makeBackend, modes, newId, ProviderClient, RawClient, sleep, startNode, type Backend, type Node } from './helpers';

const hex = (c: string) => c.repeat(64);
const record: LockRecord = { lockedAt: '2026-12-02T02:00:00.000Z', pdfSha256: hex('a'), exportedPdfSha256: hex('b'), snapshotSha256: hex('c'), by: ['Åsa Justerare'], signers: [{ name: 'Åsa Justerare', signedAt: '2026-12-02T01:59:00Z', field: 'signatur-1-justerare' }] };

/** What the server has stored for a document, as a Y.Doc. */
async function storedDoc(backend: Backend, name: string): Promise<Y.Doc> {
  const s = await backend.stored(name);
  const doc = new Y.Doc();
  if (s.snapshot) Y.applyUpdate(doc, s.snapshot);
  for (const u of s.updates) Y.applyUpdate(doc, u);
  return doc;
}

describe.each(modes)('a justerat meeting on the server: %s', (mode) => {
  let backend: Backend;
  let node: Node;
  let bodyId: string;
  let meeting: string;
  let writer: string;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(async () => {
    backend = await makeBackend(mode);
    node = await startNode(backend.env);
    bodyId = newId();
    meeting = `meeting/${bodyId}/${newId()}`;
    writer = await addAccount(node.store, 'sekreterare', { [bodyId]: 'read-write' });
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await node.stop();
    await backend.cleanup();
  });

  function client(name: string): ProviderClient {
    const c = new ProviderClient(node.url, name, writer);
    cleanups.push(() => c.close());
    return c;
  }

  it('refuses content, attendance, meta and lock changes after the lock, and stores rättelser', async () => {
    const a = client(meeting);
    await a.synced();
    a.doc.transact(() => {
      a.doc.getMap('meta').set('status', 'avslutat');
      a.doc.getText('content').insert(0, 'Det justerade protokollet.');
    });
    await a.acked();
    // Locking: the update that writes the lock passes, the document is not locked yet.
    a.doc.transact(() => writeLock(a.doc, record, Y.encodeStateAsUpdate(a.doc)));
    await a.acked();

    // A second device, which had the document before the lock, writes afterwards.
    const b = client(meeting);
    await b.synced();
    expect(b.doc.getMap('meta').get('lock')).toEqual(record);
    b.doc.getText('content').insert(0, 'Ändrat efteråt. ');
    await sleep(300);
    expect(b.provider.unsyncedChanges).toBeGreaterThan(0); // never acknowledged
    expect(a.doc.getText('content').toString()).toBe('Det justerade protokollet.');

    // Raw messages, each a separate attempt: content, attendance, meta, the lock itself.
    const r = await RawClient.open(node.url);
    cleanups.push(() => r.close());
    r.auth(meeting, writer);
    r.syncStep1(meeting, new Y.Doc());
    await r.waitFor('sync', meeting);
    // Edits made on top of the server's state (which the first client has in full).
    const raw = new Y.Doc();
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(a.doc));
    const attempts = [
      editUpdate(raw, (d) => d.getText('content').insert(0, 'intrång ')),
      editUpdate(raw, (d) => d.getMap('attendance').set('p1', { personId: 'p1', status: 'narvarande', roles: [] })),
      editUpdate(raw, (d) => d.getMap('meta').set('place', 'Någon annanstans')),
      editUpdate(raw, (d) => d.getMap('meta').delete('lock')),
    ];
    r.update(meeting, attempts[0]!);
    r.update(meeting, attempts[1]!);
    r.syncStep2(meeting, attempts[2]!);
    r.update(meeting, attempts[3]!);
    const statuses = await r.waitFor('sync-status', meeting, 4);
    expect(statuses.map((s) => s.applied)).toEqual([false, false, false, false]);

    // A rättelse still passes, reaches the other device and is stored.
    const rattelse = { id: 'r1', at: '2026-12-02T02:10:00Z', by: 'Märta', itemId: null, what: 'Stavfel i § 3', why: 'Felskrivning' };
    a.doc.getArray('rattelser').push([rattelse]);
    await a.acked();
    const stored = await storedDoc(backend, meeting);
    expect(stored.getText('content').toString()).toBe('Det justerade protokollet.');
    expect(stored.getMap('attendance').size).toBe(0);
    expect(stored.getMap('meta').get('lock')).toEqual(record);
    expect(stored.getMap('meta').get('place')).toBeUndefined();
    expect(stored.getArray('rattelser').toArray()).toEqual([rattelse]);
    expect(node.log.some((l) => l.includes('lock: refused a change to justerat'))).toBe(true);

  });

  it('leaves body documents and meetings without a lock alone', async () => {
    const body = client(`body/${bodyId}`);
    const open = client(meeting);
    await body.synced();
    await open.synced();
    // A body document with a "lock" in its meta is not a meeting: no refusal.
    body.doc.transact(() => writeLock(body.doc, record, new Uint8Array([0, 0])));
    body.doc.getText('t').insert(0, 'roster');
    open.doc.getText('content').insert(0, 'utkast');
    await body.acked();
    await open.acked();
    expect((await storedDoc(backend, `body/${bodyId}`)).getText('t').toString()).toBe('roster');
    expect((await storedDoc(backend, meeting)).getText('content').toString()).toBe('utkast');
  });
});
