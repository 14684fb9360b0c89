/**
 * Moving an item through the real binding (createMeetingEditor → @slate-yjs → Y.Doc): the move
 * is one Yjs transaction, the stored tree matches the editor, and a concurrent edit on another
 * device merges with it. The one known loss is written down as a failing expectation, so it
 * is visible here and turns up when the binding learns to move.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { slateNodesToInsertDelta, yTextToSlateElement } from '@slate-yjs/core';
import { Editor, Node, Transforms, type Descendant } from 'slate';
import { outline } from '../../../src/protocol/schema';
import { AppEditor } from '../../../renderer/editor/AppEditor';
import { createMeetingEditor } from '../../../renderer/editor/createMeetingEditor';

const item = (id: string, title: string, text: string) => ({
  type: 'item',
  id,
  children: [
    { type: 'item-title', id: `t${id}`, children: [{ text: title }] },
    { type: 'paragraph', id: `p${id}`, children: [{ text }] },
  ],
});

const flush = () => new Promise((r) => setTimeout(r, 0));

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  doc.get('content', Y.XmlText).applyDelta(slateNodesToInsertDelta([item('1', 'Ett', 'x'), item('2', 'Två', 'y'), item('3', 'Tre', 'z')] as Descendant[]));
  return doc;
}

/** Two devices on the same document, each with its own editor. */
function twoDevices() {
  const a = seeded();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const onDesync = (e: unknown) => {
    throw e;
  };
  const ea = createMeetingEditor(a.get('content', Y.XmlText), { onDesync }).editor;
  const eb = createMeetingEditor(b.get('content', Y.XmlText), { onDesync }).editor;
  const before = { a: Y.encodeStateVector(a), b: Y.encodeStateVector(b) };
  const exchange = async () => {
    await flush();
    const ua = Y.encodeStateAsUpdate(a, before.a);
    const ub = Y.encodeStateAsUpdate(b, before.b);
    Y.applyUpdate(b, ua, 'remote');
    Y.applyUpdate(a, ub, 'remote');
    await flush();
  };
  return { a, b, ea, eb, exchange };
}

const texts = (editor: Editor) => editor.children.map((n) => Node.string(n));

describe('moving an item through the Yjs binding', () => {
  test('is one Yjs transaction, and the stored tree equals the editor’s', async () => {
    const doc = seeded();
    const { editor } = createMeetingEditor(doc.get('content', Y.XmlText), { onDesync: () => {} });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    AppEditor.moveItem(editor, '3', 0);
    editor.onChange();
    await flush();
    expect(transactions).toBe(1);
    expect(outline(editor.children).map((i) => i.id)).toEqual(['3', '1', '2']);
    expect(yTextToSlateElement(doc.get('content', Y.XmlText)).children).toEqual(editor.children);
  });

  test('merges with typing in another item on another device', async () => {
    const { ea, eb, exchange } = twoDevices();
    AppEditor.moveItem(ea, '1', 2);
    ea.onChange();
    Transforms.select(eb, Editor.end(eb, [1, 1]));
    eb.insertText(' skrivet samtidigt');
    eb.onChange();
    await exchange();
    expect(texts(ea)).toEqual(['Tvåy skrivet samtidigt', 'Trez', 'Ettx']);
    expect(texts(eb)).toEqual(texts(ea));
  });

  test('two devices moving different items converge on one order', async () => {
    const { ea, eb, exchange } = twoDevices();
    AppEditor.moveItem(ea, '1', 2);
    ea.onChange();
    AppEditor.moveItem(eb, '3', 0);
    eb.onChange();
    await exchange();
    const order = outline(ea.children).map((i) => i.id);
    expect(outline(eb.children).map((i) => i.id)).toEqual(order);
    // Every item once: a move never duplicates or drops an item.
    expect([...order].sort()).toEqual(['1', '2', '3']);
  });

  // Known limitation of the binding: @slate-yjs/core 1.0.2 implements move_node as delete + deep
  // copy, so text typed on another device *inside the moved item* before the two devices sync
  // lands in the deleted copy. Here, with editors alone, it stays lost; in the app the Core of the
  // device that typed it puts it back (src/protocol/moveRescue.ts, tests/unit/protocol/moveRescue.test.ts,
  // tests/integration/sync/moveRescue.test.ts). When this starts passing, drop `.fails`.
  test.fails('keeps typing inside the moved item from another device', async () => {
    const { ea, eb, exchange } = twoDevices();
    AppEditor.moveItem(ea, '1', 2);
    ea.onChange();
    Transforms.select(eb, Editor.end(eb, [0, 1]));
    eb.insertText(' skrivet samtidigt');
    eb.onChange();
    await exchange();
    expect(texts(ea)).toContain('Ettx skrivet samtidigt');
  });

  // The same cause: joining two paragraphs (Backspace at the start of the second) copies the
  // second into the first and deletes it, so what another device typed into the second
  // meanwhile is lost here; in the app that device's Core puts it back (moveRescue.ts).
  test.fails('keeps typing inside a paragraph another device joined to the one before', async () => {
    const { ea, eb, exchange } = twoDevices();
    Transforms.select(ea, Editor.start(ea, [0, 1]));
    Transforms.insertNodes(ea, { type: 'paragraph', id: 'p1b', children: [{ text: 'Andra.' }] } as never, { at: [0, 2] });
    ea.onChange();
    await exchange();
    Transforms.select(ea, Editor.start(ea, [0, 2]));
    ea.deleteBackward('character');
    ea.onChange();
    Transforms.select(eb, Editor.end(eb, [0, 2]));
    eb.insertText(' Skrivet samtidigt.');
    eb.onChange();
    await exchange();
    expect(texts(ea)[0]).toContain('Skrivet samtidigt.');
  });

  // Same cause: two devices moving the same item before they sync each insert their own copy.
  test.fails('two devices moving the same item keep one copy of it', async () => {
    const { ea, eb, exchange } = twoDevices();
    AppEditor.moveItem(ea, '1', 2);
    ea.onChange();
    AppEditor.moveItem(eb, '1', 1);
    eb.onChange();
    await exchange();
    expect(ea.children).toHaveLength(3);
  });
});
