/**
 * The preload bridge: `window.paragraf = { invoke, on }`, the Transport of src/api/transport.ts.
 * Bundled to CommonJS (out/preload/preload.cjs) because sandboxed preloads cannot be ES
 * modules. It never exposes ipcRenderer or the IPC event object (whose `sender` would let the
 * page send on any channel); the page gets two functions and plain data.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isEventName } from '../../src/api/contract';
import type { ApiResult } from '../../src/api/errors';
import type { Transport } from '../../src/api/transport';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type EventMessage } from './channels';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, message: EventMessage) => {
  const set = listeners.get(message?.event);
  if (!set) return;
  for (const listener of [...set]) {
    try {
      listener(message.payload);
    } catch (err) {
      // One failing listener must not keep the others from hearing about the update.
      console.error('[paragraf] event listener failed', err);
    }
  }
});

const bridge: Transport = {
  async invoke(method, params) {
    try {
      return (await ipcRenderer.invoke(INVOKE_CHANNEL, method, params)) as ApiResult<unknown>;
    } catch (err) {
      // Params that cannot be cloned, or main not listening yet: still an ApiResult.
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: {
            sv: 'Fönstret kunde inte nå Paragraf. Det du skrivit finns kvar; försök igen, eller starta om programmet.',
            en: 'The window could not reach Paragraf. What you typed is kept; try again, or restart the app.',
          },
          detail: err instanceof Error ? err.message : String(err),
        },
      };
    }
  },
  on(event, listener) {
    if (!isEventName(event)) throw new TypeError(`Unknown event "${String(event).slice(0, 100)}"`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('paragraf', bridge);
