/**
 * The start screen: every body with its meetings (newest first), and the forms to add a body
 * or a meeting. Creating a meeting opens it, since the next thing a secretary does is type.
 * Each body also opens its own page (renderer/bodies/BodyScreen.tsx): roster and all meetings.
 */
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { presetLabels } from '../../src/bodies';
import type { Body, Meeting } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { useMeetingsReload } from '../app/useMeetingsReload';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { localized } from '../i18n';
import { NewBodyForm } from './NewBodyForm';
import { SyncSettings } from './SyncSettings';
import { MeetingList } from './MeetingList';
import { NewMeetingForm } from './NewMeetingForm';
import '../bodies/bodies.css';

export interface StartScreenProps {
  onOpenMeeting(meeting: Meeting, body: Body): void;
  onOpenBody(body: Body): void;
}

type Data = { bodies: Body[]; meetings: Meeting[] };

/** Newest first; on the same date, the one created last first (as the Core sorts). */
export function sortMeetings(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

export function StartScreen({ onOpenMeeting, onOpenBody }: StartScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);

  const load = useCallback(async () => {
    const [bodies, meetings] = await Promise.all([api.invoke('bodies.list', {}), api.invoke('meetings.list', {})]);
    if (!bodies.ok) return setError(bodies.error.message);
    if (!meetings.ok) return setError(meetings.error.message);
    setError(null);
    setData({ bodies: bodies.value, meetings: sortMeetings(meetings.value) });
  }, [api]);

  useMeetingsReload(load);

  const headingId = useId();

  return (
    <main id="main" className="start" data-testid="start-screen" tabIndex={-1}>
      <h1>{t('start.title')}</h1>
      <p className="intro">{t('start.intro')}</p>
      <ErrorMessage error={error} />

      <section aria-labelledby={headingId} className="bodies">
        <h2 id={headingId}>{t('start.bodies')}</h2>
        {data === null ? (
          <p role="status">{t('start.loading')}</p>
        ) : data.bodies.length === 0 ? (
          <p data-testid="no-bodies">{t('start.noBodies')}</p>
        ) : (
          <ul className="body-list" data-testid="body-list">
            {data.bodies.map((body) => (
              <BodyCard
                key={body.id}
                body={body}
                meetings={data.meetings.filter((m) => m.bodyId === body.id)}
                onOpenMeeting={(m) => onOpenMeeting(m, body)}
                onOpenBody={() => onOpenBody(body)}
                onCreated={(m) => {
                  void load();
                  onOpenMeeting(m, body);
                }}
              />
            ))}
          </ul>
        )}
      </section>

      <NewBodyForm onCreated={() => void load()} />
      <SyncSettings />
    </main>
  );
}

function BodyCard({
  body,
  meetings,
  onOpenMeeting,
  onOpenBody,
  onCreated,
}: {
  body: Body;
  meetings: Meeting[];
  onOpenMeeting(m: Meeting): void;
  onOpenBody(): void;
  onCreated(m: Meeting): void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  return (
    <li className="body-card" data-testid="body" data-body-id={body.id}>
      <div className="body-card-head">
        <div>
          <h3 id={headingId}>{body.name}</h3>
          <p className="genre">{localized(presetLabels[body.preset], i18n.language)}</p>
        </div>
        <button type="button" className="secondary" data-testid="open-body" onClick={onOpenBody}>
          {t('start.openBody')}
          <span className="visually-hidden"> – {body.name}</span>
        </button>
      </div>
      {meetings.length === 0 ? (
        <p className="muted">{t('start.noMeetings')}</p>
      ) : (
        <MeetingList meetings={meetings} bodyName={body.name} onOpenMeeting={onOpenMeeting} />
      )}
      <NewMeetingForm body={body} onCreated={onCreated} />
    </li>
  );
}
