/**
 * Editor commands, in one place (STYLE.md §6): keyboard shortcuts and buttons call these,
 * never Transforms directly, so a command behaves the same whichever way it is invoked.
 */
import { Editor, Element, Node, Transforms } from 'slate';
import type { BlockElement } from './schema';
import { itemTitle } from './schema';

export const AppEditor = {
  /**
   * Starts a new § item after the current one (after its last paragraph, before the next
   * title) and puts the cursor in its title. An empty paragraph at the very end of the
   * current item becomes the title instead, so the usual rhythm "Enter, Enter, Ctrl+Enter"
   * leaves no stray empty line behind.
   */
  insertItem(editor: Editor): void {
    const children = editor.children as BlockElement[];
    const current = editor.selection ? editor.selection.focus.path[0]! : children.length - 1;
    let end = current + 1;
    while (end < children.length && children[end]!.type !== 'item-title') end++;

    const block = children[current];
    if (block && block.type === 'paragraph' && end === current + 1 && Node.string(block) === '') {
      Transforms.setNodes(editor, { type: 'item-title' }, { at: [current] });
      Transforms.select(editor, Editor.start(editor, [current]));
      return;
    }
    Transforms.insertNodes(editor, itemTitle(), { at: [end], select: true });
  },

  /** The top-level block the cursor is in, if any. */
  currentBlock(editor: Editor): BlockElement | undefined {
    if (!editor.selection) return undefined;
    const node = editor.children[editor.selection.focus.path[0]!];
    return node && Element.isElement(node) ? node : undefined;
  },
};
