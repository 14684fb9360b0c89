/**
 * The app shell: asks the Core how it is (app.status) before showing anything, so a damaged
 * database leads to the recovery screen and never to an empty start screen; then switches
 * between the start screen, a body’s page (roster and meetings) and an open meeting.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, Body, Meeting } from '../../src/api/contract';
import { BodyScreen } from '../bodies/BodyScreen';
import { MeetingScreen } from '../editor/MeetingScreen';
import { RecoveryScreen } from '../recovery/RecoveryScreen';
import { SearchBox } from '../register/SearchBox';
import { StartScreen } from '../start/StartScreen';
import { ConnectionBanner } from './ConnectionBanner';
import { useApi, useConnection } from './ConnectionContext';
import { ErrorMessage, type Bilingual } from './ErrorMessage';
import { formatDateTime } from './format';
import { LanguageSwitch } from './LanguageSwitch';

/** A meeting remembers the body page it was opened from, so "back" returns there. */
type Screen = { kind: 'start' } | { kind: 'body'; body: Body } | { kind: 'meeting'; meeting: Meeting; body: Body; fromBody: boolean };

export function App() {
  const { t } = useTranslation();
  const api = useApi();
  const connection = useConnection();
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'start' });
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  // While a meeting is open: whether it may be left now (what she typed has reached the Core).
  // Every way out of a meeting asks it, the search box's hits as well as "Tillbaka".
  const leaveGuard = useRef<(() => Promise<boolean>) | null>(null);

  const loadStatus = useCallback(async () => {
    const res = await api.invoke('app.status', {});
    if (res.ok) {
      setStatus(res.value);
      setError(null);
    } else {
      setError(res.error.message);
    }
  }, [api]);

  const haveStatus = useRef(false);
  useEffect(() => {
    haveStatus.current = status !== null;
  }, [status]);
  useEffect(() => {
    void loadStatus();
    // The Core may have restarted (and found its database damaged this time): ask again.
    const offReconnect = connection.onReconnect(() => void loadStatus());
    // If the very first attempts failed (the Core was still starting), the socket's first
    // open is not a "reconnect": ask then too, instead of waiting for a click on "Försök igen".
    const offState = connection.onStateChange((state) => {
      if (state === 'open' && !haveStatus.current) void loadStatus();
    });
    return () => {
      offReconnect();
      offState();
    };
  }, [connection, loadStatus]);

  // Move focus to the new screen's <main> so keyboard and screen-reader users start there.
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('main')?.focus();
  }, [screen, status?.state]);

  function onRestored(next: AppStatus) {
    const backup = next.backups.find((b) => b.id === next.restoredFrom);
    setRestoredAt(backup ? formatDateTime(backup.createdAt) : next.restoredFrom);
    setStatus(next);
    setScreen({ kind: 'start' });
  }

  let content;
  if (!status) {
    content = (
      <main id="main" tabIndex={-1} className="loading">
        <h1>{t('app.name')}</h1>
        {error ? (
          <>
            <p>{t('app.loadFailed')}</p>
            <ErrorMessage error={error} />
            <button type="button" onClick={() => void loadStatus()}>
              {t('app.retry')}
            </button>
          </>
        ) : (
          <p role="status">{t('app.connecting')}</p>
        )}
      </main>
    );
  } else if (status.state === 'needs-recovery') {
    content = <RecoveryScreen status={status} onRestored={onRestored} />;
  } else if (screen.kind === 'meeting') {
    const { body, fromBody } = screen;
    // Keyed by the meeting: a search hit opens another meeting as a new screen, with nothing
    // (status answered, the last PDF in the export dialog) carried over from this one.
    content = (
      <MeetingScreen
        key={screen.meeting.id}
        meeting={screen.meeting}
        body={body}
        leaveGuard={leaveGuard}
        onBack={() => setScreen(fromBody ? { kind: 'body', body } : { kind: 'start' })}
      />
    );
  } else if (screen.kind === 'body') {
    content = (
      <BodyScreen
        body={screen.body}
        onBack={() => setScreen({ kind: 'start' })}
        onOpenMeeting={(meeting) => setScreen({ kind: 'meeting', meeting, body: screen.body, fromBody: true })}
      />
    );
  } else {
    content = (
      <StartScreen
        onOpenMeeting={(meeting, body) => setScreen({ kind: 'meeting', meeting, body, fromBody: false })}
        onOpenBody={(body) => setScreen({ kind: 'body', body })}
      />
    );
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        {status?.state === 'ready' ? (
          <SearchBox
            onOpenMeeting={(meeting, body) =>
              void (async () => {
                if (leaveGuard.current && !(await leaveGuard.current())) return;
                setScreen({ kind: 'meeting', meeting, body, fromBody: false });
              })()
            }
          />
        ) : null}
        <LanguageSwitch />
      </header>
      <ConnectionBanner />
      {restoredAt && status?.state === 'ready' ? (
        <p className="banner banner-info" role="status" data-testid="restored-notice">
          {t('app.restoredFrom', { date: restoredAt })}
        </p>
      ) : null}
      <div ref={mainRef} className="content">
        {content}
      </div>
    </div>
  );
}
