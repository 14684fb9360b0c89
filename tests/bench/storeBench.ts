/**
 * Time from a local edit to its row being committed in SQLite: one keystroke's Yjs update
 * through the real Core (fsync included, synchronous=FULL), in process and over the harness
 * WebSocket (the path the browser suite uses; in Electron it is IPC, of the same order).
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { performance } from 'node:perf_hooks';
import { Core } from '../../main/core/Core';
import { startHarness } from '../../main/harness/harnessServer';
import { createTypedApi, unwrap } from '../../src/api/client';
import { fromBase64, toBase64 } from '../../src/api/base64';
import { coreTransport, tempDir } from '../helpers/coreTransport';
import { summarize, type BenchRow } from './stats';

function keystrokes(doc: Y.Doc, n: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const text = doc.get('content', Y.XmlText);
  const on = (u: Uint8Array) => out.push(u);
  doc.on('update', on);
  for (let i = 0; i < n; i++) text.insert(text.length, 'abcdefghijklmnopqrstuvwxyzåäö '[i % 30]!);
  doc.off('update', on);
  return out;
}

export async function storeBenchmarks(n = 500): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  {
    const core = Core.open({ dataDir: tempDir('paragraf-bench-'), backupIntervalMs: 0 });
    const api = createTypedApi(coreTransport(core));
    const body = unwrap(await api.invoke('bodies.create', { name: 'Bench' }));
    const m = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2024-01-01' }));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId: m.id })).update));
    const samples: number[] = [];
    for (const u of keystrokes(doc, n)) {
      const t0 = performance.now();
      unwrap(await api.invoke('docs.applyUpdate', { docId: m.id, update: toBase64(u) }));
      samples.push(performance.now() - t0);
    }
    core.close();
    rows.push({ name: 'edit → committed in SQLite, in process', summary: summarize(samples), note: 'one keystroke, fsync included' });
  }
  {
    const h = await startHarness({ dataDir: tempDir('paragraf-bench-'), rendererDir: tempDir(), backupIntervalMs: 0 });
    const ws = new WebSocket(h.wsUrl, { origin: h.origin });
    await new Promise((r) => ws.once('open', r));
    let next = 1;
    const call = (method: string, params: unknown) =>
      new Promise<{ ok: boolean; value?: unknown }>((resolve) => {
        const id = next++;
        const on = (d: WebSocket.RawData) => {
          const msg = JSON.parse(d.toString());
          if (msg.id === id) {
            ws.off('message', on);
            resolve(msg.result);
          }
        };
        ws.on('message', on);
        ws.send(JSON.stringify({ id, method, params }));
      });
    const body = (await call('bodies.create', { name: 'Bench' })).value as { id: string };
    const m = (await call('meetings.create', { bodyId: body.id, date: '2024-01-01' })).value as { id: string };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64(((await call('docs.open', { docId: m.id })).value as { update: string }).update));
    const samples: number[] = [];
    for (const u of keystrokes(doc, n)) {
      const t0 = performance.now();
      const res = await call('docs.applyUpdate', { docId: m.id, update: toBase64(u) });
      if (!res.ok) throw new Error('bench: update refused');
      samples.push(performance.now() - t0);
    }
    ws.close();
    await h.close();
    rows.push({ name: 'edit → committed in SQLite, over the harness WebSocket', summary: summarize(samples), note: 'round trip incl. JSON' });
  }
  return rows;
}
