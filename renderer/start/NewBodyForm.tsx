/**
 * A new body: its name, the preset its profile starts from (the four kinds of series seen in
 * practice), and for formal presets the group that decides ("LSVO:s ledningsgrupp beslutar").
 * The decision phrase is previewed live with the same function the Core uses to build the
 * profile, so what the secretary sees is what the protocol will say.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { presetIds, presetLabels, profileFromPreset, type PresetId } from '../../src/bodies';
import type { Body } from '../../src/api/contract';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { localized } from '../i18n';
import { formErrors } from './fieldErrors';

/** The decision lead a body with these settings gets, or null while there is no name yet. */
export function decisionPreview(preset: PresetId, name: string, group: string): { lead: string; usesGroup: boolean } | null {
  if (name.trim() === '') return null;
  const profile = profileFromPreset(preset, name, group.trim() === '' ? {} : { group });
  return { lead: profile.decision.lead, usesGroup: profile.decision.style === 'att-satser' };
}

export function NewBodyForm({ onCreated }: { onCreated(body: Body): void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [name, setName] = useState('');
  const [preset, setPreset] = useState<PresetId>('sammantradesprotokoll');
  const [group, setGroup] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Bilingual | null>(null);
  const [fieldError, setFieldError] = useState<Record<string, Bilingual>>({});
  const id = useId();

  const preview = useMemo(() => decisionPreview(preset, name, group), [preset, name, group]);
  // "Beslut:" genres have no body name in the phrase: the group field would do nothing there.
  const groupApplies = profileFromPreset(preset, 'x').decision.style === 'att-satser';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const trimmedGroup = group.trim();
    const res = await api.invoke('bodies.create', { name, preset, ...(groupApplies && trimmedGroup ? { group: trimmedGroup } : {}) });
    setBusy(false);
    if (!res.ok) {
      const errs = formErrors(res.error, ['name', 'preset', 'group']);
      setFieldError(errs.fields);
      setError(errs.general);
      return;
    }
    setError(null);
    setFieldError({});
    setName('');
    setGroup('');
    onCreated(res.value);
  }

  const nameError = fieldError.name;
  const groupError = fieldError.group;
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
            aria-invalid={nameError ? true : undefined}
            aria-describedby={`${id}-hint${nameError ? ` ${id}-name-err` : ''}`}
          />
          <p id={`${id}-hint`} className="hint">
            {t('start.bodyNameHint')}
          </p>
          {nameError ? (
            <p id={`${id}-name-err`} className="error field-error" role="alert" data-testid="body-name-error">
              {localized(nameError, i18n.language)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-preset`}>{t('start.bodyGenre')}</label>
          <select id={`${id}-preset`} name="preset" value={preset} onChange={(e) => setPreset(e.target.value as PresetId)} aria-describedby={`${id}-preset-hint`}>
            {presetIds.map((p) => (
              <option key={p} value={p}>
                {localized(presetLabels[p], i18n.language)}
              </option>
            ))}
          </select>
          <p id={`${id}-preset-hint`} className="hint">
            {t('start.presetHint')}
          </p>
        </div>
        {groupApplies ? (
          <div className="field">
            <label htmlFor={`${id}-group`}>{t('start.bodyGroup')}</label>
            <input
              id={`${id}-group`}
              name="group"
              maxLength={100}
              autoComplete="off"
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              aria-invalid={groupError ? true : undefined}
              aria-describedby={`${id}-group-hint${groupError ? ` ${id}-group-err` : ''}`}
            />
            <p id={`${id}-group-hint`} className="hint">
              {t('start.bodyGroupHint')}
            </p>
            {groupError ? (
              <p id={`${id}-group-err`} className="error field-error" role="alert">
                {localized(groupError, i18n.language)}
              </p>
            ) : null}
          </div>
        ) : null}
        <p className="decision-preview" data-testid="decision-preview">
          <span className="preview-label">{t('start.decisionPreview')}</span>{' '}
          {preview ? <q data-testid="decision-lead">{preview.lead}</q> : <span className="muted">{t('start.decisionPreviewEmpty')}</span>}
        </p>
        <ErrorMessage error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('start.creating') : t('start.createBody')}
        </button>
      </form>
    </section>
  );
}
