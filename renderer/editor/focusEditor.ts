/**
 * Moving the person's focus into the editor at a place a command just selected (a jump from
 * the outline, a new item's title). Focus and scrolling are DOM matters, kept out of the
 * commands so those stay testable without a browser.
 */
import { Editor, Node, type Path } from 'slate';
import { ReactEditor } from 'slate-react';

export function focusEditorAt(editor: Editor, path: Path | null): void {
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

/** The path of the block holding the cursor, for focusEditorAt after a command. */
export function selectionBlockPath(editor: Editor): Path | null {
  const focus = editor.selection?.focus;
  return focus ? Editor.path(editor, focus).slice(0, -1) : null;
}
