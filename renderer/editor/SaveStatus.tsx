/**
 * What is saved, always on screen: the secretary types for hours and must be able to trust
 * a glance. "Sparat" appears only once the Core has answered that the change is in SQLite.
 */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocReplica, ReplicaStatus } from '../../src/docs/DocReplica';
import { formatTime } from '../app/format';
import { localized } from '../i18n';

export function useReplicaStatus(replica: DocReplica): ReplicaStatus {
  return useSyncExternalStore(
    (cb) => replica.onStatus(cb),
    () => replica.getStatus(),
  );
}

export function SaveStatus({ replica }: { replica: DocReplica }) {
  const { t, i18n } = useTranslation();
  const status = useReplicaStatus(replica);
  let text: string;
  switch (status.state) {
    case 'loading':
      text = t('save.loading');
      break;
    case 'saved':
      text = status.savedAt ? t('save.saved', { time: formatTime(status.savedAt) }) : t('save.savedNoTime');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'retrying':
      text = t('save.retrying');
      break;
    case 'error':
      text = t('save.error', { message: status.error ? localized(status.error, i18n.language) : '' });
      break;
  }
  const reason = status.state === 'retrying' && status.error ? localized(status.error, i18n.language) : undefined;
  // role=status is polite: announced when the reader is idle, never interrupting dictation.
  return (
    <div role="status" className={`save-status save-${status.state}`} data-testid="save-status" data-state={status.state} title={reason}>
      <span className="save-dot" aria-hidden="true" />
      <span>{text}</span>
      {status.pending > 0 && status.state !== 'saving' ? (
        <span className="save-pending"> · {t('save.pending', { count: status.pending })}</span>
      ) : null}
    </div>
  );
}
