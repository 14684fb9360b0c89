/**
 * Opens the meeting's document replica for as long as the screen shows it, and resyncs it
 * when the connection to the Core comes back (the Core may have restarted and lost what was
 * in flight; DocReplica.resync re-sends the whole local state).
 */
import { useEffect, useState } from 'react';
import { DocReplica } from '../../src/docs/DocReplica';
import { useConnection } from '../app/ConnectionContext';
import type { Bilingual } from '../app/ErrorMessage';

export type ReplicaState = { replica: DocReplica | null; error: Bilingual | null };

export function useReplica(docId: string, attempt: number): ReplicaState {
  const connection = useConnection();
  const [state, setState] = useState<ReplicaState>({ replica: null, error: null });

  useEffect(() => {
    const replica = new DocReplica(connection.api, docId);
    let active = true;
    let opened = false;
    setState({ replica: null, error: null });

    const open = () =>
      replica.open().then(
        () => {
          opened = true;
          if (active) setState({ replica, error: null });
        },
        (err: unknown) => {
          if (!active) return;
          const message = replica.getStatus().error ?? { sv: String(err), en: String(err) };
          setState({ replica: null, error: message });
        },
      );
    void open();

    const offReconnect = connection.onReconnect(() => {
      if (!active) return;
      if (opened) void replica.resync();
      // Opening failed because the Core was away: try again now that it is back.
      else void open();
    });
    return () => {
      active = false;
      offReconnect();
      replica.destroy();
    };
  }, [connection, docId, attempt]);

  return state;
}
