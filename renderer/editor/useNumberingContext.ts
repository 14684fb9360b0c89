/**
 * What the editor needs from the Core to compute this meeting's § numbers: the body's scheme
 * and its other meetings of the year (meetings.numbering). Fetched when the meeting opens and
 * again whenever the body's meetings change (another meeting added, started, renumbered) or
 * the connection comes back. Until it arrives, or if it cannot be fetched, the labels are
 * provisional (see numbering.ts) and the outline says so.
 */
import { useEffect, useState } from 'react';
import type { Bilingual } from '../app/ErrorMessage';
import { useConnection } from '../app/ConnectionContext';
import type { NumberingContext } from './numbering';

export interface NumberingContextState {
  context: NumberingContext | null;
  error: Bilingual | null;
}

export function useNumberingContext(meetingId: string, bodyId: string): NumberingContextState {
  const connection = useConnection();
  const [state, setState] = useState<NumberingContextState>({ context: null, error: null });

  useEffect(() => {
    const { api } = connection;
    let active = true;
    // Answers can overtake each other: only the newest request's answer is used.
    let latest = 0;
    const load = async () => {
      const mine = ++latest;
      let res;
      try {
        res = await api.invoke('meetings.numbering', { meetingId });
      } catch (err) {
        if (active && mine === latest) setState((s) => ({ ...s, error: { sv: String(err), en: String(err) } }));
        return;
      }
      if (!active || mine !== latest) return;
      if (res.ok) setState({ context: { scheme: res.value.scheme, otherMeetings: res.value.otherMeetings }, error: null });
      // Keep the last good context on a failed refresh: stale numbers beat provisional ones.
      else setState((s) => ({ ...s, error: res.error.message }));
    };
    void load();
    const offChanged = api.on('meetings.changed', (p) => {
      if (p.bodyId === bodyId) void load();
    });
    const offReconnect = connection.onReconnect(() => void load());
    return () => {
      active = false;
      offChanged();
      offReconnect();
    };
  }, [connection, meetingId, bodyId]);

  return state;
}
