/**
 * The app's side of "killed in the middle of a sync": a Core types into a meeting while the
 * server process (its own process, SQLite store) is killed with SIGKILL and later started
 * again, and then the Core itself is closed and reopened. Every keystroke the Core
 * acknowledged reaches the server, and the Core ends "synced" with nothing pending.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Transforms } from 'slate';
import * as Y from 'yjs';
import { unwrap } from '../../src/api/client';
import type { Core } from '../../main/core/Core';
import type { TypedApi } from '../../src/api/transport';
import { runCommand } from '../../server/commands';
import { openCore } from '../helpers/coreTransport';
import { editDoc } from '../helpers/meetingEditor';
import { collectIo, makeBackend, sleep, spawnNode, waitUntil, type Backend, type ChildNode } from './helpers';
import { freePort } from './services';

const quick = { reconnect: { delay: 50, minDelay: 50, maxDelay: 400 }, discoverEveryMs: 150, scanEveryMs: 40 };

describe('the app while the server is killed mid-sync', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function cli(env: Record<string, string>, ...argv: string[]): Promise<string> {
    const io = collectIo();
    const code = await runCommand(argv, env, io);
    expect(code, io.text()).toBe(0);
    return io.outLines.join('\n');
  }

  it('loses no acknowledged keystroke across a SIGKILL of the server and a restart of the Core', async () => {
    const backend: Backend = await makeBackend('sqlite');
    cleanups.push(() => backend.cleanup());
    let c: { core: Core; api: TypedApi; dataDir: string } = openCore(undefined, { sync: quick });
    cleanups.push(() => c.core.close());
    const body = unwrap(await c.api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll' }));
    const meeting = unwrap(await c.api.invoke('meetings.create', { bodyId: body.id, date: '2026-05-07' }));
    await cli(backend.env, 'user', 'add', 'sekreterare');
    const token = await cli(backend.env, 'token', 'create', 'sekreterare');
    await cli(backend.env, 'grant', 'sekreterare', body.id, '--read-write');
    const port = await freePort();
    const env = { ...backend.env, PARAGRAF_COMPACT_DEBOUNCE_MS: '0' };
    let server: ChildNode = await spawnNode(env, port);
    cleanups.push(() => server.stop());
    unwrap(await c.api.invoke('sync.configure', { server: { url: server.url, token } }));
    const state = async () => unwrap(await c.api.invoke('sync.status', { docId: meeting.id })).docs[0];
    await waitUntil(async () => (await state())?.state === 'synced', 'synced before the kill', 20_000);

    const typed: string[] = [];
    const type = async (i: number) => {
      const token = `‹k${i}›`;
      await editDoc(c.api, meeting.id, (_d, editor) => Transforms.insertText(editor, token, { at: { path: [i % 3, 0, 0], offset: 0 } }));
      typed.push(token); // acknowledged: editDoc returned after docs.applyUpdate answered
    };
    for (let i = 0; i < 40; i++) {
      await type(i);
      if (i === 20) await server.kill9();
      else await sleep(2);
    }
    // Closed with unsynced keystrokes while the server is down, and reopened.
    const dataDir = c.dataDir;
    c.core.close();
    c = openCore(dataDir, { sync: quick });
    await waitUntil(async () => (await state())?.pending === true, 'known to be unsynced after reopening', 10_000);
    server = await spawnNode(env, port);
    await waitUntil(async () => {
      const s = await state();
      return s?.state === 'synced' && !s.pending;
    }, 'synced after the restart', 30_000);

    const stored = await backend.stored(`meeting/${body.id}/${meeting.id}`);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    const text = doc.get('content', Y.XmlText).toString();
    expect(typed).toHaveLength(40);
    for (const t of typed) expect(text).toContain(t);
  });
});
