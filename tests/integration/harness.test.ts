import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import fs from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from '../../main/harness/harnessServer';
import type { WireResponse } from '../../src/api/transport';
import { tempDir } from '../helpers/coreTransport';

const harnesses: Harness[] = [];
afterEach(async () => {
  while (harnesses.length) await harnesses.pop()!.close();
});

async function start() {
  const rendererDir = tempDir('paragraf-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Paragraf</title>');
  const h = await startHarness({ dataDir: tempDir(), rendererDir, backupIntervalMs: 0 });
  harnesses.push(h);
  return h;
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, method: unknown, params: unknown): Promise<WireResponse> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString());
      if (msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, params }));
  });
}

describe('harness transport', () => {
  it('serves the renderer with a CSP, only from its folder', async () => {
    const h = await start();
    const res = await fetch(h.origin + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const traversal = await fetch(h.origin + '/..%2F..%2F..%2Fetc%2Fpasswd');
    expect(traversal.status).toBe(404);
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it('refuses a connection without the token, with a wrong token, or from another origin', async () => {
    const h = await start();
    await expect(connect(h.wsUrl.replace(/token=.*/, ''), h.origin)).rejects.toThrow('401');
    await expect(connect(h.wsUrl.replace(/token=.*/, 'token=guess'), h.origin)).rejects.toThrow('401');
    await expect(connect(h.wsUrl, 'https://evil.example')).rejects.toThrow('403');
    await expect(connect(h.wsUrl, 'http://localhost:1')).rejects.toThrow('403');
    const ws = await connect(h.wsUrl, h.origin);
    const res = await call(ws, 1, 'bodies.list', {});
    expect(res.result).toEqual({ ok: true, value: [] });
    ws.close();
  });

  it('answers bad messages with clear errors and changes nothing', async () => {
    const h = await start();
    const ws = await connect(h.wsUrl, h.origin);
    const unknown = await call(ws, 1, 'bodies.dropAll', {});
    expect(unknown.result.ok).toBe(false);
    if (!unknown.result.ok) expect(unknown.result.error.code).toBe('UNKNOWN_METHOD');
    const invalid = await call(ws, 2, 'bodies.create', { name: 7 });
    if (!invalid.result.ok) expect(invalid.result.error.code).toBe('INVALID_PARAMS');
    else expect.fail('invalid params accepted');
    const garbage = await new Promise<WireResponse>((resolve) => {
      ws.once('message', (d) => resolve(JSON.parse(d.toString())));
      ws.send('{not json');
    });
    expect(garbage.id).toBe(0);
    expect(garbage.result.ok).toBe(false);
    const list = await call(ws, 3, 'bodies.list', {});
    expect(list.result).toEqual({ ok: true, value: [] });
    ws.close();
  });

  it('sends document updates to the other clients, not back to the sender', async () => {
    const h = await start();
    const a = await connect(h.wsUrl, h.origin);
    const b = await connect(h.wsUrl, h.origin);
    const body = await call(a, 1, 'bodies.create', { name: 'X' });
    if (!body.result.ok) throw new Error('body');
    const meeting = await call(a, 2, 'meetings.create', { bodyId: (body.result.value as { id: string }).id, date: '2024-01-01' });
    if (!meeting.result.ok) throw new Error('meeting');
    const docId = (meeting.result.value as { id: string }).id;
    const seenByA: string[] = [];
    a.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (m.event) seenByA.push(m.event);
    });
    const atB = new Promise<{ event: string; payload: { docId: string } }>((resolve) => {
      b.on('message', (d) => {
        const m = JSON.parse(d.toString());
        if (m.event === 'docs.updated') resolve(m);
      });
    });
    // A real (empty-ish) Yjs update: the encoding of an empty document.
    const res = await call(a, 3, 'docs.applyUpdate', { docId, update: 'AAA=' });
    expect(res.result.ok).toBe(true);
    expect((await atB).payload.docId).toBe(docId);
    await new Promise((r) => setTimeout(r, 50));
    expect(seenByA).not.toContain('docs.updated');
    a.close();
    b.close();
  });
});
