/**
 * The body's previous meeting beside the editor, to look things up while typing ("what did
 * we decide about the IVO report last time?"): its items with their § labels, and under each
 * the att-satser decided, with a filter field. Read-only, from the Core's projections
 * (meetings.items, register.list), so opening it never opens another document.
 *
 * Alt+Shift+M (föregående Möte) opens it from anywhere on the meeting screen and puts the
 * cursor in the filter; Esc or "Stäng" closes it and gives the focus back to where it was
 * (usually the text being written), so looking something up never loses the place.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemRow, Meeting } from '../../src/api/contract';
import type { RegisterDecisionRow } from '../../src/api/registerContract';
import { previousMeeting } from '../../src/numbering/previous';
import { foldSwedish } from '../../src/search/text';
import { useApi } from '../app/ConnectionContext';
import { ErrorMessage, type Bilingual } from '../app/ErrorMessage';

interface Loaded {
  meeting: Meeting;
  items: ItemRow[];
  decisions: RegisterDecisionRow[];
}

export const PREVIOUS_MEETING_SHORTCUT = 'Alt+Shift+M';

/** Alt+Shift+M, by `code`: with Alt held, macOS types another character. */
export const isPreviousMeetingKey = (e: { altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string }) =>
  e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyM';

export function PreviousMeetingSection({ meeting, open, onOpenChange }: { meeting: Meeting; open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  const id = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<{ element: HTMLElement | null; caret: Range | null } | null>(null);

  // Remember where the focus was when the panel opened (the shortcut is pressed in the text).
  // A layout effect runs before the panel's own effect moves the focus into the filter.
  // The caret too: focusing the editor element alone would put it at the start of the text,
  // and the next keystrokes would land there (Slate follows the DOM selection).
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    const selection = window.getSelection();
    returnTo.current = {
      element: active instanceof HTMLElement && active !== document.body ? active : buttonRef.current,
      caret: selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null,
    };
  }, [open]);
  const close = useCallback(() => {
    onOpenChange(false);
    const back = returnTo.current;
    returnTo.current = null;
    // After React has hidden the panel: focusing first would be undone by the unmount.
    setTimeout(() => {
      const element = back?.element?.isConnected ? back.element : buttonRef.current;
      element?.focus();
      const caret = back?.caret;
      if (element && caret && element.contains(caret.startContainer)) {
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(caret);
      }
    }, 0);
  }, [onOpenChange]);

  return (
    <div className="previous-meeting-section">
      <button
        ref={buttonRef}
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-keyshortcuts="Alt+Shift+M"
        data-testid="previous-meeting-toggle"
        onClick={() => (open ? close() : onOpenChange(true))}
      >
        {t('previousMeeting.toggle')} <kbd className="shortcut">{PREVIOUS_MEETING_SHORTCUT}</kbd>
      </button>
      <div id={`${id}-panel`} hidden={!open}>
        {open ? <PreviousMeetingPanel meeting={meeting} onClose={close} /> : null}
      </div>
    </div>
  );
}

function PreviousMeetingPanel({ meeting, onClose }: { meeting: Meeting; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded | 'none' | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await api.invoke('meetings.list', { bodyId: meeting.bodyId });
      if (!live) return;
      if (!list.ok) return setError(list.error.message);
      const previous = previousMeeting(list.value, meeting);
      if (!previous) return setLoaded('none');
      const [items, decisions] = await Promise.all([
        api.invoke('meetings.items', { meetingId: previous.id }),
        api.invoke('register.list', { meetingId: previous.id }),
      ]);
      if (!live) return;
      if (!items.ok) return setError(items.error.message);
      if (!decisions.ok) return setError(decisions.error.message);
      setError(null);
      setLoaded({ meeting: previous, items: items.value, decisions: decisions.value });
    })();
    return () => {
      live = false;
    };
  }, [api, meeting]);

  // The focus moves in once the answer is there: into the filter, or onto "Stäng" when there
  // is nothing to search. Not earlier (autoFocus): the section must first see where it was.
  const closeRef = useRef<HTMLButtonElement>(null);
  const settled = loaded === null ? (error ? 'error' : null) : loaded === 'none' ? 'none' : 'items';
  useEffect(() => {
    if (settled === 'items') filterRef.current?.focus();
    else if (settled !== null) closeRef.current?.focus();
  }, [settled]);

  const shown = useMemo(() => (loaded && loaded !== 'none' ? visibleItems(loaded, filter) : []), [loaded, filter]);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.key === 'Escape' || isPreviousMeetingKey(e)) {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  }

  return (
    <section className="card previous-meeting" aria-labelledby={headingId} data-testid="previous-meeting" onKeyDown={onKeyDown}>
      <h2 id={headingId}>
        {loaded && loaded !== 'none' ? t('previousMeeting.heading', { title: loaded.meeting.title, date: loaded.meeting.date }) : t('previousMeeting.toggle')}
      </h2>
      <ErrorMessage error={error} />
      {loaded === null && !error ? <p role="status">{t('previousMeeting.loading')}</p> : null}
      {loaded === 'none' ? <p data-testid="previous-meeting-none">{t('previousMeeting.none')}</p> : null}
      {loaded && loaded !== 'none' ? (
        <>
          <label>
            {t('previousMeeting.filter')}{' '}
            <input ref={filterRef} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="previous-meeting-filter" />
          </label>
          <p role="status" className="visually-hidden">
            {t('previousMeeting.count', { count: shown.length })}
          </p>
          <ol className="previous-items">
            {shown.map((item) => (
              <li key={item.id} data-testid="previous-item">
                <strong>{item.label ?? '§'}</strong> {item.title}
                {item.bordlagd ? <span className="muted"> ({t('previousMeeting.bordlagd')})</span> : null}
                {item.decisions.length > 0 ? (
                  <ul className="previous-decisions">
                    {item.decisions.map((d) => (
                      <li key={d.id} data-testid="previous-decision">
                        {d.subLabel ? <strong>{d.subLabel} </strong> : null}
                        {d.text}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <button ref={closeRef} type="button" className="secondary" onClick={onClose} data-testid="previous-meeting-close">
        {t('previousMeeting.close')}
      </button>
    </section>
  );
}

interface ShownItem {
  id: string;
  label: string | null;
  title: string;
  bordlagd: boolean;
  decisions: Array<{ id: string; text: string; subLabel: string | null }>;
}

/** The items in order with their decisions; with a filter, those whose title or decisions hold every word of it. */
export function visibleItems({ items, decisions }: Pick<Loaded, 'items' | 'decisions'>, filter: string): ShownItem[] {
  const words = foldSwedish(filter).split(/\s+/u).filter(Boolean);
  const subLabels = new Map(items.flatMap((i) => i.subItems.map((s) => [s.id, s.label] as const)));
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      id: item.id,
      label: item.label,
      title: item.title,
      bordlagd: item.bordlagd,
      decisions: decisions.filter((d) => d.itemId === item.id).map((d) => ({ id: d.id, text: d.text, subLabel: d.subItemId ? (subLabels.get(d.subItemId) ?? null) : null })),
    }))
    .filter((item) => {
      if (words.length === 0) return true;
      const haystack = foldSwedish([item.title, ...item.decisions.map((d) => d.text)].join(' '));
      return words.every((w) => haystack.includes(w));
    });
}
