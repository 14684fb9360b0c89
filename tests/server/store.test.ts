/**
 * The storage contract, run against both adapters (STYLE.md §7: one interface, every
 * adapter held to it): documents as snapshot + log, compaction by merging, damage refused,
 * accounts and grants.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readServerConfig } from '../../server/config';
import { DocumentDamagedError } from '../../server/store/docState';
import { openStore } from '../../server/store/openStore';
import type { ServerStore } from '../../server/store/Store';
import { hashToken } from '../../server/tokens';
import { editUpdate, makeBackend, modes, newId, textOf, type Backend } from './helpers';

describe.each(modes)('store contract: %s', (mode) => {
  const opened: Array<{ store: ServerStore; backend: Backend }> = [];
  afterEach(async () => {
    for (const { store, backend } of opened.splice(0)) {
      await store.close();
      await backend.cleanup();
    }
  });
  async function open(): Promise<{ store: ServerStore; backend: Backend; second: () => Promise<ServerStore> }> {
    const backend = await makeBackend(mode);
    const store = await openStore(readServerConfig(backend.env), { migrate: 'never' });
    opened.push({ store, backend });
    return {
      store,
      backend,
      // Another node on the same database.
      second: async () => {
        const s = await openStore(readServerConfig(backend.env), { migrate: 'never' });
        opened.push({ store: s, backend: { ...backend, cleanup: async () => undefined } });
        return s;
      },
    };
  }

  it('keeps updates in the log, folds them into a merged snapshot, and reads them back', async () => {
    const { store, backend } = await open();
    const name = `body/${newId()}`;
    expect(await store.loadDocument(name)).toBeNull();
    const doc = new Y.Doc();
    for (const ch of 'protokoll') await store.appendUpdate(name, editUpdate(doc, (d) => d.getText('t').insert(d.getText('t').length, ch)));
    expect(textOf(await store.loadDocument(name))).toBe('protokoll');
    expect((await backend.stored(name)).updates).toHaveLength(9);
    expect(await store.storeDocument(name, Y.encodeStateAsUpdate(doc))).toEqual({ folded: 9, kept: 0 });
    expect((await backend.stored(name)).updates).toHaveLength(0);
    expect(textOf(await store.loadDocument(name))).toBe('protokoll');
  });

  it('lets a lagging node compact without losing what another node folded', async () => {
    const { store: nodeA, second } = await open();
    const nodeB = await second();
    const name = `meeting/${newId()}/${newId()}`;
    const a = new Y.Doc();
    const b = new Y.Doc();
    const u1 = editUpdate(a, (d) => d.getText('t').insert(0, 'A'));
    await nodeA.appendUpdate(name, u1);
    const u2 = editUpdate(b, (d) => d.getText('t').insert(0, 'B'));
    await nodeB.appendUpdate(name, u2);
    // Node A has seen only its own update, folds it; node B (never saw u1) compacts after.
    expect(await nodeA.storeDocument(name, Y.encodeStateAsUpdate(a))).toEqual({ folded: 1, kept: 1 });
    expect(await nodeB.storeDocument(name, Y.encodeStateAsUpdate(b))).toEqual({ folded: 1, kept: 0 });
    const merged = textOf(await nodeA.loadDocument(name));
    expect(merged).toHaveLength(2);
    expect([...merged].sort().join('')).toBe('AB');
  });

  it('never stores an empty document over a stored one', async () => {
    const { store } = await open();
    const name = `body/${newId()}`;
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'ledamöter');
    await store.storeDocument(name, Y.encodeStateAsUpdate(doc));
    await store.storeDocument(name, Y.encodeStateAsUpdate(new Y.Doc()));
    expect(textOf(await store.loadDocument(name))).toBe('ledamöter');
  });

  it('refuses to load or compact a damaged snapshot and leaves its bytes alone', async () => {
    const { store, backend } = await open();
    const name = `body/${newId()}`;
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'paragraf');
    await store.storeDocument(name, Y.encodeStateAsUpdate(doc));
    await backend.corruptSnapshot(name);
    const damaged = (await backend.stored(name)).snapshot;
    await expect(store.loadDocument(name)).rejects.toThrow(DocumentDamagedError);
    await expect(store.loadDocument(name)).rejects.toThrow(/skadat.*\n.*damaged/s);
    await expect(store.storeDocument(name, Y.encodeStateAsUpdate(new Y.Doc()))).rejects.toThrow(DocumentDamagedError);
    expect((await backend.stored(name)).snapshot).toEqual(damaged);
  });

  it('refuses a malformed update before logging it', async () => {
    const { store, backend } = await open();
    const name = `body/${newId()}`;
    await expect(store.appendUpdate(name, new Uint8Array([200, 1, 2, 3]))).rejects.toThrow();
    expect((await backend.stored(name)).updates).toHaveLength(0);
  });

  it('keeps users, hashed tokens and grants', async () => {
    const { store } = await open();
    const body = newId();
    const anna = await store.addUser('anna');
    await expect(store.addUser('anna')).rejects.toThrow();
    const t = await store.addToken(anna.id, hashToken('pgf_secret'), 'laptop');
    expect(await store.authenticate(hashToken('pgf_secret'), body)).toEqual({ tokenId: t.id, userId: anna.id, userName: 'anna', mode: null });
    await store.setGrant(anna.id, body, 'read-only');
    expect((await store.authenticate(hashToken('pgf_secret'), body))?.mode).toBe('read-only');
    await store.setGrant(anna.id, body, 'read-write');
    expect(await store.accessFor(t.id, body)).toBe('read-write');
    expect(await store.listGrants()).toMatchObject([{ userName: 'anna', bodyId: body, mode: 'read-write' }]);
    expect(await store.authenticate(hashToken('pgf_other'), body)).toBeNull();
    expect(await store.removeGrant(anna.id, body)).toBe(true);
    expect(await store.removeGrant(anna.id, body)).toBe(false);
    expect(await store.accessFor(t.id, body)).toBeNull();
    await store.setGrant(anna.id, body, 'read-write');
    expect(await store.revokeTokens(anna.id)).toBe(1);
    expect(await store.authenticate(hashToken('pgf_secret'), body)).toBeNull();
    expect(await store.accessFor(t.id, body)).toBeNull();
    expect((await store.listTokens(anna.id))[0]?.revokedAt).not.toBeNull();
  });
});

describe('SQLite store file', () => {
  it('refuses a file written by a newer server, and leaves it unchanged', async () => {
    const backend = await makeBackend('sqlite');
    try {
      const store = await openStore(readServerConfig(backend.env));
      await store.close();
      const { default: Database } = await import('better-sqlite3');
      const file = `${backend.env.PARAGRAF_SERVER_DATA}/paragraf-server.sqlite`;
      const db = new Database(file);
      db.pragma('user_version = 99');
      db.close();
      await expect(openStore(readServerConfig(backend.env))).rejects.toThrow(/nyare Paragraf-server \(schema 99.*\n.*newer Paragraf server \(schema 99/s);
      const again = new Database(file, { readonly: true });
      expect(again.pragma('user_version', { simple: true })).toBe(99);
      again.close();
    } finally {
      await backend.cleanup();
    }
  });
});
