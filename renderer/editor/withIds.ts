/**
 * Every top-level block has a stable id, unique in the document: decisions, follow-up and
 * protokollsutdrag will point at blocks by id, so an id must survive edits and never be
 * shared. Splitting a block copies its properties (so its id), and a paste brings the ids of
 * wherever it was copied from; this normaliser repairs both. Rule: the first block in
 * document order keeps an id, any later duplicate gets a fresh one.
 */
import { Editor, Element, Transforms, type Node, type NodeEntry } from 'slate';
import { newId } from './schema';

export function withIds<T extends Editor>(editor: T): T {
  const { normalizeNode, insertFragment } = editor;

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (path.length === 1 && Element.isElement(node)) {
      const index = path[0]!;
      const siblings = editor.children;
      const id = (node as { id?: unknown }).id;
      if (typeof id !== 'string' || id.length === 0) {
        Transforms.setNodes(editor, { id: newId() }, { at: path });
        return;
      }
      for (let i = 0; i < siblings.length; i++) {
        if (i === index) continue;
        const other = siblings[i] as { id?: unknown };
        if (other.id !== id) continue;
        // Whichever of the two comes later gets the new id; the first keeps its identity.
        Transforms.setNodes(editor, { id: newId() }, { at: [Math.max(i, index)] });
        return;
      }
    }
    normalizeNode(entry, options);
  };

  // Pasted blocks are new blocks: drop their old ids so the normaliser gives them fresh ones
  // instead of renaming the original block they were copied from.
  editor.insertFragment = (fragment, options) => {
    insertFragment(fragment.map(stripIds), options);
  };

  return editor;
}

function stripIds(node: Node): Node {
  if (!Element.isElement(node)) return node;
  const { id: _id, ...rest } = node;
  return { ...rest, children: node.children.map(stripIds) } as Node;
}
