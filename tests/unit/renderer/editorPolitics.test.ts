/**
 * The political lines in the editor: withPolitics' rules as input/output fixtures through the
 * app's whole plugin stack (every output must pass the Core's checkContent too), their Enter and
 * Backspace, the commands (PoliticsEditor), and two devices entering votes into the same
 * omröstning through real Y.Docs.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { slateNodesToInsertDelta, YjsEditor } from '@slate-yjs/core';
import { createEditor, Editor, Element, Node, Transforms, type Descendant } from 'slate';
import { checkContent } from '../../../src/protocol/schema';
import { votesOf } from '../../../src/protocol/politics';
import { createMeetingEditor, withMeetingSchema } from '../../../renderer/editor/createMeetingEditor';
import { PoliticsEditor } from '../../../renderer/editor/politicsCommands';

type Shape = string | [string, ...Shape[]];

/** Compact view, with the political properties: ['omrostning ja=y1 rost:anna=ja', 'text']. */
function shape(node: Node): Shape {
  if (!Element.isElement(node)) return (node as { text: string }).text;
  const props = Object.entries(node)
    .filter(([k]) => !['type', 'id', 'children'].includes(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${String(v)}`);
  const head = [node.type, ...props].join(' ');
  const leaf = node.children.every((c) => !Element.isElement(c));
  return leaf ? [head, Node.string(node)] : [head, ...node.children.map(shape)];
}

function normalised(input: unknown[]): Editor {
  const editor = withMeetingSchema(createEditor());
  editor.children = structuredClone(input) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const T = (text: string) => ({ type: 'item-title', children: [{ text }] });
const P = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const I = (id: string, ...children: unknown[]) => ({ type: 'item', id, children: [T(id), ...children] });
const L = (type: string, text: string, props: Record<string, unknown> = {}) => ({ type, ...props, children: [{ text }] });

const fixtures: Array<{ name: string; input: unknown[]; output: Shape[] }> = [
  {
    name: 'a valid item with every political line is left as it is',
    input: [
      I(
        'i1',
        L('jav', 'Cecilia Ek'),
        L('yrkande', 'Anna: bifall', { id: 'y1' }),
        L('yrkande', 'Bo: avslag', { id: 'y2' }),
        L('propositionsordning', 'Ordföranden ställer proposition'),
        L('omrostning', '', { ja: 'y1', nej: 'y2', 'rost:anna': 'ja', 'rost:bo': 'avstar' }),
        L('reservation', 'Bo reserverar sig', { yrkandeId: 'y2', skriftlig: true }),
        L('protokollsanteckning', 'David antecknar'),
        { type: 'subitem', children: [{ type: 'subitem-title', children: [{ text: 'a' }] }, L('yrkande', 'i en underpunkt')] },
      ),
    ],
    output: [
      [
        'item',
        ['item-title', 'i1'],
        ['jav', 'Cecilia Ek'],
        ['yrkande', 'Anna: bifall'],
        ['yrkande', 'Bo: avslag'],
        ['propositionsordning', 'Ordföranden ställer proposition'],
        ['omrostning ja=y1 nej=y2 rost:anna=ja rost:bo=avstar', ''],
        ['reservation skriftlig=true yrkandeId=y2', 'Bo reserverar sig'],
        ['protokollsanteckning', 'David antecknar'],
        ['subitem', ['subitem-title', 'a'], ['yrkande', 'i en underpunkt']],
      ],
    ],
  },
  {
    name: 'a political line at the top level (a paste) joins the item before it',
    input: [I('i1', P('x')), L('yrkande', 'Anna: bifall')],
    output: [['item', ['item-title', 'i1'], ['paragraph', 'x'], ['yrkande', 'Anna: bifall']]],
  },
  {
    name: 'a political line inside a decision becomes an att-sats and loses its properties',
    input: [I('i1', { type: 'decision', children: [L('att-sats', 'att bifalla'), L('reservation', 'att notera', { yrkandeId: 'y1', skriftlig: true })] })],
    output: [['item', ['item-title', 'i1'], ['decision', ['att-sats', 'att bifalla'], ['att-sats', 'att notera']]]],
  },
  {
    name: 'a political line nested in a paragraph is unwrapped, its text kept',
    input: [I('i1', { type: 'paragraph', children: [{ text: 'Före ' }, L('yrkande', 'Anna: bifall')] })],
    output: [['item', ['item-title', 'i1'], ['paragraph', 'Före Anna: bifall']]],
  },
  {
    name: 'votes, sides and references on a block of another type are removed',
    input: [I('i1', L('paragraph', 'split from an omröstning', { 'rost:anna': 'ja', ja: 'y1' }), L('yrkande', 'x', { id: 'y1', yrkandeId: 'y1', skriftlig: true }))],
    output: [['item', ['item-title', 'i1'], ['paragraph', 'split from an omröstning'], ['yrkande', 'x']]],
  },
  {
    name: 'an omröstning keeps only valid votes, and two different sides',
    input: [I('i1', L('yrkande', 'a', { id: 'y1' }), L('omrostning', 'Proposition', { ja: 'y1', nej: 'y1', 'rost:anna': 'ja', 'rost:bo': 'JA', 'rost:': 'nej', 'rost:cecilia': 3 }))],
    output: [['item', ['item-title', 'i1'], ['yrkande', 'a'], ['omrostning ja=y1 rost:anna=ja', 'Proposition']]],
  },
  {
    name: 'empty or non-string sides are removed',
    input: [I('i1', L('omrostning', '', { ja: '', nej: 7 }))],
    output: [['item', ['item-title', 'i1'], ['omrostning', '']]],
  },
  {
    name: 'a reservation’s skriftlig is true or absent; an empty yrkande reference goes',
    input: [I('i1', L('reservation', 'Bo', { skriftlig: 'ja', yrkandeId: '' }))],
    output: [['item', ['item-title', 'i1'], ['reservation', 'Bo']]],
  },
  {
    name: 'references to a yrkande in another item are removed (a moved or pasted line)',
    input: [I('i1', L('yrkande', 'a', { id: 'y1' })), I('i2', L('reservation', 'Bo', { yrkandeId: 'y1' }), L('omrostning', '', { ja: 'y1', 'rost:bo': 'nej' }))],
    output: [
      ['item', ['item-title', 'i1'], ['yrkande', 'a']],
      ['item', ['item-title', 'i2'], ['reservation', 'Bo'], ['omrostning rost:bo=nej', '']],
    ],
  },
  {
    name: 'a reference to a yrkande under a sub-item of the same item stays',
    input: [I('i1', { type: 'subitem', children: [{ type: 'subitem-title', children: [{ text: 'a' }] }, L('yrkande', 'a', { id: 'y1' })] }, L('reservation', 'Bo', { yrkandeId: 'y1' }))],
    output: [['item', ['item-title', 'i1'], ['subitem', ['subitem-title', 'a'], ['yrkande', 'a']], ['reservation yrkandeId=y1', 'Bo']]],
  },
];

describe('withPolitics fixtures', () => {
  test.each(fixtures)('$name', ({ input, output }) => {
    const editor = normalised(input);
    expect(editor.children.map(shape)).toEqual(output);
    expect(checkContent(editor.children)).toEqual([]);
  });
});

const base = () =>
  normalised([I('i1', L('yrkande', 'Anna: bifall', { id: 'y1' }), L('yrkande', 'Bo: avslag', { id: 'y2' }), L('omrostning', 'Propositionen', { id: 'o1', ja: 'y1', nej: 'y2', 'rost:anna': 'ja' }), L('reservation', 'Bo', { id: 'r1', yrkandeId: 'y2' }))]);

describe('editing political lines', () => {
  test('deleting a yrkande clears the references to it', () => {
    const editor = base();
    Transforms.removeNodes(editor, { at: [0, 2] });
    expect(editor.children.map(shape)).toEqual([['item', ['item-title', 'i1'], ['yrkande', 'Anna: bifall'], ['omrostning ja=y1 rost:anna=ja', 'Propositionen'], ['reservation', 'Bo']]]);
  });

  test('Enter inside an omröstning splits it; the rest is a paragraph without the votes', () => {
    const editor = base();
    Transforms.select(editor, { path: [0, 3, 0], offset: 7 });
    editor.insertBreak();
    expect(shape(Node.get(editor, [0, 3]))).toEqual(['omrostning ja=y1 nej=y2 rost:anna=ja', 'Proposi']);
    expect(shape(Node.get(editor, [0, 4]))).toEqual(['paragraph', 'tionen']);
    expect(checkContent(editor.children)).toEqual([]);
  });

  test('Enter at the end of a line continues in a paragraph; on an empty line it becomes one', () => {
    const editor = base();
    Transforms.select(editor, Editor.end(editor, [0, 1]));
    editor.insertBreak();
    expect(shape(Node.get(editor, [0, 2]))).toEqual(['paragraph', '']);
    expect(editor.selection!.focus.path).toEqual([0, 2, 0]);
    PoliticsEditor.insert(editor, 'protokollsanteckning');
    expect(shape(Node.get(editor, [0, 2]))).toEqual(['protokollsanteckning', '']);
    editor.insertBreak();
    expect(shape(Node.get(editor, [0, 2]))).toEqual(['paragraph', '']);
  });

  test('Backspace at the start of a line with text makes it a paragraph (never merging into the title); an empty one goes', () => {
    const editor = base();
    Transforms.select(editor, Editor.start(editor, [0, 1]));
    editor.deleteBackward('character');
    expect(shape(Node.get(editor, [0, 0]))).toEqual(['item-title', 'i1']);
    expect(shape(Node.get(editor, [0, 1]))).toEqual(['paragraph', 'Anna: bifall']);
    const editor2 = normalised([I('i1', L('jav', ''))]);
    Transforms.select(editor2, Editor.start(editor2, [0, 1]));
    editor2.deleteBackward('character');
    expect(editor2.children.map(shape)).toEqual([['item', ['item-title', 'i1']]]);
    expect(editor2.selection!.focus.path).toEqual([0, 0, 0]);
  });
});

describe('an omröstning keeps its votes whatever is pressed in it', () => {
  const withVotes = () => normalised([I('i1', P('Före'), L('omrostning', '', { id: 'o1', 'rost:anna': 'ja' }))]);
  test('Enter on an empty omröstning adds a paragraph under it instead of turning it into one', () => {
    const editor = withVotes();
    Transforms.select(editor, Editor.start(editor, [0, 2]));
    editor.insertBreak();
    expect(editor.children.map(shape)).toEqual([['item', ['item-title', 'i1'], ['paragraph', 'Före'], ['omrostning rost:anna=ja', ''], ['paragraph', '']]]);
    expect(editor.selection!.focus.path).toEqual([0, 3, 0]);
  });
  test('Backspace at its start moves to the block above and changes nothing, with or without text', () => {
    const editor = withVotes();
    Transforms.select(editor, Editor.start(editor, [0, 2]));
    editor.deleteBackward('character');
    expect(editor.children.map(shape)).toEqual([['item', ['item-title', 'i1'], ['paragraph', 'Före'], ['omrostning rost:anna=ja', '']]]);
    expect(editor.selection!.focus).toEqual({ path: [0, 1, 0], offset: 4 });
    Transforms.insertText(editor, 'Proposition', { at: Editor.start(editor, [0, 2]) });
    Transforms.select(editor, Editor.start(editor, [0, 2]));
    editor.deleteBackward('character');
    expect(shape(Node.get(editor, [0, 2]))).toEqual(['omrostning rost:anna=ja', 'Proposition']);
  });
  test('an omröstning with nothing entered goes like an empty line', () => {
    const editor = normalised([I('i1', P('Före'), L('omrostning', ''))]);
    Transforms.select(editor, Editor.start(editor, [0, 2]));
    editor.deleteBackward('character');
    expect(editor.children.map(shape)).toEqual([['item', ['item-title', 'i1'], ['paragraph', 'Före']]]);
  });
});

describe('PoliticsEditor', () => {
  test('insert: an empty paragraph becomes the line; elsewhere after the block (after the decision from an att-sats)', () => {
    const editor = normalised([I('i1', P(''), { type: 'decision', children: [L('att-sats', 'att bifalla')] })]);
    Transforms.select(editor, Editor.start(editor, [0, 1]));
    const y = PoliticsEditor.insert(editor, 'yrkande');
    expect(shape(Node.get(editor, [0, 1]))).toEqual(['yrkande', '']);
    expect((Node.get(editor, [0, 1]) as Element).id).toBe(y);
    Transforms.select(editor, Editor.end(editor, [0, 2, 0]));
    PoliticsEditor.insert(editor, 'reservation', { yrkandeId: y! });
    expect(shape(Node.get(editor, [0, 3]))).toEqual([`reservation yrkandeId=${y}`, '']);
    expect(editor.selection!.focus.path).toEqual([0, 3, 0]);
    expect(PoliticsEditor.current(editor, 'reservation')?.type).toBe('reservation');
    expect(PoliticsEditor.current(editor, 'omrostning')).toBeNull();
  });

  test('setVote, setSides and setReservation', () => {
    const editor = base();
    expect(PoliticsEditor.setVote(editor, 'o1', 'bo', 'nej')).toBe(true);
    PoliticsEditor.setVote(editor, 'o1', 'anna', null);
    PoliticsEditor.setSides(editor, 'o1', 'y2', 'y2');
    expect(shape(Node.get(editor, [0, 3]))).toEqual(['omrostning ja=y2 rost:bo=nej', 'Propositionen']);
    PoliticsEditor.setReservation(editor, 'r1', { yrkandeId: 'y1', skriftlig: true });
    expect(shape(Node.get(editor, [0, 4]))).toEqual(['reservation skriftlig=true yrkandeId=y1', 'Bo']);
    PoliticsEditor.setReservation(editor, 'r1', { yrkandeId: null, skriftlig: false });
    expect(shape(Node.get(editor, [0, 4]))).toEqual(['reservation', 'Bo']);
    expect(PoliticsEditor.setVote(editor, 'r1', 'bo', 'ja')).toBe(false);
    expect(PoliticsEditor.itemOf(editor, 'o1')?.id).toBe('i1');
  });
});

describe('two devices, one omröstning', () => {
  test('votes of different members entered at the same time on two devices are all kept', () => {
    const seed = new Y.Doc();
    seed.get('content', Y.XmlText).applyDelta(
      slateNodesToInsertDelta([
        { type: 'item', id: 'i1', children: [{ type: 'item-title', id: 't', children: [{ text: 'Budget' }] }, { type: 'omrostning', id: 'o1', children: [{ text: '' }] }] },
      ] as Descendant[]),
    );
    const docs = [new Y.Doc(), new Y.Doc()];
    for (const d of docs) Y.applyUpdate(d, Y.encodeStateAsUpdate(seed));
    const editors = docs.map((d) => createMeetingEditor(d.get('content', Y.XmlText), { onDesync: (e) => { throw e; } }));
    PoliticsEditor.setVote(editors[0]!.editor, 'o1', 'anna', 'ja');
    PoliticsEditor.setVote(editors[1]!.editor, 'o1', 'bo', 'nej');
    for (const h of editors) YjsEditor.flushLocalChanges(h.editor);
    // Exchange the concurrent updates both ways.
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const ua = Y.encodeStateAsUpdate(a);
    const ub = Y.encodeStateAsUpdate(b);
    Y.applyUpdate(a, ub, 'remote');
    Y.applyUpdate(b, ua, 'remote');
    for (const h of editors) {
      expect(Object.fromEntries(votesOf(Node.get(h.editor, [0, 1])))).toEqual({ anna: 'ja', bo: 'nej' });
    }
    for (const h of editors) h.dispose();
  });
});
