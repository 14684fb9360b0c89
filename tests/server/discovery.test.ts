/**
 * Discovery (GET /v1/documents): a user learns the names of documents in their granted bodies
 * and nothing else: not another body's names, not names outside the naming contract, nothing
 * at all with a wrong, revoked or missing token. Against SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateToken } from '../../server/tokens';
import { addAccount, editUpdate, makeBackend, modes, newId, ProviderClient, startNode, type Backend, type Node } from './helpers';
import * as Y from 'yjs';

interface Listing {
  bodies: Array<{ bodyId: string; mode: string }>;
  documents: string[];
}

describe.each(modes)('discovery: %s', (mode) => {
  let backend: Backend;
  let node: Node;
  const A = newId();
  const B = newId();
  const C = newId();
  const names = {
    bodyA: `body/${A}`,
    meetingA: `meeting/${A}/${newId()}`,
    bodyB: `body/${B}`,
    meetingB: `meeting/${B}/${newId()}`,
    meetingC: `meeting/${C}/${newId()}`,
  };
  let admin: string; // read-write on A, B and C: writes the documents

  beforeEach(async () => {
    backend = await makeBackend(mode);
    node = await startNode(backend.env);
    admin = await addAccount(node.store, 'admin', { [A]: 'read-write', [B]: 'read-write', [C]: 'read-write' });
    for (const name of Object.values(names)) {
      const c = new ProviderClient(node.url, name, admin);
      await c.synced();
      c.doc.getText('t').insert(0, name);
      await c.acked();
      c.close();
    }
  });
  afterEach(async () => {
    await node.stop();
    await backend.cleanup();
  });

  const http = () => node.url.replace(/^ws/, 'http');
  async function list(token: string | null, init: RequestInit = {}): Promise<{ status: number; body: unknown; text: string }> {
    const headers: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
    const res = await fetch(`${http()}/v1/documents`, { ...init, headers });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body, text };
  }

  it('lists exactly the documents of granted bodies, with each grant', async () => {
    const writerA = await addAccount(node.store, 'writer', { [A]: 'read-write' });
    const readerB = await addAccount(node.store, 'reader', { [B]: 'read-only' });
    const r1 = await list(writerA);
    expect(r1.status).toBe(200);
    expect(r1.body).toEqual({ bodies: [{ bodyId: A, mode: 'read-write' }], documents: [names.bodyA, names.meetingA].sort() });
    const r2 = await list(readerB);
    expect(r2.body).toEqual({ bodies: [{ bodyId: B, mode: 'read-only' }], documents: [names.bodyB, names.meetingB].sort() });
    // Nothing of the other bodies appears anywhere in the answer, not even an id.
    expect(r1.text).not.toContain(B);
    expect(r1.text).not.toContain(C);
    expect(r2.text).not.toContain(A);
  });

  it('lists a document that exists only in the update log (before its first compaction)', async () => {
    const fresh = `meeting/${A}/${newId()}`;
    await node.store.appendUpdate(fresh, editUpdate(new Y.Doc(), (d) => d.getText('t').insert(0, 'ny')));
    const writerA = await addAccount(node.store, 'writer2', { [A]: 'read-write' });
    expect(((await list(writerA)).body as Listing).documents).toContain(fresh);
  });

  it('never lists names outside the naming contract, even when stored under a granted body', async () => {
    const u = editUpdate(new Y.Doc(), (d) => d.getText('t').insert(0, 'x'));
    // Written behind the server's back: the server itself refuses such names.
    for (const bad of [`meeting/${A}/${newId()}/extra`, `meeting/${A}/../${newId()}`, `body/${A}/x`, `meeting/${A}/`]) await node.store.appendUpdate(bad, u);
    const writerA = await addAccount(node.store, 'writer3', { [A]: 'read-write' });
    expect(((await list(writerA)).body as Listing).documents).toEqual([names.bodyA, names.meetingA].sort());
  });

  it('gives a user without grants an empty list, and follows revocation at once', async () => {
    const nobody = await addAccount(node.store, 'nobody');
    expect((await list(nobody)).body).toEqual({ bodies: [], documents: [] });
    const writerA = await addAccount(node.store, 'writer4', { [A]: 'read-write' });
    const user = await node.store.findUser('writer4');
    await node.store.removeGrant(user!.id, A);
    expect((await list(writerA)).body).toEqual({ bodies: [], documents: [] });
  });

  it('answers 401 with a bilingual refusal and no names to a missing, malformed, unknown or revoked token', async () => {
    const revoked = await addAccount(node.store, 'former', { [A]: 'read-write' });
    await node.store.revokeTokens((await node.store.findUser('former'))!.id);
    for (const token of [null, '', 'not-a-token', generateToken(), revoked]) {
      const r = await list(token);
      expect(r.status, String(token)).toBe(401);
      expect(r.body).toMatchObject({ code: 'unauthorized', sv: expect.any(String), en: expect.any(String) });
      expect(r.text).not.toContain(A);
    }
  });

  it('answers only GET; other paths stay 404', async () => {
    const r = await list(admin, { method: 'POST' });
    expect(r.status).toBe(405);
    const other = await fetch(`${http()}/v1/documents/../x`);
    expect(other.status).toBe(404);
    expect((await fetch(`${http()}/healthz`)).status).toBe(200);
  });
});
