/**
 * Presence (awareness) through the server: relayed only among users granted the body, with the
 * account name stamped by the server (not borrowed from the client), oversized states emptied,
 * and a client's state gone for the others when it leaves. SQLite store: the relay does not
 * touch storage.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, makeBackend, newId, ProviderClient, sleep, startNode, waitUntil, type Backend, type Node } from './helpers';

describe('presence relay', () => {
  let backend: Backend;
  let node: Node;
  let name: string;
  let bodyId: string;
  const open: ProviderClient[] = [];

  beforeEach(async () => {
    backend = await makeBackend('sqlite');
    node = await startNode({ ...backend.env, PARAGRAF_MAX_AWARENESS_BYTES: '1024' });
    bodyId = newId();
    name = `meeting/${bodyId}/${newId()}`;
  });
  afterEach(async () => {
    for (const c of open.splice(0)) c.close();
    await node.stop();
    await backend.cleanup();
  });

  function client(token: string): ProviderClient {
    const c = new ProviderClient(node.url, name, token);
    open.push(c);
    return c;
  }
  const othersOf = (c: ProviderClient) =>
    [...c.provider.awareness!.getStates().entries()].filter(([id]) => id !== c.provider.awareness!.clientID).map(([, s]) => s as Record<string, unknown>);

  it('relays among granted users only, stamps the account, empties oversized states, and drops a client that leaves', async () => {
    const anna = client(await addAccount(node.store, 'anna', { [bodyId]: 'read-write' }));
    const bo = client(await addAccount(node.store, 'bo', { [bodyId]: 'read-only' }));
    const eve = client(await addAccount(node.store, 'eve', { [newId()]: 'read-write' }));
    await anna.synced();
    await bo.synced();
    expect(await eve.refused()).toMatch(/forbidden/);

    // Anna claims to be someone else's account: the server says who she is.
    anna.provider.awareness!.setLocalState({ user: { name: 'Anna Andersson' }, account: 'admin', cursor: null });
    bo.provider.awareness!.setLocalState({ user: { name: 'Bo' }, cursor: null });
    eve.provider.awareness!.setLocalState({ user: { name: 'Eve' }, cursor: null });
    await waitUntil(() => othersOf(bo).some((s) => s.account === 'anna'), 'bo sees anna');
    expect(othersOf(bo).find((s) => s.account === 'anna')).toEqual({ user: { name: 'Anna Andersson' }, account: 'anna', cursor: null });
    await waitUntil(() => othersOf(anna).some((s) => s.account === 'bo'), 'anna sees bo (read-only users are present too)');
    // Eve, with no grant for the body, neither sees nor is seen.
    await sleep(300);
    expect(othersOf(eve)).toEqual([]);
    expect(othersOf(anna).some((s) => JSON.stringify(s).includes('Eve'))).toBe(false);

    // Too big: relayed as an empty state (present, shows nothing).
    anna.provider.awareness!.setLocalState({ user: { name: 'A'.repeat(2000) }, cursor: null });
    await waitUntil(() => othersOf(bo).some((s) => Object.keys(s).length === 0) && !othersOf(bo).some((s) => s.account === 'anna'), 'oversized state emptied');

    // Anna leaves: her state goes for Bo.
    anna.provider.awareness!.setLocalState({ user: { name: 'Anna' }, cursor: null });
    await waitUntil(() => othersOf(bo).some((s) => s.account === 'anna'), 'anna back');
    anna.close();
    open.splice(open.indexOf(anna), 1);
    await waitUntil(() => othersOf(bo).length === 0, 'anna gone');
  });
});
