/**
 * Every element has a stable id, unique in the document: frozen § numbers, attendance per §,
 * decisions, follow-up and protokollsutdrag point at elements by id, so an id must survive
 * edits and never be shared.
 *
 * Where duplicates come from: splitting a node copies its properties (so its id) to the new
 * half, at every level that is split (Enter in a paragraph, or an item split in two), so the
 * copies are not always siblings; a paste brings the ids of wherever it was copied from. Rule:
 * the first element in document order keeps an id, every later one gets a fresh id.
 *
 * Cost: the whole-document check runs only after an operation that can add or change an id
 * (never after typing, which is insert_text/remove_text), so a keystroke stays O(depth).
 */
import { Editor, Element, Node, Transforms, type NodeEntry, type Path } from 'slate';
import { newId } from './schema';

/** Operations that cannot create, copy or change an element id. */
const ID_NEUTRAL = new Set(['insert_text', 'remove_text', 'set_selection']);

export function withIds<T extends Editor>(editor: T): T {
  const { normalizeNode, insertFragment, apply } = editor;
  let structureChanged = true; // the first normalisation (connect) checks the whole document

  editor.apply = (op) => {
    if (!ID_NEUTRAL.has(op.type)) structureChanged = true;
    apply(op);
  };

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node)) {
      const id = (node as { id?: unknown }).id;
      if (typeof id !== 'string' || id.length === 0) {
        Transforms.setNodes(editor, { id: newId() }, { at: path });
        return;
      }
    } else if (Editor.isEditor(node) && structureChanged) {
      structureChanged = false;
      const duplicates = laterDuplicates(editor);
      if (duplicates.length > 0) {
        Editor.withoutNormalizing(editor, () => {
          for (const at of duplicates) Transforms.setNodes(editor, { id: newId() }, { at });
        });
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

/** Paths of elements whose id already appeared earlier in document order. */
function laterDuplicates(editor: Editor): Path[] {
  const seen = new Set<string>();
  const out: Path[] = [];
  for (const [node, path] of Node.elements(editor)) {
    const id = (node as { id?: unknown }).id;
    if (typeof id !== 'string' || id.length === 0) continue; // the element rule fills it
    if (seen.has(id)) out.push(path);
    else seen.add(id);
  }
  return out;
}

function stripIds(node: Node): Node {
  if (!Element.isElement(node)) return node;
  const { id: _id, ...rest } = node;
  return { ...rest, children: node.children.map(stripIds) } as Node;
}
