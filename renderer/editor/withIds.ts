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

  // Pasted blocks are new blocks: they get fresh ids here, so the original block they were
  // copied from keeps its own. Here and not in the normaliser: 600 pasted paragraphs would
  // otherwise be 600 set_node operations, each re-checking the whole document for duplicates.
  editor.insertFragment = (fragment, options) => {
    insertFragment(fragment.map(freshIds), options);
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

function freshIds(node: Node): Node {
  if (!Element.isElement(node)) return node;
  return { ...node, id: newId(), children: node.children.map(freshIds) } as Node;
}
