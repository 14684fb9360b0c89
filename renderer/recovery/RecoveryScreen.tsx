/**
 * Shown instead of the app when the Core could not open the database. The one thing this
 * screen must never do is look like an empty, working Paragraf: the person would start
 * typing into a fresh database and believe the old minutes were gone. So it says what is
 * wrong in plain words and offers the backups, newest first and preselected.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, BackupInfo } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { formatDateTime } from '../app/format';
import { localized } from '../i18n';

export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function RecoveryScreen({ status, onRestored }: { status: AppStatus; onRestored(status: AppStatus): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const backups = newestFirst(status.backups);
  const [chosen, setChosen] = useState<string | null>(backups[0]?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const id = useId();

  async function restore(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    setBusy(true);
    const res = await api.invoke('recovery.restoreBackup', { backupId: chosen });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onRestored(res.value);
  }

  return (
    <main id="main" className="recovery" data-testid="recovery-screen" tabIndex={-1}>
      <h1>{t('recovery.title')}</h1>
      <p>{t('recovery.what')}</p>
      {status.problem ? (
        <p className="problem" data-testid="recovery-problem">
          {localized(status.problem.message, i18n.language)}
        </p>
      ) : null}
      <p>{t('recovery.nothingLost')}</p>

      {backups.length === 0 ? (
        <p className="error" role="alert" data-testid="no-backups">
          {t('recovery.noBackups')}
        </p>
      ) : (
        <form onSubmit={restore} className="form">
          <fieldset data-testid="backup-list">
            <legend>{t('recovery.backups')}</legend>
            <p className="hint">{t('recovery.choose')}</p>
            {backups.map((b, i) => (
              <div key={b.id} className="radio">
                <input
                  type="radio"
                  id={`${id}-${i}`}
                  name="backup"
                  value={b.id}
                  checked={chosen === b.id}
                  onChange={() => setChosen(b.id)}
                  data-testid="backup-option"
                />
                <label htmlFor={`${id}-${i}`}>
                  {t('recovery.backupLabel', { date: formatDateTime(b.createdAt), count: b.meetings })}
                  {i === 0 ? <span className="badge"> ({t('recovery.newest')})</span> : null}
                </label>
              </div>
            ))}
          </fieldset>
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy || !chosen} data-testid="restore-backup">
            {busy ? t('recovery.restoring') : t('recovery.restore')}
          </button>
        </form>
      )}

      <details className="detail">
        <summary>{t('recovery.detail')}</summary>
        <p>{t('recovery.dataDir', { dir: status.dataDir })}</p>
        {status.problem ? <pre>{status.problem.detail}</pre> : null}
      </details>
    </main>
  );
}
