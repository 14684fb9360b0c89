/**
 * The sync client in the Core against the real sync server (in this process, SQLite store,
 * real WebSockets): two Cores converge, offline edits survive a restart and reach the server,
 * a revoked grant shows as an error and keeps the local copy, a read-only user never pushes,
 * and a Core with no server configured is exactly the single-machine app.
 */
import { describe, expect, it } from 'vitest';
import { Transforms } from 'slate';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import { editDoc } from '../../helpers/meetingEditor';
import { openCore } from '../../helpers/coreTransport';
import {
  configure,
  docStatus,
  docText,
  localDoc,
  openSyncCore,
  serverPerTest,
  status,
  waitDocState,
  waitUntil,
  type TestCore,
} from './syncHelpers';

const env = serverPerTest();
function core(dataDir?: string): TestCore {
  return env.keep(openSyncCore(dataDir));
}
const closeCore = (c: TestCore) => env.close(c);

/** A body with one meeting on `c`; returns their ids. */
async function bodyWithMeeting(c: TestCore): Promise<{ bodyId: string; meetingId: string }> {
  const body = unwrap(await c.api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  const meeting = unwrap(await c.api.invoke('meetings.create', { bodyId: body.id, date: '2026-05-07' }));
  return { bodyId: body.id, meetingId: meeting.id };
}

const typeInto = (c: TestCore, meetingId: string, text: string, item = 0) =>
  editDoc(c.api, meetingId, (_d, editor) => Transforms.insertText(editor, text, { at: { path: [item, 0, 0], offset: 0 } }));

const contentOf = async (c: TestCore, docId: string) => (await localDoc(c, docId)).get('content', Y.XmlText).toString();

describe('sync client', () => {
  it('is off, and the Core unchanged, when no server is configured; refuses bad addresses and tokens in Swedish and English', async () => {
    const c = core();
    expect(await status(c)).toEqual({ configured: false, url: null, connection: 'off', error: null, docs: [], presence: { enabled: false, name: null }, tokenStorage: 'plain' });
    const { meetingId } = await bodyWithMeeting(c);
    await typeInto(c, meetingId, 'Lokalt ');
    expect(await contentOf(c, meetingId)).toContain('Lokalt ');
    const token = await env.server.user('anna');
    for (const url of ['http://example.se', 'ftp://x', 'inte en adress', 'wss://user:pw@example.se', 'wss://example.se/#x']) {
      const r = await c.api.invoke('sync.configure', { server: { url, token } });
      expect(r.ok, url).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT');
        expect(r.error.message.sv).toMatch(/[Ss]erveradress/);
        expect(r.error.message.en).toMatch(/server address/);
      }
    }
    const bad = await c.api.invoke('sync.configure', { server: { url: env.server.url, token: 'abc' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message.sv).toMatch(/pgf_/);
    expect((await status(c)).configured).toBe(false);
  });

  it('two Cores of one user converge: the second discovers the body and meeting, concurrent edits both survive', async () => {
    const token = await env.server.user('anna');
    const a = core();
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await configure(a, env.server.url, token);
    // No grant yet: refused, and the local copy is untouched.
    const refused = await waitDocState(a, meetingId, 'error');
    expect(refused.error?.code).toBe('forbidden');
    expect(refused.error?.sv).toMatch(/behörighet/);
    await env.server.grant('anna', bodyId, 'read-write');
    // Discovery sees the grant and tries again.
    await waitDocState(a, meetingId, 'synced');
    await waitDocState(a, bodyId, 'synced');

    const b = core();
    await configure(b, env.server.url, token);
    await waitUntil(async () => unwrap(await b.api.invoke('meetings.list', {})).some((m) => m.id === meetingId), 'B discovers the meeting', 15_000);
    expect(unwrap(await b.api.invoke('bodies.list', {})).map((x) => x.id)).toEqual([bodyId]);
    await waitDocState(b, meetingId, 'synced');

    // Concurrent edits, one on each side.
    await Promise.all([typeInto(a, meetingId, 'Alfa skriver. '), typeInto(b, meetingId, 'Beta skriver. ', 1)]);
    await waitUntil(async () => (await contentOf(a, meetingId)).includes('Beta skriver.') && (await contentOf(b, meetingId)).includes('Alfa skriver.'), 'both edits on both sides');
    await waitDocState(a, meetingId, 'synced');
    await waitDocState(b, meetingId, 'synced');
    const [da, db] = [await localDoc(a, meetingId), await localDoc(b, meetingId)];
    expect(docText(da)).toBe(docText(db));
    expect(docText(await env.server.stored(`meeting/${bodyId}/${meetingId}`))).toBe(docText(da));
    // The remote edit reached the projections of B too.
    const items = unwrap(await b.api.invoke('meetings.items', { meetingId }));
    expect(items[0]!.title).toContain('Alfa skriver.');
  });

  it('edits made while the server is down survive closing the Core and reach the server after restart', async () => {
    const token = await env.server.user('anna');
    const a = core();
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await env.server.grant('anna', bodyId, 'read-write');
    await configure(a, env.server.url, token);
    await waitDocState(a, meetingId, 'synced');
    const name = `meeting/${bodyId}/${meetingId}`;

    await env.server.stop();
    await waitDocState(a, meetingId, 'offline');
    await typeInto(a, meetingId, 'Skrivet utan nät. ');
    const off = await waitDocState(a, meetingId, 'offline', 5000, (s) => s.pending);
    expect(off.error).toBeNull();
    const dataDir = a.dataDir;
    closeCore(a);

    // Reopened while the server is still down: the change is known to be unsynced.
    const a2 = core(dataDir);
    expect((await status(a2)).configured).toBe(true);
    await waitDocState(a2, meetingId, 'offline', 5000, (s) => s.pending);
    expect(docText(await env.server.stored(name))).not.toContain('Skrivet utan nät.');

    await env.server.restart();
    await waitDocState(a2, meetingId, 'synced', 20_000, (s) => !s.pending);
    expect(docText(await env.server.stored(name))).toContain('Skrivet utan nät.');
    expect(docText(await env.server.stored(name))).toBe(docText(await localDoc(a2, meetingId)));
  });

  it('a revoked grant shows the error in Swedish and English and keeps the local copy', async () => {
    const anna = await env.server.user('anna');
    const bertil = await env.server.user('bertil');
    const a = core();
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await env.server.grant('anna', bodyId, 'read-write');
    await env.server.grant('bertil', bodyId, 'read-write');
    await configure(a, env.server.url, anna);
    await typeInto(a, meetingId, 'Före återkallelsen. ');
    await waitDocState(a, meetingId, 'synced');
    const b = core();
    await configure(b, env.server.url, bertil);
    await waitUntil(async () => (await docStatus(b, meetingId))?.state === 'synced', 'B has the meeting');

    await env.server.revoke('bertil', bodyId);
    const s = await waitDocState(b, meetingId, 'error');
    expect(s.error).toMatchObject({ code: 'access-revoked', sv: expect.stringMatching(/återkallats/), en: expect.stringMatching(/revoked/) });
    // The local copy stays, editable, and nothing more reaches the server from B.
    expect(await contentOf(b, meetingId)).toContain('Före återkallelsen.');
    await typeInto(b, meetingId, 'Efter återkallelsen. ');
    await typeInto(a, meetingId, 'Anna fortsätter. ');
    await waitDocState(a, meetingId, 'synced');
    await new Promise((r) => setTimeout(r, 500));
    const stored = docText(await env.server.stored(`meeting/${bodyId}/${meetingId}`));
    expect(stored).toContain('Anna fortsätter.');
    expect(stored).not.toContain('Efter återkallelsen.');
    expect(await contentOf(b, meetingId)).not.toContain('Anna fortsätter.');
    expect((await docStatus(b, meetingId))?.state).toBe('error');
  });

  it('a read-only user receives changes but never pushes, and is told so', async () => {
    const anna = await env.server.user('anna');
    const cecilia = await env.server.user('cecilia');
    const a = core();
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await env.server.grant('anna', bodyId, 'read-write');
    await env.server.grant('cecilia', bodyId, 'read-only');
    await configure(a, env.server.url, anna);
    await waitDocState(a, meetingId, 'synced');

    const c = core();
    await configure(c, env.server.url, cecilia);
    await waitUntil(async () => (await docStatus(c, meetingId))?.state === 'synced', 'C has the meeting', 15_000);
    expect((await docStatus(c, meetingId))?.readOnly).toBe(true);

    await typeInto(c, meetingId, 'Läsaren skriver. ');
    const s = await waitDocState(c, meetingId, 'error');
    expect(s.error?.code).toBe('read-only');
    expect(s.pending).toBe(true);
    await typeInto(a, meetingId, 'Anna skriver. ');
    await waitUntil(async () => (await contentOf(c, meetingId)).includes('Anna skriver.'), 'C receives Anna’s edit');
    await waitDocState(a, meetingId, 'synced');
    const stored = docText(await env.server.stored(`meeting/${bodyId}/${meetingId}`));
    expect(stored).toContain('Anna skriver.');
    expect(stored).not.toContain('Läsaren skriver.');
    expect(await contentOf(a, meetingId)).not.toContain('Läsaren skriver.');
    // The reader's words are still on the reader's computer.
    expect(await contentOf(c, meetingId)).toContain('Läsaren skriver.');
  });

  it('a document the server cannot load shows load-failed; the local copy stays and the stored one is not overwritten', async () => {
    const anna = await env.server.user('anna');
    const a = core();
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await env.server.grant('anna', bodyId, 'read-write');
    await configure(a, env.server.url, anna);
    await typeInto(a, meetingId, 'Före skadan. ');
    await waitDocState(a, meetingId, 'synced');
    const name = `meeting/${bodyId}/${meetingId}`;
    // Wait for the server's compaction, so there is a snapshot to damage.
    await waitUntil(async () => (await env.server.backend.stored(name)).snapshot !== null, 'a stored snapshot');
    await env.server.stop();
    await env.server.backend.corruptSnapshot(name);
    const damaged = await env.server.backend.stored(name);
    await env.server.restart();
    const s = await waitDocState(a, meetingId, 'error', 20_000);
    expect(s.error).toMatchObject({ code: 'load-failed', sv: expect.stringMatching(/kunde inte läsa/), en: expect.stringMatching(/could not read/) });
    await typeInto(a, meetingId, 'Efter skadan. ');
    await new Promise((r) => setTimeout(r, 400));
    expect(await contentOf(a, meetingId)).toContain('Före skadan.');
    expect(await contentOf(a, meetingId)).toContain('Efter skadan.');
    // Nothing was stored over the damaged document: the bytes are as they were.
    expect(await env.server.backend.stored(name)).toEqual(damaged);
    // Retries (at each discovery) keep failing and the error stays on screen throughout.
    for (let i = 0; i < 10; i++) {
      expect((await docStatus(a, meetingId))?.state).toBe('error');
      await new Promise((r) => setTimeout(r, 50));
    }
    // The body document is unaffected and keeps syncing.
    expect((await docStatus(a, bodyId))?.state).toBe('synced');
  });

  it('never adopts a listed document whose content does not match its name', async () => {
    const anna = await env.server.user('anna');
    const a = core();
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await env.server.grant('anna', bodyId, 'read-write');
    // Stored behind the app's back: a "meeting" of this body that is not a Paragraf meeting.
    const stranger = `meeting/${bodyId}/${crypto.randomUUID()}`;
    const doc = new Y.Doc();
    doc.getMap('meta').set('bodyId', crypto.randomUUID());
    await env.server.node.store.appendUpdate(stranger, Y.encodeStateAsUpdate(doc));
    const b = core();
    await configure(a, env.server.url, anna);
    await configure(b, env.server.url, anna);
    await waitDocState(b, meetingId, 'synced', 15_000);
    await new Promise((r) => setTimeout(r, 400));
    expect(unwrap(await b.api.invoke('meetings.list', {})).map((m) => m.id)).toEqual([meetingId]);
    expect((await status(b)).docs.map((d) => d.name)).not.toContain(stranger);
    // It was looked at (and refused) once, not reopened at every discovery.
    const client = b.core.syncManager!.syncClient as unknown as { unadoptable: Set<string> };
    expect([...client.unadoptable]).toEqual([stranger]);
  });

  it('turning sync off stops it and keeps everything local; a plain Core opens the same folder', async () => {
    const anna = await env.server.user('anna');
    const a = core();
    const { bodyId, meetingId } = await bodyWithMeeting(a);
    await env.server.grant('anna', bodyId, 'read-write');
    await configure(a, env.server.url, anna);
    await waitDocState(a, meetingId, 'synced');
    const off = unwrap(await a.api.invoke('sync.configure', { server: null }));
    expect(off.configured).toBe(false);
    await typeInto(a, meetingId, 'Bara lokalt. ');
    await new Promise((r) => setTimeout(r, 300));
    expect(docText(await env.server.stored(`meeting/${bodyId}/${meetingId}`))).not.toContain('Bara lokalt.');
    const dataDir = a.dataDir;
    closeCore(a);
    const plain = openCore(dataDir);
    try {
      expect(unwrap(await plain.api.invoke('sync.status', {})).configured).toBe(false);
      expect((await contentOf({ ...plain }, meetingId))).toContain('Bara lokalt.');
    } finally {
      plain.core.close();
    }
  });
});
