/**
 * Correcting what detection read, for one decision: its kind, its owners (roster people) and
 * its due date. Each changed field is one `register.correct` call; the Core stores it in the
 * meeting document, where it wins over detection from then on, also when the att-sats is
 * edited (the register then says the text changed under the correction).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../src/bodies';
import type { ParamsIn } from '../../src/api/contract';
import type { RegisterDecisionRow } from '../../src/api/registerContract';
import { decisionKinds, type DecisionKind, type Owner } from '../../src/followup';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';

export function CorrectionForm({ row, people, onDone }: { row: RegisterDecisionRow; people: readonly Person[]; onDone(changed: boolean): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [kind, setKind] = useState<DecisionKind>(row.kind);
  const [due, setDue] = useState(row.due?.kind === 'date' ? row.due.date : (row.dueDay ?? ''));
  const [owners, setOwners] = useState<Set<string>>(new Set(row.owners.flatMap((o) => (o.personId ? [o.personId] : []))));
  const [error, setError] = useState<Bilingual | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const calls: Array<ParamsIn<'register.correct'>> = [];
    const ref = { meetingId: row.meetingId, decisionId: row.id };
    if (kind !== row.kind) calls.push({ ...ref, change: { field: 'kind', value: kind } });
    if (due !== (row.due?.kind === 'date' ? row.due.date : (row.dueDay ?? ''))) {
      calls.push({ ...ref, change: { field: 'due', value: due === '' ? null : { kind: 'date', date: due, text: due } } });
    }
    const before = new Set(row.owners.flatMap((o) => (o.personId ? [o.personId] : [])));
    if (before.size !== owners.size || [...owners].some((p) => !before.has(p))) {
      // Groups and people not in the roster that detection found are kept; roster people follow the boxes.
      const kept = row.owners.filter((o) => o.personId === undefined);
      const chosen: Owner[] = people.filter((p) => owners.has(p.id)).map((p) => ({ personId: p.id, name: p.name, how: 'reference', kind: 'person', rule: 'reference' }));
      calls.push({ ...ref, change: { field: 'owners', value: [...chosen, ...kept] } });
    }
    for (const c of calls) {
      const res = await api.invoke('register.correct', c);
      if (!res.ok) {
        setBusy(false);
        return setError(res.error.message);
      }
    }
    setBusy(false);
    onDone(calls.length > 0);
  }

  return (
    <form className="correction" onSubmit={(e) => void save(e)} data-testid="correction-form" aria-label={t('register.correctHeading', { label: row.label ?? '' })}>
      <label htmlFor={`${id}-kind`}>{t('register.kind')}</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as DecisionKind)} data-testid="correction-kind">
        {decisionKinds.map((k) => (
          <option key={k} value={k}>
            {t(`register.kinds.${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-due`}>{t('register.dueDate')}</label>
      <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} data-testid="correction-due" />
      <fieldset>
        <legend>{t('register.owners')}</legend>
        {people
          .filter((p) => p.active || owners.has(p.id))
          .map((p) => (
            <label key={p.id} className="correction-owner">
              <input
                type="checkbox"
                checked={owners.has(p.id)}
                onChange={(e) =>
                  setOwners((s) => {
                    const next = new Set(s);
                    if (e.target.checked) next.add(p.id);
                    else next.delete(p.id);
                    return next;
                  })
                }
              />{' '}
              {p.name}
            </label>
          ))}
      </fieldset>
      <ErrorMessage error={error} />
      <div className="correction-actions">
        <button type="submit" disabled={busy} data-testid="correction-save">
          {t('register.saveCorrection')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(false)}>
          {t('register.cancel')}
        </button>
      </div>
    </form>
  );
}
