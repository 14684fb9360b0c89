/**
 * Whether the meeting has reached the sync server, next to the meeting's status: "Synkat",
 * "Sparat lokalt", "Väntar på nätverk", or why not (e.g. access revoked). Shows nothing when
 * no server is configured: then Paragraf is a single-machine app and "Sparat" says it all.
 * The state comes from the Core (sync.status), refreshed on every sync.changed event.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { localized } from '../i18n';

/**
 * The Core's sync state (for one document, or all), kept current through sync.changed. The
 * setter lets a caller show the answer of its own sync.configure at once.
 */
export function useSyncStatus(docId?: string): [SyncStatus | null, (s: SyncStatus) => void] {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // Newest wins: an answer to an older question (asked before the server was turned off, say)
  // must not overwrite a newer state, whatever order the answers arrive in.
  const latest = useRef(0);
  const setNewest = useCallback((s: SyncStatus) => {
    latest.current++;
    setStatus(s);
  }, []);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      const mine = ++latest.current;
      void api.invoke('sync.status', docId === undefined ? {} : { docId }).then((r) => {
        if (live && r.ok && mine === latest.current) setStatus(r.value);
      });
    };
    refresh();
    const off = api.on('sync.changed', refresh);
    return () => {
      live = false;
      off();
    };
  }, [api, docId]);
  return [status, setNewest];
}

export function SyncStatusBadge({ docId }: { docId: string }) {
  const { t, i18n } = useTranslation();
  const [status] = useSyncStatus(docId);

  if (!status?.configured) return null;
  const doc = status.docs[0];
  // Not yet opened by the sync client (it picks up new documents within a second): local only.
  const state = doc?.state ?? 'saved-locally';
  const problem = doc?.error ?? (state === 'offline' ? null : status.error);
  let text: string;
  if (state === 'error' && problem) text = t('sync.error', { message: localized(problem, i18n.language) });
  else if (state === 'synced') text = t('sync.synced');
  else if (state === 'offline') text = t('sync.offline');
  else text = t('sync.savedLocally');
  const look = state === 'synced' ? 'save-saved' : state === 'error' ? 'save-error' : '';
  return (
    <span role="status" className={`save-status sync-status ${look}`} data-testid="sync-status" data-state={state} title={t('sync.title')}>
      <span className="save-dot" aria-hidden="true" />
      <span>{text}</span>
    </span>
  );
}
