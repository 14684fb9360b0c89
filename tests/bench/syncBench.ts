/**
 * Sync benchmarks, each next to its floor in the same run:
 * - remote edit visible: a keystroke applied on Core A (docs.applyUpdate) until Core B emits
 *   docs.updated for it (what B's renderer applies), through the real sync server on
 *   loopback (SQLite store). Floor: two plain Hocuspocus providers on bare Y.Docs, same server.
 * - merging 10,000 offline operations: Core A types 10,000 keystrokes with its network down
 *   (each logged in SQLite), then the network returns; time until Core B has them (its
 *   docs.updated). Floors: the same keystrokes into the same kind of meeting state with two
 *   bare providers, and Yjs alone applying that 10,000-operation diff to a replica (no network).
 */
import { performance } from 'node:perf_hooks';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { Core } from '../../main/core/Core';
import { createTypedApi, unwrap } from '../../src/api/client';
import { fromBase64, toBase64 } from '../../src/api/base64';
import type { TypedApi } from '../../src/api/transport';
import { readServerConfig } from '../../server/config';
import { openStore } from '../../server/store/openStore';
import { startSyncServer } from '../../server/syncServer';
import { generateToken, hashToken } from '../../server/tokens';
import { coreTransport, tempDir } from '../helpers/coreTransport';
import { summarize, type BenchRow } from './stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(2);
  }
}

const quick = { reconnect: { delay: 50, minDelay: 50, maxDelay: 200 }, discoverEveryMs: 200, scanEveryMs: 50 };

/** Where the i-th keystroke goes: spread over the text, so each is its own Yjs item (typing
 * only at the end would let Yjs fold them into one and flatter the merge). */
const spot = (i: number, length: number) => (i * 7919) % (length + 1);

function keystroke(doc: Y.Doc, i: number, at: 'end' | 'spread' = 'end'): Uint8Array {
  let out: Uint8Array | null = null;
  const on = (u: Uint8Array) => (out = u);
  doc.on('update', on);
  const text = doc.get('content', Y.XmlText);
  text.insert(at === 'end' ? text.length : spot(i, text.length), 'abcdefghijklmnopqrstuvwxyzåäö '[i % 30]!);
  doc.off('update', on);
  return out!;
}

interface Side {
  core: Core;
  api: TypedApi;
  /** Resolves on the next docs.updated from the server for `docId`. */
  nextRemote(docId: string): Promise<void>;
}

function side(): Side {
  const core = Core.open({ dataDir: tempDir('paragraf-syncbench-'), backupIntervalMs: 0, sync: quick });
  const waiting = new Map<string, Array<() => void>>();
  core.onEvent((event, payload) => {
    if (event !== 'docs.updated') return;
    const p = payload as { docId: string; sourceId: string };
    if (p.sourceId !== 'sync') return;
    for (const r of waiting.get(p.docId)?.splice(0) ?? []) r();
  });
  return {
    core,
    api: createTypedApi(coreTransport(core)),
    nextRemote: (docId) =>
      new Promise<void>((r) => {
        if (!waiting.has(docId)) waiting.set(docId, []);
        waiting.get(docId)!.push(r);
      }),
  };
}

async function replica(api: TypedApi, docId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId })).update));
  return doc;
}

function rawProvider(url: string, name: string, token: string, doc = new Y.Doc()) {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 50, minDelay: 50, maxDelay: 200 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, token, document: doc });
  provider.attach();
  return { doc, socket, provider, close: () => (provider.destroy(), socket.destroy()) };
}

export async function syncBenchmarks(keys = 300, offlineOps = 10_000, mergeRuns = 5): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const config = readServerConfig({ PARAGRAF_SERVER_PORT: '0', PARAGRAF_SERVER_DATA: tempDir('paragraf-syncbench-server-'), PARAGRAF_CONNECTION_BURST: '10000' });
  const store = await openStore(config, { migrate: 'never' });
  const server = await startSyncServer(config, store, () => undefined);
  const user = await store.addUser('bench');
  const token = generateToken();
  await store.addToken(user.id, hashToken(token), null);
  // The floors' documents belong to a body only this second user may open, so the two Cores'
  // discovery never lists them and their clients spend nothing on them mid-measurement.
  const floorUser = await store.addUser('floor');
  const floorToken = generateToken();
  await store.addToken(floorUser.id, hashToken(floorToken), null);
  const floorBody = crypto.randomUUID();
  await store.setGrant(floorUser.id, floorBody, 'read-write');
  const a = side();
  const b = side();
  try {
    const body = unwrap(await a.api.invoke('bodies.create', { name: 'Bench' }));
    const m = unwrap(await a.api.invoke('meetings.create', { bodyId: body.id, date: '2026-01-01' }));
    await store.setGrant(user.id, body.id, 'read-write');
    for (const s of [a, b]) unwrap(await s.api.invoke('sync.configure', { server: { url: server.url, token } }));
    const synced = async (s: Side) => unwrap(await s.api.invoke('sync.status', { docId: m.id })).docs[0]?.state === 'synced';
    await until(async () => (await synced(a)) && (await synced(b)), 'both Cores to have the meeting');

    // --- Remote edit visible in the other client.
    {
      const doc = await replica(a.api, m.id);
      const samples: number[] = [];
      for (let i = 0; i < keys; i++) {
        const u = keystroke(doc, i);
        const seen = b.nextRemote(m.id);
        const t0 = performance.now();
        unwrap(await a.api.invoke('docs.applyUpdate', { docId: m.id, update: toBase64(u) }));
        await seen;
        samples.push(performance.now() - t0);
        await sleep(5);
      }
      rows.push({ name: 'remote edit visible in the other Core (Paragraf)', summary: summarize(samples), goal: { median: 50 }, note: 'A logs, server logs, B logs and emits; loopback' });
    }
    {
      const name = `meeting/${floorBody}/${crypto.randomUUID()}`;
      const pa = rawProvider(server.url, name, floorToken);
      const pb = rawProvider(server.url, name, floorToken);
      await until(() => pa.provider.isSynced && pb.provider.isSynced, 'raw providers');
      const samples: number[] = [];
      const text = pa.doc.getText('t');
      for (let i = 0; i < keys; i++) {
        const seen = new Promise<void>((r) => pb.doc.once('update', () => r()));
        const t0 = performance.now();
        text.insert(text.length, 'x');
        await seen;
        samples.push(performance.now() - t0);
        await sleep(5);
      }
      pa.close();
      pb.close();
      rows.push({ name: 'remote edit visible, floor: bare Yjs providers', summary: summarize(samples), note: 'same server (it logs each update)' });
    }

    // --- Merging 10,000 offline operations.
    {
      const samples: number[] = [];
      for (let run = 0; run < mergeRuns; run++) {
        const mm = unwrap(await a.api.invoke('meetings.create', { bodyId: body.id, date: '2026-01-02' }));
        await until(async () => unwrap(await b.api.invoke('sync.status', { docId: mm.id })).docs[0]?.state === 'synced', 'B to have the new meeting');
        a.core.syncManager!.syncClient!.setOnline(false);
        await until(async () => unwrap(await a.api.invoke('sync.status', {})).connection !== 'online', 'A offline');
        const doc = await replica(a.api, mm.id);
        for (let i = 0; i < offlineOps; i++) unwrap(await a.api.invoke('docs.applyUpdate', { docId: mm.id, update: toBase64(keystroke(doc, i, 'spread')) }));
        const expected = doc.get('content', Y.XmlText).toString();
        const seen = b.nextRemote(mm.id);
        const t0 = performance.now();
        a.core.syncManager!.syncClient!.setOnline(true);
        await seen;
        samples.push(performance.now() - t0);
        await until(async () => (await replica(b.api, mm.id)).get('content', Y.XmlText).toString() === expected, 'B to hold all offline operations');
      }
      rows.push({ name: `merge ${offlineOps} offline operations (Paragraf)`, summary: summarize(samples), goal: { median: 200 }, note: 'reconnect → other Core has them; incl. socket, auth, both logs' });
    }
    {
      const samples: number[] = [];
      const pure: number[] = [];
      const empty: number[] = [];
      // The same workload as Paragraf's row: the same keystrokes into the `content` of a real
      // meeting's state (not into an empty Y.Text: Yjs integrates 10,000 inserts into existing
      // text several times slower than it loads them into an empty document).
      const baseMeeting = unwrap(await a.api.invoke('meetings.create', { bodyId: body.id, date: '2026-01-03' }));
      const base = Y.encodeStateAsUpdate(await replica(a.api, baseMeeting.id));
      for (let run = 0; run < mergeRuns; run++) {
        // What connecting costs by itself: a new socket, auth and the handshake, nothing to merge.
        const t2 = performance.now();
        const pe = rawProvider(server.url, `meeting/${floorBody}/${crypto.randomUUID()}`, floorToken);
        await until(() => pe.provider.isSynced, 'empty handshake');
        empty.push(performance.now() - t2);
        pe.close();

        const name = `meeting/${floorBody}/${crypto.randomUUID()}`;
        const seeded = new Y.Doc();
        Y.applyUpdate(seeded, base);
        const pb = rawProvider(server.url, name, floorToken, seeded);
        await until(() => pb.provider.isSynced && pb.provider.unsyncedChanges === 0, 'raw provider with the base state');
        // Edited while no provider was attached (an app that was offline, then restarts):
        // the provider's handshake sends it as one diff, as the Paragraf client does.
        const offline = new Y.Doc();
        Y.applyUpdate(offline, base);
        for (let i = 0; i < offlineOps; i++) keystroke(offline, i, 'spread');
        const expected = offline.get('content', Y.XmlText).length;
        const probe = new Y.Doc();
        Y.applyUpdate(probe, base);
        const t1 = performance.now();
        Y.applyUpdate(probe, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(probe)));
        pure.push(performance.now() - t1);
        const t0 = performance.now();
        const pa = rawProvider(server.url, name, floorToken, offline);
        const content = pb.doc.get('content', Y.XmlText);
        await until(() => content.length === expected, 'raw merge');
        samples.push(performance.now() - t0);
        pa.close();
        pb.close();
      }
      rows.push({ name: `merge ${offlineOps} offline operations, floor: bare Yjs providers`, summary: summarize(samples), note: 'same keystrokes into a meeting’s state; new socket + handshake, same server' });
      rows.push({ name: 'connect + handshake with nothing to merge, bare provider', summary: summarize(empty), note: 'the connection part of both rows above' });
      rows.push({ name: `merge ${offlineOps} offline operations, floor: Yjs encode + apply alone`, summary: summarize(pure), note: 'same diff onto the same base; no network, no disk' });
    }
  } finally {
    a.core.close();
    b.core.close();
    await server.stop();
    await store.close();
  }
  return rows;
}
