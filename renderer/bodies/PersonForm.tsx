/**
 * One person's details, keyboard first: type, Tab, type, Enter. The same form adds a person
 * to the roster and corrects someone already there (`person` given): a misspelt name, a new
 * title or e-mail. The roster rules decide (src/bodies: empty name, bad e-mail, same name and
 * organisation or same e-mail as someone else); when they refuse, the message says why,
 * nothing is written, and what was typed stays.
 *
 * Adding: after a successful add the fields clear and the cursor is back in "Namn" for the
 * next person. Correcting: the form takes the focus when it opens; saving or Avbryt hand it
 * back (onDone, onCancel).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Person, type PersonRole, personRoleLabels, personRoles } from '../../src/bodies';
import type * as Y from 'yjs';
import type { Bilingual } from '../app/ErrorMessage';
import { localized } from '../i18n';
import { editPerson, newId, personFromForm, savePerson, type PersonForm as Fields } from './rosterDoc';

const EMPTY: Fields = { name: '', title: '', organisation: '', role: 'ledamot', email: '', party: '' };

const fieldsOf = (p: Person): Fields => ({ name: p.name, title: p.title, organisation: p.organisation, role: p.role, email: p.email ?? '', party: p.party ?? '' });

export interface PersonFormProps {
  doc: Y.Doc;
  withParty: boolean;
  /** The person to correct; absent: a new person. */
  person?: Person;
  onDone(p: Person): void;
  onCancel?(): void;
}

export function PersonForm({ doc, withParty, person, onDone, onCancel }: PersonFormProps) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<Fields>(() => (person ? fieldsOf(person) : EMPTY));
  const [error, setError] = useState<Bilingual | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const editing = person !== undefined;
  const kind = editing ? 'edit-person' : 'add-person';

  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const res = person ? editPerson(doc, personFromForm(form, person.id)) : savePerson(doc, personFromForm(form, newId()));
    if (!res.ok) {
      setError(res.message);
      return;
    }
    setError(null);
    if (!editing) {
      // Keep the role and organisation: people are usually entered in runs from one organisation.
      setForm((f) => ({ ...EMPTY, role: f.role, organisation: f.organisation }));
      nameRef.current?.focus();
    }
    onDone(res.person);
  }

  const set = (key: keyof Fields) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const errId = `${id}-err`;
  return (
    <form
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.preventDefault();
          onCancel();
        }
      }}
      noValidate
      className="form form-inline add-person"
      data-testid={`${kind}-form`}
      aria-labelledby={`${id}-h`}
    >
      <h3 id={`${id}-h`} className="form-title">
        {person ? t('roster.editPerson', { name: person.name }) : t('roster.addPerson')}
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
      {withParty || form.party !== '' ? (
        <div className="field">
          <label htmlFor={`${id}-party`}>{t('roster.party')}</label>
          <input id={`${id}-party`} name="party" maxLength={100} autoComplete="off" value={form.party} onChange={set('party')} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('roster.emailOptional')}</label>
        <input id={`${id}-email`} name="email" type="email" maxLength={254} autoComplete="off" value={form.email} onChange={set('email')} />
      </div>
      <button type="submit">{editing ? t('roster.saveChanges') : t('roster.add')}</button>
      {onCancel ? (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('roster.cancel')}
        </button>
      ) : null}
      <div role="alert" id={errId} className="error" data-testid={`${kind}-error`} hidden={!error}>
        {error ? `${localized(error, i18n.language)} ${editing ? t('roster.notChanged') : t('roster.notAdded')}` : null}
      </div>
    </form>
  );
}
