/**
 * Leaf blocks (item titles, sub-item titles, paragraphs) hold text only, and every element has
 * a type this version knows. A paste from a word processor or a web page can bring nested
 * blocks ("a paragraph in a list item in a table cell") or types of its own; both are repaired
 * here, before Slate's own rule would silently drop a block that sits next to text.
 *
 * - an element of an unknown type that holds blocks is unwrapped (its blocks are kept);
 *   one that holds text becomes a paragraph;
 * - a block inside a leaf block is unwrapped, so its text joins the leaf.
 */
import { Element, Text, Transforms, type Editor, type NodeEntry } from 'slate';
import { isElementType, isLeafType } from './schema';

export function withBlocks<T extends Editor>(editor: T): T {
  const { normalizeNode } = editor;

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node)) {
      const type = (node as { type?: unknown }).type;
      if (!isElementType(type)) {
        if (node.children.some((c) => Element.isElement(c))) Transforms.unwrapNodes(editor, { at: path });
        else Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
        return;
      }
      if (isLeafType(type)) {
        const nested = node.children.findIndex((c) => !Text.isText(c));
        if (nested >= 0) {
          Transforms.unwrapNodes(editor, { at: [...path, nested] });
          return;
        }
      }
    }
    normalizeNode(entry, options);
  };

  return editor;
}
