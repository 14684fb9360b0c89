/**
 * The political lines (yrkande, propositionsordning, omröstning, reservation,
 * protokollsanteckning, jäv: src/protocol/politicsSchema.ts) stay valid whatever is typed,
 * pasted or merged from another device. Where they may stand is the other plugins' rules (they
 * are text blocks: at the top level withItems moves them into an item, in a decision
 * withDecisions turns them into att-satser, nested ones are unwrapped by withBlocks). Here:
 *
 * - a property of one political type on any other element is removed (a yrkande turned into a
 *   paragraph, an omröstning split by Enter, a reservation become an att-sats: the votes and
 *   references must not live on in a block that has no meaning for them);
 * - an omröstning keeps only valid votes (Ja / Nej / Avstår); its Ja and Nej sides are two
 *   different yrkanden (the same on both sides: the Nej side is cleared);
 * - a reservation's `skriftlig` is true or absent;
 * - a reference to a yrkande that is not in the same item (deleted, or the reference was moved
 *   or pasted elsewhere) is removed: checked on the item, which is normalised after any change
 *   inside it, so deleting the yrkande clears the references to it.
 *
 * Editing: Enter at the end of a political line continues in a paragraph under it; inside, it
 * splits and the rest becomes a paragraph; on an empty line it turns the line into a paragraph.
 * Backspace at the start of a political line makes it a paragraph (never merging its words into
 * the block above, which may be a title); an empty one is removed. An omröstning is the
 * exception to both: its votes are its content, so Enter never turns it into a paragraph, and
 * Backspace at its start only moves the cursor to the block above (it goes with its votes only
 * when nothing at all was entered in it).
 */
import { Editor, Element, Node, Path, Point, Range, Transforms, type NodeEntry } from 'slate';
import { itemPolitics } from '../../src/protocol/politics';
import { isPoliticalType, isVote, politicalPropertyOwner, VOTE_PREFIX } from '../../src/protocol/politicsSchema';
import { paragraph, type LeafBlock } from './schema';
import { leafAbove } from './withBlockEditing';

export function withPolitics<T extends Editor>(editor: T): T {
  const { normalizeNode, insertBreak, deleteBackward } = editor;

  editor.normalizeNode = (entry: NodeEntry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node) && repairPolitical(editor, node, path)) return;
    normalizeNode(entry, options);
  };

  editor.insertBreak = () => {
    const line = politicalLine(editor);
    if (!line) {
      insertBreak();
      return;
    }
    const [block, path] = line;
    Editor.withoutNormalizing(editor, () => {
      if (!Range.isCollapsed(editor.selection!)) Transforms.delete(editor);
      if (Node.string(block) === '' && block.type !== 'omrostning') {
        Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
      } else if (Point.equals(editor.selection!.focus, Editor.end(editor, path))) {
        Transforms.insertNodes(editor, paragraph(), { at: Path.next(path), select: true });
      } else {
        Transforms.splitNodes(editor, { always: true });
        Transforms.setNodes(editor, { type: 'paragraph' }, { at: Path.next(path) });
      }
    });
  };

  editor.deleteBackward = (unit) => {
    const line = politicalLine(editor);
    if (!line || !Range.isCollapsed(editor.selection!) || !Editor.isStart(editor, editor.selection!.focus, line[1])) {
      deleteBackward(unit);
      return;
    }
    const [block, path] = line;
    const before = Editor.before(editor, path);
    if (block.type === 'omrostning' && (Node.string(block) !== '' || hasEntries(block))) {
      if (before) Transforms.select(editor, before);
      return;
    }
    if (Node.string(block) !== '') {
      Transforms.setNodes(editor, { type: 'paragraph' }, { at: path });
      return;
    }
    Editor.withoutNormalizing(editor, () => {
      Transforms.removeNodes(editor, { at: path });
      if (before) Transforms.select(editor, before);
    });
  };

  return editor;
}

/** Votes or sides entered in an omröstning. */
function hasEntries(node: object): boolean {
  return Object.keys(node).some((k) => k.startsWith(VOTE_PREFIX) || k === 'ja' || k === 'nej');
}

function politicalLine(editor: Editor): NodeEntry<LeafBlock> | undefined {
  const { selection } = editor;
  const leaf = selection ? leafAbove(editor, selection) : undefined;
  return leaf && isPoliticalType(leaf[0].type) ? leaf : undefined;
}

/** One repair of an element, if it needs one (see the header). */
function repairPolitical(editor: Editor, node: Element, path: Path): boolean {
  const props = node as unknown as Record<string, unknown>;
  const foreign = Object.keys(props).filter((k) => {
    const owner = politicalPropertyOwner(k);
    return owner !== null && owner !== node.type;
  });
  if (foreign.length > 0) {
    Transforms.unsetNodes(editor, foreign, { at: path });
    return true;
  }
  if (node.type === 'omrostning') {
    const bad = Object.keys(props).filter((k) => k.startsWith(VOTE_PREFIX) && (k.length === VOTE_PREFIX.length || !isVote(props[k])));
    for (const side of ['ja', 'nej'] as const) if (side in props && (typeof props[side] !== 'string' || props[side] === '')) bad.push(side);
    if (bad.length === 0 && typeof props.ja === 'string' && props.ja === props.nej) bad.push('nej');
    if (bad.length > 0) {
      Transforms.unsetNodes(editor, bad, { at: path });
      return true;
    }
  }
  if (node.type === 'reservation') {
    const bad: string[] = [];
    if ('skriftlig' in props && props.skriftlig !== true) bad.push('skriftlig');
    if ('yrkandeId' in props && (typeof props.yrkandeId !== 'string' || props.yrkandeId === '')) bad.push('yrkandeId');
    if (bad.length > 0) {
      Transforms.unsetNodes(editor, bad, { at: path });
      return true;
    }
  }
  if (node.type === 'item') {
    const { dangling } = itemPolitics(node);
    if (dangling.length > 0) {
      Editor.withoutNormalizing(editor, () => {
        for (const d of dangling) Transforms.unsetNodes(editor, d.key, { at: [...path, ...d.path] });
      });
      return true;
    }
  }
  return false;
}
