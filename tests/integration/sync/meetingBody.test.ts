/**
 * A meeting belongs to the body it was created in, whatever a synced change says: anyone who
 * may write to body A could set a meeting's meta.bodyId to B, and a colleague's app with a
 * grant for B would then have uploaded the meeting into B. Through the SyncManager's host, as
 * the sync client drives it (no server needed for what the app does with such a change).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import { fromBase64 } from '../../../src/api/base64';
import type { Core } from '../../../main/core/Core';
import { openCore } from '../../helpers/coreTransport';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

interface Host {
  localDocuments(): Array<{ docId: string; name: string }>;
  applyRemote(docId: string, update: Uint8Array): void;
}

describe('a synced change that moves a meeting to another body', () => {
  it('is undone at once, and the meeting keeps its server name under the body it was created in', async () => {
    const { core, api } = openCore();
    cores.push(core);
    const a = unwrap(await api.invoke('bodies.create', { name: 'LSVO' }));
    const b = unwrap(await api.invoke('bodies.create', { name: 'Socialnämnden' }));
    const meeting = unwrap(await api.invoke('meetings.create', { bodyId: a.id, date: '2021-05-07' }));

    // The change as another computer would send it: meta.bodyId set to B.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, fromBase64(unwrap(await api.invoke('docs.open', { docId: meeting.id })).update));
    const before = Y.encodeStateVector(remote);
    remote.getMap('meta').set('bodyId', b.id);
    const host = (core.syncManager as unknown as { host(url: string): Host }).host('ws://sync.example');
    host.applyRemote(meeting.id, Y.encodeStateAsUpdate(remote, before));

    const local = new Y.Doc();
    Y.applyUpdate(local, fromBase64(unwrap(await api.invoke('docs.open', { docId: meeting.id })).update));
    expect(local.getMap('meta').get('bodyId')).toBe(a.id);
    // The repair is a change of its own, which reaches the other computer too.
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(local, Y.encodeStateVector(remote)));
    expect(remote.getMap('meta').get('bodyId')).toBe(a.id);
    expect(host.localDocuments().find((d) => d.docId === meeting.id)?.name).toBe(`meeting/${a.id}/${meeting.id}`);
    expect(unwrap(await api.invoke('meetings.list', { bodyId: b.id }))).toEqual([]);
  });
});
