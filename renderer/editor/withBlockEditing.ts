/**
 * Enter, Backspace and Delete where the structure of the minutes meets the text. Slate's own
 * behaviour merges any two neighbouring blocks, which across a § boundary would pull one
 * item's title into the previous item's last paragraph and leave an item without a title.
 * Here:
 *
 * - Enter at the end of an item or sub-item title goes to the text under it: into the first
 *   paragraph when that is empty (a new meeting's items have one), else into a new empty
 *   paragraph right under the title. Enter inside a title moves the rest of the title into a
 *   paragraph: after a title comes its text, never a second title by accident (a new § is the
 *   explicit command AppEditor.insertItem).
 * - Backspace at the start of an empty paragraph removes it and continues at the end of the
 *   block before. At the start of a title it never merges across the boundary: an item or
 *   sub-item that is completely empty is removed (the item only if another remains); one
 *   with text is left alone.
 * - Delete at the end of a block does not pull the next item's or sub-item's title into it;
 *   an empty paragraph there is removed.
 * - In a decision, Enter after an att-sats starts the next one; Enter on an empty last
 *   att-sats leaves the decision for a paragraph under it (the way out of a list in any word
 *   processor). Enter in the föredragande line continues in a paragraph under it.
 * - Backspace at the start of an att-sats or the föredragande line that has text turns it
 *   into a paragraph where it first stands in its block, instead of pulling its words into the
 *   title above; an empty one is removed like an empty paragraph.
 * - Shift+Enter is a line break inside the block.
 */
import { Editor, Element, Node, Path, Point, Range, Transforms, type NodeEntry } from 'slate';
import { isLeafType, paragraph, type LeafBlock } from './schema';

export function withBlockEditing<T extends Editor>(editor: T): T {
  const { insertBreak, deleteBackward, deleteForward } = editor;

  editor.insertBreak = () => {
    const { selection } = editor;
    const leaf = selection ? leafAbove(editor, selection) : undefined;
    if (selection && leaf && Range.isCollapsed(selection) && breakOutOfDecision(editor, leaf)) return;
    if (selection && leaf && leaf[0].type === 'foredragande') {
      Editor.withoutNormalizing(editor, () => {
        if (!Range.isCollapsed(selection)) Transforms.delete(editor);
        const [, linePath] = leafAbove(editor, editor.selection!)!;
        if (Point.equals(editor.selection!.focus, Editor.end(editor, linePath))) {
          // Like a title: an empty paragraph right under it (a new item has one) is where the text goes.
          const next = Node.parent(editor, linePath).children[linePath[linePath.length - 1]! + 1];
          if (next && Element.isElement(next) && next.type === 'paragraph' && Node.string(next) === '') {
            Transforms.select(editor, Editor.start(editor, Path.next(linePath)));
          } else {
            Transforms.insertNodes(editor, paragraph(), { at: Path.next(linePath), select: true });
          }
        } else {
          Transforms.splitNodes(editor, { always: true });
          Transforms.setNodes(editor, { type: 'paragraph' }, { at: Path.next(linePath) });
        }
      });
      return;
    }
    if (!selection || !leaf || (leaf[0].type !== 'item-title' && leaf[0].type !== 'subitem-title')) {
      insertBreak();
      return;
    }
    Editor.withoutNormalizing(editor, () => {
      if (!Range.isCollapsed(selection)) Transforms.delete(editor);
      const [, titlePath] = leafAbove(editor, editor.selection!)!;
      const point = editor.selection!.focus;
      const parentPath = Path.parent(titlePath);
      const firstPath = [...parentPath, 1];
      if (Point.equals(point, Editor.end(editor, titlePath))) {
        const parent = Node.get(editor, parentPath) as Element;
        const first = parent.children[1];
        if (first && Element.isElement(first) && first.type === 'paragraph' && Node.string(first) === '') {
          Transforms.select(editor, Editor.start(editor, firstPath));
        } else {
          Transforms.insertNodes(editor, paragraph(), { at: firstPath, select: true });
        }
        return;
      }
      // The part after the cursor becomes body text (its id is renewed by withIds).
      Transforms.splitNodes(editor, { always: true });
      Transforms.setNodes(editor, { type: 'paragraph' }, { at: Path.next(titlePath) });
    });
  };

  editor.deleteBackward = (unit) => {
    const { selection } = editor;
    const leaf = selection && Range.isCollapsed(selection) ? leafAbove(editor, selection) : undefined;
    if (!selection || !leaf || !Editor.isStart(editor, selection.focus, leaf[1])) {
      deleteBackward(unit);
      return;
    }
    const [block, path] = leaf;
    const parentPath = Path.parent(path);
    if ((block.type === 'att-sats' || block.type === 'foredragande') && Node.string(block) !== '') {
      if (block.type === 'foredragande' || path[path.length - 1] === 0) {
        // Lifted out of the decision (before it) when it is the first att-sats: the decision
        // rule keeps the rest of the att-satser together under the lead phrase.
        Editor.withoutNormalizing(editor, () => {
          if (block.type === 'att-sats') Transforms.liftNodes(editor, { at: path });
          Transforms.setNodes(editor, { type: 'paragraph' }, { at: block.type === 'att-sats' ? parentPath : path });
        });
        return;
      }
      deleteBackward(unit);
      return;
    }
    if (block.type === 'paragraph' || block.type === 'att-sats' || block.type === 'foredragande') {
      const before = Editor.before(editor, path);
      if (Node.string(block) === '' && before) {
        Editor.withoutNormalizing(editor, () => {
          Transforms.removeNodes(editor, { at: path });
          Transforms.select(editor, before);
        });
        return;
      }
      deleteBackward(unit);
      return;
    }
    // A title: the container (item or sub-item) goes only when nothing is written in it.
    const container = Node.get(editor, parentPath) as Element;
    if (Node.string(container) !== '') return;
    if (block.type === 'item-title' && editor.children.length <= 1) return;
    const before = Editor.before(editor, parentPath);
    Editor.withoutNormalizing(editor, () => {
      Transforms.removeNodes(editor, { at: parentPath });
      if (before) Transforms.select(editor, before);
      else Transforms.select(editor, Editor.start(editor, [0]));
    });
  };

  editor.deleteForward = (unit) => {
    const { selection } = editor;
    const leaf = selection && Range.isCollapsed(selection) ? leafAbove(editor, selection) : undefined;
    if (!selection || !leaf || !Editor.isEnd(editor, selection.focus, leaf[1])) {
      deleteForward(unit);
      return;
    }
    const after = Editor.after(editor, leaf[1]);
    const next = after ? leafAbove(editor, { anchor: after, focus: after }) : undefined;
    if (!next || (next[0].type !== 'item-title' && next[0].type !== 'subitem-title')) {
      deleteForward(unit);
      return;
    }
    if (leaf[0].type === 'paragraph' && Node.string(leaf[0]) === '') {
      const target = Editor.pointRef(editor, Editor.start(editor, next[1]));
      Editor.withoutNormalizing(editor, () => {
        Transforms.removeNodes(editor, { at: leaf[1] });
        const point = target.unref();
        if (point) Transforms.select(editor, point);
      });
    }
  };

  // Shift+Enter: a line break inside the block, not a new block.
  editor.insertSoftBreak = () => {
    editor.insertText('\n');
  };

  return editor;
}

/**
 * Enter on an empty att-sats that is the last of its decision: it goes, and a paragraph under
 * the decision takes the cursor (the only att-sats: the decision becomes that paragraph).
 */
function breakOutOfDecision(editor: Editor, [block, path]: NodeEntry<LeafBlock>): boolean {
  if (block.type !== 'att-sats' || Node.string(block) !== '') return false;
  const decisionPath = Path.parent(path);
  const decision = Node.get(editor, decisionPath) as Element;
  if (path[path.length - 1] !== decision.children.length - 1) return false;
  Editor.withoutNormalizing(editor, () => {
    if (decision.children.length === 1) {
      Transforms.removeNodes(editor, { at: decisionPath });
      Transforms.insertNodes(editor, paragraph(), { at: decisionPath, select: true });
    } else {
      Transforms.removeNodes(editor, { at: path });
      Transforms.insertNodes(editor, paragraph(), { at: Path.next(decisionPath), select: true });
    }
  });
  return true;
}

/** The leaf block (title or paragraph) that holds the selection's focus. */
export function leafAbove(editor: Editor, at: Range): NodeEntry<LeafBlock> | undefined {
  return Editor.above<LeafBlock>(editor, {
    at: at.focus,
    match: (n): n is LeafBlock => Element.isElement(n) && isLeafType(n.type),
  });
}
