/**
 * A new meeting of a body: date, start and end time (minutes write "kl. 12.30 – 15.30"),
 * place (most meetings are on Teams, so that is the default), diarienummer and an optional
 * title. The contract checks the times (end after start); its message is shown beside the end
 * time and everything typed stays, so the secretary corrects one field and submits again.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body, Meeting } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { todayIso } from '../app/format';
import { localized } from '../i18n';
import { formErrors } from './fieldErrors';

const FIELDS = ['date', 'startTime', 'endTime', 'place', 'dnr', 'title'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

export const DEFAULT_PLACE = 'Digitalt via Teams';

/** The params for meetings.create: empty optional fields are left out, not sent as "". */
export function meetingParams(bodyId: string, v: Values) {
  const opt = (key: Exclude<Field, 'date'>) => (v[key].trim() ? { [key]: v[key].trim() } : {});
  return { bodyId, date: v.date, ...opt('startTime'), ...opt('endTime'), ...opt('place'), ...opt('dnr'), ...opt('title') };
}

export function NewMeetingForm({ body, onCreated }: { body: Body; onCreated(m: Meeting): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [values, setValues] = useState<Values>(() => ({ date: todayIso(), startTime: '', endTime: '', place: DEFAULT_PLACE, dnr: '', title: '' }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, Bilingual>>>({});
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await api.invoke('meetings.create', meetingParams(body.id, values));
    setBusy(false);
    if (!res.ok) {
      const errs = formErrors(res.error, FIELDS);
      setFieldErrors(errs.fields);
      setError(errs.general);
      return;
    }
    setError(null);
    setFieldErrors({});
    setValues((v) => ({ ...v, title: '', dnr: '' }));
    onCreated(res.value);
  }

  const set = (key: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const described = (key: Field, hint?: boolean) =>
    [hint ? `${id}-${key}-hint` : '', fieldErrors[key] ? `${id}-${key}-err` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (key: Field): ReactNode =>
    fieldErrors[key] ? (
      <p id={`${id}-${key}-err`} className="error field-error" data-testid={`meeting-${key}-error`}>
        {localized(fieldErrors[key], i18n.language)}
      </p>
    ) : null;
  const anyFieldError = Object.keys(fieldErrors).length > 0;

  return (
    <form onSubmit={submit} className="form form-inline" data-testid="new-meeting-form" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`} className="form-title">
        {t('start.newMeeting')}
        <span className="visually-hidden"> – {body.name}</span>
      </h4>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('start.meetingDate')}</label>
        <input id={`${id}-date`} name="date" type="date" required value={values.date} onChange={set('date')} aria-invalid={fieldErrors.date ? true : undefined} aria-describedby={described('date')} />
        {fieldError('date')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-start`}>{t('start.meetingStart')}</label>
        <input id={`${id}-start`} name="startTime" type="time" value={values.startTime} onChange={set('startTime')} aria-invalid={fieldErrors.startTime ? true : undefined} aria-describedby={described('startTime')} />
        {fieldError('startTime')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-end`}>{t('start.meetingEnd')}</label>
        <input id={`${id}-end`} name="endTime" type="time" value={values.endTime} onChange={set('endTime')} aria-invalid={fieldErrors.endTime ? true : undefined} aria-describedby={described('endTime')} />
        {fieldError('endTime')}
      </div>
      <div className="field field-grow">
        <label htmlFor={`${id}-place`}>{t('start.meetingPlace')}</label>
        <input id={`${id}-place`} name="place" maxLength={300} autoComplete="off" value={values.place} onChange={set('place')} aria-invalid={fieldErrors.place ? true : undefined} aria-describedby={described('place')} />
        {fieldError('place')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-dnr`}>{t('start.meetingDnr')}</label>
        <input id={`${id}-dnr`} name="dnr" maxLength={100} autoComplete="off" value={values.dnr} onChange={set('dnr')} placeholder={t('start.meetingDnrHint')} aria-invalid={fieldErrors.dnr ? true : undefined} aria-describedby={described('dnr')} />
        {fieldError('dnr')}
      </div>
      <div className="field field-grow">
        <label htmlFor={`${id}-title`}>{t('start.meetingTitle')}</label>
        <input
          id={`${id}-title`}
          name="title"
          maxLength={300}
          autoComplete="off"
          value={values.title}
          onChange={set('title')}
          placeholder={t('start.meetingTitleHint')}
          aria-invalid={fieldErrors.title ? true : undefined}
          aria-describedby={described('title')}
        />
        {fieldError('title')}
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t('start.creating') : t('start.createMeeting')}
      </button>
      {/* One announcement for the field errors (they sit beside their fields, not in a live region each). */}
      <p role="alert" className="visually-hidden">
        {anyFieldError ? t('start.meetingFixFields', { errors: Object.values(fieldErrors).map((m) => localized(m, i18n.language)).join(' ') }) : ''}
      </p>
      <ErrorMessage error={error} />
    </form>
  );
}
