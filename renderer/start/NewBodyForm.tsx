import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { genre as genreSchema } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';

type Genre = (typeof genreSchema.options)[number];

export function NewBodyForm({ onCreated }: { onCreated(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState('');
  const [genre, setGenre] = useState<Genre>('sammantradesprotokoll');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await api.invoke('bodies.create', { name, genre });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setName('');
    onCreated();
  }

  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('start.newBody')}</h2>
      <form onSubmit={submit} data-testid="new-body-form" className="form">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('start.bodyName')}</label>
          <input
            id={`${id}-name`}
            name="name"
            required
            maxLength={200}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="hint">
            {t('start.bodyNameHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-genre`}>{t('start.bodyGenre')}</label>
          <select id={`${id}-genre`} name="genre" value={genre} onChange={(e) => setGenre(e.target.value as Genre)}>
            {genreSchema.options.map((g) => (
              <option key={g} value={g}>
                {t(`genre.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('start.creating') : t('start.createBody')}
        </button>
      </form>
    </section>
  );
}
