/**
 * A cursor shared for presence is a pair of Yjs relative positions: encoded from one replica's
 * Slate selection, it must come out at the same characters in another replica (the same
 * document, as the server relays it), in a title, a paragraph and at the very end, and after
 * the other replica has typed before it.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { slateNodesToInsertDelta, withYjs, YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor, Transforms, type BaseRange, type Descendant } from 'slate';
import { encodeSelection, peerRange } from '../../../renderer/editor/usePresence';

function seededDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.get('content', Y.XmlText).applyDelta(
    slateNodesToInsertDelta([
      { type: 'item', id: 'i1', children: [{ type: 'item-title', id: 't1', children: [{ text: 'Val av justerare' }] }, { type: 'paragraph', id: 'p1', children: [{ text: 'Till justerare valdes' }] }] },
      { type: 'item', id: 'i2', children: [{ type: 'item-title', id: 't2', children: [{ text: 'Övriga frågor' }] }, { type: 'paragraph', id: 'p2', children: [{ text: '' }] }] },
    ] as Descendant[]),
  );
  return doc;
}

function replica(from: Y.Doc): { doc: Y.Doc; editor: Editor; content: Y.XmlText } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const content = doc.get('content', Y.XmlText);
  const editor = withYjs(createEditor(), content, { autoConnect: false });
  YjsEditor.connect(editor);
  return { doc, editor, content };
}

describe('presence cursors between replicas', () => {
  const origin = seededDoc();
  const cases: Array<[string, BaseRange | 'end']> = [
    ['inside the first title', { anchor: { path: [0, 0, 0], offset: 4 }, focus: { path: [0, 0, 0], offset: 4 } }],
    ['at the start of the first title', { anchor: { path: [0, 0, 0], offset: 0 }, focus: { path: [0, 0, 0], offset: 0 } }],
    ['a selection across a title and a paragraph', { anchor: { path: [0, 0, 0], offset: 2 }, focus: { path: [0, 1, 0], offset: 5 } }],
    ['in an empty paragraph', { anchor: { path: [1, 1, 0], offset: 0 }, focus: { path: [1, 1, 0], offset: 0 } }],
    ['at the end of the text', 'end'],
  ];
  for (const [what, range] of cases) {
    test(what, () => {
      const bo = replica(origin);
      const anna = replica(origin);
      Transforms.select(bo.editor, range === 'end' ? Editor.end(bo.editor, []) : range);
      const cursor = encodeSelection(bo.editor, bo.content);
      expect(cursor).not.toBeNull();
      expect(peerRange(anna.editor, anna.content, { clientId: 1, name: 'bo', account: 'bo', cursor })).toEqual(bo.editor.selection);
    });
  }

  test('follows the characters when the other replica typed before them', () => {
    const bo = replica(origin);
    const anna = replica(origin);
    Transforms.select(bo.editor, { path: [0, 0, 0], offset: 4 });
    const cursor = encodeSelection(bo.editor, bo.content);
    Transforms.insertText(anna.editor, 'Punkt: ', { at: { path: [0, 0, 0], offset: 0 } });
    YjsEditor.flushLocalChanges(anna.editor); // into anna's Y.Doc now, not at the next tick
    expect(peerRange(anna.editor, anna.content, { clientId: 1, name: 'bo', account: 'bo', cursor })?.focus).toEqual({ path: [0, 0, 0], offset: 4 + 'Punkt: '.length });
  });
});
