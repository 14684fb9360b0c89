/**
 * The roster as a table: namn, titel, organisation, roll, e-post, and whether the person is
 * still in the body. Someone who left is greyed but kept (old protocols and follow-ups name
 * them), with a button to bring them back, and one to correct the details. Rows keep their
 * place when the status changes, so the button the keyboard is on stays where it was.
 */
import { useTranslation } from 'react-i18next';
import { type Person, personRoleLabels } from '../../src/bodies';
import { localized } from '../i18n';

export interface RosterTableProps {
  people: Person[];
  captionId: string;
  onLeave(p: Person): void;
  onBack(p: Person): void;
  onEdit(p: Person): void;
}

export function RosterTable({ people, captionId, onLeave, onBack, onEdit }: RosterTableProps) {
  const { t, i18n } = useTranslation();
  if (people.length === 0) {
    return (
      <p className="muted" data-testid="roster-empty">
        {t('roster.empty')}
      </p>
    );
  }
  const active = people.filter((p) => p.active).length;
  return (
    <div className="table-scroll">
      <table className="roster-table" data-testid="roster-table" aria-describedby={captionId}>
        <caption>{t('roster.caption', { count: people.length, active })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.name')}</th>
            <th scope="col">{t('roster.title')}</th>
            <th scope="col">{t('roster.organisation')}</th>
            <th scope="col">{t('roster.role')}</th>
            <th scope="col">{t('roster.email')}</th>
            <th scope="col">{t('roster.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('roster.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className={p.active ? undefined : 'left'} data-testid="roster-row" data-person-id={p.id} data-active={p.active}>
              <th scope="row">{p.name}</th>
              <td>{p.title}</td>
              <td>{p.organisation}</td>
              <td>
                {localized(personRoleLabels[p.role], i18n.language)}
                {p.party ? ` (${p.party})` : ''}
              </td>
              <td>{p.email ?? ''}</td>
              <td data-testid="roster-status">{p.active ? t('roster.active') : t('roster.leftOn', { date: p.leftOn })}</td>
              <td className="roster-actions">
                <button type="button" className="secondary small" data-testid="edit-person" onClick={() => onEdit(p)}>
                  {t('roster.edit')}
                  <span className="visually-hidden"> – {p.name}</span>
                </button>
                <button type="button" className="secondary small" data-testid={p.active ? 'mark-left' : 'reactivate'} onClick={() => (p.active ? onLeave(p) : onBack(p))}>
                  {p.active ? t('roster.markLeft') : t('roster.reactivate')}
                  <span className="visually-hidden"> – {p.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
