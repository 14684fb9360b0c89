/**
 * The server process is killed (SIGKILL) in the middle of a sync and restarted: every
 * update it had acknowledged is there. A raw client pipelines thousands of edits, each one
 * depending on the one before, and counts the server's acknowledgements (SyncStatus); the
 * kill lands while most of them are still in flight, with compaction running all the time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { runCommand } from '../../server/commands';
import { collectIo, editUpdate, makeBackend, modes, newId, ProviderClient, RawClient, spawnNode, waitUntil, type Backend, type ChildNode } from './helpers';
import { freePort } from './services';

describe.each(modes)('server killed mid-sync: %s', (mode) => {
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

  // Compaction after every change (the kill may land inside one), or rarely (the log alone
  // must hold what was acknowledged since the last snapshot).
  it.each([
    ['while compacting all the time', '0'],
    ['between compactions', '5000'],
  ])('keeps every acknowledged update, %s', async (_, debounceMs) => {
    const backend: Backend = await makeBackend(mode);
    cleanups.push(() => backend.cleanup());
    const body = newId();
    const name = `meeting/${body}/${newId()}`;
    await cli(backend.env, 'user', 'add', 'sekreterare');
    const token = await cli(backend.env, 'token', 'create', 'sekreterare');
    await cli(backend.env, 'grant', 'sekreterare', body, '--read-write');

    const port = await freePort();
    const env = { ...backend.env, PARAGRAF_COMPACT_DEBOUNCE_MS: debounceMs };
    let server: ChildNode = await spawnNode(env, port);
    cleanups.push(() => server.stop());

    const raw = await RawClient.open(server.url);
    raw.auth(name, token);
    raw.syncStep1(name, new Y.Doc());
    await raw.waitFor('sync', name);

    const local = new Y.Doc();
    const lines = local.getArray<number>('lines');
    const total = 4000;
    for (let i = 0; i < total; i++) raw.update(name, editUpdate(local, () => lines.push([i])));
    await waitUntil(() => raw.of('sync-status').length >= 300, 'the first acknowledgements', 30_000);
    await server.kill9();
    const statuses = raw.of('sync-status');
    expect(statuses.every((s) => s.applied)).toBe(true);
    const acked = statuses.length;
    expect(acked, 'the kill should land mid-sync').toBeLessThan(total);

    server = await spawnNode(env, port);
    const reader = new ProviderClient(server.url, name, token);
    cleanups.push(() => reader.close());
    await reader.synced(20_000);
    const stored = reader.doc.getArray<number>('lines').toArray();
    // Every acknowledged edit, in order; maybe a few more that were stored but not yet acked.
    expect(stored.length).toBeGreaterThanOrEqual(acked);
    expect(stored.slice(0, acked)).toEqual(Array.from({ length: acked }, (_, i) => i));
    expect(stored).toEqual(Array.from({ length: stored.length }, (_, i) => i));
  });
});
