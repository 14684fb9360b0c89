/**
 * The editor's commands (AppEditor) and its structural editing (Enter, Backspace, Delete) on a
 * headless Slate editor with the app's plugins: where a new item or sub-item goes and where
 * the cursor lands, that a move is one move_node, and that Backspace and Delete never merge
 * across an item boundary.
 */
import { describe, expect, test } from 'vitest';
import { createEditor, Editor, Element, Node, Transforms, type Descendant, type Path } from 'slate';
import { attSatser, checkContent, outline } from '../../../src/protocol/schema';
import { AppEditor } from '../../../renderer/editor/AppEditor';
import { withMeetingSchema } from '../../../renderer/editor/createMeetingEditor';

type Shape = string | [string, ...Shape[]];
function shape(node: Node): Shape {
  if (!Element.isElement(node)) return (node as { text: string }).text;
  const leaf = node.children.every((c) => !Element.isElement(c));
  const flag = node.type === 'item' && node.bordlagd ? '+bordlagd' : '';
  return leaf ? [`${node.type}${flag}`, Node.string(node)] : [`${node.type}${flag}`, ...node.children.map(shape)];
}

const T = (text: string) => ({ type: 'item-title', children: [{ text }] });
const ST = (text: string) => ({ type: 'subitem-title', children: [{ text }] });
const P = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const I = (id: string, ...children: unknown[]) => ({ type: 'item', id, children });
const S = (id: string, ...children: unknown[]) => ({ type: 'subitem', id, children });

function makeEditor(children: unknown[]): Editor {
  const editor = withMeetingSchema(createEditor());
  editor.children = structuredClone(children) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const shapes = (editor: Editor) => editor.children.map(shape);
const at = (editor: Editor, path: Path, offset?: number) =>
  Transforms.select(editor, offset === undefined ? Editor.end(editor, path) : { path: [...path, 0], offset });
/** The block path (without the text index) and offset of the cursor. */
const cursor = (editor: Editor) => ({ block: editor.selection!.focus.path.slice(0, -1), offset: editor.selection!.focus.offset });
const valid = (editor: Editor) => expect(checkContent(editor.children)).toEqual([]);

const agenda = () => [
  I('a', T('Val av justerare'), P('Åsa Öberg')),
  I('b', T('Budget'), P('')),
  I('c', T('Övriga frågor'), P('')),
];

describe('AppEditor.insertItem', () => {
  test('inserts after the current item, cursor in the new title', () => {
    const editor = makeEditor(agenda());
    at(editor, [0, 1]);
    const id = AppEditor.insertItem(editor);
    editor.insertText('Ny');
    expect(outline(editor.children).map((i) => i.title)).toEqual(['Val av justerare', 'Ny', 'Budget', 'Övriga frågor']);
    expect(outline(editor.children)[1]!.id).toBe(id);
    // The new item has a paragraph waiting under its title.
    expect(shapes(editor)[1]).toEqual(['item', ['item-title', 'Ny'], ['paragraph', '']]);
    valid(editor);
  });

  test('after a given item (from the outline), whatever the cursor', () => {
    const editor = makeEditor(agenda());
    at(editor, [0, 1]);
    AppEditor.insertItem(editor, 'c');
    expect(cursor(editor).block).toEqual([3, 0]);
  });

  test('without a selection it appends', () => {
    const editor = makeEditor(agenda());
    AppEditor.insertItem(editor);
    expect(editor.children).toHaveLength(4);
    expect(cursor(editor).block).toEqual([3, 0]);
  });

  test('an empty last paragraph under text is removed (Enter, Enter, Ctrl+Enter leaves no blank line)', () => {
    const editor = makeEditor([I('a', T('Budget'), P('text'), P(''))]);
    at(editor, [0, 2]);
    AppEditor.insertItem(editor);
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['paragraph', 'text']]);
  });

  test('the only (empty) paragraph of an item stays: it is where the item’s text goes', () => {
    const editor = makeEditor(agenda());
    at(editor, [1, 1]);
    AppEditor.insertItem(editor);
    expect(shapes(editor)[1]).toEqual(['item', ['item-title', 'Budget'], ['paragraph', '']]);
  });
});

describe('AppEditor.insertSubItem', () => {
  test('under a given item (Övriga frågor): replaces its empty paragraph, cursor in the sub-item title', () => {
    const editor = makeEditor(agenda());
    at(editor, [0, 1]);
    AppEditor.insertSubItem(editor, 'c');
    editor.insertText('Vaccination');
    AppEditor.insertSubItem(editor, 'c');
    editor.insertText('Underskrifter');
    expect(shapes(editor)[2]).toEqual([
      'item',
      ['item-title', 'Övriga frågor'],
      ['subitem', ['subitem-title', 'Vaccination'], ['paragraph', '']],
      ['subitem', ['subitem-title', 'Underskrifter'], ['paragraph', '']],
    ]);
    expect(outline(editor.children)[2]!.subItems.map((s) => s.title)).toEqual(['Vaccination', 'Underskrifter']);
    valid(editor);
  });

  test('in the current item, after the sub-item the cursor is in', () => {
    const editor = makeEditor([I('c', T('Övriga frågor'), S('s1', ST('a'), P('x')), S('s2', ST('c'), P('z')))]);
    at(editor, [0, 1, 1]);
    AppEditor.insertSubItem(editor);
    editor.insertText('b');
    expect(outline(editor.children)[0]!.subItems.map((s) => s.title)).toEqual(['a', 'b', 'c']);
  });

  test('after the paragraph the cursor is in, keeping the text', () => {
    const editor = makeEditor([I('c', T('Övriga frågor'), P('Inledning'), P('Slut'))]);
    at(editor, [0, 1]);
    AppEditor.insertSubItem(editor);
    expect(shapes(editor)[0]).toEqual([
      'item',
      ['item-title', 'Övriga frågor'],
      ['paragraph', 'Inledning'],
      ['subitem', ['subitem-title', ''], ['paragraph', '']],
      ['paragraph', 'Slut'],
    ]);
  });

  test('nothing happens without an item to put it in', () => {
    const editor = makeEditor(agenda());
    expect(AppEditor.insertSubItem(editor)).toBeNull();
    expect(AppEditor.insertSubItem(editor, 'no-such-item')).toBeNull();
  });
});

describe('moving items', () => {
  test('moveItem puts the item at the given index, as one move_node, and the cursor goes with it', () => {
    const editor = makeEditor(agenda());
    at(editor, [0, 1]);
    editor.operations = [];
    expect(AppEditor.moveItem(editor, 'a', 2)).toBe(true);
    expect(editor.operations.map((o) => o.type)).toEqual(['move_node']);
    expect(outline(editor.children).map((i) => i.id)).toEqual(['b', 'c', 'a']);
    expect(cursor(editor).block).toEqual([2, 1]);
  });

  test('moveItem clamps the index and refuses a no-op or an unknown id', () => {
    const editor = makeEditor(agenda());
    expect(AppEditor.moveItem(editor, 'c', 99)).toBe(false);
    expect(AppEditor.moveItem(editor, 'x', 0)).toBe(false);
    expect(AppEditor.moveItem(editor, 'c', -5)).toBe(true);
    expect(outline(editor.children).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  test('moveItemUp/Down move the current item, and stop at the ends', () => {
    const editor = makeEditor(agenda());
    at(editor, [1, 0]);
    expect(AppEditor.moveItemUp(editor)).toBe(true);
    expect(AppEditor.moveItemUp(editor)).toBe(false);
    expect(outline(editor.children).map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(AppEditor.moveItemDown(editor, 'a')).toBe(true);
    expect(AppEditor.moveItemDown(editor, 'a')).toBe(false);
    expect(outline(editor.children).map((i) => i.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('toggleBordlagd and jumpToItem', () => {
  test('toggleBordlagd sets and removes the attribute on the item', () => {
    const editor = makeEditor(agenda());
    expect(AppEditor.toggleBordlagd(editor, 'b')).toBe(true);
    expect(outline(editor.children)[1]!.bordlagd).toBe(true);
    expect(AppEditor.toggleBordlagd(editor, 'b')).toBe(false);
    expect('bordlagd' in editor.children[1]!).toBe(false);
  });

  test('jumpToItem puts the cursor at the end of the item’s or sub-item’s title', () => {
    const editor = makeEditor([...agenda(), I('d', T('Övrigt'), S('s1', ST('Vaccination')))]);
    expect(AppEditor.jumpToItem(editor, 'b')).toEqual([1, 0]);
    expect(cursor(editor)).toEqual({ block: [1, 0], offset: 'Budget'.length });
    expect(AppEditor.jumpToItem(editor, 's1')).toEqual([3, 1, 0]);
    expect(cursor(editor)).toEqual({ block: [3, 1, 0], offset: 'Vaccination'.length });
    expect(AppEditor.jumpToItem(editor, 'nope')).toBeNull();
  });
});

describe('Enter', () => {
  test('at the end of a title goes into the empty first paragraph', () => {
    const editor = makeEditor(agenda());
    at(editor, [1, 0]);
    editor.insertBreak();
    expect(cursor(editor).block).toEqual([1, 1]);
    expect(shapes(editor)[1]).toEqual(['item', ['item-title', 'Budget'], ['paragraph', '']]);
  });

  test('at the end of a title with text under it opens a new paragraph right under the title', () => {
    const editor = makeEditor(agenda());
    at(editor, [0, 0]);
    editor.insertBreak();
    editor.insertText('Först');
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Val av justerare'], ['paragraph', 'Först'], ['paragraph', 'Åsa Öberg']]);
    valid(editor);
  });

  test('at the end of a title with only sub-items under it creates the paragraph', () => {
    const editor = makeEditor([I('c', T('Övriga frågor'), S('s1', ST('a')))]);
    at(editor, [0, 0]);
    editor.insertBreak();
    expect(cursor(editor).block).toEqual([0, 1]);
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Övriga frågor'], ['paragraph', ''], ['subitem', ['subitem-title', 'a']]]);
  });

  test('in the middle of a title moves the rest into a paragraph with its own id', () => {
    const editor = makeEditor([I('a', { ...T('Övriga frågor a/ vaccination'), id: 't1' })]);
    at(editor, [0, 0], 'Övriga frågor'.length);
    editor.insertBreak();
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Övriga frågor'], ['paragraph', ' a/ vaccination']]);
    const [title, para] = (editor.children[0] as { children: Array<{ id: string }> }).children;
    expect(title!.id).toBe('t1');
    expect(para!.id).not.toBe('t1');
    expect(cursor(editor)).toEqual({ block: [0, 1], offset: 0 });
  });

  test('at the end of a sub-item title goes into its paragraph', () => {
    const editor = makeEditor([I('c', T('Övriga frågor'), S('s1', ST('Vaccination'), P('')))]);
    at(editor, [0, 1, 0]);
    editor.insertBreak();
    expect(cursor(editor).block).toEqual([0, 1, 1]);
  });

  test('in a paragraph splits it; both halves keep unique ids', () => {
    const editor = makeEditor([I('a', T('T'), { ...P('ab'), id: 'p1' })]);
    at(editor, [0, 1], 1);
    editor.insertBreak();
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'T'], ['paragraph', 'a'], ['paragraph', 'b']]);
    const kids = (editor.children[0] as { children: Array<{ id: string }> }).children;
    expect(kids[1]!.id).toBe('p1');
    expect(kids[2]!.id).not.toBe('p1');
  });

  test('Shift+Enter is a line break inside the block', () => {
    const editor = makeEditor([I('a', T('T'), P('a'))]);
    at(editor, [0, 1]);
    editor.insertSoftBreak();
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'T'], ['paragraph', 'a\n']]);
  });
});

describe('Backspace', () => {
  test('at the start of an empty paragraph removes it and continues at the end of the block before', () => {
    const editor = makeEditor([I('a', T('Budget'), P('text'), P(''))]);
    at(editor, [0, 2], 0);
    editor.deleteBackward('character');
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['paragraph', 'text']]);
    expect(cursor(editor)).toEqual({ block: [0, 1], offset: 4 });
  });

  test('at the start of an item’s only, empty paragraph goes to the end of the title', () => {
    const editor = makeEditor(agenda());
    at(editor, [1, 1], 0);
    editor.deleteBackward('character');
    expect(shapes(editor)[1]).toEqual(['item', ['item-title', 'Budget']]);
    expect(cursor(editor)).toEqual({ block: [1, 0], offset: 6 });
  });

  test('at the start of a title with text never merges it into the item before', () => {
    const editor = makeEditor(agenda());
    const before = JSON.stringify(editor.children);
    at(editor, [1, 0], 0);
    editor.deleteBackward('character');
    expect(JSON.stringify(editor.children)).toBe(before);
  });

  test('at the start of the title of an item with nothing written in it removes the item', () => {
    const editor = makeEditor([...agenda(), I('d', T(''), P(''))]);
    at(editor, [3, 0], 0);
    editor.deleteBackward('character');
    expect(outline(editor.children).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(cursor(editor).block).toEqual([2, 1]);
  });

  test('the last item is never removed', () => {
    const editor = makeEditor([I('a', T(''), P(''))]);
    at(editor, [0, 0], 0);
    editor.deleteBackward('character');
    expect(editor.children).toHaveLength(1);
  });

  test('at the start of an empty sub-item’s title removes the sub-item; with text it stays', () => {
    const editor = makeEditor([I('c', T('Övriga frågor'), S('s1', ST('Vaccination')), S('s2', ST(''), P('')))]);
    at(editor, [0, 2, 0], 0);
    editor.deleteBackward('character');
    expect(outline(editor.children)[0]!.subItems.map((s) => s.id)).toEqual(['s1']);
    expect(cursor(editor)).toEqual({ block: [0, 1, 0], offset: 'Vaccination'.length });
    at(editor, [0, 1, 0], 0);
    editor.deleteBackward('character');
    expect(outline(editor.children)[0]!.subItems.map((s) => s.id)).toEqual(['s1']);
  });

  test('inside text it deletes a character as usual', () => {
    const editor = makeEditor(agenda());
    at(editor, [1, 0]);
    editor.deleteBackward('character');
    expect(outline(editor.children)[1]!.title).toBe('Budge');
  });
});

describe('Delete', () => {
  test('at the end of an item does not pull the next item’s title into it', () => {
    const editor = makeEditor(agenda());
    const before = JSON.stringify(editor.children);
    at(editor, [0, 1]);
    editor.deleteForward('character');
    expect(JSON.stringify(editor.children)).toBe(before);
  });

  test('on an empty last paragraph removes it and goes to the next title', () => {
    const editor = makeEditor(agenda());
    at(editor, [1, 1]);
    editor.deleteForward('character');
    expect(shapes(editor)[1]).toEqual(['item', ['item-title', 'Budget']]);
    expect(cursor(editor)).toEqual({ block: [2, 0], offset: 0 });
  });

  test('inside an item it joins paragraphs as usual', () => {
    const editor = makeEditor([I('a', T('T'), P('ett'), P('två'))]);
    at(editor, [0, 1]);
    editor.deleteForward('character');
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'T'], ['paragraph', 'etttvå']]);
  });
});

describe('decisions and föredragande', () => {
  const D = (...children: unknown[]) => ({ type: 'decision', children });
  const A = (text: string) => ({ type: 'att-sats', children: [{ text }] });
  const F = (text: string) => ({ type: 'foredragande', children: [{ text }] });

  test('insertDecision turns the empty paragraph the cursor is in into a decision, cursor in its att-sats', () => {
    const editor = makeEditor([I('i1', T('Budget'), P('Diskussion.'), P(''))]);
    at(editor, [0, 2]);
    expect(AppEditor.insertDecision(editor)).toBe(true);
    editor.insertText('att godkänna budgeten');
    expect(shapes(editor)).toEqual([['item', ['item-title', 'Budget'], ['paragraph', 'Diskussion.'], ['decision', ['att-sats', 'att godkänna budgeten']]]]);
    valid(editor);
  });

  test('insertDecision after a paragraph with text keeps the text and puts the decision under it', () => {
    const editor = makeEditor([I('i1', T('Budget'), P('Diskussion.'), P('Mer.'))]);
    at(editor, [0, 1]);
    AppEditor.insertDecision(editor);
    expect(cursor(editor).block).toEqual([0, 2, 0]);
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['paragraph', 'Diskussion.'], ['decision', ['att-sats', '']], ['paragraph', 'Mer.']]);
  });

  test('Enter after an att-sats starts the next; Enter on the empty last one leaves the decision for a paragraph', () => {
    const editor = makeEditor([I('i1', T('Budget'), D(A('att godkänna budgeten')))]);
    at(editor, [0, 1, 0]);
    editor.insertBreak();
    editor.insertText('att Annika Mellqvist ansvarar');
    editor.insertBreak();
    editor.insertBreak();
    editor.insertText('Mötet ajournerades.');
    expect(shapes(editor)).toEqual([
      ['item', ['item-title', 'Budget'], ['decision', ['att-sats', 'att godkänna budgeten'], ['att-sats', 'att Annika Mellqvist ansvarar']], ['paragraph', 'Mötet ajournerades.']],
    ]);
    valid(editor);
  });

  test('Enter on the only, empty att-sats turns the decision back into a paragraph', () => {
    const editor = makeEditor([I('i1', T('Budget'), D(A('')))]);
    at(editor, [0, 1, 0]);
    editor.insertBreak();
    expect(shapes(editor)).toEqual([['item', ['item-title', 'Budget'], ['paragraph', '']]]);
    expect(cursor(editor).block).toEqual([0, 1]);
  });

  test('insertAttSats in a decision adds one after the current; outside, it starts a decision', () => {
    const editor = makeEditor([I('i1', T('Budget'), D(A('att ett'), A('att tre')))]);
    at(editor, [0, 1, 0]);
    AppEditor.insertAttSats(editor);
    editor.insertText('att två');
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['decision', ['att-sats', 'att ett'], ['att-sats', 'att två'], ['att-sats', 'att tre']]]);
  });

  test('Backspace at the start of the first att-sats with text lifts it out as a paragraph, never into the title', () => {
    const editor = makeEditor([I('i1', T('Budget'), D(A('att ett'), A('att två')))]);
    at(editor, [0, 1, 0], 0);
    editor.deleteBackward('character');
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['paragraph', 'att ett'], ['decision', ['att-sats', 'att två']]]);
    valid(editor);
  });

  test('Backspace at the start of a later att-sats joins it to the one before', () => {
    const editor = makeEditor([I('i1', T('Budget'), D(A('att ett'), A(' och två')))]);
    at(editor, [0, 1, 1], 0);
    editor.deleteBackward('character');
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['decision', ['att-sats', 'att ett och två']]]);
  });

  test('insertForedragande puts one line under the title; a second call goes to it instead of adding one', () => {
    const editor = makeEditor([I('i1', T('Budget'), P('Diskussion.'))]);
    at(editor, [0, 1]);
    AppEditor.insertForedragande(editor);
    editor.insertText('Kjell Ivarsson');
    at(editor, [0, 2]);
    AppEditor.insertForedragande(editor);
    expect(cursor(editor)).toEqual({ block: [0, 1], offset: 'Kjell Ivarsson'.length });
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['foredragande', 'Kjell Ivarsson'], ['paragraph', 'Diskussion.']]);
  });

  test('Enter in the föredragande line of a new item goes into the item’s empty paragraph, leaving no blank line', () => {
    const editor = makeEditor([I('i1', T('Budget'), P(''))]);
    at(editor, [0, 0]);
    AppEditor.insertForedragande(editor);
    editor.insertText('Kjell Ivarsson');
    editor.insertBreak();
    editor.insertText('Text.');
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['foredragande', 'Kjell Ivarsson'], ['paragraph', 'Text.']]);
  });

  test('Enter in the föredragande line continues in a paragraph under it', () => {
    const editor = makeEditor([I('i1', T('Budget'), F('Kjell Ivarsson'))]);
    at(editor, [0, 1]);
    editor.insertBreak();
    editor.insertText('Text.');
    expect(shapes(editor)[0]).toEqual(['item', ['item-title', 'Budget'], ['foredragande', 'Kjell Ivarsson'], ['paragraph', 'Text.']]);
  });

  test('the att-satser are read back in order with their item and sub-item', () => {
    const editor = makeEditor([I('i1', T('A'), D(A('att ett'))), I('i2', T('Övriga frågor'), S('s1', ST('Vaccination'), D(A('att två'), A('att tre'))))]);
    expect(attSatser(editor.children).map((a) => [a.itemId, a.subItemId, a.text])).toEqual([
      ['i1', null, 'att ett'],
      ['i2', 's1', 'att två'],
      ['i2', 's1', 'att tre'],
    ]);
  });
});

describe('acceptSuggestion', () => {
  const leaves = (editor: Editor, path: Path) => (Node.get(editor, path) as Element).children;

  test('a phrase replaces what was typed and selects its gap, so typing fills it in', () => {
    const editor = makeEditor([I('i1', T('Budget'), P('att bordl'))]);
    at(editor, [0, 1]);
    AppEditor.acceptSuggestion(editor, { kind: 'phrase', id: 'bordlagga', text: 'att bordlägga frågan och ta upp denna igen vid …', detail: '', replace: 9 });
    editor.insertText('LSVO:s möte i juni');
    expect(Node.string(Node.get(editor, [0, 1]))).toBe('att bordlägga frågan och ta upp denna igen vid LSVO:s möte i juni');
  });

  test('a person is inserted as a reference, and what is typed after it is plain text', () => {
    const editor = makeEditor([I('i1', T('Budget'), P('att Kjell Iv'))]);
    at(editor, [0, 1]);
    AppEditor.acceptSuggestion(editor, { kind: 'person', id: 'kjell', text: 'Kjell Ivarsson', detail: '', replace: 8 });
    editor.insertText('tar med sig frågan');
    expect(leaves(editor, [0, 1])).toEqual([{ text: 'att ' }, { text: 'Kjell Ivarsson', personId: 'kjell' }, { text: ' tar med sig frågan' }]);
    valid(editor);
  });
});
