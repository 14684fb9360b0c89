/**
 * Which transport the renderer talks through: the preload bridge in Electron
 * (`window.paragraf`), else the harness WebSocket (a browser opened on the harness URL).
 * Everything else in the renderer sees only the typed API and a connection status.
 */
import { createTypedApi } from '../../src/api/client';
import type { Transport, TypedApi } from '../../src/api/transport';
import { createHarnessTransport, harnessUrl, type ConnectionState } from './harnessTransport';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge. */
    paragraf?: Transport;
  }
}

export interface Connection {
  api: TypedApi;
  /** 'open' for Electron's IPC, which cannot drop; the harness socket can. */
  readonly state: ConnectionState;
  onStateChange(cb: (state: ConnectionState) => void): () => void;
  /** After a dropped connection came back: replicas must resync. Never fires under Electron. */
  onReconnect(cb: () => void): () => void;
}

export class NoTransportError extends Error {}

export function createConnection(win: Window = window): Connection {
  if (win.paragraf) {
    return {
      api: createTypedApi(win.paragraf),
      state: 'open',
      onStateChange: () => () => {},
      onReconnect: () => () => {},
    };
  }
  const url = harnessUrl(win.location);
  if (!url) {
    throw new NoTransportError('No window.paragraf and no #token= in the URL: open Paragraf through the app or the harness URL.');
  }
  const transport = createHarnessTransport({ url });
  return {
    api: createTypedApi(transport),
    get state() {
      return transport.state;
    },
    onStateChange: (cb) => transport.onStateChange(cb),
    onReconnect: (cb) => transport.onReconnect(cb),
  };
}
