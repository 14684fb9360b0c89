/**
 * The browser end of the harness: the API contract over a loopback WebSocket, for Playwright
 * and for trying Paragraf in a browser. Electron uses the preload bridge instead.
 *
 * The Core behind the socket may die and come back (tests SIGKILL it on purpose), so:
 * - a call made while the socket is down waits briefly for it to come back, then fails;
 * - calls in flight when the socket drops fail at once with a STORE_FAILED result, so a
 *   caller that must not lose data (the document replica) keeps its update and retries;
 * - the socket reconnects with a capped exponential backoff, and `onReconnect` tells the
 *   replica to resync (it cannot know which of its in-flight updates reached SQLite).
 */
import type { ApiResult } from '../../src/api/errors';
import type { Transport, WireEvent, WireRequest, WireResponse } from '../../src/api/transport';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface HarnessTransport extends Transport {
  /** Called every time the socket opens again after having been open before. */
  onReconnect(cb: () => void): () => void;
  onStateChange(cb: (state: ConnectionState) => void): () => void;
  readonly state: ConnectionState;
  /** Stops reconnecting and closes the socket (tests, page teardown). */
  close(): void;
}

export interface HarnessTransportOptions {
  /** ws://host:port/api?token=… */
  url: string;
  /** For unit tests: a WebSocket-compatible constructor. */
  WebSocketImpl?: new (url: string) => WebSocket;
  /** First reconnect delay; doubled on each failure up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How long a call made while disconnected waits for the socket before failing. */
  offlineCallTimeoutMs?: number;
}

/** WebSocket.OPEN, spelled out so a test double need not carry the static constants. */
const OPEN = 1;

const disconnectedError = (detail: string): ApiResult<never> => ({
  ok: false,
  error: {
    code: 'STORE_FAILED',
    message: {
      sv: 'Kontakten med Paragraf bröts innan svaret kom. Det du skrivit finns kvar och skickas igen när kontakten är tillbaka.',
      en: 'The connection to Paragraf was lost before the answer came. What you typed is kept and sent again when the connection is back.',
    },
    detail,
  },
});

/** Reads the harness token from `#token=…` (the harness prints the URL with it). */
export function tokenFromHash(hash: string): string | null {
  // Not URLSearchParams: it reads '+' as a space, which would corrupt a base64 token.
  const match = /(?:^|&)token=([^&]+)/.exec(hash.replace(/^#/, ''));
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export function harnessUrl(loc: Pick<Location, 'protocol' | 'host' | 'hash'>): string | null {
  const token = tokenFromHash(loc.hash);
  if (!token) return null;
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/api?token=${encodeURIComponent(token)}`;
}

export function createHarnessTransport(options: HarnessTransportOptions): HarnessTransport {
  const WS = options.WebSocketImpl ?? WebSocket;
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 2000;
  const offlineTimeout = options.offlineCallTimeoutMs ?? 3000;

  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let closedByUs = false;
  let everOpened = false;
  let delay = minDelay;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;

  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  /** Calls made while the socket was down: sent on open, or failed after offlineTimeout. */
  const waiting = new Set<{ send: () => void; fail: () => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  function setState(s: ConnectionState): void {
    if (s === state) return;
    state = s;
    for (const cb of [...stateListeners]) cb(s);
  }

  function connect(): void {
    reconnectTimer = null;
    setState('connecting');
    let ws: WebSocket;
    try {
      ws = new WS(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      delay = minDelay;
      const again = everOpened;
      everOpened = true;
      setState('open');
      for (const w of [...waiting]) w.send();
      waiting.clear();
      if (again) for (const cb of [...reconnectListeners]) cb();
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (socket !== ws) return;
      handleMessage(ev.data);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      // Whatever was in flight may or may not have reached the Core: report it as failed,
      // and let the caller retry (the Core's updates are idempotent Yjs updates).
      const inFlight = [...pending.values()];
      pending.clear();
      for (const resolve of inFlight) resolve(disconnectedError('socket closed'));
      setState('closed');
      if (!closedByUs) scheduleReconnect();
    };
    // An error is always followed by close, where the work is done.
    ws.onerror = () => {};
  }

  function scheduleReconnect(): void {
    if (closedByUs || reconnectTimer) return;
    setState('closed');
    reconnectTimer = setTimeout(connect, delay);
    delay = Math.min(delay * 2, maxDelay);
  }

  function handleMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let msg: unknown;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof msg !== 'object' || msg === null) return;
    if ('id' in msg && typeof (msg as WireResponse).id === 'number') {
      const { id, result } = msg as WireResponse;
      const resolve = pending.get(id);
      if (resolve) {
        pending.delete(id);
        resolve(result);
      }
      return;
    }
    if ('event' in msg && typeof (msg as WireEvent).event === 'string') {
      const { event, payload } = msg as WireEvent;
      for (const cb of [...(listeners.get(event) ?? [])]) {
        try {
          cb(payload);
        } catch (err) {
          // One faulty listener must not stop the others (e.g. the save status) from hearing it.
          console.error(`listener for ${event} failed`, err);
        }
      }
    }
  }

  function send(method: string, params: unknown, resolve: (r: ApiResult<unknown>) => void): void {
    const ws = socket;
    if (!ws || ws.readyState !== OPEN) {
      resolve(disconnectedError('socket not open'));
      return;
    }
    const id = nextId++;
    const req: WireRequest = { id, method, params };
    pending.set(id, resolve);
    try {
      ws.send(JSON.stringify(req));
    } catch (err) {
      pending.delete(id);
      resolve(disconnectedError(err instanceof Error ? err.message : String(err)));
    }
  }

  connect();

  return {
    get state() {
      return state;
    },
    invoke(method, params) {
      return new Promise<ApiResult<unknown>>((resolve) => {
        if (closedByUs) {
          resolve(disconnectedError('transport closed'));
          return;
        }
        if (state === 'open') {
          send(method, params, resolve);
          return;
        }
        const entry = {
          send: () => {
            clearTimeout(timer);
            send(method, params, resolve);
          },
          fail: () => {
            clearTimeout(timer);
            waiting.delete(entry);
            resolve(disconnectedError('not connected'));
          },
        };
        const timer = setTimeout(entry.fail, offlineTimeout);
        waiting.add(entry);
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    onReconnect(cb) {
      reconnectListeners.add(cb);
      return () => {
        reconnectListeners.delete(cb);
      };
    },
    onStateChange(cb) {
      stateListeners.add(cb);
      return () => {
        stateListeners.delete(cb);
      };
    },
    close() {
      closedByUs = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const w of [...waiting]) w.fail();
      socket?.close();
    },
  };
}
