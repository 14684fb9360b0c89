/**
 * The app's own sync client (main/sync through the Core) against the real deployment shape:
 * two server nodes sharing PostgreSQL and Redis. Core A talks to node 1, Core B to node 2:
 * B discovers A's body and meeting, both type at once, and both Cores and the database end
 * with the same document.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Transforms } from 'slate';
import * as Y from 'yjs';
import { unwrap } from '../../src/api/client';
import { fromBase64 } from '../../src/api/base64';
import type { TypedApi } from '../../src/api/transport';
import type { Core } from '../../main/core/Core';
import { openCore } from '../helpers/coreTransport';
import { editDoc } from '../helpers/meetingEditor';
import { addAccount, createTestDatabase, sql, startNode, waitUntil, type Node } from './helpers';

const quick = { reconnect: { delay: 50, minDelay: 50, maxDelay: 400 }, discoverEveryMs: 150, scanEveryMs: 40 };

describe('the app on two server nodes (PostgreSQL + Redis)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('two Cores on different nodes discover, edit at once and converge, and PostgreSQL holds the result', async () => {
    const db = await createTestDatabase();
    const env = { PARAGRAF_DATABASE_URL: db.appUrl, PARAGRAF_REDIS_URL: inject('redisUrl') };
    const nodes: Node[] = [];
    for (const name of ['node-1', 'node-2']) {
      const n = await startNode({ ...env, PARAGRAF_NODE_NAME: name });
      cleanups.push(() => n.stop());
      nodes.push(n);
    }
    const cores: Array<{ core: Core; api: TypedApi }> = [];
    for (let i = 0; i < 2; i++) {
      const c = openCore(undefined, { sync: quick });
      cleanups.push(() => c.core.close());
      cores.push(c);
    }
    const [a, b] = cores as [(typeof cores)[0], (typeof cores)[0]];
    const body = unwrap(await a.api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll' }));
    const meeting = unwrap(await a.api.invoke('meetings.create', { bodyId: body.id, date: '2026-05-07' }));
    const token = await addAccount(nodes[0]!.store, 'anna', { [body.id]: 'read-write' });
    unwrap(await a.api.invoke('sync.configure', { server: { url: nodes[0]!.url, token } }));
    unwrap(await b.api.invoke('sync.configure', { server: { url: nodes[1]!.url, token } }));
    const synced = async (c: { api: TypedApi }) => unwrap(await c.api.invoke('sync.status', { docId: meeting.id })).docs[0]?.state === 'synced';
    await waitUntil(async () => (await synced(a)) && (await synced(b)), 'both Cores have the meeting', 20_000);

    const type = (c: { api: TypedApi }, text: string, item: number) =>
      editDoc(c.api, meeting.id, (_d, editor) => Transforms.insertText(editor, text, { at: { path: [item, 0, 0], offset: 0 } }));
    for (let i = 0; i < 5; i++) await Promise.all([type(a, `A${i} `, 0), type(b, `B${i} `, 1)]);

    const content = async (c: { api: TypedApi }) => {
      const d = new Y.Doc();
      Y.applyUpdate(d, fromBase64(unwrap(await c.api.invoke('docs.open', { docId: meeting.id })).update));
      return d.get('content', Y.XmlText).toString();
    };
    await waitUntil(async () => (await synced(a)) && (await synced(b)) && (await content(a)) === (await content(b)), 'converged', 20_000);
    const text = await content(a);
    for (let i = 0; i < 5; i++) expect(text).toContain(`A${i} `);
    for (let i = 0; i < 5; i++) expect(text).toContain(`B${i} `);

    // What PostgreSQL holds (snapshot + log) is the same document.
    const name = `meeting/${body.id}/${meeting.id}`;
    // One statement, so one snapshot of the database: a compaction between two reads would
    // otherwise move log rows into a snapshot we had already read.
    const stored = new Y.Doc();
    const rows = await sql<{ data: Buffer }>(
      db.superUrl,
      `SELECT data FROM (SELECT 0::bigint AS ord, state AS data FROM paragraf.documents WHERE name = $1
         UNION ALL SELECT id AS ord, data FROM paragraf.document_updates WHERE name = $1) x ORDER BY ord`,
      [name],
    );
    for (const r of rows) Y.applyUpdate(stored, r.data);
    expect(stored.get('content', Y.XmlText).toString()).toBe(text);
  });
});
