/**
 * Keeps a list that is read from the Core's meeting rows current: `load` runs now, whenever the
 * Core says meetings changed (of `bodyId` only, when given), and when the connection to the Core
 * comes back (it may have restarted). `load` must be stable (useCallback).
 */
import { useEffect } from 'react';
import { useConnection } from './ConnectionContext';

export function useMeetingsReload(load: () => unknown, bodyId?: string): void {
  const connection = useConnection();
  useEffect(() => {
    const { api } = connection;
    void load();
    const offChanged = api.on('meetings.changed', (p) => {
      if (bodyId === undefined || p.bodyId === bodyId) void load();
    });
    const offReconnect = connection.onReconnect(() => void load());
    return () => {
      offChanged();
      offReconnect();
    };
  }, [connection, load, bodyId]);
}
