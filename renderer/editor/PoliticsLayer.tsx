/**
 * The political commands in the editor, for bodies whose profile turns them on (features.votes:
 * yrkande, propositionsordning, omröstning; features.reservations, .jav, .protokollsanteckning;
 * the "Politisk nämnd" preset has them all): the Alt+Shift shortcuts, the toolbar buttons, and
 * the two dialogs.
 *
 * - Alt+Shift+Y yrkande · Alt+Shift+K propositionsordning · Alt+Shift+P protokollsanteckning ·
 *   Alt+Shift+J jäv: a new line where the cursor is.
 * - Alt+Shift+O omröstning: a new one (Ja for the item's first yrkande, Nej for its second) and
 *   its roll call; in an omröstning, its roll call again.
 * - Alt+Shift+R reservation: a new one, in favour of the yrkande that lost the item's last vote;
 *   in a reservation, its dialog (which yrkande, "Skriftlig reservation bifogas").
 *
 * The roll call is a modal <dialog>: one row per member who may vote on the item (jäviga listed
 * apart), a radio group Ja / Nej / Avstår per row; J, N or A answers and moves to the next row.
 * The sums are computed live, with a warning while they do not add up. Every answer is written
 * to the omröstning element at once (the meeting's Y.Doc), so it is saved, synced and survives
 * a reload. Closing (Klar, Esc) puts the cursor back at the end of the omröstning's line.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, Element, Node } from 'slate';
import { useSlateSelector, useSlateStatic } from 'slate-react';
import type * as Y from 'yjs';
import type { BodyProfile, Person } from '../../src/bodies';
import { itemPolitics, losingYrkande, yrkandeLabel } from '../../src/protocol/politics';
import { isVote, SKRIFTLIG_RESERVATION, VOTES, voteLabels, type OmrostningElement, type PoliticalType, type ReservationElement, type Vote } from '../../src/protocol/politicsSchema';
import { attendanceOf, entriesIn } from '../attendance/attendanceModel';
import { useYMap } from '../bodies/useYMap';
import { localized } from '../i18n';
import { focusEditorAt, selectionBlockPath } from './focusEditor';
import { useNameOf, useOmrostningSummary, type PoliticsEnv } from './politicsElements';
import { PoliticsEditor } from './politicsCommands';
import { AppEditor } from './AppEditor';
import type { ItemElement } from './schema';

type Feature = 'votes' | 'reservations' | 'jav' | 'protokollsanteckning';
interface Command {
  type: PoliticalType;
  code: string;
  shortcut: string;
  feature: Feature;
}
/** The commands in toolbar order; `code` is the physical key (with Alt held, macOS types other characters). */
export const politicalCommands: readonly Command[] = [
  { type: 'yrkande', code: 'KeyY', shortcut: 'Alt+Shift+Y', feature: 'votes' },
  { type: 'propositionsordning', code: 'KeyK', shortcut: 'Alt+Shift+K', feature: 'votes' },
  { type: 'omrostning', code: 'KeyO', shortcut: 'Alt+Shift+O', feature: 'votes' },
  { type: 'reservation', code: 'KeyR', shortcut: 'Alt+Shift+R', feature: 'reservations' },
  { type: 'protokollsanteckning', code: 'KeyP', shortcut: 'Alt+Shift+P', feature: 'protokollsanteckning' },
  { type: 'jav', code: 'KeyJ', shortcut: 'Alt+Shift+J', feature: 'jav' },
];

type Open = { kind: 'omrostning' | 'reservation'; id: string } | null;

export interface PoliticsLayer {
  env: PoliticsEnv;
  /** Handles the political shortcuts; true when it took the key. */
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): boolean;
  buttons: ReactElement | null;
  dialog: ReactElement | null;
}

const NO_ENTRIES = new Map<string, never>();

export function usePoliticsLayer(doc: Y.Doc, profile: BodyProfile | null, people: readonly Person[], itemLabel: (itemId: string) => string): PoliticsLayer {
  const editor = useSlateStatic();
  const entries = useYMap(attendanceOf(doc), entriesIn, NO_ENTRIES);
  const [open, setOpen] = useState<Open>(null);
  const env = useMemo<PoliticsEnv>(
    () => ({ attendance: [...entries], people, body: profile?.name ?? 'nämnden', open: (kind, id) => setOpen({ kind, id }) }),
    [entries, people, profile?.name],
  );
  const enabled = useMemo(() => politicalCommands.filter((c) => profile?.features[c.feature] === true), [profile]);

  const run = useCallback(
    (type: PoliticalType): boolean => {
      if (type === 'omrostning' || type === 'reservation') {
        const current = PoliticsEditor.current(editor, type);
        if (current) {
          setOpen({ kind: type, id: current.id });
          return true;
        }
      }
      const item = AppEditor.currentItem(editor);
      if (!item) return false;
      const politics = itemPolitics(item);
      let id: string | null;
      if (type === 'reservation') {
        const yrkandeId = losingYrkande(item.id, politics, { attendance: env.attendance, roster: env.people, body: env.body });
        id = PoliticsEditor.insert(editor, type, yrkandeId ? { yrkandeId } : {});
      } else {
        id = PoliticsEditor.insert(editor, type);
      }
      if (id === null) return false;
      if (type === 'omrostning') {
        PoliticsEditor.setSides(editor, id, politics.yrkanden[0]?.id ?? null, politics.yrkanden[1]?.id ?? null);
        setOpen({ kind: 'omrostning', id });
      }
      return true;
    },
    [editor, env],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): boolean => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return false;
    const command = enabled.find((c) => c.code === event.code);
    if (!command) return false;
    event.preventDefault();
    run(command.type);
    return true;
  };

  const close = useCallback(() => {
    const id = open?.id;
    setOpen(null);
    const path = id ? PoliticsEditor.findPath(editor, id) : null;
    if (path) editor.select(Editor.end(editor, path));
    // After the dialog has closed: while it is open the page behind it is inert, and closing
    // would give the focus back to whatever had it when the dialog opened.
    setTimeout(() => focusEditorAt(editor, path ?? selectionBlockPath(editor)), 0);
  }, [editor, open]);

  const buttons = enabled.length === 0 ? null : <PoliticalButtons commands={enabled} run={run} />;
  let dialog: ReactElement | null = null;
  if (open?.kind === 'omrostning') dialog = <RollCall key={open.id} id={open.id} itemLabel={itemLabel} onClose={close} />;
  if (open?.kind === 'reservation') dialog = <ReservationDialog key={open.id} id={open.id} onClose={close} />;
  return { env, onKeyDown, buttons, dialog };
}

function PoliticalButtons({ commands, run }: { commands: readonly Command[]; run(type: PoliticalType): boolean }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  return (
    <>
      {commands.map((c) => (
        <button
          key={c.type}
          type="button"
          data-testid={`new-${c.type}`}
          aria-keyshortcuts={c.shortcut}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (run(c.type)) focusEditorAt(editor, selectionBlockPath(editor));
          }}
        >
          {t(`politics.new.${c.type}`)}
          <kbd className="shortcut">{c.shortcut}</kbd>
        </button>
      ))}
    </>
  );
}

/** The element with this id and its item, re-read on every change (remote votes show at once). */
function useLine(id: string): { node: Element | null; item: ItemElement | null } {
  const editor = useSlateStatic();
  // Any change gives the editor new children: re-render then (only while a dialog is open).
  useSlateSelector((e: Editor) => e.children);
  const path = PoliticsEditor.findPath(editor, id);
  if (!path) return { node: null, item: null };
  return { node: Node.get(editor, path) as Element, item: editor.children[path[0]!] as ItemElement };
}

/** A modal <dialog> opened at mount; Esc (the platform's cancel) and the buttons call onClose. */
function useModal(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const onCancel = (e: React.SyntheticEvent) => {
    e.preventDefault();
    onClose();
  };
  return { ref, onCancel };
}

function RollCall({ id, itemLabel, onClose }: { id: string; itemLabel(itemId: string): string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const editor = useSlateStatic();
  const uid = useId();
  const { ref, onCancel } = useModal(onClose);
  const { node, item } = useLine(id);
  const politics = useMemo(() => (item ? itemPolitics(item) : null), [item]);
  const summary = useOmrostningSummary(item?.id ?? '', politics ?? { yrkanden: [], javiga: [], omrostningar: [], reservations: [], dangling: [] }, id);
  const nameOf = useNameOf();
  const rows = useRef<Array<HTMLDivElement | null>>([]);
  const doneRef = useRef<HTMLButtonElement>(null);
  const voters = summary?.eligibility.voters ?? [];
  const votes = politics?.omrostningar.find((o) => o.id === id)?.votes;

  const focusRow = (i: number) => {
    const row = rows.current[i];
    if (!row) {
      doneRef.current?.focus();
      return;
    }
    const target = row.querySelector<HTMLInputElement>('input:checked') ?? row.querySelector<HTMLInputElement>('input');
    target?.focus();
  };
  // Opening: the first member who has not answered (or the first row).
  useEffect(() => {
    const first = voters.findIndex((v) => !isVote(votes?.get(v.personId)));
    focusRow(first >= 0 ? first : 0);
    // Only at opening: later answers move the focus themselves.
  }, []);

  if (!node || !item || !politics || !summary) {
    return (
      <dialog ref={ref} className="dialog rollcall" aria-labelledby={`${uid}-title`} data-testid="rollcall" onCancel={onCancel}>
        <h2 id={`${uid}-title`}>{t('politics.rollCall')}</h2>
        <p>{t('politics.gone')}</p>
        <div className="dialog-buttons">
          <button type="button" className="primary" onClick={onClose}>
            {t('politics.done')}
          </button>
        </div>
      </dialog>
    );
  }

  const title = Node.string(item.children[0]!).trim();
  const answer = (i: number, personId: string, vote: Vote) => {
    PoliticsEditor.setVote(editor, id, personId, vote);
    focusRow(i + 1);
  };
  const onRowKey = (i: number, personId: string) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const vote = ({ j: 'ja', n: 'nej', a: 'avstar' } as const)[e.key.toLowerCase() as 'j' | 'n' | 'a'];
    if (!vote) return;
    e.preventDefault();
    answer(i, personId, vote);
  };
  const o = node as OmrostningElement;
  const sides = (['ja', 'nej'] as const).map((side) => ({ side, value: (side === 'ja' ? o.ja : o.nej) ?? '' }));
  const sum = summary.tally.ja + summary.tally.nej + summary.tally.avstar;
  const stray = summary.problems.filter((p) => p.code === 'jav' || p.code === 'not-serving').flatMap((p) => p.personIds);

  return (
    <dialog ref={ref} className="dialog rollcall" aria-labelledby={`${uid}-title`} aria-describedby={`${uid}-help`} data-testid="rollcall" onCancel={onCancel}>
      <h2 id={`${uid}-title`}>
        {t('politics.rollCall')}: {itemLabel(item.id)} {title}
      </h2>
      <p id={`${uid}-help`} className="muted">
        {t('politics.rollCallHelp')}
      </p>
      <div className="rollcall-sides">
        {sides.map(({ side, value }) => (
          <label key={side}>
            {t(`politics.side.${side}`)}{' '}
            <select
              value={value}
              data-testid={`rollcall-${side}`}
              onChange={(e) => {
                const ja = side === 'ja' ? e.target.value || null : (o.ja ?? null);
                const nej = side === 'nej' ? e.target.value || null : (o.nej ?? null);
                PoliticsEditor.setSides(editor, id, ja, nej);
              }}
            >
              <option value="">{t('politics.noSide')}</option>
              {politics.yrkanden.map((y) => (
                <option key={y.id} value={y.id}>
                  {yrkandeLabel(y, nameOf)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {voters.length === 0 ? <p data-testid="rollcall-empty">{t('politics.noVoters')}</p> : null}
      <table className="rollcall-table">
        <caption>{t('politics.rollCallTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('politics.member')}</th>
            <th scope="col">{t('politics.vote')}</th>
          </tr>
        </thead>
        <tbody>
          {voters.map((v, i) => {
            const current = votes?.get(v.personId);
            const nameId = `${uid}-name-${i}`;
            return (
              <tr key={v.personId} data-testid="rollcall-row" data-person-id={v.personId}>
                <th scope="row" id={nameId}>
                  {v.name}
                  {v.party ? ` (${v.party})` : ''}
                  {v.chair ? <span className="muted"> – {t('politics.chair')}</span> : null}
                  {v.servesFor ? <span className="muted"> – {t('politics.servesFor', { name: v.servesFor })}</span> : null}
                </th>
                <td>
                  <div role="radiogroup" aria-labelledby={nameId} className="rollcall-votes" ref={(el) => void (rows.current[i] = el)} onKeyDown={onRowKey(i, v.personId)}>
                    {VOTES.map((vote) => (
                      <label key={vote} className="rollcall-choice">
                        <input
                          type="radio"
                          name={`${uid}-${v.personId}`}
                          value={vote}
                          checked={current === vote}
                          data-testid={`vote-${vote}`}
                          onChange={() => PoliticsEditor.setVote(editor, id, v.personId, vote)}
                        />
                        {localized(voteLabels[vote], i18n.language)}
                      </label>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {summary.eligibility.javiga.length > 0 ? (
        <p data-testid="rollcall-jav">{t('politics.javExcluded', { names: summary.eligibility.javiga.map((v) => v.name).join(', ') })}</p>
      ) : null}
      <p role="status" className="rollcall-sums" data-testid="rollcall-sums">
        {t('politics.sums', { ja: summary.tally.ja, nej: summary.tally.nej, avstar: summary.tally.avstar, sum, serving: summary.tally.serving })}
      </p>
      <div role="status" data-testid="rollcall-warnings" className="rollcall-warnings">
        {summary.problems.map((p) => (
          <p key={p.code} className="warning">
            {t('politics.warning')} {localized(p.message, i18n.language)}
          </p>
        ))}
      </div>
      {stray.length > 0 ? (
        // Votes kept from before a jäv or a change of attendance: the list has no row to clear them on.
        <button type="button" className="secondary" data-testid="rollcall-remove-stray" onClick={() => stray.forEach((personId) => PoliticsEditor.setVote(editor, id, personId, null))}>
          {t('politics.removeStray')}
        </button>
      ) : null}
      {summary.result.line ? (
        <p className="rollcall-result" data-testid="rollcall-result">
          {summary.result.line}
        </p>
      ) : null}
      <div className="dialog-buttons">
        <button ref={doneRef} type="button" className="primary" data-testid="rollcall-done" onClick={onClose}>
          {t('politics.done')}
        </button>
      </div>
    </dialog>
  );
}

function ReservationDialog({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const uid = useId();
  const { ref, onCancel } = useModal(onClose);
  const { node, item } = useLine(id);
  const nameOf = useNameOf();
  const politics = useMemo(() => (item ? itemPolitics(item) : null), [item]);
  const reservation = node?.type === 'reservation' ? (node as ReservationElement) : null;
  const [yrkandeId, setYrkandeId] = useState<string>(reservation?.yrkandeId ?? '');
  const [skriftlig, setSkriftlig] = useState<boolean>(reservation?.skriftlig === true);
  const who = node ? Node.string(node).trim() : '';
  // After showModal (useModal's effect runs first), which focuses the first radio: the chosen one.
  useEffect(() => ref.current?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus(), [ref]);
  return (
    <dialog ref={ref} className="dialog reservation-dialog" aria-labelledby={`${uid}-title`} data-testid="reservation-dialog" onCancel={onCancel}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          PoliticsEditor.setReservation(editor, id, { yrkandeId: yrkandeId || null, skriftlig });
          onClose();
        }}
      >
        <h2 id={`${uid}-title`}>{t('politics.reservationTitle')}</h2>
        {who ? <p className="muted">{who}</p> : null}
        <fieldset>
          <legend>{t('politics.inFavourOfLegend')}</legend>
          {[{ id: '', label: t('politics.noYrkande') }, ...(politics?.yrkanden ?? []).map((y) => ({ id: y.id, label: yrkandeLabel(y, nameOf) }))].map((o) => (
            <label key={o.id} className="choice">
              <input type="radio" name={`${uid}-yrkande`} value={o.id} checked={yrkandeId === o.id} onChange={() => setYrkandeId(o.id)} />
              {o.label}
            </label>
          ))}
        </fieldset>
        <label className="choice">
          <input type="checkbox" checked={skriftlig} data-testid="reservation-skriftlig" onChange={(e) => setSkriftlig(e.target.checked)} />
          {SKRIFTLIG_RESERVATION.replace(/\.$/u, '')}
        </label>
        <div className="dialog-buttons">
          <button type="submit" className="primary" data-testid="reservation-save">
            {t('politics.save')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('politics.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

