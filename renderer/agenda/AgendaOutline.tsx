/**
 * The agenda outline beside the editor: every item in order with its computed label and title,
 * its sub-items under it. Keyboard first, after the ARIA "rearrangeable listbox" pattern:
 *
 * - the list is a listbox; one option is selected and holds the only tab stop (roving
 *   tabindex); ↑/↓, Home/End move the selection, Enter jumps to the item in the editor;
 * - Alt+Shift+↑/↓ moves the selected item; the buttons above the list do the same, add an
 *   item, add a sub-item under "Övriga frågor" and table (bordlägga) the selected item;
 * - drag and drop reorders with the mouse; the keyboard and the buttons are the accessible
 *   way to do the same;
 * - after a move, a polite live region says where the item went (useMoveAnnouncer).
 *
 * Every change goes through AppEditor, i.e. through the document: a move is one move_node,
 * so the outline and the editor can never disagree about the order.
 */
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlateSelector, useSlateStatic } from 'slate-react';
import type { Editor } from 'slate';
import { localized } from '../i18n';
import type { Bilingual } from '../app/ErrorMessage';
import { AppEditor } from '../editor/AppEditor';
import { focusEditorAt, selectionBlockPath } from '../editor/focusEditor';
import type { ItemLabels, MeetingNumbering, OutlineItem } from '../editor/numbering';
import type { MoveAnnouncer } from './useMoveAnnouncer';
import { isPlannedMinutes, MAX_PLANNED_MINUTES } from '../../src/protocol/schema';

interface Row {
  kind: 'item' | 'subitem';
  id: string;
  itemId: string;
}

const DRAG_TYPE = 'application/x-paragraf-item';

const currentItemIndex = (e: Editor) => AppEditor.currentItemIndex(e);

export interface AgendaOutlineProps {
  items: readonly OutlineItem[];
  numbering: MeetingNumbering;
  announcer: MoveAnnouncer;
  numberingError: Bilingual | null;
}

export function AgendaOutline({ items, numbering, announcer, numberingError }: AgendaOutlineProps) {
  const { t, i18n } = useTranslation();
  const editor = useSlateStatic();
  const currentIndex = useSlateSelector(currentItemIndex);
  const currentItemId = currentIndex >= 0 ? (items[currentIndex]?.id ?? null) : null;
  const rows = useMemo<Row[]>(
    () => items.flatMap((i) => [{ kind: 'item' as const, id: i.id, itemId: i.id }, ...i.subItems.map((s) => ({ kind: 'subitem' as const, id: s.id, itemId: i.id }))]),
    [items],
  );
  const listRef = useRef<HTMLUListElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; before: boolean } | null>(null);
  const dragged = useRef<string | null>(null);
  const refocus = useRef<string | null>(null);

  const outlineHasFocus = () => listRef.current?.contains(document.activeElement) ?? false;

  // While the person writes, the selection follows the item the cursor is in, so the buttons
  // act on "the current item"; once they use the outline, it follows their choice.
  useEffect(() => {
    if (currentItemId !== null && !outlineHasFocus()) setSelectedId(currentItemId);
  }, [currentItemId]);

  const selected = rows.find((r) => r.id === selectedId) ?? rows.find((r) => r.id === currentItemId) ?? rows[0];
  const selectedItem = selected ? items.find((i) => i.id === selected.itemId) : undefined;
  const ovriga = items.find((i) => i.agendaKey === 'ovriga-fragor');

  const focusRow = useCallback((id: string) => {
    listRef.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`)?.focus();
  }, []);

  // A moved option was taken out of the DOM and put back: give it its focus back.
  useEffect(() => {
    if (refocus.current === null) return;
    focusRow(refocus.current);
    refocus.current = null;
  });

  const select = (row: Row | undefined) => {
    if (!row) return;
    setSelectedId(row.id);
    focusRow(row.id);
  };

  const moveTo = (itemId: string, toIndex: number) => {
    // Recorded before the move, with the label it had; forgotten if nothing moved (else the
    // next change of the outline would announce a move that never happened).
    announcer.recordMove(itemId);
    const keepFocus = outlineHasFocus();
    const moved = AppEditor.moveItem(editor, itemId, toIndex);
    if (!moved) announcer.cancelMove();
    if (moved && keepFocus && selected) refocus.current = selected.id;
  };

  const moveBy = (delta: -1 | 1) => {
    if (!selectedItem) return;
    const from = items.indexOf(selectedItem);
    const to = from + delta;
    if (to < 0 || to >= items.length) return;
    moveTo(selectedItem.id, to);
  };

  const jump = (id: string) => focusEditorAt(editor, AppEditor.jumpToItem(editor, id));

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!selected) return;
    if (e.altKey && e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      moveBy(e.key === 'ArrowUp' ? -1 : 1);
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const index = rows.indexOf(selected);
    const to: Record<string, number> = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: rows.length - 1 };
    if (e.key in to && !e.shiftKey) {
      e.preventDefault();
      select(rows[Math.max(0, Math.min(rows.length - 1, to[e.key]!))]);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      jump(selected.id);
    }
  };

  const onDragStart = (e: DragEvent<HTMLLIElement>, itemId: string) => {
    dragged.current = itemId;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(DRAG_TYPE, itemId);
  };
  const onDragOver = (e: DragEvent<HTMLLIElement>, itemId: string) => {
    if (dragged.current === null) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const rect = e.currentTarget.getBoundingClientRect();
    const before = e.clientY < rect.top + rect.height / 2;
    if (drop?.id !== itemId || drop.before !== before) setDrop({ id: itemId, before });
  };
  const onDrop = (e: DragEvent<HTMLLIElement>) => {
    e.preventDefault();
    const id = dragged.current;
    const target = drop;
    dragged.current = null;
    setDrop(null);
    if (id === null || target === null) return;
    const from = items.findIndex((i) => i.id === id);
    const slot = items.findIndex((i) => i.id === target.id) + (target.before ? 0 : 1);
    if (from < 0 || slot < 0) return;
    moveTo(id, from < slot ? slot - 1 : slot);
  };
  const onDragEnd = () => {
    dragged.current = null;
    setDrop(null);
  };

  // Rows are memoised; their handlers must keep their identity across renders, so they call
  // through a ref to this render's functions.
  const latest = useRef({ setSelectedId, jump, onDragStart, onDragOver, onDrop, onDragEnd });
  latest.current = { setSelectedId, jump, onDragStart, onDragOver, onDrop, onDragEnd };
  const handlers = useMemo<RowHandlers>(
    () => ({
      select: (id) => latest.current.setSelectedId(id),
      jump: (id) => latest.current.jump(id),
      dragStart: (e, itemId) => latest.current.onDragStart(e, itemId),
      dragOver: (e, itemId) => latest.current.onDragOver(e, itemId),
      drop: (e) => latest.current.onDrop(e),
      dragEnd: () => latest.current.onDragEnd(),
    }),
    [],
  );
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);

  const selectedLabel = selectedItem ? (numbering.items.get(selectedItem.id)?.label ?? '§') : '';
  const index = selectedItem ? items.indexOf(selectedItem) : -1;

  return (
    <nav className="agenda" aria-labelledby="agenda-heading" data-testid="agenda">
      <h2 id="agenda-heading" className="agenda-heading">
        {t('agenda.title')}
      </h2>
      <div className="agenda-actions" role="group" aria-label={t('agenda.actions')}>
        <button
          type="button"
          data-testid="agenda-move-up"
          aria-keyshortcuts="Alt+Shift+ArrowUp"
          disabled={index <= 0}
          onClick={() => moveBy(-1)}
        >
          {t('agenda.moveUp', { label: selectedLabel })}
        </button>
        <button
          type="button"
          data-testid="agenda-move-down"
          aria-keyshortcuts="Alt+Shift+ArrowDown"
          disabled={index < 0 || index >= items.length - 1}
          onClick={() => moveBy(1)}
        >
          {t('agenda.moveDown', { label: selectedLabel })}
        </button>
        <button
          type="button"
          data-testid="agenda-bordlagd"
          aria-pressed={selectedItem?.bordlagd === true}
          disabled={!selectedItem}
          onClick={() => selectedItem && AppEditor.toggleBordlagd(editor, selectedItem.id)}
        >
          {t('agenda.bordlagd', { label: selectedLabel })}
        </button>
        <button
          type="button"
          data-testid="agenda-new-item"
          onClick={() => {
            AppEditor.insertItem(editor, selectedItem?.id);
            focusEditorAt(editor, selectionBlockPath(editor));
          }}
        >
          {t('agenda.newItem')}
        </button>
        <button
          type="button"
          data-testid="agenda-new-subitem"
          disabled={!ovriga && !selectedItem}
          onClick={() => {
            const target = ovriga ?? selectedItem;
            if (!target || AppEditor.insertSubItem(editor, target.id) === null) return;
            focusEditorAt(editor, selectionBlockPath(editor));
          }}
        >
          {ovriga ? t('agenda.newSubItemUnder', { title: ovriga.title || t('agenda.untitled') }) : t('agenda.newSubItem')}
        </button>
      </div>
      {selectedItem ? <PlannedTime key={selectedItem.id} item={selectedItem} label={selectedLabel} /> : null}
      <p id="agenda-help" className="hint">
        {t('agenda.help')}
      </p>
      <ul
        ref={listRef}
        role="listbox"
        className="agenda-list"
        aria-labelledby="agenda-heading"
        aria-describedby="agenda-help"
        data-testid="agenda-list"
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => {
          const item = byId.get(row.itemId)!;
          return (
            <OutlineRow
              key={row.id}
              row={row}
              item={item}
              labels={numbering.items.get(row.itemId)}
              selected={row === selected}
              current={row.kind === 'item' && row.id === currentItemId}
              dropMark={drop?.id === row.id && row.kind === 'item' ? (drop.before ? 'before' : 'after') : null}
              handlers={handlers}
            />
          );
        })}
      </ul>
      <p role="status" className="visually-hidden" data-testid="agenda-announcement">
        {announcer.message}
      </p>
      {numberingError ? (
        <p className="agenda-note agenda-note-warning" data-testid="agenda-numbering-error">
          {t('agenda.numberingUnavailable', { message: localized(numberingError, i18n.language) })}
        </p>
      ) : !numbering.exact ? (
        <p className="agenda-note">{t('agenda.numberingLoading')}</p>
      ) : null}
      {numbering.diagnostics.length > 0 ? (
        <ul className="agenda-notes" aria-label={t('agenda.notes')} data-testid="agenda-diagnostics">
          {numbering.diagnostics.map((d, i) => (
            <li key={`${d.code}-${i}`} className={`agenda-note agenda-note-${d.severity}`} data-testid="agenda-diagnostic" data-code={d.code}>
              {localized(d, i18n.language)}
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

interface RowHandlers {
  select(id: string): void;
  jump(id: string): void;
  dragStart(e: DragEvent<HTMLLIElement>, itemId: string): void;
  dragOver(e: DragEvent<HTMLLIElement>, itemId: string): void;
  drop(e: DragEvent<HTMLLIElement>): void;
  dragEnd(): void;
}

interface RowProps {
  row: Row;
  item: OutlineItem;
  labels: ItemLabels | undefined;
  selected: boolean;
  current: boolean;
  dropMark: 'before' | 'after' | null;
  handlers: RowHandlers;
}

/**
 * One option. Memoised: typing in one item's title re-renders that row only (the outline
 * entries of the other items keep their identity, see numbering.ts).
 */
const OutlineRow = memo(function OutlineRow({ row, item, labels, selected, current, dropMark, handlers: h }: RowProps) {
  const { t } = useTranslation();
  const sub = row.kind === 'subitem' ? item.subItems.find((s) => s.id === row.id) : undefined;
  const label = sub ? (labels?.subItems.get(sub.id) ?? '') : (labels?.label ?? '§');
  const title = (sub ? sub.title : item.title) || t('agenda.untitled');
  const classes = ['agenda-option', row.kind === 'subitem' ? 'agenda-subitem' : '', current ? 'agenda-current' : '', dropMark ? `agenda-drop-${dropMark}` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      role="option"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      className={classes}
      data-row-id={row.id}
      data-testid={row.kind === 'item' ? 'outline-item' : 'outline-subitem'}
      data-item-id={row.itemId}
      data-label={label}
      data-bordlagd={row.kind === 'item' && item.bordlagd ? 'true' : undefined}
      draggable={row.kind === 'item'}
      onFocus={() => h.select(row.id)}
      // A click goes to the item in the editor, like a table of contents; the keyboard
      // selects with the arrows and goes with Enter.
      onClick={() => {
        h.select(row.id);
        h.jump(row.id);
      }}
      {...(row.kind === 'item' ? { onDragStart: (e: DragEvent<HTMLLIElement>) => h.dragStart(e, row.itemId), onDragEnd: h.dragEnd } : {})}
      onDragOver={(e) => h.dragOver(e, row.itemId)}
      onDrop={h.drop}
    >
      <span className="agenda-label">{label}</span> <span className="agenda-title">{title}</span>
      {row.kind === 'item' && item.bordlagd ? <span className="badge">{t('editor.bordlagd')}</span> : null}
      {row.kind === 'item' && item.plannedMinutes !== null ? <span className="agenda-planned">{t('itemClock.plannedShort', { minutes: item.plannedMinutes })}</span> : null}
      {current ? <span className="visually-hidden"> {t('agenda.currentItem')}</span> : null}
    </li>
  );
});

/**
 * The selected item's planned time in whole minutes (what the per-item clock compares with).
 * Written to the document as soon as it is a valid number; emptied, the plan is removed. What
 * is not a valid number (700, 1.5) is said to be unsaved, with the plan that stands, and on
 * leaving the field the text goes back to that plan: the field never shows another value than
 * the document has once she has moved on.
 */
function PlannedTime({ item, label }: { item: OutlineItem; label: string }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const saved = item.plannedMinutes === null ? '' : String(item.plannedMinutes);
  const [text, setText] = useState(saved);
  const id = useId();
  const minutes = text.trim() === '' ? null : Number(text);
  const invalid = minutes !== null && !isPlannedMinutes(minutes);
  return (
    <p className="agenda-planned-time">
      <label htmlFor={id}>{t('itemClock.planned', { label })}</label>{' '}
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_PLANNED_MINUTES}
        step={1}
        value={text}
        data-testid="agenda-planned-minutes"
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-err` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim() === '' ? null : Number(e.target.value);
          if (next === null || isPlannedMinutes(next)) AppEditor.setPlannedMinutes(editor, item.id, next);
        }}
        onBlur={() => setText(saved)}
      />
      {invalid ? (
        <span id={`${id}-err`} className="error field-error" role="alert" data-testid="agenda-planned-error">
          {t('itemClock.plannedInvalid', { max: MAX_PLANNED_MINUTES, saved: saved === '' ? t('itemClock.plannedNone') : t('itemClock.plannedShort', { minutes: saved }) })}
        </span>
      ) : null}
    </p>
  );
}
