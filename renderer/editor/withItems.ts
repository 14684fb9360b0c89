/**
 * The block structure of the minutes: top-level § item titles and paragraphs containing
 * plain text, and at least one block (an empty document shows an empty item title to type
 * into). Enter in an item title continues with a paragraph: after a title comes its text,
 * never a second title by accident. A new § is an explicit command (AppEditor.insertItem).
 */
import { Editor, Element, Range, Text, Transforms, type Node, type NodeEntry } from 'slate';
import { isBlockType, itemTitle, newId, type BlockElement } from './schema';

export function withItems<T extends Editor>(editor: T): T {
  const { normalizeNode, insertBreak } = editor;

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (Editor.isEditor(node)) {
      if (node.children.length === 0) {
        Transforms.insertNodes(editor, itemTitle(), { at: [0] });
        return;
      }
    } else if (Element.isElement(node)) {
      if (path.length > 1) {
        // Blocks do not nest in this schema (a paste from a richer editor can bring nesting).
        Transforms.unwrapNodes(editor, { at: path });
        return;
      }
      if (!isBlockType((node as { type?: unknown }).type)) {
        Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
        return;
      }
    } else if (Text.isText(node) && path.length === 1) {
      // A bare text at the top level. @slate-yjs reads an empty shared type as [{ text: '' }],
      // so this is how a new, empty meeting arrives: it starts with an empty § title. Anything
      // else (a foreign paste, an old client) becomes a paragraph.
      const fresh = editor.children.length === 1 && node.text === '';
      Transforms.wrapNodes(editor, { type: fresh ? 'item-title' : 'paragraph', id: newId(), children: [] }, { at: path });
      return;
    }
    normalizeNode(entry, options);
  };

  editor.insertBreak = () => {
    const { selection } = editor;
    const block = selection ? Editor.above<BlockElement>(editor, { at: selection, match: isBlock(editor) }) : undefined;
    if (!selection || !block || block[0].type !== 'item-title') {
      insertBreak();
      return;
    }
    Editor.withoutNormalizing(editor, () => {
      if (!Range.isCollapsed(selection)) Transforms.delete(editor);
      Transforms.splitNodes(editor, { always: true });
      // The part after the cursor (empty when Enter is pressed at the end) is body text.
      const next = Editor.above<BlockElement>(editor, { match: isBlock(editor) });
      if (next) Transforms.setNodes(editor, { type: 'paragraph', id: newId() }, { at: next[1] });
    });
  };

  // Shift+Enter: a line break inside the block, not a new block.
  editor.insertSoftBreak = () => {
    editor.insertText('\n');
  };

  return editor;
}

function isBlock(editor: Editor) {
  return (n: Node): n is BlockElement => Element.isElement(n) && Editor.isBlock(editor, n);
}
