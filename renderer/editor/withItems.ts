/**
 * The top of the document is a list of § items, and every item starts with its title
 * (docs/decisions/0003-nested-items.md). Any tree that arrives (typed, pasted, merged from
 * another device, or written by the flat first version) is repaired to that shape, keeping
 * every character:
 *
 * - at the top level only items: a stray paragraph (or sub-item, or unknown block) joins the
 *   end of the item before it, or, first in the document, is wrapped into a new item; a bare
 *   item title starts a new item (which turns a flat document of titles and paragraphs into
 *   items, one per title); an empty document gets one empty item;
 * - an item without a title gets an empty one; a second title inside an item starts a new
 *   item from there (the new item does not inherit bordlagd, the agenda key or the planned
 *   time: it is another matter); an item inside an item is moved out after it; a sub-item title directly in an
 *   item becomes a sub-item; bare text in an item becomes a paragraph.
 */
import { Editor, Element, Path, Text, Transforms, type NodeEntry } from 'slate';
import { isPlannedMinutes } from '../../src/protocol/schema';
import { itemTitle, newId, newItem, type ItemElement } from './schema';

export function withItems<T extends Editor>(editor: T): T {
  const { normalizeNode } = editor;

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (Editor.isEditor(node)) {
      if (repairTop(editor)) return;
    } else if (Element.isElement(node) && node.type === 'item') {
      if (repairItem(editor, node, path)) return;
    }
    normalizeNode(entry, options);
  };

  return editor;
}

/** One repair at the top level, if one is needed. O(items): cheap enough for every keystroke. */
function repairTop(editor: Editor): boolean {
  const children = editor.children;
  if (children.length === 0) {
    Transforms.insertNodes(editor, newItem(), { at: [0] });
    return true;
  }
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (Element.isElement(child) && child.type === 'item') continue;
    if (Text.isText(child)) {
      // @slate-yjs reads an empty shared type as [{ text: '' }]: an empty meeting. Anything
      // else (a foreign paste, an old client) is text to keep, as a paragraph.
      if (children.length === 1 && child.text === '') {
        Editor.withoutNormalizing(editor, () => {
          Transforms.insertNodes(editor, newItem(), { at: [0] });
          Transforms.removeNodes(editor, { at: [1] });
        });
      } else {
        Transforms.wrapNodes(editor, { type: 'paragraph', id: newId(), children: [] }, { at: [i] });
      }
      return true;
    }
    if (child.type === 'item-title') {
      Transforms.wrapNodes(editor, emptyItem(), { at: [i] });
      return true;
    }
    if (i > 0) {
      // Everything before it is an item already (the loop stops at the first problem).
      const previous = children[i - 1] as ItemElement;
      Transforms.moveNodes(editor, { at: [i], to: [i - 1, previous.children.length] });
    } else {
      // The item rule gives it a title.
      Transforms.wrapNodes(editor, emptyItem(), { at: [i] });
    }
    return true;
  }
  return false;
}

function repairItem(editor: Editor, item: ItemElement, path: Path): boolean {
  // A planned time is whole minutes, 1–600; anything else (a merge, a bad paste) is no plan.
  if ('plannedMinutes' in item && !isPlannedMinutes(item.plannedMinutes)) {
    // setNodes with undefined, not unsetNodes: unsetNodes compares with null and would leave a
    // null there (one can arrive from a merge).
    Transforms.setNodes(editor, { plannedMinutes: undefined }, { at: path });
    return true;
  }
  const children = item.children as unknown[];
  if (children.length === 0) {
    Transforms.insertNodes(editor, itemTitle(), { at: [...path, 0] });
    return true;
  }
  for (let j = 0; j < children.length; j++) {
    const child = children[j];
    const at = [...path, j];
    if (Text.isText(child)) {
      Transforms.wrapNodes(editor, { type: 'paragraph', id: newId(), children: [] }, { at });
      return true;
    }
    if (!Element.isElement(child)) continue;
    const type: string = child.type;
    if (j === 0) {
      if (type !== 'item-title') {
        Transforms.insertNodes(editor, itemTitle(), { at });
        return true;
      }
      continue;
    }
    if (type === 'item-title') {
      // A second title: what follows it is another item.
      Editor.withoutNormalizing(editor, () => {
        Transforms.splitNodes(editor, { at });
        const next = Path.next(path);
        Transforms.unsetNodes(editor, ['bordlagd', 'agendaKey', 'plannedMinutes'], { at: next });
        Transforms.setNodes(editor, { id: newId() }, { at: next });
      });
      return true;
    }
    if (type === 'item') {
      Transforms.moveNodes(editor, { at, to: Path.next(path) });
      return true;
    }
    if (type === 'subitem-title') {
      Transforms.wrapNodes(editor, { type: 'subitem', id: newId(), children: [] }, { at });
      return true;
    }
  }
  return false;
}

function emptyItem(): ItemElement {
  return { type: 'item', id: newId(), children: [] };
}
