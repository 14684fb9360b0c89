/**
 * Sub-items (a/, b/ …) live inside an item and start with their own title; inside them, only
 * paragraphs. Repairs, keeping the text:
 *
 * - a sub-item without a title gets one (a leading item title, as a paste may bring, becomes
 *   the sub-item title instead of being pushed down);
 * - a second sub-item title starts the next sub-item from there; an item title inside a
 *   sub-item is read as a sub-item title (so the same rule applies);
 * - a sub-item inside a sub-item is moved out after it; an item inside a sub-item is
 *   unwrapped (its title then starts a sub-item); bare text becomes a paragraph.
 * A sub-item at the top level is withItems' case (it joins the item before it).
 */
import { Element, Path, Text, Transforms, type Editor, type NodeEntry } from 'slate';
import { newId, subItemTitle, type SubItemElement } from './schema';

export function withSubItems<T extends Editor>(editor: T): T {
  const { normalizeNode } = editor;

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node) && node.type === 'subitem' && repairSubItem(editor, node, path)) return;
    normalizeNode(entry, options);
  };

  return editor;
}

function repairSubItem(editor: Editor, subItem: SubItemElement, path: Path): boolean {
  const children = subItem.children as unknown[];
  if (children.length === 0) {
    Transforms.insertNodes(editor, subItemTitle(), { at: [...path, 0] });
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
    if (type === 'item-title') {
      Transforms.setNodes(editor, { type: 'subitem-title' }, { at });
      return true;
    }
    if (type === 'subitem') {
      Transforms.moveNodes(editor, { at, to: Path.next(path) });
      return true;
    }
    if (type === 'item') {
      Transforms.unwrapNodes(editor, { at });
      return true;
    }
    if (j === 0) {
      if (type !== 'subitem-title') {
        Transforms.insertNodes(editor, subItemTitle(), { at });
        return true;
      }
    } else if (type === 'subitem-title') {
      Transforms.splitNodes(editor, { at });
      return true;
    }
  }
  return false;
}
