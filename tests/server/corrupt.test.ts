/**
 * "Never let a document that failed to load be stored back empty": with a damaged stored
 * snapshot, a client that connects (even one with its own content to push) is refused,
 * gets no document data, and the stored bytes are exactly as they were after it leaves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseRefusal } from '../../server/messages';
import * as Y from 'yjs';
import { addAccount, editUpdate, makeBackend, modes, newId, ProviderClient, RawClient, sleep, startNode, waitUntil, type Backend, type Node } from './helpers';

describe.each(modes)('damaged documents: %s', (mode) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('refuses the document and never overwrites it', async () => {
    const backend: Backend = await makeBackend(mode);
    cleanups.push(() => backend.cleanup());
    const node: Node = await startNode(backend.env);
    cleanups.push(() => node.stop());
    const body = newId();
    const name = `meeting/${body}/${newId()}`;
    const token = await addAccount(node.store, 'sekreterare', { [body]: 'read-write' });

    const first = new ProviderClient(node.url, name, token);
    await first.synced();
    first.doc.getText('t').insert(0, 'Protokoll fört vid sammanträde');
    await first.acked();
    first.close();
    await waitUntil(async () => {
      const s = await backend.stored(name);
      return s.snapshot !== null && s.updates.length === 0;
    }, 'compaction into the snapshot');

    await backend.corruptSnapshot(name);
    const damaged = await backend.stored(name);

    // A client with its own (newer) content connects: refused, nothing sent to it.
    const second = new ProviderClient(node.url, name, token);
    cleanups.push(() => second.close());
    second.doc.getText('t').insert(0, 'lokalt');
    const reason = await second.refused();
    expect(parseRefusal(reason)).toMatchObject({ code: 'load-failed', sv: expect.stringContaining('kunde inte läsa'), en: expect.stringContaining('could not read') });
    expect(second.text()).toBe('lokalt');

    // A raw client pushes updates too; they are never applied nor logged.
    const raw = await RawClient.open(node.url);
    cleanups.push(() => raw.close());
    raw.auth(name, token);
    const pushed = editUpdate(new Y.Doc(), (d) => d.getText('t').insert(0, 'skrivet över'));
    raw.syncStep2(name, pushed);
    raw.update(name, pushed);
    await raw.waitFor('denied', name);
    expect(raw.of('sync')).toEqual([]);
    second.close();
    raw.close();
    await sleep(300); // past the compaction debounce: a store would have happened by now
    expect(await backend.stored(name)).toEqual(damaged);
    expect(node.log.join('\n')).toMatch(/load failed.*checksum mismatch/);

    // And a server restart does not change that either.
    await node.stop();
    const again = await startNode(backend.env);
    cleanups.push(() => again.stop());
    const third = new ProviderClient(again.url, name, token);
    cleanups.push(() => third.close());
    expect(parseRefusal(await third.refused())?.code).toBe('load-failed');
    third.close();
    await sleep(200);
    expect(await backend.stored(name)).toEqual(damaged);
  });
});
