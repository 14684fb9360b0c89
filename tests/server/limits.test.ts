/**
 * Limits: message size (ws maxPayload), new connections per IP (token bucket at the HTTP
 * upgrade), documents per connection; and plain HTTP serves a health check, never documents.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { parseRefusal } from '../../server/messages';
import { addAccount, editUpdate, makeBackend, newId, RawClient, sleep, startNode, storedText, type Backend, type Node } from './helpers';

describe('limits', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  async function setup(env: Record<string, string>): Promise<{ node: Node; backend: Backend; token: string; body: string }> {
    const backend = await makeBackend('sqlite');
    cleanups.push(() => backend.cleanup());
    const node = await startNode({ ...backend.env, ...env });
    cleanups.push(() => node.stop());
    const body = newId();
    const token = await addAccount(node.store, 'anna', { [body]: 'read-write' });
    return { node, backend, token, body };
  }
  async function raw(url: string): Promise<RawClient> {
    const r = await RawClient.open(url);
    cleanups.push(() => r.close());
    return r;
  }
  /** Tries a WebSocket upgrade; resolves to 101 or the HTTP status it was refused with. */
  function upgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; retryAfter?: string; body?: string }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => {
        cleanups.push(() => ws.close());
        resolve({ status: 101 });
      });
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }));
      });
      ws.once('error', reject);
    });
  }

  it('closes a connection that sends a message above PARAGRAF_MAX_MESSAGE_BYTES, and stores nothing of it', async () => {
    const { node, backend, token, body } = await setup({ PARAGRAF_MAX_MESSAGE_BYTES: String(64 * 1024) });
    const name = `body/${body}`;
    const r = await raw(node.url);
    r.auth(name, token);
    r.syncStep1(name, new Y.Doc());
    await r.waitFor('sync', name);
    const local = new Y.Doc();
    r.update(name, editUpdate(local, (d) => d.getText('t').insert(0, 'x'.repeat(30_000))));
    expect((await r.waitFor('sync-status', name))[0]!.applied).toBe(true);
    r.update(name, editUpdate(local, (d) => d.getText('t').insert(0, 'y'.repeat(100_000))));
    await sleep(300);
    expect(r.closed?.code).toBe(1009);
    expect(r.of('sync-status')).toHaveLength(1);
    expect(await storedText(backend, name)).toBe('x'.repeat(30_000));
  });

  it('limits new connections per IP with a token bucket, answering HTTP 429 in Swedish and English', async () => {
    const { node } = await setup({ PARAGRAF_CONNECTION_BURST: '3', PARAGRAF_CONNECTIONS_PER_MINUTE: '1' });
    // Without PARAGRAF_TRUST_PROXY a forged X-Forwarded-For does not buy a new bucket.
    for (let i = 0; i < 3; i++) expect((await upgrade(node.url, { 'X-Forwarded-For': `10.0.0.${i}` })).status).toBe(101);
    const refused = await upgrade(node.url, { 'X-Forwarded-For': '10.0.0.99' });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body).toMatch(/För många nya anslutningar.*\n.*Too many new connections/s);
  });

  it('behind a trusted proxy, counts each client address separately', async () => {
    const { node } = await setup({ PARAGRAF_CONNECTION_BURST: '2', PARAGRAF_CONNECTIONS_PER_MINUTE: '1', PARAGRAF_TRUST_PROXY: '1' });
    const via = (client: string) => ({ 'X-Forwarded-For': `203.0.113.7, ${client}` });
    expect((await upgrade(node.url, via('10.0.0.1'))).status).toBe(101);
    expect((await upgrade(node.url, via('10.0.0.1'))).status).toBe(101);
    expect((await upgrade(node.url, via('10.0.0.1'))).status).toBe(429);
    expect((await upgrade(node.url, via('10.0.0.2'))).status).toBe(101);
  });

  it('limits the documents open on one connection', async () => {
    const { node, token, body } = await setup({ PARAGRAF_MAX_DOCUMENTS_PER_CONNECTION: '2' });
    const r = await raw(node.url);
    const names = [`body/${body}`, `meeting/${body}/${newId()}`, `meeting/${body}/${newId()}`];
    for (const name of names.slice(0, 2)) {
      r.auth(name, token);
      await r.waitFor('authenticated', name);
    }
    await sleep(50);
    r.auth(names[2]!, token);
    const [denied] = await r.waitFor('denied', names[2]);
    expect(parseRefusal(denied!.reason)?.code).toBe('too-many-documents');
  });

  it('serves a health check over HTTP and no documents', async () => {
    const { node, body } = await setup({});
    const http = node.url.replace('ws://', 'http://');
    const health = await fetch(`${http}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    for (const path of ['/', `/body/${body}`, `/?doc=body/${body}`]) {
      const res = await fetch(`${http}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toMatch(/Paragrafs synkserver.*\n.*Paragraf's sync server/s);
    }
  });
});
