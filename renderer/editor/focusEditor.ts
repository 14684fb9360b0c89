/**
 * Moving the person's focus into the editor at a place a command just selected (a jump from
 * the outline, a new item's title). Focus and scrolling are DOM matters, kept out of the
 * commands so those stay testable without a browser.
 */
import { Editor, Node, type Path } from 'slate';
import { ReactEditor } from 'slate-react';

export function focusEditorAt(editor: Editor, path: Path | null): void {
  focusNow(editor);
  // Slate's own focus waits until the command's operations are applied (a moment later); it
  // does nothing when focusNow already did it.
  ReactEditor.focus(editor);
  if (!path) return;
  // After the next frame: a node inserted by the command is rendered by then.
  requestAnimationFrame(() => {
    try {
      if (!Node.has(editor, path)) return;
      const dom = ReactEditor.toDOMNode(editor, Node.get(editor, path));
      dom.scrollIntoView({ block: 'center' });
    } catch {
      // The node went away in between (a remote change): nothing to scroll to.
    }
  });
}

/**
 * Focuses the text at once, with the browser's selection where the command put Slate's, when
 * that place is already on screen (a jump to an existing item): the keys she types right after
 * Enter in the outline then land in the text, not in the outline she is leaving. With the DOM
 * selection equal to Slate's, the selectionchange that follows changes nothing. A place not yet
 * rendered (a new item) is left to Slate's deferred focus.
 */
function focusNow(editor: Editor): void {
  if (ReactEditor.isFocused(editor) || !editor.selection) return;
  try {
    const range = ReactEditor.toDOMRange(editor, editor.selection);
    const el = ReactEditor.toDOMNode(editor, editor);
    el.focus({ preventScroll: true });
    const selection = el.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  } catch {
    // Not rendered yet: Slate focuses once it is.
  }
}

/** The path of the block holding the cursor, for focusEditorAt after a command. */
export function selectionBlockPath(editor: Editor): Path | null {
  const focus = editor.selection?.focus;
  return focus ? Editor.path(editor, focus).slice(0, -1) : null;
}
