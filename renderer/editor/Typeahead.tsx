/**
 * The type-ahead under the cursor: phrases from the body's phrase bank and names from its
 * roster (src/protocol/typeahead.ts decides what to offer). Keyboard only, never in the way:
 * Tab takes the highlighted suggestion, ↑/↓ choose, Esc puts it away until the text changes;
 * every other key types as usual. A polite live region says what is offered, for screen
 * readers, since the list itself sits outside the editable text.
 */
import { useCallback, useLayoutEffect, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Editor, Element, Range } from 'slate';
import { useSlateSelector, useSlateStatic } from 'slate-react';
import { suggest, type Suggestion, type TypeaheadPerson, type TypeaheadPhrase } from '../../src/protocol/typeahead';
import { AppEditor } from './AppEditor';
import { isLeafType } from './schema';

/** The text of the block before the cursor, with the block's id so a move to another block is a change. */
function readBefore(editor: Editor): string {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return '';
  const block = Editor.above(editor, { at: selection.focus, match: (n) => Element.isElement(n) && isLeafType(n.type) });
  if (!block || (block[0] as Element).type === 'item-title' || (block[0] as Element).type === 'subitem-title') return '';
  const before = Editor.string(editor, { anchor: Editor.start(editor, block[1]), focus: selection.focus });
  return `${(block[0] as Element).id}\u0000${before}`;
}

export interface Typeahead {
  /** Handles Tab, ↑/↓ and Esc while something is offered; true when it took the key. */
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): boolean;
  popup: ReactElement;
}

export function useTypeahead(people: readonly TypeaheadPerson[], phrases: readonly TypeaheadPhrase[]): Typeahead {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  const key = useSlateSelector(readBefore);
  const [dismissed, setDismissed] = useState<string | null>(null);
  // The highlighted one belongs to the text it was chosen for: new text, the first again.
  const [choice, setChoice] = useState<{ key: string; index: number }>({ key: '', index: 0 });
  const before = key.slice(key.indexOf('\u0000') + 1);
  const suggestions = useMemo(() => (key === '' || key === dismissed ? [] : suggest(before, people, phrases)), [key, dismissed, before, people, phrases]);
  const active = choice.key === key && choice.index < suggestions.length ? choice.index : 0;

  const accept = useCallback(
    (s: Suggestion) => {
      AppEditor.acceptSuggestion(editor, s);
      setDismissed(null);
    },
    [editor],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): boolean => {
    if (suggestions.length === 0 || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === 'Tab' && !event.shiftKey) {
      event.preventDefault();
      accept(suggestions[Math.min(active, suggestions.length - 1)]!);
      return true;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const n = suggestions.length;
      setChoice({ key, index: (active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n });
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(key);
      return true;
    }
    return false;
  };

  const popup =
    suggestions.length === 0 ? (
      <p role="status" className="visually-hidden" data-testid="typeahead-status" />
    ) : (
      <>
        <p role="status" className="visually-hidden" data-testid="typeahead-status">
          {t('typeahead.offered', { text: suggestions[active]?.text ?? '', count: suggestions.length })}
        </p>
        <TypeaheadList suggestions={suggestions} active={active} anchorKey={key} onPick={accept} />
      </>
    );
  return { onKeyDown, popup };
}

function TypeaheadList({ suggestions, active, anchorKey, onPick }: { suggestions: Suggestion[]; active: number; anchorKey: string; onPick(s: Suggestion): void }) {
  const { t } = useTranslation();
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  // Under the caret: the DOM selection's rectangle, read after the editor has rendered the text.
  useLayoutEffect(() => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0) return;
    const rect = sel.getRangeAt(0).getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0 && rect.left === 0) return;
    setPos({ left: Math.min(rect.left, window.innerWidth - 360), top: rect.bottom + 4 });
  }, [anchorKey]);
  return (
    <ul
      className="typeahead"
      role="listbox"
      aria-label={t('typeahead.label')}
      data-testid="typeahead"
      style={pos ? { position: 'fixed', left: pos.left, top: pos.top } : undefined}
    >
      {suggestions.map((s, i) => (
        <li
          key={`${s.kind}-${s.id}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'typeahead-active' : undefined}
          data-testid="typeahead-option"
          // A click must not take the focus (and the selection) from the editor first.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(s);
          }}
        >
          <span className="typeahead-text">{s.text}</span>
          {s.detail ? <span className="typeahead-detail">{s.detail}</span> : null}
          {i === active ? <kbd className="shortcut">Tab</kbd> : null}
        </li>
      ))}
    </ul>
  );
}

/** The roster as the type-ahead takes it. */
export function typeaheadPeople(people: ReadonlyArray<{ id: string; name: string; title: string; organisation: string; active: boolean }>): TypeaheadPerson[] {
  return people.map((p) => ({ id: p.id, name: p.name, title: p.title, organisation: p.organisation, active: p.active }));
}

