/**
 * Commands for lists, tables, links and the Dokument and "Protokollet skickas till" blocks
 * (STYLE.md §6: the shortcuts and the toolbar call these, never Transforms directly). No
 * React here: unit-tested on a headless editor. Kept apart from AppEditor so the § and
 * decision commands stay readable; the shapes are src/protocol/richBlocks.ts.
 */
import { Editor, Element, Node, Path, Range, Text, Transforms, type Point } from 'slate';
import { safeLinkUrl } from '../../src/protocol/schema';
import { distributionBlock, documentsBlock, list, table, tableRow, type ProtocolElement, type TableElement } from './schema';
import { leafAbove } from './withBlockEditing';

export const RichEditor = {
  /**
   * The block standing directly in an item or sub-item that holds `path` (a list for one of
   * its items, a table for a cell, a decision for an att-sats), or null (a title, the top).
   */
  bodyBlockPath(editor: Editor, path: Path): Path | null {
    for (let p = path; p.length >= 2; p = Path.parent(p)) {
      const parent = Node.get(editor, Path.parent(p));
      if (Element.isElement(parent) && (parent.type === 'item' || parent.type === 'subitem')) {
        const node = Node.get(editor, p);
        return Element.isElement(node) && node.type !== 'item-title' && node.type !== 'subitem-title' ? p : null;
      }
    }
    return null;
  },

  /** The table cell holding `at` (the cursor by default), or null. */
  cellPath(editor: Editor, at?: Point): Path | null {
    const point = at ?? editor.selection?.focus;
    if (!point) return null;
    const cell = Editor.above(editor, { at: point, match: (n) => Element.isElement(n) && n.type === 'table-cell' });
    return cell ? cell[1] : null;
  },

  /**
   * Tab / Shift+Tab in a table: to the next (previous) cell, row by row. Past the last cell,
   * with `addRow`, a new row (Tab in the last cell, as in Word); before the first, nothing.
   * False when the cursor is not in a table (the key is then not ours).
   */
  moveCell(editor: Editor, dir: 1 | -1, options: { addRow?: boolean; toStart?: boolean } = {}): boolean {
    const cellPath = RichEditor.cellPath(editor);
    if (!cellPath) return false;
    const rowPath = Path.parent(cellPath);
    const tablePath = Path.parent(rowPath);
    const t = Node.get(editor, tablePath) as TableElement;
    const cells: Path[] = [];
    t.children.forEach((r, i) => r.children.forEach((_, j) => cells.push([...tablePath, i, j])));
    const index = cells.findIndex((p) => Path.equals(p, cellPath));
    const target = cells[index + dir];
    if (target) {
      Transforms.select(editor, options.toStart ? Editor.start(editor, target) : Editor.end(editor, target));
    } else if (dir === 1 && options.addRow !== false) {
      RichEditor.addTableRow(editor);
    }
    return true;
  },

  /** A new empty row under the cursor's row; the cursor goes to its first cell. */
  addTableRow(editor: Editor): boolean {
    const cellPath = RichEditor.cellPath(editor);
    if (!cellPath) return false;
    const rowPath = Path.parent(cellPath);
    const width = (Node.get(editor, rowPath) as Element).children.length;
    const at = Path.next(rowPath);
    Editor.withoutNormalizing(editor, () => {
      Transforms.insertNodes(editor, tableRow(width), { at });
      Transforms.select(editor, Editor.start(editor, at));
    });
    return true;
  },

  /** Alt+Shift+T: a 2 × 2 table with a header row where the cursor is; the cursor in its first cell. */
  insertTable(editor: Editor): boolean {
    return insertBlockHere(editor, table());
  },

  /**
   * Alt+Shift+L / Alt+Shift+N: in a paragraph, it becomes a list item of a bullet (numbered)
   * list; in a list item of the other kind, the list changes kind; of the same kind, the item
   * leaves the list (a toggle, as in any word processor); elsewhere a new list is started
   * after the block the cursor is in.
   */
  toggleList(editor: Editor, ordered: boolean): boolean {
    const leaf = editor.selection ? leafAbove(editor, editor.selection) : undefined;
    if (!leaf) return false;
    const [node, path] = leaf;
    if (node.type === 'list-item') {
      const listPath = Path.parent(path);
      const container = Node.get(editor, listPath) as ProtocolElement;
      if (container.type !== 'list') return false; // a Dokument or skickas-till line stays one
      if ((container.ordered === true) === ordered) liftToParagraph(editor, path);
      else if (ordered) Transforms.setNodes(editor, { ordered: true }, { at: listPath });
      else Transforms.unsetNodes(editor, 'ordered', { at: listPath });
      return true;
    }
    const parent = Node.parent(editor, path);
    if (node.type === 'paragraph' && Element.isElement(parent) && (parent.type === 'item' || parent.type === 'subitem')) {
      Editor.withoutNormalizing(editor, () => {
        Transforms.setNodes(editor, { type: 'list-item' }, { at: path });
        Transforms.wrapNodes(editor, { ...list(ordered), children: [] }, { at: path });
      });
      return true;
    }
    return insertBlockHere(editor, list(ordered));
  },

  /** Alt+Shift+D: the item's (or sub-item's) "Dokument" block; to its end when there is one. */
  insertDocuments(editor: Editor): boolean {
    return goToOrInsert(editor, 'documents', () => documentsBlock());
  },

  /** Alt+Shift+S: the "Protokollet skickas till" block; to its end when there is one. */
  insertDistribution(editor: Editor): boolean {
    return goToOrInsert(editor, 'distribution', () => distributionBlock());
  },

  /** The link address at the cursor (or at the start of the selection), or null. */
  linkAt(editor: Editor): string | null {
    const { selection } = editor;
    if (!selection) return null;
    const point = Range.start(selection);
    const node = Node.has(editor, point.path) ? Node.get(editor, point.path) : null;
    return node && Text.isText(node) && typeof node.link === 'string' ? node.link : null;
  },

  /**
   * Ctrl+K: a link to `url` (which must pass safeLinkUrl; the dialog checks). A selection
   * becomes the link's text; in a link, its address changes; elsewhere `text` (or the address
   * itself) is inserted as a link, and what is typed after it is not part of it.
   */
  insertLink(editor: Editor, url: string, text = ''): boolean {
    const safe = safeLinkUrl(url);
    const { selection } = editor;
    if (!safe || !selection) return false;
    if (!Range.isCollapsed(selection)) {
      Transforms.setNodes(editor, { link: safe }, { match: Text.isText, split: true });
      return true;
    }
    const current = RichEditor.linkAt(editor);
    if (current !== null && text === '') {
      const block = leafAbove(editor, selection);
      if (block) Transforms.setNodes(editor, { link: safe }, { at: block[1], match: (n) => Text.isText(n) && n.link === current });
      return true;
    }
    const shown = text.trim() || safe.replace(/^mailto:/iu, '');
    // Bold or italic at the cursor carry over; a person reference does not (a link is not a name).
    const { personId: _person, link: _link, text: _text, ...marks } = { text: '', ...(Editor.marks(editor) ?? {}) };
    Transforms.insertNodes(editor, { ...marks, text: shown, link: safe }, { select: true });
    Editor.removeMark(editor, 'link');
    return true;
  },

  /** Takes the link at the cursor away (its text stays). */
  removeLink(editor: Editor): boolean {
    const current = RichEditor.linkAt(editor);
    const block = editor.selection ? leafAbove(editor, editor.selection) : undefined;
    if (current === null || !block) return false;
    Transforms.unsetNodes(editor, 'link', { at: block[1], match: (n) => Text.isText(n) && n.link === current });
    return true;
  },
};

/** The list item at `path` becomes a paragraph where it stood, its list split around it when needed. */
export function liftToParagraph(editor: Editor, path: Path): void {
  const ref = Editor.pathRef(editor, path);
  Editor.withoutNormalizing(editor, () => {
    Transforms.liftNodes(editor, { at: path });
    const at = ref.current;
    if (at) Transforms.setNodes(editor, { type: 'paragraph' }, { at });
  });
  ref.unref();
}

/**
 * A new body block where the cursor is: an empty paragraph becomes it; otherwise it goes
 * right after the body block the cursor is in (after the title: first under it). The cursor
 * goes to its start.
 */
function insertBlockHere(editor: Editor, block: Element): boolean {
  const leaf = editor.selection ? leafAbove(editor, editor.selection) : undefined;
  if (!leaf) return false;
  const [node, path] = leaf;
  const isTitle = node.type === 'item-title' || node.type === 'subitem-title';
  const body = isTitle ? path : RichEditor.bodyBlockPath(editor, path);
  if (!body) return false;
  Editor.withoutNormalizing(editor, () => {
    if (node.type === 'paragraph' && Path.equals(body, path) && Node.string(node) === '') {
      Transforms.removeNodes(editor, { at: path });
      Transforms.insertNodes(editor, block, { at: path });
      Transforms.select(editor, Editor.start(editor, path));
    } else {
      const at = Path.next(body);
      Transforms.insertNodes(editor, block, { at });
      Transforms.select(editor, Editor.start(editor, at));
    }
  });
  return true;
}

function goToOrInsert(editor: Editor, type: 'documents' | 'distribution', make: () => Element): boolean {
  const leaf = editor.selection ? leafAbove(editor, editor.selection) : undefined;
  if (!leaf) return false;
  for (let p = Path.parent(leaf[1]); p.length > 0; p = Path.parent(p)) {
    const n = Node.get(editor, p);
    if (!Element.isElement(n) || (n.type !== 'item' && n.type !== 'subitem')) continue;
    const existing = n.children.findIndex((c) => c.type === type);
    if (existing >= 0) {
      Transforms.select(editor, Editor.end(editor, [...p, existing]));
      return true;
    }
    break;
  }
  return insertBlockHere(editor, make());
}
