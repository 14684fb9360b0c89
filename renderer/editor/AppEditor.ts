/**
 * Editor commands, in one place (STYLE.md §6): keyboard shortcuts, the toolbar and the agenda
 * outline call these, never Transforms directly, so a command behaves the same whichever way
 * it is invoked. No React here: the commands are unit-tested on a headless editor; focusing
 * and scrolling are the caller's.
 */
import { Editor, Element, Node, Path, Range, Transforms } from 'slate';
import { isPlannedMinutes } from '../../src/protocol/schema';
import type { Suggestion } from '../../src/protocol/typeahead';
import { attSats, decision, foredragande, newItem, newSubItem, type ItemElement, type SubItemElement } from './schema';
import { RichEditor } from './richCommands';
import { leafAbove } from './withBlockEditing';

export const AppEditor = {
  /** The index of the top-level item holding the cursor, or -1. */
  currentItemIndex(editor: Editor): number {
    const index = editor.selection?.focus.path[0];
    return index !== undefined && isItem(editor.children[index]) ? index : -1;
  },

  currentItem(editor: Editor): ItemElement | undefined {
    const index = AppEditor.currentItemIndex(editor);
    return index >= 0 ? (editor.children[index] as ItemElement) : undefined;
  },

  itemIndex(editor: Editor, itemId: string): number {
    return editor.children.findIndex((n) => isItem(n) && n.id === itemId);
  },

  /** The path of an item or a sub-item, by id. */
  findPath(editor: Editor, id: string): Path | null {
    for (let i = 0; i < editor.children.length; i++) {
      const item = editor.children[i];
      if (!isItem(item)) continue;
      if (item.id === id) return [i];
      const j = item.children.findIndex((c) => c.type === 'subitem' && c.id === id);
      if (j >= 0) return [i, j];
    }
    return null;
  },

  /**
   * Starts a new § item after the current one (or after `afterItemId`, from the outline) and
   * puts the cursor in its title (at the end of the document when there is no selection). An empty last paragraph where the cursor
   * stands is removed first when its item has other text below the title, so the rhythm
   * "Enter, Enter, Ctrl+Enter" leaves no stray empty line behind.
   */
  insertItem(editor: Editor, afterItemId?: string): string {
    const after = afterItemId === undefined ? AppEditor.currentItemIndex(editor) : AppEditor.itemIndex(editor, afterItemId);
    const at = after >= 0 ? after + 1 : editor.children.length;
    const item = newItem();
    Editor.withoutNormalizing(editor, () => {
      if (afterItemId === undefined) removeTrailingEmptyParagraph(editor);
      Transforms.insertNodes(editor, item, { at: [at] });
      Transforms.select(editor, Editor.start(editor, [at, 0]));
    });
    return item.id;
  },

  /**
   * Adds a sub-item (a/, b/ …) and puts the cursor in its title. With `itemId`, at the end of
   * that item (the outline's "under Övriga frågor"); without, in the current item: after the
   * sub-item or paragraph the cursor is in (at the end when it is in the title). The item's
   * empty paragraph where the sub-item goes is replaced, not left above it as a blank line.
   */
  insertSubItem(editor: Editor, itemId?: string): string | null {
    const current = AppEditor.currentItemIndex(editor);
    const index = itemId === undefined ? current : AppEditor.itemIndex(editor, itemId);
    if (index < 0) return null;
    const item = editor.children[index] as ItemElement;
    let at: number;
    if (index === current && itemId === undefined) {
      const j = editor.selection!.focus.path[1] ?? 0;
      at = j === 0 ? item.children.length : j + 1;
    } else {
      at = item.children.length;
    }
    const sub = newSubItem();
    Editor.withoutNormalizing(editor, () => {
      const before = item.children[at - 1];
      if (at > 1 && before && before.type === 'paragraph' && Node.string(before) === '') {
        Transforms.removeNodes(editor, { at: [index, at - 1] });
        at -= 1;
      }
      Transforms.insertNodes(editor, sub, { at: [index, at] });
      Transforms.select(editor, Editor.start(editor, [index, at, 0]));
    });
    return sub.id;
  },

  /**
   * Moves an item to `toIndex` (its index after the move) as one Slate move_node, so the move
   * is one change in the Y.Doc. False when there is nothing to move.
   */
  moveItem(editor: Editor, itemId: string, toIndex: number): boolean {
    const from = AppEditor.itemIndex(editor, itemId);
    const to = Math.max(0, Math.min(editor.children.length - 1, toIndex));
    if (from < 0 || from === to) return false;
    Transforms.moveNodes(editor, { at: [from], to: [to] });
    return true;
  },

  moveItemUp(editor: Editor, itemId?: string): boolean {
    const id = itemId ?? AppEditor.currentItem(editor)?.id;
    if (id === undefined) return false;
    return AppEditor.moveItem(editor, id, AppEditor.itemIndex(editor, id) - 1);
  },

  moveItemDown(editor: Editor, itemId?: string): boolean {
    const id = itemId ?? AppEditor.currentItem(editor)?.id;
    if (id === undefined) return false;
    return AppEditor.moveItem(editor, id, AppEditor.itemIndex(editor, id) + 1);
  },

  /** Sets the item's planned time in whole minutes, or removes it (null, or not 1–600). */
  setPlannedMinutes(editor: Editor, itemId: string, minutes: number | null): boolean {
    const index = AppEditor.itemIndex(editor, itemId);
    if (index < 0) return false;
    if (minutes !== null && isPlannedMinutes(minutes)) Transforms.setNodes(editor, { plannedMinutes: minutes }, { at: [index] });
    else Transforms.unsetNodes(editor, 'plannedMinutes', { at: [index] });
    return true;
  },

  /** Tables (bordlägger) the item or takes that back. Returns the new state. */
  toggleBordlagd(editor: Editor, itemId?: string): boolean {
    const index = itemId === undefined ? AppEditor.currentItemIndex(editor) : AppEditor.itemIndex(editor, itemId);
    if (index < 0) return false;
    const item = editor.children[index] as ItemElement;
    if (item.bordlagd === true) {
      Transforms.unsetNodes(editor, 'bordlagd', { at: [index] });
      return false;
    }
    Transforms.setNodes(editor, { bordlagd: true }, { at: [index] });
    return true;
  },

  /**
   * The decision block where the cursor is: in an empty paragraph, that paragraph becomes the
   * decision (with one att-sats); anywhere else in an item or a sub-item, a new decision goes
   * right after the block the cursor is in (after the title: first under it). In a decision
   * already, a new att-sats after the current one. The cursor goes into the new att-sats.
   */
  insertDecision(editor: Editor): boolean {
    const block = cursorBlock(editor);
    if (!block) return false;
    const [node, leafPath] = block;
    if (node.type === 'att-sats') return AppEditor.insertAttSats(editor);
    // In a list or a table: after it, never inside it (the list's rule would flatten it).
    const path = RichEditor.bodyBlockPath(editor, leafPath) ?? leafPath;
    Editor.withoutNormalizing(editor, () => {
      if (node.type === 'paragraph' && Node.string(node) === '') {
        Transforms.removeNodes(editor, { at: path });
        Transforms.insertNodes(editor, decision(), { at: path });
        Transforms.select(editor, Editor.start(editor, path));
      } else {
        const at = Path.next(path);
        Transforms.insertNodes(editor, decision(), { at });
        Transforms.select(editor, Editor.start(editor, at));
      }
    });
    return true;
  },

  /** A new att-sats after the current one (outside a decision: a new decision block). */
  insertAttSats(editor: Editor): boolean {
    const block = cursorBlock(editor);
    if (!block) return false;
    const [node, path] = block;
    if (node.type !== 'att-sats') return AppEditor.insertDecision(editor);
    const at = Path.next(path);
    Editor.withoutNormalizing(editor, () => {
      Transforms.insertNodes(editor, attSats(), { at });
      Transforms.select(editor, Editor.start(editor, at));
    });
    return true;
  },

  /**
   * The föredragande line of the current item (or sub-item): right under its title, one per
   * item. When there is one already, the cursor goes to its end instead of adding a second.
   */
  insertForedragande(editor: Editor): boolean {
    const block = cursorBlock(editor);
    if (!block) return false;
    const containerPath = containerOf(editor, block[1]);
    if (!containerPath) return false;
    const container = Node.get(editor, containerPath) as ItemElement | SubItemElement;
    const existing = container.children.findIndex((c) => c.type === 'foredragande');
    if (existing >= 0) {
      Transforms.select(editor, Editor.end(editor, [...containerPath, existing]));
      return true;
    }
    const at = [...containerPath, 1];
    Editor.withoutNormalizing(editor, () => {
      Transforms.insertNodes(editor, foredragande(), { at });
      Transforms.select(editor, Editor.start(editor, at));
    });
    return true;
  },

  /**
   * Takes a type-ahead suggestion (src/protocol/typeahead.ts): replaces the `replace`
   * characters before the cursor. A phrase is inserted as text, and its first gap "…" is
   * selected so that typing fills it in; a person's name is inserted as a reference (the
   * personId mark), followed by an unmarked space so what is typed next is not part of it.
   */
  acceptSuggestion(editor: Editor, suggestion: Suggestion): boolean {
    const { selection } = editor;
    if (!selection || !Range.isCollapsed(selection)) return false;
    const start = Editor.before(editor, selection.focus, { distance: suggestion.replace, unit: 'offset' }) ?? selection.focus;
    Editor.withoutNormalizing(editor, () => {
      Transforms.select(editor, { anchor: start, focus: selection.focus });
      if (suggestion.kind === 'phrase') {
        editor.insertText(suggestion.text);
        const gap = suggestion.text.indexOf('…');
        if (gap >= 0) {
          const end = editor.selection!.focus;
          const gapStart = Editor.before(editor, end, { distance: suggestion.text.length - gap, unit: 'offset' });
          if (gapStart) Transforms.select(editor, { anchor: gapStart, focus: Editor.after(editor, gapStart, { unit: 'offset' }) ?? gapStart });
        }
      } else {
        Transforms.delete(editor);
        Editor.addMark(editor, 'personId', suggestion.id);
        editor.insertText(suggestion.text);
        Editor.removeMark(editor, 'personId');
        editor.insertText(' ');
      }
    });
    return true;
  },

  /** Puts the cursor at the end of an item's (or a sub-item's) title. The path, or null. */
  jumpToItem(editor: Editor, id: string): Path | null {
    const path = AppEditor.findPath(editor, id);
    if (!path) return null;
    const titlePath = [...path, 0];
    Transforms.select(editor, Editor.end(editor, titlePath));
    return titlePath;
  },
};

/** The text block (title, paragraph, att-sats …) holding the cursor. */
function cursorBlock(editor: Editor) {
  return editor.selection ? leafAbove(editor, editor.selection) : undefined;
}

/** The item or sub-item a block stands in (through a decision, for an att-sats). */
function containerOf(editor: Editor, path: Path): Path | null {
  for (let p = Path.parent(path); p.length > 0; p = Path.parent(p)) {
    const n = Node.get(editor, p);
    if (Element.isElement(n) && (n.type === 'item' || n.type === 'subitem')) return p;
  }
  return null;
}

function isItem(node: Node | undefined): node is ItemElement {
  return node !== undefined && Element.isElement(node) && node.type === 'item';
}

/** See insertItem: the cursor's empty last paragraph, when its container has more text. */
function removeTrailingEmptyParagraph(editor: Editor): void {
  const focus = editor.selection?.focus.path;
  if (!focus || focus.length < 3) return;
  const blockPath = focus.slice(0, -1);
  const block = Node.get(editor, blockPath);
  if (!Element.isElement(block) || block.type !== 'paragraph' || Node.string(block) !== '') return;
  const container = Node.parent(editor, blockPath) as ItemElement | SubItemElement;
  const last = container.children.length - 1;
  if (blockPath.at(-1) !== last || container.children.length <= 2) return;
  Transforms.removeNodes(editor, { at: blockPath });
}
