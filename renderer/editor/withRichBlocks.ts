/**
 * Lists, tables, the "Dokument" and "Protokollet skickas till" blocks, and links
 * (src/protocol/richBlocks.ts) keep their shape whatever is typed, pasted or merged from
 * another device. Repairs, keeping every character:
 *
 * - a list (or Dokument, or skickas-till block) holds list items only: bare text is wrapped in
 *   one, another text block (a paragraph, a table cell, a title) becomes one, a block that
 *   holds blocks (a nested list, a table) is unwrapped so its text is repaired in turn; an
 *   empty one is removed; two neighbours of the same kind (a bullet list next to a bullet
 *   list, two Dokument blocks) become one, like two merged decisions;
 * - a list item standing directly in an item or sub-item is wrapped in a bullet list;
 * - a table holds rows, a row holds cells: a stray cell is wrapped in a row, a stray text block
 *   becomes a cell, bare text is wrapped, a block holding blocks is unwrapped; an empty table
 *   or row is removed; a row shorter than the widest gets empty cells at its end (a merge of
 *   "add a column" and "add a row" from two devices must not leave a ragged table); only the
 *   first row may be the header row; a row or cell standing directly in an item or sub-item is
 *   wrapped in a row and a table;
 * - a link whose address is not http:, https: or mailto: loses the link (the text stays).
 * Anything of these in a decision, a title or a paragraph is withDecisions' and withBlocks' case.
 */
import { Element, Node, Path, Text, Transforms, type Editor, type NodeEntry } from 'slate';
import { isListLikeType, safeLinkUrl } from '../../src/protocol/schema';
import { isLeafType, newId, type TableElement } from './schema';

export function withRichBlocks<T extends Editor>(editor: T): T {
  const { normalizeNode } = editor;

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (Text.isText(node)) {
      if (node.link !== undefined && safeLinkUrl(node.link) === null) {
        Transforms.unsetNodes(editor, 'link', { at: path });
        return;
      }
    } else if (Element.isElement(node) && path.length > 0) {
      if (isListLikeType(node.type) && repairListLike(editor, node, path)) return;
      if (node.type === 'table' && repairTable(editor, node, path)) return;
      if (node.type === 'table-row' && repairRow(editor, node, path)) return;
      if ((node.type === 'list-item' || node.type === 'table-row' || node.type === 'table-cell') && wrapStray(editor, node.type, path)) return;
    }
    normalizeNode(entry, options);
  };

  return editor;
}

/** A list item, row or cell standing directly in an item or sub-item body gets its container. */
function wrapStray(editor: Editor, type: 'list-item' | 'table-row' | 'table-cell', path: Path): boolean {
  const parent = Node.parent(editor, path);
  if (!Element.isElement(parent) || (parent.type !== 'item' && parent.type !== 'subitem')) return false;
  const wrapper = type === 'list-item' ? { type: 'list' as const } : type === 'table-row' ? { type: 'table' as const } : { type: 'table-row' as const };
  Transforms.wrapNodes(editor, { ...wrapper, id: newId(), children: [] }, { at: path });
  return true;
}

/**
 * Children of a container that must hold one kind of text block (`leafType`): bare text is
 * wrapped in `wrapType`, another text block becomes `leafType` (or is wrapped, when
 * `wrapLeaves`), a block holding blocks is unwrapped. True when something was repaired.
 */
function repairChildren(editor: Editor, node: Element, path: Path, ok: string, leafType: 'list-item' | 'table-cell', wrapType: 'list-item' | 'table-row' | 'table-cell'): boolean {
  if (node.children.length === 0) {
    Transforms.removeNodes(editor, { at: path });
    return true;
  }
  for (let j = 0; j < node.children.length; j++) {
    const child = node.children[j] as Node;
    const at = [...path, j];
    if (Text.isText(child)) {
      Transforms.wrapNodes(editor, { type: wrapType, id: newId(), children: [] }, { at });
      return true;
    }
    if (!Element.isElement(child) || child.type === ok) continue;
    if (child.type === leafType && wrapType !== leafType) {
      Transforms.wrapNodes(editor, { type: wrapType, id: newId(), children: [] }, { at });
    } else if (isLeafType(child.type)) {
      setLeaf(editor, at, leafType);
    } else {
      Transforms.unwrapNodes(editor, { at });
    }
    return true;
  }
  return false;
}

/** A text block becomes another kind of text block; properties of its old kind go. */
function setLeaf(editor: Editor, at: Path, type: 'list-item' | 'table-cell'): void {
  Transforms.unsetNodes(editor, ['header', 'ordered'], { at });
  Transforms.setNodes(editor, { type }, { at });
}

function repairListLike(editor: Editor, node: Element, path: Path): boolean {
  if (repairChildren(editor, node, path, 'list-item', 'list-item', 'list-item')) return true;
  // Either neighbour: only the new one of the two is normalised after a wrap or an insert.
  const parent = Node.parent(editor, path);
  const index = path[path.length - 1]!;
  const sameKind = (other: Node | undefined) =>
    Element.isElement(other) && other.type === node.type && (node.type !== 'list' || (other as { ordered?: boolean }).ordered === (node as { ordered?: boolean }).ordered);
  if (sameKind(parent.children[index + 1])) {
    Transforms.mergeNodes(editor, { at: Path.next(path) });
    return true;
  }
  if (index > 0 && sameKind(parent.children[index - 1])) {
    Transforms.mergeNodes(editor, { at: path });
    return true;
  }
  return false;
}

function repairTable(editor: Editor, table: TableElement, path: Path): boolean {
  if (repairChildren(editor, table, path, 'table-row', 'table-cell', 'table-row')) return true;
  const width = Math.max(...table.children.map((r) => r.children.length));
  for (let i = 0; i < table.children.length; i++) {
    const row = table.children[i]!;
    if (i > 0 && row.header !== undefined) {
      Transforms.unsetNodes(editor, 'header', { at: [...path, i] });
      return true;
    }
    // Rows whose own repair is pending are left to it (their width is not known yet).
    if (!row.children.every((c) => Element.isElement(c) && c.type === 'table-cell')) continue;
    if (row.children.length < width) {
      const cells = Array.from({ length: width - row.children.length }, () => ({ type: 'table-cell' as const, id: newId(), children: [{ text: '' }] }));
      Transforms.insertNodes(editor, cells, { at: [...path, i, row.children.length] });
      return true;
    }
  }
  return false;
}

function repairRow(editor: Editor, row: Element, path: Path): boolean {
  const parent = Node.parent(editor, path);
  // Outside a table (in an item: wrapStray; elsewhere: its container's rule) nothing here.
  if (!Element.isElement(parent) || parent.type !== 'table') return false;
  return repairChildren(editor, row, path, 'table-cell', 'table-cell', 'table-cell');
}
