/**
 * Presence (Yjs awareness) between two Cores, each with its real SyncClient, through the real
 * sync server: who else is in a protocol and where their cursor is, only when turned on, and
 * gone when the other leaves. Names come from the setting, else from the server account.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import type { PresencePeer } from '../../../src/api/contract';
import { sleep } from '../../server/helpers';
import { configure, localDoc, openSyncCore, serverPerTest, waitDocState, waitUntil, type TestCore } from './syncHelpers';

const env = serverPerTest();

/** A Core with the latest `presence.changed` peers per document. */
function core(): TestCore & { seen: Map<string, PresencePeer[]> } {
  const c = env.keep(openSyncCore());
  const seen = new Map<string, PresencePeer[]>();
  c.api.on('presence.changed', ({ docId, peers }) => seen.set(docId, peers));
  return { ...c, seen };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A relative position at `index` of the meeting's `content`, as the editor would send it. */
async function positionAt(c: TestCore, meetingId: string, index: number): Promise<string> {
  const doc = await localDoc(c, meetingId);
  return b64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(doc.get('content', Y.XmlText), index)));
}

async function setup() {
  const [annaToken, boToken] = [await env.server.user('anna'), await env.server.user('bo')];
  const a = core();
  const body = unwrap(await a.api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  const meeting = unwrap(await a.api.invoke('meetings.create', { bodyId: body.id, date: '2026-05-07' }));
  await env.server.grant('anna', body.id, 'read-write');
  await env.server.grant('bo', body.id, 'read-only');
  await configure(a, env.server.url, annaToken);
  const b = core();
  await configure(b, env.server.url, boToken);
  await waitUntil(async () => unwrap(await b.api.invoke('meetings.list', {})).some((m) => m.id === meeting.id), 'B discovers the meeting', 15_000);
  await waitDocState(a, meeting.id, 'synced');
  await waitDocState(b, meeting.id, 'synced');
  return { a, b, bodyId: body.id, meetingId: meeting.id };
}

describe('presence (awareness)', () => {
  it('is off by default; on both sides, each sees the other with name and cursor; gone when the other leaves or quits', async () => {
    const { a, b, meetingId } = await setup();
    expect(unwrap(await a.api.invoke('sync.status', {})).presence).toEqual({ enabled: false, name: null });

    const cursorB = { anchor: await positionAt(b, meetingId, 2), focus: await positionAt(b, meetingId, 5) };
    expect(unwrap(await a.api.invoke('presence.here', { docId: meetingId, cursor: null })).peers).toEqual([]);
    expect(unwrap(await b.api.invoke('presence.here', { docId: meetingId, cursor: cursorB })).peers).toEqual([]);

    unwrap(await a.api.invoke('sync.setPresence', { enabled: true, name: 'Anna Andersson' }));
    const sb = unwrap(await b.api.invoke('sync.setPresence', { enabled: true }));
    expect(sb.presence).toEqual({ enabled: true, name: null });

    // A sees B: B chose no name, so the server account's; the cursor as B sent it.
    await waitUntil(() => (a.seen.get(meetingId) ?? []).length === 1, 'A sees B');
    const [peer] = a.seen.get(meetingId)!;
    expect(peer).toMatchObject({ name: 'bo', account: 'bo', cursor: cursorB });
    // The cursor resolves to the same place in A's copy of the document.
    const docA = await localDoc(a, meetingId);
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(peer!.cursor!.focus, 'base64')), docA);
    expect(abs?.index).toBe(5);
    // B sees A under the name A chose (and the account the server stamped).
    await waitUntil(() => (b.seen.get(meetingId) ?? []).some((p) => p.name === 'Anna Andersson' && p.account === 'anna' && p.cursor === null), 'B sees A');

    // B moves: A follows.
    const moved = { anchor: await positionAt(b, meetingId, 7), focus: await positionAt(b, meetingId, 7) };
    unwrap(await b.api.invoke('presence.here', { docId: meetingId, cursor: moved }));
    await waitUntil(() => a.seen.get(meetingId)?.[0]?.cursor?.focus === moved.focus, 'A sees B move');

    // B leaves the protocol: gone for A (B is still connected).
    unwrap(await b.api.invoke('presence.leave', { docId: meetingId }));
    await waitUntil(() => a.seen.get(meetingId)?.length === 0, 'B gone after leaving');

    // B comes back, then quits the app: gone again.
    unwrap(await b.api.invoke('presence.here', { docId: meetingId, cursor: moved }));
    await waitUntil(() => a.seen.get(meetingId)?.length === 1, 'B back');
    env.close(b);
    await waitUntil(() => a.seen.get(meetingId)?.length === 0, 'B gone after quitting');
  });

  it('shows nothing when it is off: B with it off is invisible, A with it off sees no one', async () => {
    const { a, b, meetingId } = await setup();
    const cursor = { anchor: await positionAt(b, meetingId, 1), focus: await positionAt(b, meetingId, 1) };
    unwrap(await a.api.invoke('sync.setPresence', { enabled: true }));
    unwrap(await a.api.invoke('presence.here', { docId: meetingId, cursor: null }));
    unwrap(await b.api.invoke('presence.here', { docId: meetingId, cursor }));
    // B has it off: A, with it on, sees no one (checked after B's state had time to arrive).
    await sleep(600);
    expect(unwrap(await a.api.invoke('presence.here', { docId: meetingId, cursor: null })).peers).toEqual([]);
    expect(a.seen.get(meetingId) ?? []).toEqual([]);

    // B turns it on: A sees B, proving the relay works in this very set-up.
    unwrap(await b.api.invoke('sync.setPresence', { enabled: true, name: 'Bo Berg' }));
    await waitUntil(() => a.seen.get(meetingId)?.[0]?.name === 'Bo Berg', 'A sees B');

    // A turns it off: A sees no one, and B no longer sees A.
    await waitUntil(() => (b.seen.get(meetingId) ?? []).length === 1, 'B sees A');
    unwrap(await a.api.invoke('sync.setPresence', { enabled: false }));
    await waitUntil(() => a.seen.get(meetingId)?.length === 0 && b.seen.get(meetingId)?.length === 0, 'both see no one');
    expect(unwrap(await a.api.invoke('presence.here', { docId: meetingId, cursor: null })).peers).toEqual([]);
  });

  it('needs a configured server, survives a restart of the Core, and never sends the token back', async () => {
    const c = core();
    const r = await c.api.invoke('sync.setPresence', { enabled: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message.sv).toMatch(/server/);
      expect(r.error.message.en).toMatch(/server/);
    }
    const token = await env.server.user('anna');
    const s1 = await configure(c, env.server.url, token);
    expect(s1.tokenStorage).toBe('plain');
    const s2 = unwrap(await c.api.invoke('sync.setPresence', { enabled: true, name: '  Anna  ' }));
    expect(s2.presence).toEqual({ enabled: true, name: 'Anna' });
    // A new token for the same server keeps the choice.
    const s3 = await configure(c, env.server.url, await env.server.user('anna2'));
    expect(s3.presence).toEqual({ enabled: true, name: 'Anna' });
    for (const s of [s1, s2, s3, unwrap(await c.api.invoke('sync.status', {}))]) expect(JSON.stringify(s)).not.toMatch(/pgf_/);
    env.close(c);
    const again = env.keep(openSyncCore(c.dataDir));
    expect(unwrap(await again.api.invoke('sync.status', {})).presence).toEqual({ enabled: true, name: 'Anna' });
  });
});
