/**
 * Where the secretary (or IT, on her laptop) turns on syncing with the organisation's server:
 * its address and the token its administrator gave her. Off, Paragraf is a complete app on
 * this computer. The Core checks the address and the token (sync.configure) and keeps them in
 * the local database; the state shown here comes from sync.status and follows sync.changed.
 * With a server set, presence (who else is in a protocol, where their cursor is) can be turned
 * on here, off by default, with the name others see; and it says honestly whether the token is
 * stored encrypted by the operating system or, in the browser harness and the CLI, not.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../src/api/contract';
import { useSyncStatus } from '../editor/SyncStatus';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';

export function SyncSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [status, setStatus] = useSyncStatus();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);

  async function configure(server: { url: string; token: string } | null) {
    setBusy(true);
    const res = await api.invoke('sync.configure', { server });
    setBusy(false);
    if (!res.ok) {
      // The Core says which of the two is wrong and how to fix it; what was typed stays.
      setError(res.error.message);
      return;
    }
    setError(null);
    setToken('');
    setStatus(res.value);
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void configure({ url: url.trim(), token: token.trim() });
  };

  const state = !status?.configured ? t('syncSettings.off') : t(`syncSettings.${status.connection}`, { url: status.url ?? '' });

  return (
    <details className="card sync-settings" data-testid="sync-settings">
      <summary>
        {t('syncSettings.heading')} <span className="muted" data-testid="sync-settings-state">({state})</span>
      </summary>
      <p className="hint">{t('syncSettings.intro')}</p>
      {status?.error ? <ErrorMessage error={status.error} /> : null}
      <form onSubmit={submit} className="form form-inline">
        <div className="field field-grow">
          <label htmlFor={`${id}-url`}>{t('syncSettings.url')}</label>
          <input
            id={`${id}-url`}
            name="url"
            required
            autoComplete="off"
            placeholder="wss://paragraf.example.se"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </div>
        <div className="field field-grow">
          <label htmlFor={`${id}-token`}>{t('syncSettings.token')}</label>
          <input
            id={`${id}-token`}
            name="token"
            type="password"
            required
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy} data-testid="sync-save">
          {t('syncSettings.save')}
        </button>
        {status?.configured ? (
          <button type="button" className="secondary" disabled={busy} data-testid="sync-off" onClick={() => void configure(null)}>
            {t('syncSettings.turnOff')}
          </button>
        ) : null}
        <ErrorMessage error={error} testId="sync-settings-error" />
      </form>
      {status ? (
        <p className="hint" data-testid="sync-token-storage">
          {status.tokenStorage === 'encrypted' ? t('syncSettings.tokenEncrypted') : t('syncSettings.tokenPlain')}
        </p>
      ) : null}
      {status?.configured ? <PresenceSettings status={status} onSaved={setStatus} /> : null}
    </details>
  );
}

function PresenceSettings({ status, onSaved }: { status: SyncStatus; onSaved(s: SyncStatus): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [name, setName] = useState(status.presence.name ?? '');
  // The box follows the click at once and goes back if the Core refuses.
  const [enabled, setEnabled] = useState(status.presence.enabled);
  useEffect(() => setEnabled(status.presence.enabled), [status.presence.enabled]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);

  async function save(next: boolean) {
    setEnabled(next);
    setBusy(true);
    const res = await api.invoke('sync.setPresence', { enabled: next, name: name.trim() || null });
    setBusy(false);
    if (!res.ok) {
      setEnabled(status.presence.enabled);
      setError(res.error.message);
      return;
    }
    setError(null);
    onSaved(res.value);
  }

  return (
    <form
      className="form form-inline"
      onSubmit={(e) => {
        e.preventDefault();
        void save(enabled);
      }}
    >
      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={enabled}
            disabled={busy}
            data-testid="presence-toggle"
            aria-describedby={`${id}-hint`}
            onChange={(e) => void save(e.target.checked)}
          />{' '}
          {t('syncSettings.presence')}
        </label>
        <p id={`${id}-hint`} className="hint">
          {t('syncSettings.presenceHint')}
        </p>
      </div>
      <div className="field field-grow">
        <label htmlFor={`${id}-name`}>{t('syncSettings.presenceName')}</label>
        <input
          id={`${id}-name`}
          name="presence-name"
          autoComplete="name"
          maxLength={100}
          placeholder={t('syncSettings.presenceNamePlaceholder')}
          value={name}
          data-testid="presence-name"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="secondary" disabled={busy} data-testid="presence-save">
        {t('syncSettings.presenceSave')}
      </button>
      <ErrorMessage error={error} testId="presence-error" />
    </form>
  );
}
