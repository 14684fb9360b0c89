/**
 * Helpers for sync tests: a real sync server in this process (SQLite store, port 0), Cores on
 * temporary data folders configured to use it with quick reconnects, and ways to read a
 * document as each side has it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import { unwrap } from '../../../src/api/client';
import { fromBase64 } from '../../../src/api/base64';
import type { SyncDocStatus, SyncStatus } from '../../../src/api/contract';
import type { TypedApi } from '../../../src/api/transport';
import type { Core } from '../../../main/core/Core';
import { openCore, tempDir } from '../../helpers/coreTransport';
import { addAccount, makeBackend, startNode, waitUntil, type Backend, type Node } from '../../server/helpers';
import type { AccessMode } from '../../../server/store/Store';

export { waitUntil };

export const quickSync = { reconnect: { delay: 50, minDelay: 50, maxDelay: 400 }, discoverEveryMs: 150, scanEveryMs: 40 };

export interface TestServer {
  backend: Backend;
  node: Node;
  url: string;
  port: number;
  /** A user with a token; grants added later with `grant`. */
  user(name: string): Promise<string>;
  grant(name: string, bodyId: string, mode: AccessMode): Promise<void>;
  revoke(name: string, bodyId: string): Promise<void>;
  /** Stops the node (the store stays on disk). */
  stop(): Promise<void>;
  /** Starts a node again on the same port and store. */
  restart(): Promise<void>;
  /** The document as stored by the server (snapshot + log), read behind its back. */
  stored(name: string): Promise<Y.Doc>;
  cleanup(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const backend = await makeBackend('sqlite');
  let node = await startNode({ ...backend.env, ...env });
  const port = node.server.port;
  const s: TestServer = {
    backend,
    node,
    url: node.url,
    port,
    user: (name) => addAccount(node.store, name),
    grant: async (name, bodyId, mode) => {
      const u = await node.store.findUser(name);
      await node.store.setGrant(u!.id, bodyId, mode);
    },
    revoke: async (name, bodyId) => {
      const u = await node.store.findUser(name);
      await node.store.removeGrant(u!.id, bodyId);
    },
    stop: () => node.stop(),
    restart: async () => {
      node = await startNode({ ...backend.env, ...env, PARAGRAF_SERVER_PORT: String(port) });
      s.node = node;
    },
    stored: async (name) => {
      const st = await backend.stored(name);
      const doc = new Y.Doc();
      if (st.snapshot) Y.applyUpdate(doc, st.snapshot);
      for (const u of st.updates) Y.applyUpdate(doc, u);
      return doc;
    },
    cleanup: async () => {
      await node.stop();
      await backend.cleanup();
    },
  };
  return s;
}

/**
 * The set-up every sync test file shares: a fresh server per test (`env.server`), and the
 * Cores a test opens (`env.keep`) closed after it unless it closed them itself (`env.close`).
 */
export function serverPerTest(): { readonly server: TestServer; keep<T extends TestCore>(c: T): T; close(c: TestCore): void } {
  let current: TestServer | null = null;
  const cores: TestCore[] = [];
  beforeEach(async () => {
    current = await startTestServer();
  });
  afterEach(async () => {
    for (const c of cores.splice(0)) c.core.close();
    await current?.cleanup();
    current = null;
  });
  return {
    get server() {
      if (!current) throw new Error('serverPerTest: no server outside a test');
      return current;
    },
    keep(c) {
      cores.push(c);
      return c;
    },
    close(c) {
      cores.splice(cores.indexOf(c), 1);
      c.core.close();
    },
  };
}

export interface TestCore {
  core: Core;
  api: TypedApi;
  dataDir: string;
}

export function openSyncCore(dataDir = tempDir('paragraf-sync-')): TestCore {
  return openCore(dataDir, { sync: quickSync });
}

export async function configure(c: TestCore, url: string, token: string): Promise<SyncStatus> {
  return unwrap(await c.api.invoke('sync.configure', { server: { url, token } }));
}

export async function status(c: TestCore): Promise<SyncStatus> {
  return unwrap(await c.api.invoke('sync.status', {}));
}

export async function docStatus(c: TestCore, docId: string): Promise<SyncDocStatus | undefined> {
  return unwrap(await c.api.invoke('sync.status', { docId })).docs[0];
}

export async function waitDocState(c: TestCore, docId: string, state: SyncDocStatus['state'], timeoutMs = 15_000, extra: (s: SyncDocStatus) => boolean = () => true): Promise<SyncDocStatus> {
  let last: SyncDocStatus | undefined;
  await waitUntil(
    async () => {
      last = await docStatus(c, docId);
      return last?.state === state && extra(last);
    },
    `${docId} to be ${state}`,
    timeoutMs,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; last status ${JSON.stringify(last)}`);
  });
  return last!;
}

/** The Core's document, as a renderer would open it. */
export async function localDoc(c: TestCore, docId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(unwrap(await c.api.invoke('docs.open', { docId })).update));
  return doc;
}

/** Everything a meeting or body document holds, as comparable text. */
export function docText(doc: Y.Doc): string {
  return JSON.stringify({
    content: doc.get('content', Y.XmlText).toString(),
    meta: doc.getMap('meta').toJSON(),
    profile: doc.getMap('profile').toJSON(),
    members: doc.getMap('members').toJSON(),
    frozenItems: doc.getMap('frozenItems').toJSON(),
  });
}

export const newId = () => randomUUID();
