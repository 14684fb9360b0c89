/**
 * Enter, Backspace, Delete and the markdown-style start of a list, in lists and tables (and
 * in the Dokument and "Protokollet skickas till" blocks, which are lists too):
 *
 * - "- ", "* ", "– " or "• " typed at the start of a paragraph starts a bullet list, "1. " (or
 *   "1) ") a numbered list; the marker goes, the rest of the paragraph becomes the first list
 *   item. Only in a paragraph of an item or sub-item: an att-sats ("1. Att …" is a numbered
 *   att-sats) and titles are never turned into lists.
 * - Enter in a list item with text starts the next item (Slate's split; withIds renews the
 *   id). Enter on an empty list item leaves the list: the item becomes a paragraph after the
 *   list (in the middle, the list is split around it), the way out of a list in any word
 *   processor. Backspace at the start of a list item does the same (the bullet goes, the text
 *   stays), instead of pulling its words into the block above.
 * - In a table Enter never splits a cell: at the end of the last row's last cell it adds a row;
 *   anywhere in an empty last row below a body row it leaves the table instead, removing that
 *   row (like the empty list item); anywhere else it is a line break inside the cell. Backspace at
 *   the start of a cell and Delete at its end do not merge cells; they move to the cell before
 *   or after.
 */
import { Editor, Element, Node, Path, Point, Range, Transforms } from 'slate';
import { newId, paragraph, tableRow, type TableElement } from './schema';
import { leafAbove } from './withBlockEditing';
import { liftToParagraph, RichEditor } from './richCommands';

const BULLET = /^[-*–•]$/u;
const NUMBERED = /^1[.)]$/u;

export function withRichEditing<T extends Editor>(editor: T): T {
  const { insertBreak, insertText, deleteBackward, deleteForward } = editor;

  editor.insertText = (text) => {
    if (text === ' ' && autoformatList(editor)) return;
    insertText(text);
  };

  editor.insertBreak = () => {
    const { selection } = editor;
    const leaf = selection && Range.isCollapsed(selection) ? leafAbove(editor, selection) : undefined;
    if (leaf && leaf[0].type === 'list-item' && Node.string(leaf[0]) === '') {
      liftToParagraph(editor, leaf[1]);
      return;
    }
    if (leaf && leaf[0].type === 'table-cell') {
      breakInCell(editor, leaf[1]);
      return;
    }
    if (selection && !Range.isCollapsed(selection) && RichEditor.cellPath(editor, Range.start(selection))) {
      // A range from a cell: delete it, then decide at the collapsed point.
      Transforms.delete(editor);
      editor.insertBreak();
      return;
    }
    insertBreak();
  };

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    const leaf = selection && Range.isCollapsed(selection) ? leafAbove(editor, selection) : undefined;
    if (leaf && Editor.isStart(editor, selection!.focus, leaf[1])) {
      if (leaf[0].type === 'list-item') {
        liftToParagraph(editor, leaf[1]);
        return;
      }
      if (leaf[0].type === 'table-cell') {
        RichEditor.moveCell(editor, -1, { addRow: false });
        return;
      }
    }
    deleteBackward(unit);
  };

  editor.deleteForward = (unit) => {
    const { selection } = editor;
    const leaf = selection && Range.isCollapsed(selection) ? leafAbove(editor, selection) : undefined;
    if (leaf && leaf[0].type === 'table-cell' && Editor.isEnd(editor, selection!.focus, leaf[1])) {
      RichEditor.moveCell(editor, 1, { addRow: false, toStart: true });
      return;
    }
    deleteForward(unit);
  };

  return editor;
}

/** "- " / "1. " at the start of a paragraph: see the file comment. True when it happened. */
function autoformatList(editor: Editor): boolean {
  const { selection } = editor;
  if (!selection || !Range.isCollapsed(selection)) return false;
  const leaf = leafAbove(editor, selection);
  if (!leaf || leaf[0].type !== 'paragraph') return false;
  const [, path] = leaf;
  const parent = Node.parent(editor, path);
  if (!Element.isElement(parent) || (parent.type !== 'item' && parent.type !== 'subitem')) return false;
  const start = Editor.start(editor, path);
  const before = Editor.string(editor, { anchor: start, focus: selection.focus });
  const ordered = NUMBERED.test(before);
  if (!ordered && !BULLET.test(before)) return false;
  Editor.withoutNormalizing(editor, () => {
    Transforms.delete(editor, { at: { anchor: start, focus: selection.focus } });
    Transforms.setNodes(editor, { type: 'list-item' }, { at: path });
    Transforms.wrapNodes(editor, { type: 'list', id: newId(), ...(ordered ? { ordered: true } : {}), children: [] }, { at: path });
  });
  return true;
}

function breakInCell(editor: Editor, cellPath: Path): void {
  const rowPath = Path.parent(cellPath);
  const tablePath = Path.parent(rowPath);
  const table = Node.get(editor, tablePath) as TableElement;
  const rowIndex = rowPath[rowPath.length - 1]!;
  const lastRow = rowIndex === table.children.length - 1;
  const lastCell = cellPath[cellPath.length - 1] === table.children[rowIndex]!.children.length - 1;
  const atEnd = Point.equals(editor.selection!.focus, Editor.end(editor, cellPath));
  const row = table.children[rowIndex]!;
  const above = table.children[rowIndex - 1];
  if (lastRow && Node.string(row) === '' && above && above.header !== true) {
    // The way out: the empty last row goes, a paragraph after the table takes the cursor.
    Editor.withoutNormalizing(editor, () => {
      Transforms.removeNodes(editor, { at: rowPath });
      Transforms.insertNodes(editor, paragraph(), { at: Path.next(tablePath), select: true });
    });
    return;
  }
  if (!(lastRow && lastCell && atEnd)) {
    editor.insertText('\n');
    return;
  }
  const at = Path.next(rowPath);
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertNodes(editor, tableRow(row.children.length), { at });
    Transforms.select(editor, Editor.start(editor, at));
  });
}
