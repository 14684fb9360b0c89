/**
 * For a body that comes to Paragraf in the middle of a year: its earlier meetings were minuted
 * in Word, and this year's § numbers must continue after them ("förra mötet slutade på § 100").
 * Recording the last one (date and § span) is enough; the Core keeps it as a meeting with
 * recorded numbers, and the numbering engine reports, never fills, any gap before it.
 * Shown only for bodies whose numbers run through the year.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Body } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { localized } from '../i18n';
import { formErrors } from '../start/fieldErrors';

const FIELDS = ['date', 'firstNumber', 'lastNumber'] as const;
type Field = (typeof FIELDS)[number];

export function EarlierMeetingForm({ body }: { body: Body }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({ date: '', firstNumber: '', lastNumber: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, Bilingual>>>({});
  const [notice, setNotice] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const first = values.firstNumber.trim();
    const res = await api.invoke('meetings.recordEarlier', {
      bodyId: body.id,
      date: values.date,
      lastNumber: Number(values.lastNumber),
      ...(first ? { firstNumber: Number(first) } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      const errs = formErrors(res.error, FIELDS);
      setFieldErrors(errs.fields);
      setError(errs.general);
      setNotice('');
      return;
    }
    setError(null);
    setFieldErrors({});
    setValues({ date: '', firstNumber: '', lastNumber: '' });
    setNotice(t('earlier.saved', { date: res.value.date, last: res.value.recorded?.last ?? '' }));
  }

  const set = (key: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const field = (key: Field, label: string, input: { type: string; required?: boolean; min?: number }) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        name={key}
        {...input}
        value={values[key]}
        onChange={set(key)}
        data-testid={`earlier-${key}`}
        aria-invalid={fieldErrors[key] ? true : undefined}
        aria-describedby={fieldErrors[key] ? `${id}-${key}-err` : undefined}
      />
      {fieldErrors[key] ? (
        <p id={`${id}-${key}-err`} className="error field-error">
          {localized(fieldErrors[key], i18n.language)}
        </p>
      ) : null}
    </div>
  );

  return (
    <details className="earlier-meeting" data-testid="earlier-meeting">
      <summary>{t('earlier.summary')}</summary>
      <form onSubmit={submit} className="form form-inline" aria-describedby={`${id}-hint`}>
        <p id={`${id}-hint`} className="hint">
          {t('earlier.hint')}
        </p>
        {field('date', t('earlier.date'), { type: 'date', required: true })}
        {field('firstNumber', t('earlier.first'), { type: 'number', min: 1 })}
        {field('lastNumber', t('earlier.last'), { type: 'number', required: true, min: 1 })}
        <button type="submit" disabled={busy} data-testid="earlier-submit">
          {t('earlier.submit')}
        </button>
        <p role="status" className="muted" data-testid="earlier-notice">
          {notice}
        </p>
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}
