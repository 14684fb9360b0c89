/**
 * The keys and toolbar buttons of lists, tables, links and the Dokument and "Protokollet
 * skickas till" blocks (the commands are richCommands.ts). Shortcuts by physical key (`code`),
 * like the decision's Alt+Shift+B, so macOS's Option characters do not matter:
 *   Tab / Shift+Tab      next / previous table cell (Tab in the last cell adds a row)
 *   Ctrl+K               link (the dialog asks for the address)
 *   Alt+Shift+T          table, 2 × 2 with a header row
 *   Alt+Shift+L / N      bullet / numbered list
 *   Alt+Shift+D          Dokument
 *   Alt+Shift+S          Protokollet skickas till
 * Tab accepts a type-ahead suggestion first when one is offered (Typeahead.tsx runs before
 * this); Esc puts the suggestion away, then Tab moves to the next cell.
 */
import type { KeyboardEvent } from 'react';
import type { Editor } from 'slate';
import { useSlateStatic } from 'slate-react';
import { useRichStrings } from '../i18n/richBlocks';
import { focusEditorAt, selectionBlockPath } from './focusEditor';
import { RichEditor } from './richCommands';

const altShiftCommands: Record<string, (editor: Editor) => boolean> = {
  KeyT: RichEditor.insertTable,
  KeyL: (editor) => RichEditor.toggleList(editor, false),
  KeyN: (editor) => RichEditor.toggleList(editor, true),
  KeyD: RichEditor.insertDocuments,
  KeyS: RichEditor.insertDistribution,
};

/** Handles the key when it is one of these shortcuts; true when it did. */
export function onRichKeyDown(editor: Editor, event: KeyboardEvent<HTMLElement>, openLink: () => void): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (event.key === 'Tab' && !mod && !event.altKey) {
    if (!RichEditor.moveCell(editor, event.shiftKey ? -1 : 1, { addRow: !event.shiftKey })) return false;
    event.preventDefault();
    return true;
  }
  if (mod && !event.altKey && !event.shiftKey && event.code === 'KeyK') {
    event.preventDefault();
    openLink();
    return true;
  }
  const command = event.altKey && event.shiftKey && !mod ? altShiftCommands[event.code] : undefined;
  if (!command) return false;
  event.preventDefault();
  command(editor);
  return true;
}

/** Toolbar buttons for the same commands (each shows its shortcut). */
export function RichToolbarButtons({ onLink }: { onLink(): void }) {
  const s = useRichStrings();
  const buttons: Array<{ testId: string; shortcut: string; keys: string; label: string; run(editor: Editor): boolean }> = [
    { testId: 'new-list', shortcut: 'Alt+Shift+L', keys: 'Alt+Shift+L', label: s.bulletList, run: altShiftCommands.KeyL! },
    { testId: 'new-numbered-list', shortcut: 'Alt+Shift+N', keys: 'Alt+Shift+N', label: s.numberedList, run: altShiftCommands.KeyN! },
    { testId: 'new-table', shortcut: 'Alt+Shift+T', keys: 'Alt+Shift+T', label: s.newTable, run: RichEditor.insertTable },
    { testId: 'new-documents', shortcut: 'Alt+Shift+D', keys: 'Alt+Shift+D', label: s.newDocuments, run: RichEditor.insertDocuments },
    { testId: 'new-distribution', shortcut: 'Alt+Shift+S', keys: 'Alt+Shift+S', label: s.newDistribution, run: RichEditor.insertDistribution },
  ];
  const editor = useSlateStatic();
  return (
    <>
      {buttons.map((b) => (
        <button
          key={b.testId}
          type="button"
          data-testid={b.testId}
          aria-keyshortcuts={b.keys}
          // Keep the text's selection: a mousedown on a button would otherwise blur the editor first.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (b.run(editor)) focusEditorAt(editor, selectionBlockPath(editor));
          }}
        >
          {b.label}
          <kbd className="shortcut">{b.shortcut}</kbd>
        </button>
      ))}
      <button type="button" data-testid="new-link" aria-keyshortcuts="Control+K" onMouseDown={(e) => e.preventDefault()} onClick={onLink}>
        {s.newLink}
        <kbd className="shortcut">Ctrl+K</kbd>
      </button>
    </>
  );
}
