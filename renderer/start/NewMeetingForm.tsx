import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body, Meeting } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { todayIso } from '../app/format';

export function NewMeetingForm({ body, onCreated }: { body: Body; onCreated(m: Meeting): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [date, setDate] = useState(todayIso);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const trimmed = title.trim();
    const res = await api.invoke('meetings.create', { bodyId: body.id, date, ...(trimmed ? { title: trimmed } : {}) });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setTitle('');
    onCreated(res.value);
  }

  return (
    <form onSubmit={submit} className="form form-inline" data-testid="new-meeting-form" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="form-title">
        {t('start.newMeeting')}
        <span className="visually-hidden"> – {body.name}</span>
      </h4>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('start.meetingDate')}</label>
        <input id={`${id}-date`} name="date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field field-grow">
        <label htmlFor={`${id}-title`}>{t('start.meetingTitle')}</label>
        <input
          id={`${id}-title`}
          name="title"
          maxLength={300}
          autoComplete="off"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('start.meetingTitleHint')}
        />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t('start.creating') : t('start.createMeeting')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
