/**
 * The API connection, handed down through context so components never reach for a global
 * and tests could render a screen with a fake API.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Connection } from '../api';
import type { ConnectionState } from '../api/harnessTransport';

export const ConnectionContext = createContext<Connection | null>(null);

export function useConnection(): Connection {
  const c = useContext(ConnectionContext);
  if (!c) throw new Error('useConnection outside ConnectionContext');
  return c;
}

export function useApi() {
  return useConnection().api;
}

export function useConnectionState(): ConnectionState {
  const c = useConnection();
  return useSyncExternalStore(c.onStateChange, () => c.state);
}
