/**
 * Undo and redo are one's own (Yjs UndoManager through withYHistory): Ctrl+Z takes back what
 * this editor typed, never what arrived from another device meanwhile, and redo brings it back.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { slateNodesToInsertDelta, YjsEditor } from '@slate-yjs/core';
import { Editor, Node, Transforms, type Descendant } from 'slate';
import { createMeetingEditor } from '../../../renderer/editor/createMeetingEditor';

function seededDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.get('content', Y.XmlText).applyDelta(
    slateNodesToInsertDelta([
      { type: 'item', id: 'i1', children: [{ type: 'item-title', id: 't1', children: [{ text: 'Budget' }] }, { type: 'paragraph', id: 'p1', children: [{ text: '' }] }] },
      { type: 'item', id: 'i2', children: [{ type: 'item-title', id: 't2', children: [{ text: 'Övriga frågor' }] }, { type: 'paragraph', id: 'p2', children: [{ text: '' }] }] },
    ] as Descendant[]),
  );
  return doc;
}

/** Another device types into item 2's paragraph; its update arrives here as the Core relays it. */
function remoteTyping(doc: Y.Doc, text: string): void {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const item = other.get('content', Y.XmlText).toDelta()[1].insert as Y.XmlText;
  const paragraph = item.toDelta()[1].insert as Y.XmlText;
  const before = Y.encodeStateVector(other);
  paragraph.insert(0, text);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'remote');
}

const text = (editor: Editor, path: number[]) => Node.string(Node.get(editor, path));

describe('undo and redo', () => {
  test('undo takes back only this editor’s typing; the other device’s text stays; redo restores', () => {
    const doc = seededDoc();
    const { editor, dispose } = createMeetingEditor(doc.get('content', Y.XmlText), { onDesync: () => undefined });
    Transforms.select(editor, Editor.end(editor, [0, 1]));
    editor.insertText('Budgeten godkändes.');
    remoteTyping(doc, 'Kjell tar med sig frågan.');
    expect(text(editor, [1, 1])).toBe('Kjell tar med sig frågan.');

    editor.undo();
    expect(text(editor, [0, 1])).toBe('');
    expect(text(editor, [1, 1])).toBe('Kjell tar med sig frågan.');
    editor.redo();
    expect(text(editor, [0, 1])).toBe('Budgeten godkändes.');
    expect(text(editor, [1, 1])).toBe('Kjell tar med sig frågan.');
    dispose();
  });

  test('a new decision block is undone as one step, structure and all', () => {
    const doc = seededDoc();
    const { editor, dispose } = createMeetingEditor(doc.get('content', Y.XmlText), { onDesync: () => undefined });
    Transforms.select(editor, Editor.end(editor, [0, 1]));
    editor.insertText('Diskussion.');
    // The UndoManager groups changes closer than its capture timeout; a pause makes two steps.
    // (Local changes reach the Y.Doc on flush, which the binding otherwise does after the tick.)
    YjsEditor.flushLocalChanges(editor);
    editor.undoManager.stopCapturing();
    Transforms.insertNodes(editor, { type: 'decision', id: 'd1', children: [{ type: 'att-sats', id: 'a1', children: [{ text: 'att godkänna' }] }] } as never, { at: [0, 2] });
    expect((Node.get(editor, [0, 2]) as { type: string }).type).toBe('decision');
    editor.undo();
    expect((Node.get(editor, [0]) as { children: unknown[] }).children).toHaveLength(2);
    expect(text(editor, [0, 1])).toBe('Diskussion.');
    dispose();
  });
});
