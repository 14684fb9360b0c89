/**
 * The decision block: a `decision` holds att-satser and nothing else, and an att-sats lives
 * only in a decision. Whatever arrives (typed, pasted, merged from another device) is repaired
 * to that, keeping every character:
 *
 * - a decision without children is removed (the lead phrase alone decides nothing);
 * - inside a decision, bare text and other text blocks (a pasted paragraph, a title) become
 *   att-satser; a block that holds blocks (a nested decision, an item) is unwrapped, so its
 *   text stays and is repaired in turn;
 * - two decisions next to each other become one: two merges of the same block from two
 *   devices, or an att-sats pasted beside a decision, must not print the lead phrase twice;
 * - an att-sats outside a decision is wrapped in one (and then joins its neighbour).
 * A decision at the top level or inside a text block is withItems' and withBlocks' case.
 */
import { Element, Node, Path, Text, Transforms, type Editor, type NodeEntry } from 'slate';
import { isLeafType, newId, type DecisionElement } from './schema';

export function withDecisions<T extends Editor>(editor: T): T {
  const { normalizeNode } = editor;

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node)) {
      if (node.type === 'decision' && repairDecision(editor, node, path)) return;
      if (node.type === 'att-sats' && path.length > 1) {
        const parent = Node.parent(editor, path);
        if (Element.isElement(parent) && (parent.type === 'item' || parent.type === 'subitem')) {
          Transforms.wrapNodes(editor, { type: 'decision', id: newId(), children: [] }, { at: path });
          return;
        }
      }
    }
    normalizeNode(entry, options);
  };

  return editor;
}

function repairDecision(editor: Editor, decision: DecisionElement, path: Path): boolean {
  const children = decision.children as unknown[];
  if (children.length === 0) {
    Transforms.removeNodes(editor, { at: path });
    return true;
  }
  for (let j = 0; j < children.length; j++) {
    const child = children[j];
    const at = [...path, j];
    if (Text.isText(child)) {
      Transforms.wrapNodes(editor, { type: 'att-sats', id: newId(), children: [] }, { at });
      return true;
    }
    if (!Element.isElement(child) || child.type === 'att-sats') continue;
    if (isLeafType(child.type)) Transforms.setNodes(editor, { type: 'att-sats' }, { at });
    else Transforms.unwrapNodes(editor, { at });
    return true;
  }
  const parent = Node.parent(editor, path);
  const next = parent.children[path[path.length - 1]! + 1];
  if (Element.isElement(next) && next.type === 'decision') {
    Transforms.mergeNodes(editor, { at: Path.next(path) });
    return true;
  }
  return false;
}
