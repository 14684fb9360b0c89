/**
 * The basic promise in both storage modes: what a client writes is stored, survives a server
 * restart, and offline edits made while the server was down merge on reconnect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addAccount, makeBackend, modes, newId, ProviderClient, startNode, textOf, type Backend, type Node } from './helpers';

describe.each(modes)('round trip: %s', (mode) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function node(backend: Backend): Promise<Node> {
    const n = await startNode(backend.env);
    cleanups.push(() => n.stop());
    return n;
  }
  function client(...args: ConstructorParameters<typeof ProviderClient>): ProviderClient {
    const c = new ProviderClient(...args);
    cleanups.push(() => c.close());
    return c;
  }

  it('stores what a client writes and serves it after a restart', async () => {
    const backend = await makeBackend(mode);
    cleanups.push(() => backend.cleanup());
    const body = newId();
    const bodyDoc = `body/${body}`;
    const meetingDoc = `meeting/${body}/${newId()}`;

    let n = await node(backend);
    const token = await addAccount(n.store, 'sekreterare', { [body]: 'read-write' });
    const a = client(n.url, bodyDoc, token);
    const m = client(n.url, meetingDoc, token);
    await Promise.all([a.synced(), m.synced()]);
    a.doc.getText('t').insert(0, 'Kommunstyrelsen');
    m.doc.getText('t').insert(0, '§ 1 Mötets öppnande');
    await Promise.all([a.acked(), m.acked()]);
    a.close();
    m.close();
    await n.stop();
    // Stored, and compacted into the snapshot on the last disconnect.
    expect(textOf((await backend.stored(bodyDoc)).snapshot)).toBe('Kommunstyrelsen');

    n = await node(backend);
    const b = client(n.url, bodyDoc, token);
    const b2 = client(n.url, meetingDoc, token);
    await Promise.all([b.synced(), b2.synced()]);
    expect(b.text()).toBe('Kommunstyrelsen');
    expect(b2.text()).toBe('§ 1 Mötets öppnande');
  });

  it('merges edits made offline, while the server was down, on reconnect', async () => {
    const backend = await makeBackend(mode);
    cleanups.push(() => backend.cleanup());
    const body = newId();
    const name = `body/${body}`;
    let n = await node(backend);
    const token = await addAccount(n.store, 'anna', { [body]: 'read-write' });
    const other = await addAccount(n.store, 'bo', { [body]: 'read-write' });
    const a = client(n.url, name, token);
    await a.synced();
    a.doc.getText('t').insert(0, 'ett ');
    await a.acked();
    const port = n.server.port;
    await n.stop();

    a.doc.getText('t').insert(4, 'två '); // typed offline
    n = await startNode({ ...backend.env, PARAGRAF_SERVER_PORT: String(port) });
    cleanups.push(() => n.stop());
    await a.acked(15_000); // the provider reconnected by itself and sent what was missing
    const b = client(n.url, name, other);
    await b.synced();
    expect(b.text()).toBe('ett två ');
  });
});
