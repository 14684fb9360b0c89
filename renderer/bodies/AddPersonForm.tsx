/**
 * Adding one person to the roster by hand, keyboard first: type, Tab, type, Enter; after a
 * successful add the fields clear and the cursor is back in "Namn" for the next person. The
 * roster rules decide (src/bodies: empty name, bad e-mail, same name and organisation or same
 * e-mail as someone already there); when they refuse, the message says why, nothing is
 * written, and what was typed stays.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person, type PersonRole, personRoleLabels, personRoles } from '../../src/bodies';
import type * as Y from 'yjs';
import type { Bilingual } from '../app/ErrorMessage';
import { localized } from '../i18n';
import { newId, personFromForm, savePerson, type PersonForm } from './rosterDoc';

const EMPTY: PersonForm = { name: '', title: '', organisation: '', role: 'ledamot', email: '', party: '' };

export function AddPersonForm({ doc, withParty, onAdded }: { doc: Y.Doc; withParty: boolean; onAdded(p: Person): void }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<PersonForm>(EMPTY);
  const [error, setError] = useState<Bilingual | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();

  function submit(e: FormEvent) {
    e.preventDefault();
    const res = savePerson(doc, personFromForm(form, newId()));
    if (!res.ok) {
      setError(res.message);
      return;
    }
    setError(null);
    // Keep the role and organisation: people are usually entered in runs from one organisation.
    setForm((f) => ({ ...EMPTY, role: f.role, organisation: f.organisation }));
    onAdded(res.person);
    nameRef.current?.focus();
  }

  const set = (key: keyof PersonForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const errId = `${id}-err`;
  return (
    <form onSubmit={submit} noValidate className="form form-inline add-person" data-testid="add-person-form" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="form-title">
        {t('roster.addPerson')}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('roster.name')}</label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          name="name"
          required
          aria-required="true"
          maxLength={200}
          autoComplete="off"
          value={form.name}
          onChange={set('name')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('roster.title')}</label>
        <input id={`${id}-title`} name="title" maxLength={300} autoComplete="off" value={form.title} onChange={set('title')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('roster.organisation')}</label>
        <input id={`${id}-org`} name="organisation" maxLength={300} autoComplete="off" value={form.organisation} onChange={set('organisation')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('roster.role')}</label>
        <select id={`${id}-role`} name="role" value={form.role} onChange={(e) => setForm((f) => ({ ...f, role: e.target.value as PersonRole }))}>
          {personRoles.map((r) => (
            <option key={r} value={r}>
              {localized(personRoleLabels[r], i18n.language)}
            </option>
          ))}
        </select>
      </div>
      {withParty ? (
        <div className="field">
          <label htmlFor={`${id}-party`}>{t('roster.party')}</label>
          <input id={`${id}-party`} name="party" maxLength={100} autoComplete="off" value={form.party} onChange={set('party')} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('roster.emailOptional')}</label>
        <input id={`${id}-email`} name="email" type="email" maxLength={254} autoComplete="off" value={form.email} onChange={set('email')} />
      </div>
      <button type="submit">{t('roster.add')}</button>
      <div role="alert" id={errId} className="error" data-testid="add-person-error" hidden={!error}>
        {error ? `${localized(error, i18n.language)} ${t('roster.notAdded')}` : null}
      </div>
    </form>
  );
}
