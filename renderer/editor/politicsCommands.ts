/**
 * Editor commands for the political lines (src/protocol/politicsSchema.ts), beside AppEditor's
 * (STYLE.md §6: shortcuts, buttons and dialogs call these, never Transforms directly). No
 * React here: unit-tested on a headless editor.
 */
import { Editor, Element, Node, Path, Transforms } from 'slate';
import type { OmrostningElement, PoliticalElement, PoliticalType, ReservationElement, Vote } from '../../src/protocol/politicsSchema';
import { VOTE_PREFIX } from '../../src/protocol/politicsSchema';
import { political, type ItemElement } from './schema';
import { leafAbove } from './withBlockEditing';

export const PoliticsEditor = {
  /**
   * A new political line where the cursor is: an empty paragraph becomes it; otherwise it goes
   * right after the block the cursor is in (after the whole decision, from an att-sats). The
   * cursor goes into it. Returns its id, or null without a cursor in an item.
   */
  insert(editor: Editor, type: PoliticalType, props: { yrkandeId?: string } = {}): string | null {
    const leaf = editor.selection ? leafAbove(editor, editor.selection) : undefined;
    if (!leaf) return null;
    const [node, path] = leaf;
    const line = { ...political(type), ...props } as PoliticalElement;
    Editor.withoutNormalizing(editor, () => {
      if (node.type === 'paragraph' && Node.string(node) === '') {
        Transforms.removeNodes(editor, { at: path });
        Transforms.insertNodes(editor, line, { at: path });
        Transforms.select(editor, Editor.start(editor, path));
      } else {
        const after = node.type === 'att-sats' ? Path.parent(path) : path;
        const at = Path.next(after);
        Transforms.insertNodes(editor, line, { at });
        Transforms.select(editor, Editor.start(editor, at));
      }
    });
    return line.id;
  },

  /** The political line of `type` the cursor is in, if it is in one. */
  current<T extends PoliticalType>(editor: Editor, type: T): Extract<PoliticalElement, { type: T }> | null {
    const leaf = editor.selection ? leafAbove(editor, editor.selection) : undefined;
    return leaf && leaf[0].type === type ? (leaf[0] as Extract<PoliticalElement, { type: T }>) : null;
  },

  /** The path of any element by id (political lines are found by id from dialogs). */
  findPath(editor: Editor, id: string): Path | null {
    for (const [n, path] of Node.elements(editor)) if (n.id === id) return path;
    return null;
  },

  /** The § item an element stands in. */
  itemOf(editor: Editor, id: string): ItemElement | null {
    const path = PoliticsEditor.findPath(editor, id);
    const item = path ? editor.children[path[0]!] : undefined;
    return item && Element.isElement(item) && item.type === 'item' ? item : null;
  },

  /** One member's vote in an omröstning (null takes it back). One property per member: see VOTE_PREFIX. */
  setVote(editor: Editor, omrostningId: string, personId: string, vote: Vote | null): boolean {
    const path = PoliticsEditor.findPath(editor, omrostningId);
    if (!path || (Node.get(editor, path) as Element).type !== 'omrostning') return false;
    const key = `${VOTE_PREFIX}${personId}`;
    if (vote === null) Transforms.unsetNodes(editor, key, { at: path });
    else Transforms.setNodes<OmrostningElement>(editor, { [key]: vote }, { at: path });
    return true;
  },

  /** What a Ja and a Nej vote stand for (yrkande ids of the same item; null: not said). */
  setSides(editor: Editor, omrostningId: string, ja: string | null, nej: string | null): boolean {
    const path = PoliticsEditor.findPath(editor, omrostningId);
    if (!path || (Node.get(editor, path) as Element).type !== 'omrostning') return false;
    Editor.withoutNormalizing(editor, () => {
      Transforms.unsetNodes(editor, ['ja', 'nej'], { at: path });
      const props: Partial<OmrostningElement> = {};
      if (ja) props.ja = ja;
      if (nej && nej !== ja) props.nej = nej;
      if (Object.keys(props).length > 0) Transforms.setNodes<OmrostningElement>(editor, props, { at: path });
    });
    return true;
  },

  /** A reservation's yrkande (in favour of which) and whether written reasons will be attached. */
  setReservation(editor: Editor, reservationId: string, values: { yrkandeId: string | null; skriftlig: boolean }): boolean {
    const path = PoliticsEditor.findPath(editor, reservationId);
    if (!path || (Node.get(editor, path) as Element).type !== 'reservation') return false;
    Editor.withoutNormalizing(editor, () => {
      Transforms.unsetNodes(editor, ['yrkandeId', 'skriftlig'], { at: path });
      const props: Partial<ReservationElement> = {};
      if (values.yrkandeId) props.yrkandeId = values.yrkandeId;
      if (values.skriftlig) props.skriftlig = true;
      if (Object.keys(props).length > 0) Transforms.setNodes<ReservationElement>(editor, props, { at: path });
    });
    return true;
  },
};
