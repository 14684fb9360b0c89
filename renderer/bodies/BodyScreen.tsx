/**
 * One body's page: its meetings (newest first, with the form for the next one), its roster
 * (the people who may appear in attendance lists): the table, adding or correcting a person by
 * hand, CSV in and out; and its settings (the profile). The roster lives in the body's Y.Doc, so a change made here, an import by the Core
 * or an edit on another device all reach the table the same way.
 */
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { presetLabels, type Person } from '../../src/bodies';
import type { Body, Meeting } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { useMeetingsReload } from '../app/useMeetingsReload';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { todayIso } from '../app/format';
import { localized } from '../i18n';
import { NewMeetingForm } from '../start/NewMeetingForm';
import { sortMeetings } from '../start/StartScreen';
import { PersonForm } from './PersonForm';
import { RosterCsv } from './RosterCsv';
import { RosterTable } from './RosterTable';
import { personBack, personLeft } from './rosterDoc';
import { useBodyDoc, type BodyDoc } from './useBodyDoc';
import { EarlierMeetingForm } from './EarlierMeetingForm';
import { ProfileSettings } from './ProfileSettings';
import { MeetingList } from '../start/MeetingList';
import { RegisterPanel } from '../register/RegisterPanel';
import './bodies.css';

export interface BodyScreenProps {
  body: Body;
  onBack(): void;
  onOpenMeeting(meeting: Meeting): void;
}

export function BodyScreen({ body, onBack, onOpenMeeting }: BodyScreenProps) {
  const { t, i18n } = useTranslation();
  const meetingsId = useId();
  const rosterId = useId();
  const settingsId = useId();
  // One replica of the body's document for the whole page: the roster edits it, and its
  // profile says whether § numbers run through the year (then earlier meetings matter).
  const bodyDoc = useBodyDoc(body.id);
  return (
    <main id="main" className="body-page" data-testid="body-screen" data-body-id={body.id} tabIndex={-1}>
      <div className="page-header">
        <button type="button" className="back" onClick={onBack} data-testid="back-to-start">
          <span aria-hidden="true">← </span>
          {t('bodyPage.back')}
        </button>
        <div>
          <h1 data-testid="body-name">{body.name}</h1>
          <p className="genre">{localized(presetLabels[body.preset], i18n.language)}</p>
        </div>
      </div>
      <section aria-labelledby={meetingsId} className="card">
        <h2 id={meetingsId}>{t('bodyPage.meetings')}</h2>
        <BodyMeetings body={body} yearly={bodyDoc.profile?.numbering.kind === 'yearly'} onOpenMeeting={onOpenMeeting} />
      </section>
      <section aria-label={t('register.heading')} className="card">
        <h2>{t('register.heading')}</h2>
        <RegisterPanel body={body} people={bodyDoc.people} onOpenMeeting={onOpenMeeting} />
      </section>
      <section aria-labelledby={rosterId} className="card" data-testid="roster">
        <h2 id={rosterId}>{t('roster.heading')}</h2>
        <Roster body={body} bodyDoc={bodyDoc} />
      </section>
      {bodyDoc.replica && bodyDoc.profile ? (
        <section aria-labelledby={settingsId} className="card">
          <h2 id={settingsId}>{t('settings.heading')}</h2>
          {/* Closed by default: settings change seldom, the page is for meetings. */}
          <details data-testid="settings">
            <summary>{t('settings.summary')}</summary>
            <ProfileSettings body={body} doc={bodyDoc.replica.doc} profile={bodyDoc.profile} />
          </details>
        </section>
      ) : null}
    </main>
  );
}

function BodyMeetings({ body, yearly, onOpenMeeting }: { body: Body; yearly: boolean; onOpenMeeting(m: Meeting): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [meetings, setMeetings] = useState<Meeting[] | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);

  const load = useCallback(async () => {
    const res = await api.invoke('meetings.list', { bodyId: body.id });
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setMeetings(sortMeetings(res.value));
  }, [api, body.id]);

  useMeetingsReload(load, body.id);

  return (
    <>
      <ErrorMessage error={error} />
      {meetings === null ? (
        <p role="status">{t('start.loading')}</p>
      ) : meetings.length === 0 ? (
        <p className="muted" data-testid="no-meetings">
          {t('start.noMeetings')}
        </p>
      ) : (
        <MeetingList meetings={meetings} bodyName={body.name} onOpenMeeting={onOpenMeeting} withTimes />
      )}
      <NewMeetingForm body={body} onCreated={onOpenMeeting} />
      {yearly ? <EarlierMeetingForm body={body} /> : null}
    </>
  );
}

function Roster({ body, bodyDoc }: { body: Body; bodyDoc: BodyDoc }) {
  const { t } = useTranslation();
  const { replica, error, people, profile, retry } = bodyDoc;
  const [notice, setNotice] = useState('');
  const [actionError, setActionError] = useState<Bilingual | null>(null);
  const [editing, setEditing] = useState<Person | null>(null);
  const captionId = useId();
  const tableRef = useRef<HTMLDivElement>(null);

  if (error) {
    return (
      <div>
        <ErrorMessage error={error} />
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (!replica) return <p role="status">{t('roster.loading')}</p>;

  const doc = replica.doc;
  function leave(p: Person) {
    const res = personLeft(doc, p.id, todayIso());
    if (res.ok) setNotice(t('roster.leftNotice', { name: p.name }));
    setActionError(res.ok ? null : res.message);
  }
  function back(p: Person) {
    const res = personBack(doc, p.id);
    if (res.ok) setNotice(t('roster.backNotice', { name: p.name }));
    setActionError(res.ok ? null : res.message);
  }
  // After a correction (or Avbryt) the keyboard is back on that person's Ändra button.
  function doneEditing(p: Person, changed: boolean) {
    setEditing(null);
    if (changed) setNotice(t('roster.changedNotice', { name: p.name }));
    tableRef.current?.querySelector<HTMLElement>(`[data-person-id="${CSS.escape(p.id)}"] [data-testid="edit-person"]`)?.focus();
  }

  return (
    <>
      <p id={captionId} className="hint">
        {t('roster.intro')}
      </p>
      <div ref={tableRef}>
        <RosterTable people={people} captionId={captionId} onLeave={leave} onBack={back} onEdit={setEditing} />
      </div>
      {editing ? (
        <PersonForm
          key={editing.id}
          doc={doc}
          withParty={profile?.kommunallagen === true}
          person={editing}
          onDone={(p) => doneEditing(p, true)}
          onCancel={() => doneEditing(editing, false)}
        />
      ) : null}
      <p role="status" className="visually-hidden" data-testid="roster-notice">
        {notice}
      </p>
      <ErrorMessage error={actionError} />
      <PersonForm doc={doc} withParty={profile?.kommunallagen === true} onDone={(p) => setNotice(t('roster.addedNotice', { name: p.name }))} />
      <RosterCsv bodyId={body.id} bodyName={body.name} people={people} />
      {profile ? null : <p className="muted">{t('roster.noProfile')}</p>}
    </>
  );
}
