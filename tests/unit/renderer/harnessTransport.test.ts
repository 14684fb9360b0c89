/**
 * The harness transport against a fake WebSocket: requests and answers are matched by id,
 * events reach their listeners, a dropped socket fails what was in flight (so the replica
 * keeps and retries its update), reconnects with backoff, and says that it reconnected.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createHarnessTransport, harnessUrl, tokenFromHash } from '../../../renderer/api/harnessTransport';

class FakeSocket {
  static instances: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  reply(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ id, result }) });
  }
  lastRequest() {
    return JSON.parse(this.sent.at(-1)!) as { id: number; method: string; params: unknown };
  }
}

const latest = () => FakeSocket.instances.at(-1)!;

function make(opts: { offlineCallTimeoutMs?: number } = {}) {
  return createHarnessTransport({
    url: 'ws://127.0.0.1:1/api?token=t',
    WebSocketImpl: FakeSocket as unknown as new (url: string) => WebSocket,
    minDelayMs: 100,
    maxDelayMs: 400,
    ...opts,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.instances = [];
});
afterEach(() => vi.useRealTimers());

describe('harness transport', () => {
  test('reads the token from the URL fragment and builds the socket URL on the same host', () => {
    expect(tokenFromHash('#token=abc_-1')).toBe('abc_-1');
    expect(tokenFromHash('#nothing')).toBeNull();
    expect(harnessUrl({ protocol: 'http:', host: '127.0.0.1:4000', hash: '#token=a+b' })).toBe('ws://127.0.0.1:4000/api?token=a%2Bb');
    expect(harnessUrl({ protocol: 'http:', host: '127.0.0.1:4000', hash: '' })).toBeNull();
  });

  test('matches answers to requests by id, whatever their order', async () => {
    const t = make();
    latest().open();
    const a = t.invoke('bodies.list', {});
    const aId = latest().lastRequest().id;
    const b = t.invoke('meetings.list', {});
    const bReq = latest().lastRequest();
    expect(bReq.method).toBe('meetings.list');
    latest().reply(bReq.id, { ok: true, value: ['b'] });
    latest().reply(aId, { ok: true, value: ['a'] });
    await expect(a).resolves.toEqual({ ok: true, value: ['a'] });
    await expect(b).resolves.toEqual({ ok: true, value: ['b'] });
  });

  test('delivers events to their listeners until unsubscribed', () => {
    const t = make();
    latest().open();
    const seen: unknown[] = [];
    const off = t.on('docs.saved', (p) => seen.push(p));
    latest().onmessage?.({ data: JSON.stringify({ event: 'docs.saved', payload: { seq: 1 } }) });
    latest().onmessage?.({ data: JSON.stringify({ event: 'meetings.changed', payload: {} }) });
    off();
    latest().onmessage?.({ data: JSON.stringify({ event: 'docs.saved', payload: { seq: 2 } }) });
    expect(seen).toEqual([{ seq: 1 }]);
  });

  test('a dropped socket fails the calls in flight, reconnects with backoff, and reports the reconnect', async () => {
    const t = make();
    const first = latest();
    first.open();
    const reconnects = vi.fn();
    t.onReconnect(reconnects);
    const inFlight = t.invoke('docs.applyUpdate', { docId: 'd', update: 'AA==' });

    first.drop();
    const res = await inFlight;
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.code).toBe('STORE_FAILED');
    expect(t.state).toBe('closed');

    // First retry after 100 ms; it fails too; the next waits 200 ms.
    vi.advanceTimersByTime(100);
    expect(FakeSocket.instances).toHaveLength(2);
    latest().drop();
    vi.advanceTimersByTime(150);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(50);
    expect(FakeSocket.instances).toHaveLength(3);

    expect(reconnects).not.toHaveBeenCalled();
    latest().open();
    expect(reconnects).toHaveBeenCalledTimes(1);
    expect(t.state).toBe('open');
  });

  test('a call made while disconnected is sent when the socket opens, or fails after the timeout', async () => {
    const t = make({ offlineCallTimeoutMs: 1000 });
    const early = t.invoke('app.status', {});
    expect(latest().sent).toHaveLength(0);
    latest().open();
    const req = latest().lastRequest();
    expect(req.method).toBe('app.status');
    latest().reply(req.id, { ok: true, value: 'ready' });
    await expect(early).resolves.toEqual({ ok: true, value: 'ready' });

    latest().drop();
    const late = t.invoke('app.status', {});
    vi.advanceTimersByTime(1000);
    const res = await late;
    expect(res.ok).toBe(false);
  });

  test('close() stops reconnecting', () => {
    const t = make();
    latest().open();
    t.close();
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });
});
