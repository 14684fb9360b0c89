/**
 * Moving the person's focus into the editor at a place a command just selected (a jump from
 * the outline, a new item's title). Focus and scrolling are DOM matters, kept out of the
 * commands so those stay testable without a browser.
 */
import { useLayoutEffect } from 'react';
import { Editor, Node, type Path } from 'slate';
import { ReactEditor, useSlate } from 'slate-react';

/**
 * Editors whose command put the cursor at a place not drawn yet (a new item), with the element
 * that had the focus then (the button she clicked). The render that draws the place focuses it
 * (useFocusAfterRender).
 */
const awaitingRender = new WeakMap<Editor, Element | null>();

export function focusEditorAt(editor: Editor, path: Path | null): void {
  if (!focusNow(editor)) {
    awaitingRender.set(editor, document.activeElement);
    // Slate's own focus comes on a timer (10 ms, later on a busy laptop) after the command's
    // operations are applied: the fallback, should the next render not draw the place.
    ReactEditor.focus(editor);
  }
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
 * that place is on screen: the keys she types right after Enter in the outline, or right after
 * clicking "Ny underpunkt", then land in the text, not in the outline or on the button she is
 * leaving (where they would be lost). With the DOM selection equal to Slate's, the
 * selectionchange that follows changes nothing. False when the place is not rendered yet.
 */
function focusNow(editor: Editor): boolean {
  if (ReactEditor.isFocused(editor)) return true;
  if (!editor.selection) return false;
  try {
    const range = ReactEditor.toDOMRange(editor, editor.selection);
    const el = ReactEditor.toDOMNode(editor, editor);
    el.focus({ preventScroll: true });
    const selection = el.ownerDocument.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return true;
  } catch {
    return false;
  }
}

/**
 * Gives the focus to a new item's title in the same task as the click that made it: the
 * render drawing it happens in that task's microtasks, before any key she types next, whereas
 * Slate's focus timer can come after several keys on a busy machine (CI saw a whole word of a
 * sub-item's title go to the button). Only while the focus is still where it was at the
 * command: if she has moved on (clicked a field), a later render must not pull her back.
 * Used once, inside <Slate>; useSlate re-renders it after every change.
 */
export function useFocusAfterRender(): void {
  const editor = useSlate();
  useLayoutEffect(() => {
    if (!awaitingRender.has(editor)) return;
    const stillThere = document.activeElement === awaitingRender.get(editor);
    if (!stillThere || focusNow(editor)) awaitingRender.delete(editor);
  });
}

/** The path of the block holding the cursor, for focusEditorAt after a command. */
export function selectionBlockPath(editor: Editor): Path | null {
  const focus = editor.selection?.focus;
  return focus ? Editor.path(editor, focus).slice(0, -1) : null;
}
