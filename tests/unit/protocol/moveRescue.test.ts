/**
 * Text typed into an item while another computer moved it (the binding's move is a delete and
 * a copy, so the typing lands in the deleted original) is found by the computer that typed it,
 * when the move arrives, and put back into the moved item: once, in place, with its marks; not
 * by a computer that only saw it, and not when nothing was lost.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import { Editor, Node, Transforms, type Descendant } from 'slate';
import { AppEditor } from '../../../renderer/editor/AppEditor';
import { createMeetingEditor } from '../../../renderer/editor/createMeetingEditor';
import { restoreLost, watchMoves, type LostText } from '../../../src/protocol/moveRescue';

const item = (id: string, title: string, text: string) => ({
  type: 'item',
  id,
  children: [
    { type: 'item-title', id: `t${id}`, children: [{ text: title }] },
    { type: 'paragraph', id: `p${id}`, children: [{ text }] },
  ],
});

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  doc.get('content', Y.XmlText).applyDelta(slateNodesToInsertDelta([item('1', 'Ett', 'Budgeten'), item('2', 'Två', 'y'), item('3', 'Tre', 'z')] as Descendant[]));
  return doc;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A computer: a document, an editor on it, and the Core's watch with its own client ids. */
function computer(from: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  const editor = createMeetingEditor(doc.get('content', Y.XmlText), { onDesync: (e) => { throw e; } }).editor;
  const lost: LostText[][] = [];
  // The editor writes with the document's client id here (one replica): that is "typed here".
  watchMoves(doc, (client) => client === doc.clientID, (l) => lost.push(l));
  return { doc, editor, lost };
}

async function send(from: { doc: Y.Doc }, to: { doc: Y.Doc }): Promise<void> {
  await tick();
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote');
  await tick();
}

const texts = (editor: Editor) => editor.children.map((n) => Node.string(n));

describe('text typed into an item another computer moved', () => {
  test('is put back into the moved item by the computer that typed it, once, and reaches the mover', async () => {
    const base = seeded();
    const a = computer(base);
    const b = computer(base);
    AppEditor.moveItem(a.editor, '1', 2);
    a.editor.onChange();
    Transforms.select(b.editor, Editor.end(b.editor, [0, 1]));
    b.editor.insertText(' godkändes');
    Transforms.select(b.editor, Editor.end(b.editor, [0, 0]));
    b.editor.insertText(' och mål');
    b.editor.onChange();

    await send(a, b);
    expect(b.lost).toHaveLength(1);
    expect(b.lost[0]!.map((l) => (l.kind === 'text' ? [l.blockId, l.text] : l))).toEqual([
      ['t1', ' och mål'],
      ['p1', ' godkändes'],
    ]);
    restoreLost(b.doc, b.lost[0]!);
    await tick();
    expect(texts(b.editor)).toEqual(['Tvåy', 'Trez', 'Ett och målBudgeten godkändes']);

    // The mover receives B's typing (into its deleted original: invisible) and the rescue.
    await send(b, a);
    expect(a.lost).toEqual([]);
    expect(texts(a.editor)).toEqual(texts(b.editor));
  });

  test('keeps the marks of the lost text, and puts two pieces of one block back in order', async () => {
    const base = seeded();
    const a = computer(base);
    const b = computer(base);
    AppEditor.moveItem(a.editor, '1', 1);
    a.editor.onChange();
    Transforms.select(b.editor, { path: [0, 1, 0], offset: 0 });
    b.editor.insertText('Nu: ');
    Transforms.select(b.editor, Editor.end(b.editor, [0, 1]));
    b.editor.addMark('bold', true);
    b.editor.insertText(' fet');
    b.editor.onChange();
    await send(a, b);
    restoreLost(b.doc, b.lost.flat());
    await tick();
    expect(texts(b.editor)).toEqual(['Tvåy', 'EttNu: Budgeten fet', 'Trez']);
    const paragraph = Node.get(b.editor, [1, 1]) as { children: Array<{ text: string; bold?: boolean }> };
    expect(paragraph.children.filter((c) => c.bold).map((c) => c.text)).toEqual([' fet']);
  });

  test('a whole block written here (an att-sats) comes back after the block it followed', async () => {
    const base = seeded();
    const a = computer(base);
    const b = computer(base);
    AppEditor.moveItem(a.editor, '1', 2);
    a.editor.onChange();
    Transforms.insertNodes(b.editor, { type: 'paragraph', id: 'ny', children: [{ text: 'att godkänna ' }, { text: 'budgeten', italic: true }] } as never, { at: [0, 2] });
    b.editor.onChange();
    await send(a, b);
    expect(b.lost.flat().map((l) => l.kind)).toEqual(['block']);
    restoreLost(b.doc, b.lost.flat());
    await tick();
    expect(texts(b.editor)).toEqual(['Tvåy', 'Trez', 'EttBudgetenatt godkänna budgeten']);
    const moved = Node.get(b.editor, [2]) as { children: Array<{ id: string; children: unknown[] }> };
    expect(moved.children.map((c) => c.id)).toEqual(['t1', 'p1', 'ny']);
    expect(moved.children[2]!.children).toEqual([{ text: 'att godkänna ' }, { text: 'budgeten', italic: true }]);
  });

  test('text typed into a paragraph another computer joined to the one before is put back at its end', async () => {
    const base = seeded();
    const a = computer(base);
    const b = computer(base);
    Transforms.insertNodes(a.editor, { type: 'paragraph', id: 'p1b', children: [{ text: 'Andra stycket.' }] } as never, { at: [0, 2] });
    a.editor.onChange();
    await send(a, b);
    Transforms.select(a.editor, Editor.start(a.editor, [0, 2]));
    a.editor.deleteBackward('character');
    a.editor.onChange();
    Transforms.select(b.editor, Editor.end(b.editor, [0, 2]));
    b.editor.insertText(' Skrivet samtidigt.');
    b.editor.onChange();
    await send(a, b);
    expect(b.lost.flat()).toEqual([{ kind: 'text', itemId: '1', blockId: 'p1', at: 'BudgetenAndra stycket.'.length, text: ' Skrivet samtidigt.', marks: {} }]);
    restoreLost(b.doc, b.lost.flat());
    await tick();
    await send(b, a);
    expect(texts(a.editor)[0]).toBe('EttBudgetenAndra stycket. Skrivet samtidigt.');
    expect(texts(b.editor)).toEqual(texts(a.editor));
    expect(a.lost).toEqual([]);
  });

  test('a paragraph deleted on another computer is not brought back, nor what was typed into it', async () => {
    const base = seeded();
    const a = computer(base);
    const b = computer(base);
    Transforms.insertNodes(b.editor, { type: 'paragraph', id: 'p1b', children: [{ text: 'Skrivet på B, sedan struket på A.' }] } as never, { at: [0, 2] });
    b.editor.onChange();
    await send(b, a);
    Transforms.removeNodes(a.editor, { at: [0, 2] });
    a.editor.onChange();
    Transforms.select(b.editor, Editor.end(b.editor, [0, 2]));
    b.editor.insertText(' Mer.');
    b.editor.onChange();
    await send(a, b);
    expect(b.lost).toEqual([]);
  });

  test('nothing is reported when nothing was lost: the mover itself, a computer that did not type, a move of an item typed in elsewhere', async () => {
    const base = seeded();
    const a = computer(base);
    const b = computer(base);
    const c = computer(base);
    Transforms.select(b.editor, Editor.end(b.editor, [1, 1]));
    b.editor.insertText(' i punkt två'); // in another item than the one moved
    b.editor.onChange();
    AppEditor.moveItem(a.editor, '1', 2);
    a.editor.onChange();
    await send(a, b);
    await send(a, c);
    await send(b, a);
    expect([a.lost, b.lost, c.lost]).toEqual([[], [], []]);
    expect(texts(b.editor)).toEqual(['Tvåy i punkt två', 'Trez', 'EttBudgeten']);
  });

  test('another computer’s lost text is left to that computer', async () => {
    const base = seeded();
    const a = computer(base);
    const b = computer(base);
    const c = computer(base);
    AppEditor.moveItem(a.editor, '1', 2);
    a.editor.onChange();
    Transforms.select(b.editor, Editor.end(b.editor, [0, 1]));
    b.editor.insertText(' från B');
    b.editor.onChange();
    await send(b, c); // C has B's typing, then the move arrives there
    await send(a, c);
    expect(c.lost).toEqual([]);
  });
});
