/**
 * Attendance, marked while people join the call. Keyboard first: type part of a name, Enter
 * marks the highlighted person present; Alt+F förhinder; Alt+E tjänstgörande ersättare (then
 * type whom they replace, Enter); Alt+O / Alt+S / Alt+J ordförande, sekreterare, justerare.
 * The same actions are buttons for the mouse. Focus stays in the search field through all of
 * it, and a polite live region says what was marked.
 *
 * The list is grouped as minutes are written: Närvarande ledamöter (with roles), Tjänstgörande
 * ersättare ("för X"), Förhinder, Övriga närvarande ("§ 103", "(ej fm)"). Details of one person
 * (roles, partial presence, note) are edited in one place above the list, not inside it: a
 * status change moves the person to another group, and an editor inside the moving row would
 * take the keyboard focus with it.
 *
 * Data: the meeting Y.Doc's `attendance` map (attendanceModel.ts); the roster from the body's
 * Y.Doc, opened here. Nothing is sent anywhere else: the replica saves to the Core.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../src/bodies';
import type { DocReplica } from '../../src/docs/DocReplica';
import { attendanceStatuses, meetingRoles, type AttendanceEntry, type AttendanceStatus, type MeetingRole } from '../../src/protocol/attendance';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';
import { localized } from '../i18n';
import { newId } from '../bodies/rosterDoc';
import { useBodyDoc } from '../bodies/useBodyDoc';
import { useYMap } from '../bodies/useYMap';
import {
  attendanceOf,
  attendanceWarnings,
  defaultStatus,
  entriesIn,
  groupAttendance,
  guestEntry,
  guestKey,
  matchPeople,
  presenceText,
  removeEntry,
  rolesText,
  unmarked,
  withPresence,
  withRole,
  withStatus,
  writeEntry,
  type AttendanceRow,
  type Entries,
  type ItemChoice,
} from './attendanceModel';
import { useMeetingItems } from './useMeetingItems';
import './attendance.css';

export interface AttendancePanelProps {
  /** The meeting's document replica: its Y.Doc holds `attendance` (written here) and `content` (its items). */
  replica: DocReplica;
  /** The body whose roster the type-ahead offers; the panel opens the body's document itself. */
  bodyId: string;
  /** Item id → "§ 103" when the editor has computed the numbers; otherwise meetings.items is asked. */
  itemLabels?: ReadonlyMap<string, string>;
  /** Put the cursor in the search field on mount (when the person just opened the panel). */
  autoFocus?: boolean;
}

const EMPTY_ENTRIES: Entries = new Map();
type Lang = 'sv' | 'en';
const lang = (l: string): Lang => (l === 'en' ? 'en' : 'sv');

export function AttendancePanel({ replica, bodyId, itemLabels, autoFocus }: AttendancePanelProps) {
  const { t, i18n } = useTranslation();
  const body = useBodyDoc(bodyId);
  const entries = useYMap(attendanceOf(replica.doc), entriesIn, EMPTY_ENTRIES);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [guestOpen, setGuestOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const l = lang(i18n.language);

  // Items are read only while something shows them: a choice of items, or someone present at some items.
  const anyPartial = useMemo(() => [...entries.values()].some((e) => (e.presence?.itemIds?.length ?? 0) > 0), [entries]);
  const items = useMeetingItems(replica, editing !== null || guestOpen || anyPartial, itemLabels);
  const groups = useMemo(() => groupAttendance(entries, body.people), [entries, body.people]);
  const warnings = useMemo(() => attendanceWarnings(entries, body.people), [entries, body.people]);
  const notYet = useMemo(() => unmarked(entries, body.people), [entries, body.people]);
  const byId = useMemo(() => new Map(body.people.map((p) => [p.id, p])), [body.people]);

  function write(key: string, entry: AttendanceEntry): boolean {
    const res = writeEntry(replica.doc, key, entry);
    setError(res.ok ? null : res.error);
    return res.ok;
  }

  /** What the live region says after a mark: "Bodil Sundlöf: närvarande, ordförande." */
  function describeMark(name: string, entry: AttendanceEntry): string {
    const status = t(`attendance.status.${entry.status}`);
    const forWhom = entry.replaces ? ` ${t('attendance.for', { name: byId.get(entry.replaces)?.name ?? entry.replaces })}` : '';
    const roles = entry.roles.length > 0 ? `, ${rolesText(entry.roles, l)}` : '';
    return `${name}: ${status.toLowerCase()}${forWhom}${roles}.`;
  }

  const actions: SearchActions = {
    present(person) {
      const existing = entries.get(person.id);
      if (existing && existing.status !== 'forhinder') {
        // Already present (perhaps as a serving substitute, with whom they replace): keep it.
        setAnnouncement(describeMark(person.name, existing));
        return;
      }
      const next = withStatus(existing, person, defaultStatus(person));
      if (write(person.id, next)) setAnnouncement(describeMark(person.name, next));
    },
    mark(person, status) {
      const next = withStatus(entries.get(person.id), person, status);
      if (write(person.id, next)) setAnnouncement(describeMark(person.name, next));
    },
    role(person, role) {
      const next = withRole(entries.get(person.id), person, role);
      if (write(person.id, next)) setAnnouncement(describeMark(person.name, next));
    },
    substitute(person, replaced) {
      const next = withStatus(entries.get(person.id), person, 'ersattare', replaced.id);
      if (!write(person.id, next)) return;
      // The one replaced is usually absent: mark them so, unless already marked otherwise.
      const theirs = entries.get(replaced.id);
      let extra = '';
      if (!theirs) {
        write(replaced.id, withStatus(undefined, replaced, 'forhinder'));
        extra = ` ${t('attendance.alsoAbsent', { name: replaced.name })}`;
      }
      setAnnouncement(describeMark(person.name, next) + extra);
    },
  };

  function closeEditor(key: string) {
    setEditing(null);
    // Back to the row's "Ändra" button, or to the search field if the row is gone.
    requestAnimationFrame(() => {
      const button = document.querySelector<HTMLButtonElement>(`[data-edit-key="${CSS.escape(key)}"]`);
      (button ?? searchRef.current)?.focus();
    });
  }

  if (body.error) {
    return (
      <section className="attendance" aria-labelledby={headingId} data-testid="attendance-panel">
        <h2 id={headingId}>{t('attendance.heading')}</h2>
        <ErrorMessage error={body.error} />
        <button type="button" onClick={body.retry}>
          {t('app.retry')}
        </button>
      </section>
    );
  }

  const editingRow = editing ? (groupsRow(groups, editing) ?? null) : null;
  return (
    <section className="attendance" aria-labelledby={headingId} data-testid="attendance-panel">
      <h2 id={headingId}>{t('attendance.heading')}</h2>
      {body.replica ? null : <p role="status">{t('attendance.loadingRoster')}</p>}
      <PersonSearch inputRef={searchRef} people={body.people} entries={entries} actions={actions} autoFocus={autoFocus === true} onAnnounce={setAnnouncement} />
      <p role="status" className="visually-hidden" data-testid="attendance-announcement">
        {announcement}
      </p>
      <ErrorMessage error={error} />
      <div role="status" data-testid="attendance-warnings" className="attendance-warnings">
        {warnings.length > 0 ? (
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{localized(w, l)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {editingRow ? (
        <EntryEditor
          key={editingRow.key}
          row={editingRow}
          people={body.people}
          items={items}
          onChange={(next) => write(editingRow.key, next)}
          onRemove={() => {
            removeEntry(replica.doc, editingRow.key);
            setAnnouncement(t('attendance.removed', { name: editingRow.name }));
            setEditing(null);
            searchRef.current?.focus();
          }}
          onClose={() => closeEditor(editingRow.key)}
        />
      ) : null}
      <div className="attendance-groups">
        {(['narvarande', 'ersattare', 'forhinder', 'ovrig'] as const).map((status) => (
          <AttendanceGroup
            key={status}
            status={status}
            rows={groups[status]}
            items={items}
            byId={byId}
            editing={editing}
            onEdit={(key) => setEditing((k) => (k === key ? null : key))}
          />
        ))}
      </div>
      {notYet.length > 0 ? (
        <p className="muted not-yet" data-testid="attendance-unmarked">
          <span className="not-yet-label">{t('attendance.unmarked', { count: notYet.length })}</span> {notYet.map((p) => p.name).join(', ')}
        </p>
      ) : null}
      <GuestForm
        open={guestOpen}
        onToggle={() => setGuestOpen((o) => !o)}
        items={items}
        onAdd={(entry) => {
          const ok = write(guestKey(newId()), entry);
          if (ok) setAnnouncement(t('attendance.guestAdded', { name: entry.guest?.name ?? '' }));
          return ok;
        }}
      />
    </section>
  );
}

function groupsRow(groups: ReturnType<typeof groupAttendance>, key: string): AttendanceRow | undefined {
  for (const list of Object.values(groups) as AttendanceRow[][]) {
    const row = list.find((r) => r.key === key);
    if (row) return row;
  }
  return undefined;
}

/* ---------- the type-ahead ---------- */

interface SearchActions {
  /** Enter: present, as a member or as "övrig" by roster role; someone already present stays as marked. */
  present(person: Person): void;
  mark(person: Person, status: AttendanceStatus): void;
  role(person: Person, role: MeetingRole): void;
  substitute(person: Person, replaced: Person): void;
}

type Shortcut = { code: string; keys: string; kind: 'status'; status: AttendanceStatus } | { code: string; keys: string; kind: 'role'; role: MeetingRole } | { code: string; keys: string; kind: 'substitute' };

/**
 * Alt+letter (by physical key, so macOS's Option characters do not matter). None of these
 * letters is a menu mnemonic in the app (Arkiv, Redigera, Visa, Hjälp) or a reserved browser
 * shortcut; Ctrl+letter would collide with the editor's and the browser's own.
 */
const shortcuts: readonly Shortcut[] = [
  { code: 'KeyF', keys: 'Alt+F', kind: 'status', status: 'forhinder' },
  { code: 'KeyE', keys: 'Alt+E', kind: 'substitute' },
  { code: 'KeyO', keys: 'Alt+O', kind: 'role', role: 'ordforande' },
  { code: 'KeyS', keys: 'Alt+S', kind: 'role', role: 'sekreterare' },
  { code: 'KeyJ', keys: 'Alt+J', kind: 'role', role: 'justerare' },
];

function PersonSearch({
  inputRef,
  people,
  entries,
  actions,
  autoFocus,
  onAnnounce,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  people: Person[];
  entries: Entries;
  actions: SearchActions;
  autoFocus: boolean;
  onAnnounce(text: string): void;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  /** Set while choosing whom a tjänstgörande ersättare replaces. */
  const [substitute, setSubstitute] = useState<Person | null>(null);
  const id = useId();
  const l = lang(i18n.language);

  const candidates = useMemo(() => people.filter((p) => p.active && p.id !== substitute?.id), [people, substitute]);
  const options = useMemo(() => matchPeople(candidates, query), [candidates, query]);
  const current = options[Math.min(active, options.length - 1)] ?? null;
  const expanded = options.length > 0;

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus, inputRef]);

  function done() {
    setQuery('');
    setActive(0);
    inputRef.current?.focus();
  }

  function run(shortcut: Shortcut | 'present', person: Person | null) {
    if (!person) return;
    if (shortcut === 'present') actions.present(person);
    else if (shortcut.kind === 'status') actions.mark(person, shortcut.status);
    else if (shortcut.kind === 'role') actions.role(person, shortcut.role);
    else {
      setSubstitute(person);
      setQuery('');
      setActive(0);
      onAnnounce(t('attendance.whomReplaces', { name: person.name }));
      inputRef.current?.focus();
      return;
    }
    done();
  }

  function choose(person: Person | null) {
    if (!person) return;
    if (substitute) {
      actions.substitute(substitute, person);
      setSubstitute(null);
      done();
    } else run('present', person);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (options.length === 0) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (Math.min(a, options.length - 1) + step + options.length) % options.length);
    } else if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      choose(current);
    } else if (e.key === 'Escape') {
      if (substitute) {
        e.preventDefault();
        onAnnounce(t('attendance.substituteCancelled'));
        setSubstitute(null);
        setQuery('');
      } else if (query !== '') {
        e.preventDefault();
        setQuery('');
      }
    } else if (e.altKey && !e.ctrlKey && !e.metaKey && !substitute) {
      const shortcut = shortcuts.find((s) => s.code === e.code);
      if (shortcut) {
        e.preventDefault();
        run(shortcut, current);
      }
    }
  }

  const label = substitute ? t('attendance.searchReplaces', { name: substitute.name }) : t('attendance.search');
  return (
    <div className="attendance-search">
      <label htmlFor={`${id}-input`} className="search-label" data-testid="attendance-search-label">
        {label}
      </label>
      <div className="combobox">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          data-testid="attendance-search"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={current ? `${id}-opt-${current.id}` : undefined}
          aria-describedby={`${id}-help`}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          // "Whom does the ersättare replace?" is a question for now: leaving the field cancels
          // it, or an Enter here minutes later would make someone ersättare for the wrong person.
          // (Options keep the focus on mousedown, so choosing one by mouse is no blur.)
          onBlur={() => {
            if (!substitute) return;
            onAnnounce(t('attendance.substituteCancelled'));
            setSubstitute(null);
            setQuery('');
          }}
        />
        <ul id={`${id}-list`} role="listbox" aria-label={t('attendance.matches')} className="combobox-list" hidden={!expanded} data-testid="attendance-options">
          {options.map((p) => {
            const entry = entries.get(p.id);
            const selected = current?.id === p.id;
            return (
              <li
                key={p.id}
                id={`${id}-opt-${p.id}`}
                role="option"
                aria-selected={selected}
                className={selected ? 'option active' : 'option'}
                data-testid="attendance-option"
                // Keep the focus in the field: the click acts, the typing continues.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(p)}
              >
                <span className="option-name">{p.name}</span>
                {p.organisation || p.title ? <span className="option-detail"> – {[p.title, p.organisation].filter(Boolean).join(', ')}</span> : null}
                {entry ? <span className="option-status"> ({t(`attendance.status.${entry.status}`).toLowerCase()}{entry.roles.length ? `, ${rolesText(entry.roles, l)}` : ''})</span> : null}
              </li>
            );
          })}
        </ul>
      </div>
      <p id={`${id}-help`} className="hint">
        {substitute ? t('attendance.helpReplaces') : t('attendance.help')}
      </p>
      {substitute ? null : (
        <div role="group" aria-label={t('attendance.actionsFor', { name: current?.name ?? '–' })} className="attendance-actions">
          <ActionButton label={t('attendance.status.narvarande')} keys="Enter" disabled={!current} onRun={() => run('present', current)} />
          {shortcuts.map((s) => (
            <ActionButton
              key={s.code}
              label={s.kind === 'status' ? t(`attendance.status.${s.status}`) : s.kind === 'role' ? t(`attendance.role.${s.role}`) : t('attendance.status.ersattare')}
              keys={s.keys}
              disabled={!current}
              onRun={() => run(s, current)}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function ActionButton({ label, keys, disabled, onRun }: { label: string; keys: string; disabled: boolean; onRun(): void }) {
  return (
    <button type="button" className="secondary small" aria-keyshortcuts={keys} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onRun}>
      {label} <kbd className="shortcut">{keys}</kbd>
    </button>
  );
}

/* ---------- the grouped list ---------- */

function AttendanceGroup({
  status,
  rows,
  items,
  byId,
  editing,
  onEdit,
}: {
  status: AttendanceStatus;
  rows: AttendanceRow[];
  items: ItemChoice[];
  byId: ReadonlyMap<string, Person>;
  editing: string | null;
  onEdit(key: string): void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const l = lang(i18n.language);
  return (
    <section aria-labelledby={headingId} className="attendance-group" data-testid={`attendance-group-${status}`}>
      <h3 id={headingId}>
        {t(`attendance.group.${status}`)} <span className="count">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{t('attendance.none')}</p>
      ) : (
        <ul>
          {rows.map((row) => {
            const presence = presenceText(row.entry, items, l);
            const replaced = row.entry.replaces ? (byId.get(row.entry.replaces)?.name ?? row.entry.replaces) : null;
            return (
              <li key={row.key} data-testid="attendance-row" data-key={row.key} data-status={status} className="attendance-row">
                <span className="row-text">
                  <span className="row-name" data-testid="attendance-name">
                    {row.name}
                  </span>
                  {row.detail ? `, ${row.detail}` : ''}
                  {replaced ? <span data-testid="attendance-replaces">{` – ${t('attendance.for', { name: replaced })}`}</span> : null}
                  {row.entry.roles.length > 0 ? (
                    <span className="row-roles" data-testid="attendance-roles">
                      {' '}
                      ({rolesText(row.entry.roles, l)})
                    </span>
                  ) : null}
                  {presence ? (
                    <span className="row-presence" data-testid="attendance-presence">
                      {' '}
                      {presence}
                    </span>
                  ) : null}
                </span>
                <button
                  type="button"
                  className="secondary small"
                  data-edit-key={row.key}
                  aria-expanded={editing === row.key}
                  onClick={() => onEdit(row.key)}
                >
                  {t('attendance.edit')}
                  <span className="visually-hidden"> – {row.name}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/* ---------- one person's details ---------- */

function EntryEditor({
  row,
  people,
  items,
  onChange,
  onRemove,
  onClose,
}: {
  row: AttendanceRow;
  people: Person[];
  items: ItemChoice[];
  onChange(next: AttendanceEntry): void;
  onRemove(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const entry = row.entry;
  // The note as she is typing it; null while she is not: then the field shows the entry's own
  // note (changed elsewhere meanwhile, or cleared by Förhinder) and a § ticked here keeps it.
  const [typedNote, setTypedNote] = useState<string | null>(null);
  const note = typedNote ?? entry.presence?.note ?? '';
  const firstRef = useRef<HTMLHeadingElement>(null);
  const itemIds = entry.presence?.itemIds ?? [];

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const person = row.person;
  const commitNote = () => {
    if (typedNote !== null && typedNote.trim() !== (entry.presence?.note ?? '')) onChange(withPresence(entry, itemIds, typedNote));
    setTypedNote(null);
  };

  return (
    <section className="entry-editor" aria-labelledby={`${id}-h`} data-testid="attendance-editor">
      <h3 id={`${id}-h`} tabIndex={-1} ref={firstRef}>
        {t('attendance.editing', { name: row.name })}
      </h3>
      {person ? (
        <fieldset>
          <legend>{t('attendance.statusLegend')}</legend>
          {attendanceStatuses.map((s) => (
            <label key={s} className="radio">
              <input
                type="radio"
                name={`${id}-status`}
                value={s}
                checked={entry.status === s}
                onChange={() => onChange(withStatus(entry, person, s, s === 'ersattare' ? entry.replaces : undefined))}
              />
              {t(`attendance.status.${s}`)}
            </label>
          ))}
          {entry.status === 'ersattare' ? (
            <div className="field">
              <label htmlFor={`${id}-replaces`}>{t('attendance.replaces')}</label>
              <select
                id={`${id}-replaces`}
                value={entry.replaces ?? ''}
                onChange={(e) => onChange(withStatus(entry, person, 'ersattare', e.target.value || undefined))}
              >
                <option value="">{t('attendance.replacesNobody')}</option>
                {people
                  .filter((p) => p.id !== person.id && (p.active || p.id === entry.replaces))
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
              </select>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      {person ? (
        <fieldset>
          <legend>{t('attendance.rolesLegend')}</legend>
          {meetingRoles.map((r) => (
            <label key={r} className="checkbox">
              <input type="checkbox" checked={entry.roles.includes(r)} onChange={(e) => onChange(withRole(entry, person, r, e.target.checked))} />
              {t(`attendance.role.${r}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <ItemCheckboxes
        legend={t('attendance.itemsLegend')}
        items={items}
        selected={itemIds}
        onChange={(ids) => onChange(withPresence(entry, ids, note))}
      />
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('attendance.note')}</label>
        <input
          id={`${id}-note`}
          maxLength={200}
          autoComplete="off"
          value={note}
          onChange={(e) => setTypedNote(e.target.value)}
          onBlur={commitNote}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commitNote();
            }
          }}
          aria-describedby={`${id}-note-hint`}
        />
        <p id={`${id}-note-hint`} className="hint">
          {t('attendance.noteHint')}
        </p>
      </div>
      <div className="editor-buttons">
        <button type="button" onClick={onClose} data-testid="attendance-editor-close">
          {t('attendance.done')}
        </button>
        <button type="button" className="secondary" onClick={onRemove}>
          {t('attendance.remove')}
        </button>
      </div>
    </section>
  );
}

function ItemCheckboxes({ legend, items, selected, onChange }: { legend: string; items: ItemChoice[]; selected: readonly string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset aria-describedby={hintId} data-testid="attendance-items">
      <legend>{legend}</legend>
      <p id={hintId} className="hint">
        {t('attendance.itemsHint')}
      </p>
      {items.length === 0 ? <p className="muted">{t('attendance.noItems')}</p> : null}
      <div className="item-checkboxes">
        {items.map((item) => (
          <label key={item.id} className="checkbox">
            <input
              type="checkbox"
              checked={selected.includes(item.id)}
              onChange={(e) => {
                const set = new Set(selected);
                if (e.target.checked) set.add(item.id);
                else set.delete(item.id);
                // Agenda order, whatever order they were ticked in.
                onChange(items.filter((i) => set.has(i.id)).map((i) => i.id));
              }}
            />
            {item.label ? <span className="item-label">{item.label}</span> : null} {item.title || t('attendance.untitledItem')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/* ---------- guests ---------- */

function GuestForm({ open, onToggle, items, onAdd }: { open: boolean; onToggle(): void; items: ItemChoice[]; onAdd(entry: AttendanceEntry): boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<Bilingual | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) nameRef.current?.focus();
  }, [open]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') {
      setError({ sv: 'Skriv personens namn.', en: 'Type the person’s name.' });
      nameRef.current?.focus();
      return;
    }
    if (!onAdd(guestEntry({ name, title, organisation }, itemIds, note))) return;
    setError(null);
    setName('');
    setTitle('');
    setNote('');
    setItemIds([]);
    // Organisation kept: guests often come in pairs from the same administration.
    nameRef.current?.focus();
  }

  return (
    <div className="guest">
      <button type="button" className="secondary" aria-expanded={open} aria-controls={`${id}-form`} onClick={onToggle} data-testid="guest-toggle">
        {t('attendance.addGuest')}
      </button>
      {open ? (
        <form id={`${id}-form`} onSubmit={submit} noValidate className="form guest-form" data-testid="guest-form" aria-label={t('attendance.addGuest')}>
          <div className="form-inline">
            <div className="field">
              <label htmlFor={`${id}-name`}>{t('roster.name')}</label>
              <input ref={nameRef} id={`${id}-name`} required aria-required="true" maxLength={200} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-title`}>{t('roster.title')}</label>
              <input id={`${id}-title`} maxLength={200} autoComplete="off" value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-org`}>{t('roster.organisation')}</label>
              <input id={`${id}-org`} maxLength={200} autoComplete="off" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
            </div>
          </div>
          <ItemCheckboxes legend={t('attendance.itemsLegend')} items={items} selected={itemIds} onChange={setItemIds} />
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('attendance.note')}</label>
            <input id={`${id}-note`} maxLength={200} autoComplete="off" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <ErrorMessage error={error} />
          <button type="submit">{t('attendance.addGuestSubmit')}</button>
        </form>
      ) : null}
    </div>
  );
}
