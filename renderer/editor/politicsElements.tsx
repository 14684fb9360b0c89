/**
 * How the political lines render (src/protocol/politicsSchema.ts). As for § labels, the words
 * the layout adds ("Yrkande 2:", "Reservation:") come through data attributes and CSS, never
 * typed or stored; each line is a labelled group so a screen reader says what it is. The
 * omröstning shows its roll call as a table with the computed sums and the result line, outside
 * the editable text (contentEditable=false); the votes are entered in the roll call dialog.
 *
 * The item computes its political facts once per change (ItemPoliticsContext), so a yrkande's
 * number follows when an earlier one is removed even though the yrkande itself did not change.
 */
import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderElementProps } from 'slate-react';
import type { Person } from '../../src/bodies';
import type { AttendanceEntry } from '../../src/protocol/attendance';
import { itemPolitics, summarizeOmrostning, yrkandeLabel, type ItemPolitics, type OmrostningSummary } from '../../src/protocol/politics';
import { isVote, politicalPrefix, SKRIFTLIG_RESERVATION, voteLabels, type PoliticalElement } from '../../src/protocol/politicsSchema';
import type { ItemElement } from './schema';
import { localized } from '../i18n';

export interface PoliticsEnv {
  attendance: ReadonlyArray<readonly [string, AttendanceEntry]>;
  people: readonly Person[];
  /** Who decides in the result line: the body's name. */
  body: string;
  /** Opens the roll call (omröstning) or the reservation dialog for a line. */
  open(kind: 'omrostning' | 'reservation', id: string): void;
}
export const PoliticsContext = createContext<PoliticsEnv>({ attendance: [], people: [], body: 'nämnden', open: () => undefined });

const EMPTY: ItemPolitics = { yrkanden: [], javiga: [], omrostningar: [], reservations: [], dangling: [] };
const ItemPoliticsContext = createContext<{ itemId: string; politics: ItemPolitics }>({ itemId: '', politics: EMPTY });

/** Wraps an item's children: its political facts for the lines inside it. */
export function ItemPoliticsProvider({ item, children }: { item: ItemElement; children: React.ReactNode }) {
  const value = useMemo(() => ({ itemId: item.id, politics: itemPolitics(item) }), [item]);
  return <ItemPoliticsContext.Provider value={value}>{children}</ItemPoliticsContext.Provider>;
}

export function useNameOf(): (id: string) => string | undefined {
  const { people } = useContext(PoliticsContext);
  return useMemo(() => {
    const names = new Map(people.map((p) => [p.id, p.name]));
    return (id: string) => names.get(id);
  }, [people]);
}

/** The roll call's computed facts for one omröstning (shared by the line and the dialog). */
export function useOmrostningSummary(itemId: string, politics: ItemPolitics, id: string): OmrostningSummary | null {
  const env = useContext(PoliticsContext);
  return useMemo(() => summarizeOmrostning(itemId, politics, id, { attendance: env.attendance, roster: env.people, body: env.body }), [itemId, politics, id, env]);
}

export function renderPolitical(props: RenderElementProps & { element: PoliticalElement }) {
  switch (props.element.type) {
    case 'yrkande':
      return <Yrkande {...props} />;
    case 'omrostning':
      return <Omrostning {...props} />;
    case 'reservation':
      return <Reservation {...props} />;
    default:
      return <Line {...props} prefix={politicalPrefix[props.element.type]} label={politicalPrefix[props.element.type].replace(/:$/u, '')} />;
  }
}

function Line({ attributes, children, element, prefix, label, suffix }: RenderElementProps & { prefix: string; label: string; suffix?: string }) {
  return (
    <div
      {...attributes}
      role="group"
      aria-label={suffix ? `${label}, ${suffix}` : label}
      className={`political political-${element.type}`}
      data-prefix={prefix}
      data-suffix={suffix}
      data-block-id={element.id}
      data-testid={element.type}
    >
      {children}
    </div>
  );
}

function Yrkande(props: RenderElementProps) {
  const { politics } = useContext(ItemPoliticsContext);
  const n = politics.yrkanden.find((y) => y.id === props.element.id)?.number;
  const label = n ? `${politicalPrefix.yrkande} ${n}` : politicalPrefix.yrkande;
  return <Line {...props} prefix={`${label}:`} label={label} />;
}

function Reservation(props: RenderElementProps) {
  const { t } = useTranslation();
  const { politics } = useContext(ItemPoliticsContext);
  const nameOf = useNameOf();
  const r = politics.reservations.find((x) => x.id === props.element.id);
  const y = r?.yrkandeId ? politics.yrkanden.find((x) => x.id === r.yrkandeId) : undefined;
  const parts = [y ? t('politics.inFavourOf', { yrkande: yrkandeLabel(y, nameOf) }) : null, r?.skriftlig ? SKRIFTLIG_RESERVATION : null].filter((s): s is string => !!s);
  return <Line {...props} prefix={politicalPrefix.reservation} label={politicalPrefix.reservation.replace(/:$/u, '')} suffix={parts.length > 0 ? parts.join(' ') : undefined} />;
}

function Omrostning({ attributes, children, element }: RenderElementProps) {
  const { t, i18n } = useTranslation();
  const { itemId, politics } = useContext(ItemPoliticsContext);
  const env = useContext(PoliticsContext);
  const summary = useOmrostningSummary(itemId, politics, element.id);
  const votes = politics.omrostningar.find((o) => o.id === element.id)?.votes;
  const label = politicalPrefix.omrostning.replace(/:$/u, '');
  return (
    <div {...attributes} role="group" aria-label={label} className="political political-omrostning" data-prefix={politicalPrefix.omrostning} data-block-id={element.id} data-testid="omrostning">
      <div className="omrostning-text">{children}</div>
      <div contentEditable={false} className="omrostning-summary" data-testid="omrostning-summary">
        {summary?.proposition ? <p className="omrostning-proposition">{summary.proposition}</p> : null}
        {summary && summary.eligibility.voters.length > 0 ? (
          <table className="omrostning-table">
            <caption>{t('politics.rollCallTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('politics.member')}</th>
                <th scope="col">{t('politics.vote')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.eligibility.voters.map((v) => {
                const vote = votes?.get(v.personId);
                return (
                  <tr key={v.personId}>
                    <th scope="row">{v.name}</th>
                    <td>{isVote(vote) ? voteLabels[vote].sv : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('politics.noVoters')}</p>
        )}
        {summary && summary.eligibility.javiga.length > 0 ? (
          <p className="omrostning-jav">{t('politics.javExcluded', { names: summary.eligibility.javiga.map((v) => v.name).join(', ') })}</p>
        ) : null}
        {summary ? (
          <p className="omrostning-sums" data-testid="omrostning-sums">
            {t('politics.sums', { ja: summary.tally.ja, nej: summary.tally.nej, avstar: summary.tally.avstar, sum: summary.tally.ja + summary.tally.nej + summary.tally.avstar, serving: summary.tally.serving })}
          </p>
        ) : null}
        {summary?.result.line ? (
          <p className="omrostning-result" data-testid="omrostning-result">
            {summary.result.line}
          </p>
        ) : null}
        {summary?.problems.map((p) => (
          <p key={p.code} className="omrostning-problem">
            {t('politics.warning')} {localized(p.message, i18n.language)}
          </p>
        ))}
        <button type="button" className="secondary" data-testid="omrostning-open" aria-keyshortcuts="Alt+Shift+O" onClick={() => env.open('omrostning', element.id)}>
          {t('politics.openRollCall')} <kbd className="shortcut">Alt+Shift+O</kbd>
        </button>
      </div>
    </div>
  );
}
