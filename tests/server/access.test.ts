/**
 * Access control, tried every way in: no token, a wrong or revoked token, a token without a
 * grant for the body (through the provider and through raw protocol messages that skip or
 * misuse authentication), names outside the contract, read-only users trying to write, and
 * grants revoked or downgraded while a document is open.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseRefusal } from '../../server/messages';
import { generateToken } from '../../server/tokens';
import {
  addAccount,
  editUpdate,
  makeBackend,
  modes,
  newId,
  ProviderClient,
  RawClient,
  sleep,
  startNode,
  storedText,
  waitUntil,
  type Backend,
  type Node,
} from './helpers';

const codeOf = (reason: string) => parseRefusal(reason)?.code;

describe.each(modes)('access control: %s', (mode) => {
  let backend: Backend;
  let node: Node;
  let bodyA: string;
  let bodyB: string;
  let docA: string;
  let meetingA: string;
  let writer: string; // read-write on A
  let reader: string; // read-only on A
  let outsider: string; // read-write on B only
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeEach(async () => {
    backend = await makeBackend(mode);
    node = await startNode(backend.env);
    bodyA = newId();
    bodyB = newId();
    docA = `body/${bodyA}`;
    meetingA = `meeting/${bodyA}/${newId()}`;
    writer = await addAccount(node.store, 'writer', { [bodyA]: 'read-write' });
    reader = await addAccount(node.store, 'reader', { [bodyA]: 'read-only' });
    outsider = await addAccount(node.store, 'outsider', { [bodyB]: 'read-write' });
    // Both documents of body A hold content before anyone tries to get in.
    for (const name of [docA, meetingA]) {
      const w = client(name, writer);
      await w.synced();
      w.doc.getText('t').insert(0, 'hemligt');
      await w.acked();
      w.close();
    }
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await node.stop();
    await backend.cleanup();
  });

  function client(name: string, token: string | null): ProviderClient {
    const c = new ProviderClient(node.url, name, token);
    cleanups.push(() => c.close());
    return c;
  }
  async function raw(): Promise<RawClient> {
    const r = await RawClient.open(node.url);
    cleanups.push(() => r.close());
    return r;
  }

  it('refuses no token, a malformed, an unknown and a revoked token, and sends nothing', async () => {
    const revoked = await addAccount(node.store, 'former', { [bodyA]: 'read-write' });
    const former = await node.store.findUser('former');
    await node.store.revokeTokens(former!.id);
    for (const token of [null, '', 'not-a-token', generateToken(), revoked]) {
      const c = client(docA, token);
      const reason = await c.refused();
      expect(codeOf(reason), String(token)).toBe('unauthorized');
      expect(parseRefusal(reason)).toMatchObject({ sv: expect.stringMatching(/token/), en: expect.stringMatching(/token/) });
      expect(c.text()).toBe('');
    }
    expect(await storedText(backend, docA)).toBe('hemligt');
  });

  it('gives a user without a grant for the body nothing of its documents, through the provider', async () => {
    for (const name of [docA, meetingA]) {
      const c = client(name, outsider);
      c.doc.getText('t').insert(0, 'intrång');
      expect(codeOf(await c.refused())).toBe('forbidden');
      await sleep(100);
      expect(c.text()).toBe('intrång'); // nothing of "hemligt" arrived
      expect(await storedText(backend, name)).toBe('hemligt');
    }
  });

  it('applies nothing and sends nothing when a user without a grant speaks the protocol directly', async () => {
    const r = await raw();
    const evil = new Y.Doc();
    const u = editUpdate(evil, (d) => d.getText('t').insert(0, 'intrång'));
    // Everything a client could send, before and after its (refused) authentication.
    r.update(docA, u);
    r.syncStep2(docA, u);
    r.syncStep1(docA, evil);
    r.auth(docA, outsider);
    r.update(docA, u);
    r.syncStep2(docA, u);
    r.syncStep1(docA, evil);
    const [denied] = await r.waitFor('denied', docA);
    expect(codeOf(denied!.reason)).toBe('forbidden');
    await sleep(200);
    expect(r.received.filter((m) => m.type !== 'denied')).toEqual([]);
    expect(await storedText(backend, docA)).toBe('hemligt');
  });

  it('never applies messages for a document the socket did not authenticate', async () => {
    const r = await raw();
    const evil = new Y.Doc();
    const u = editUpdate(evil, (d) => d.getText('t').insert(0, 'intrång'));
    // The outsider authenticates its own body's document, then addresses body A's.
    const own = `body/${bodyB}`;
    r.auth(own, outsider);
    r.syncStep1(own, new Y.Doc());
    await r.waitFor('sync', own);
    r.update(docA, u);
    r.syncStep2(docA, u);
    r.update(meetingA, u);
    await sleep(200);
    expect(r.received.filter((m) => m.doc !== own)).toEqual([]);
    r.auth(docA, outsider);
    expect(codeOf((await r.waitFor('denied', docA))[0]!.reason)).toBe('forbidden');
    await sleep(100);
    expect(r.received.filter((m) => m.doc === docA && m.type !== 'denied')).toEqual([]);
    expect(await storedText(backend, docA)).toBe('hemligt');
    expect(await storedText(backend, meetingA)).toBe('hemligt');
  });

  it('refuses names outside the naming contract, whatever the token may do', async () => {
    const r = await raw();
    const names = [`body/${bodyA}/x`, `body/${bodyA.toUpperCase()}`, `meeting/${bodyA}`, `meeting/${bodyB}/../${bodyA}`, 'paragraf', `body/${bodyA} `];
    for (const name of names) r.auth(name, writer);
    await r.waitFor('denied', undefined, names.length);
    for (const m of r.of('denied')) expect(codeOf(m.reason), m.doc).toBe('bad-document-name');
    expect(r.of('sync')).toEqual([]);
  });

  it('lets a read-only user read, and refuses and drops every write', async () => {
    const c = client(docA, reader);
    await c.synced();
    expect(c.scope).toBe('readonly');
    expect(c.text()).toBe('hemligt');
    const before = await backend.stored(docA);
    c.doc.getText('t').insert(0, 'ändrat ');
    // Raw writes too, as update and as sync step 2.
    const r = await raw();
    r.auth(docA, reader);
    r.syncStep1(docA, new Y.Doc());
    await r.waitFor('sync', docA);
    const evil = new Y.Doc();
    const u = editUpdate(evil, (d) => d.getText('t').insert(0, 'intrång'));
    r.update(docA, u);
    r.syncStep2(docA, u);
    const statuses = await r.waitFor('sync-status', docA, 2);
    expect(statuses.map((s) => s.applied)).toEqual([false, false]);

    const w = client(docA, writer);
    await w.synced();
    await sleep(200);
    expect(w.text()).toBe('hemligt');
    expect(c.provider.unsyncedChanges).toBeGreaterThan(0); // the server never acknowledged it
    expect(await backend.stored(docA)).toEqual(before);
  });

  it('closes open connections when a grant is revoked, and refuses new ones', async () => {
    const c = client(docA, writer);
    await c.synced();
    const writerUser = await node.store.findUser('writer');
    expect(await node.store.removeGrant(writerUser!.id, bodyA)).toBe(true);
    await waitUntil(() => c.closedReason !== null, 'connection closed by the re-check');
    expect(codeOf(c.closedReason!)).toBe('access-revoked');
    c.doc.getText('t').insert(0, 'efteråt ');
    await sleep(300);
    expect(await storedText(backend, docA)).toBe('hemligt');
    expect(codeOf(await client(docA, writer).refused())).toBe('forbidden');
  });

  it('closes open connections when the token is revoked', async () => {
    const c = client(meetingA, writer);
    await c.synced();
    const writerUser = await node.store.findUser('writer');
    await node.store.revokeTokens(writerUser!.id);
    await waitUntil(() => c.closedReason !== null, 'connection closed by the re-check');
    expect(codeOf(await client(meetingA, writer).refused())).toBe('unauthorized');
  });

  it('makes an open connection read-only when its grant is downgraded', async () => {
    const c = client(docA, writer);
    await c.synced();
    const writerUser = await node.store.findUser('writer');
    await node.store.setGrant(writerUser!.id, bodyA, 'read-only');
    await sleep(500); // a few re-check periods
    c.doc.getText('t').insert(0, 'nedgraderad ');
    await sleep(300);
    expect(c.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(await storedText(backend, docA)).toBe('hemligt');
  });
});
