/**
 * The schema plugins (withIds, withBlocks, withItems, withSubItems) as input/output fixtures,
 * each run through a real Slate editor built with the app's plugin stack: whatever arrives
 * (typed, pasted, merged, written by the flat first version) is repaired to
 * `item = item-title (paragraph | subitem)*`, `subitem = subitem-title paragraph*`, with every
 * character kept. Every output must also pass the Core's own structural check
 * (src/protocol/schema.ts checkContent), so the two can never drift apart.
 */
import { describe, expect, test } from 'vitest';
import { createEditor, Editor, Element, Node, type Descendant } from 'slate';
import { checkContent } from '../../../src/protocol/schema';
import { withMeetingSchema } from '../../../renderer/editor/createMeetingEditor';

type Shape = string | [string, ...Shape[]];

/** Compact view of a tree: ['item', ['item-title', 'Text'], ['paragraph', 'x']]. */
function shape(node: Node): Shape {
  if (!Element.isElement(node)) return (node as { text: string }).text;
  const leaf = node.children.every((c) => !Element.isElement(c));
  const attrs = node.type === 'item' && node.bordlagd ? '+bordlagd' : '';
  const key = node.type === 'item' && node.agendaKey ? `#${node.agendaKey}` : '';
  const plan = node.type === 'item' && node.plannedMinutes !== undefined ? `~${String(node.plannedMinutes)}min` : '';
  const tag = `${node.type}${attrs}${key}${plan}`;
  return leaf ? [tag, Node.string(node)] : [tag, ...node.children.map(shape)];
}

function normalised(input: unknown[]): Editor {
  const editor = withMeetingSchema(createEditor());
  editor.children = input as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

function ids(editor: Editor): string[] {
  return Array.from(Node.elements(editor), ([n]) => n.id);
}

// Fixture builders (ids are given where a test checks that they survive).
const T = (text: string, id?: string) => ({ type: 'item-title', ...(id ? { id } : {}), children: [{ text }] });
const ST = (text: string, id?: string) => ({ type: 'subitem-title', ...(id ? { id } : {}), children: [{ text }] });
const P = (text: string, id?: string) => ({ type: 'paragraph', ...(id ? { id } : {}), children: [{ text }] });
const I = (id: string | undefined, ...children: unknown[]) => ({ type: 'item', ...(id ? { id } : {}), children });
const S = (id: string | undefined, ...children: unknown[]) => ({ type: 'subitem', ...(id ? { id } : {}), children });
const D = (...children: unknown[]) => ({ type: 'decision', children });
const A = (text: string) => ({ type: 'att-sats', children: [{ text }] });
const F = (text: string) => ({ type: 'foredragande', children: [{ text }] });

interface Fixture {
  name: string;
  input: unknown[];
  output: Shape[];
}

const fixtures: Record<string, Fixture[]> = {
  withItems: [
    {
      name: 'a valid document is left as it is',
      input: [I('i1', T('Val av justerare'), P('Till justerare valdes Åsa.'), S('s1', ST('Vaccination'), P('text'))), I('i2', T('Övriga frågor'))],
      output: [
        ['item', ['item-title', 'Val av justerare'], ['paragraph', 'Till justerare valdes Åsa.'], ['subitem', ['subitem-title', 'Vaccination'], ['paragraph', 'text']]],
        ['item', ['item-title', 'Övriga frågor']],
      ],
    },
    {
      name: 'an empty document gets one empty item with a paragraph to type in',
      input: [],
      output: [['item', ['item-title', ''], ['paragraph', '']]],
    },
    {
      name: 'the empty root text that @slate-yjs gives for an empty shared type becomes an empty item',
      input: [{ text: '' }],
      output: [['item', ['item-title', ''], ['paragraph', '']]],
    },
    {
      name: 'a stray paragraph at the top level joins the end of the item before it',
      input: [I('i1', T('Budget'), P('a')), P('b'), I('i2', T('Nästa'))],
      output: [
        ['item', ['item-title', 'Budget'], ['paragraph', 'a'], ['paragraph', 'b']],
        ['item', ['item-title', 'Nästa']],
      ],
    },
    {
      name: 'a stray paragraph first in the document is wrapped into a new item with an empty title',
      input: [P('Inledning'), I('i1', T('Budget'))],
      output: [
        ['item', ['item-title', ''], ['paragraph', 'Inledning']],
        ['item', ['item-title', 'Budget']],
      ],
    },
    {
      name: 'bare text at the top level is kept as a paragraph',
      input: [I('i1', T('A')), { text: 'inklistrad text' }],
      output: [['item', ['item-title', 'A'], ['paragraph', 'inklistrad text']]],
    },
    {
      name: 'a flat document of the first version becomes one item per title',
      input: [T('Godkännande av föredragningslista'), P('att godkänna'), P('mer'), T('Övriga frågor'), P('a/ vaccination')],
      output: [
        ['item', ['item-title', 'Godkännande av föredragningslista'], ['paragraph', 'att godkänna'], ['paragraph', 'mer']],
        ['item', ['item-title', 'Övriga frågor'], ['paragraph', 'a/ vaccination']],
      ],
    },
    {
      name: 'an item without a title gets an empty one',
      input: [I('i1', P('text utan rubrik'))],
      output: [['item', ['item-title', ''], ['paragraph', 'text utan rubrik']]],
    },
    {
      name: 'an item with no children at all gets a title',
      input: [I('i1')],
      output: [['item', ['item-title', '']]],
    },
    {
      name: 'a second title inside an item starts a new item, which inherits neither bordlagd nor the agenda key',
      input: [{ ...I('i1', T('Övriga frågor'), P('x'), T('Ny fråga'), P('y')), bordlagd: true, agendaKey: 'ovriga-fragor' }],
      output: [
        ['item+bordlagd#ovriga-fragor', ['item-title', 'Övriga frågor'], ['paragraph', 'x']],
        ['item', ['item-title', 'Ny fråga'], ['paragraph', 'y']],
      ],
    },
    {
      name: 'a planned time in whole minutes is kept, and a split-off item does not inherit it',
      input: [{ ...I('i1', T('Budget'), P('x'), T('Ny fråga')), plannedMinutes: 15 }],
      output: [
        ['item~15min', ['item-title', 'Budget'], ['paragraph', 'x']],
        ['item', ['item-title', 'Ny fråga']],
      ],
    },
    ...[0, -5, 1.5, 601, '10', null].map((bad) => ({
      name: `a planned time of ${JSON.stringify(bad)} is not a plan and is removed, the item kept`,
      input: [{ ...I('i1', T('Budget'), P('x')), plannedMinutes: bad }],
      output: [['item', ['item-title', 'Budget'], ['paragraph', 'x']]] as Shape[],
    })),
    {
      name: 'an item inside an item is moved out after it, keeping its attributes',
      input: [I('i1', T('Yttre'), P('a'), { ...I('i2', T('Inre'), P('b')), bordlagd: true }, P('c'))],
      output: [
        ['item', ['item-title', 'Yttre'], ['paragraph', 'a'], ['paragraph', 'c']],
        ['item+bordlagd', ['item-title', 'Inre'], ['paragraph', 'b']],
      ],
    },
    {
      name: 'bare text inside an item becomes a paragraph',
      input: [I('i1', T('A'), { text: 'lös text' })],
      output: [['item', ['item-title', 'A'], ['paragraph', 'lös text']]],
    },
    {
      name: 'a sub-item title directly in an item becomes a sub-item',
      input: [I('i1', T('Övriga frågor'), ST('Vaccination'), P('text'))],
      output: [['item', ['item-title', 'Övriga frågor'], ['subitem', ['subitem-title', 'Vaccination']], ['paragraph', 'text']]],
    },
    {
      name: 'a sub-item at the top level joins the item before it',
      input: [I('i1', T('Övriga frågor')), S('s1', ST('Underskrifter'))],
      output: [['item', ['item-title', 'Övriga frågor'], ['subitem', ['subitem-title', 'Underskrifter']]]],
    },
  ],
  withSubItems: [
    {
      name: 'a sub-item without a title gets one',
      input: [I('i1', T('Övriga frågor'), S('s1', P('text')))],
      output: [['item', ['item-title', 'Övriga frågor'], ['subitem', ['subitem-title', ''], ['paragraph', 'text']]]],
    },
    {
      name: 'an empty sub-item gets a title',
      input: [I('i1', T('Övriga frågor'), S('s1'))],
      output: [['item', ['item-title', 'Övriga frågor'], ['subitem', ['subitem-title', '']]]],
    },
    {
      name: 'a leading item title in a sub-item becomes its sub-item title',
      input: [I('i1', T('Övriga frågor'), S('s1', T('Vaccination'), P('text')))],
      output: [['item', ['item-title', 'Övriga frågor'], ['subitem', ['subitem-title', 'Vaccination'], ['paragraph', 'text']]]],
    },
    {
      name: 'a second sub-item title starts the next sub-item',
      input: [I('i1', T('Övriga frågor'), S('s1', ST('Vaccination'), P('x'), ST('Underskrifter'), P('y')))],
      output: [
        [
          'item',
          ['item-title', 'Övriga frågor'],
          ['subitem', ['subitem-title', 'Vaccination'], ['paragraph', 'x']],
          ['subitem', ['subitem-title', 'Underskrifter'], ['paragraph', 'y']],
        ],
      ],
    },
    {
      name: 'a sub-item inside a sub-item is moved out after it',
      input: [I('i1', T('Övriga frågor'), S('s1', ST('a'), S('s2', ST('b'), P('y')), P('x')))],
      output: [
        ['item', ['item-title', 'Övriga frågor'], ['subitem', ['subitem-title', 'a'], ['paragraph', 'x']], ['subitem', ['subitem-title', 'b'], ['paragraph', 'y']]],
      ],
    },
    {
      name: 'bare text inside a sub-item becomes a paragraph',
      input: [I('i1', T('Ö'), S('s1', ST('a'), { text: 'lös' }))],
      output: [['item', ['item-title', 'Ö'], ['subitem', ['subitem-title', 'a'], ['paragraph', 'lös']]]],
    },
  ],
  withDecisions: [
    {
      name: 'a decision with föredragande and att-satser, in an item and in a sub-item, is left as it is',
      input: [I('i1', T('Budget'), F('Kjell Ivarsson'), P('Diskussion.'), D(A('att godkänna budgeten'), A('att Annika ansvarar')), S('s1', ST('a/'), D(A('att lägga informationen till protokollet'))))],
      output: [
        [
          'item',
          ['item-title', 'Budget'],
          ['foredragande', 'Kjell Ivarsson'],
          ['paragraph', 'Diskussion.'],
          ['decision', ['att-sats', 'att godkänna budgeten'], ['att-sats', 'att Annika ansvarar']],
          ['subitem', ['subitem-title', 'a/'], ['decision', ['att-sats', 'att lägga informationen till protokollet']]],
        ],
      ],
    },
    {
      name: 'a decision without att-satser is removed',
      input: [I('i1', T('A'), P('x'), D())],
      output: [['item', ['item-title', 'A'], ['paragraph', 'x']]],
    },
    {
      name: 'a paragraph pasted into a decision becomes an att-sats, bare text too',
      input: [I('i1', T('A'), D(A('att ett'), P('att två'), { text: 'att tre' }))],
      output: [['item', ['item-title', 'A'], ['decision', ['att-sats', 'att ett'], ['att-sats', 'att två'], ['att-sats', 'att tre']]]],
    },
    {
      name: 'a decision inside a decision is unwrapped, its att-satser kept in order',
      input: [I('i1', T('A'), D(A('att ett'), D(A('att två'), A('att tre'))))],
      output: [['item', ['item-title', 'A'], ['decision', ['att-sats', 'att ett'], ['att-sats', 'att två'], ['att-sats', 'att tre']]]],
    },
    {
      name: 'two decisions side by side (a merge from two devices) become one',
      input: [I('i1', T('A'), D(A('att ett')), D(A('att två')), P('efter'))],
      output: [['item', ['item-title', 'A'], ['decision', ['att-sats', 'att ett'], ['att-sats', 'att två']], ['paragraph', 'efter']]],
    },
    {
      name: 'att-satser outside a decision are wrapped in one, and neighbours join it',
      input: [I('i1', T('A'), A('att ett'), A('att två'), P('mellan'), A('att tre'))],
      output: [['item', ['item-title', 'A'], ['decision', ['att-sats', 'att ett'], ['att-sats', 'att två']], ['paragraph', 'mellan'], ['decision', ['att-sats', 'att tre']]]],
    },
    {
      name: 'a decision at the top level joins the item before it',
      input: [I('i1', T('A')), D(A('att ett'))],
      output: [['item', ['item-title', 'A'], ['decision', ['att-sats', 'att ett']]]],
    },
    {
      name: 'a title inside a decision becomes an att-sats (the item keeps one title)',
      input: [I('i1', T('A'), D(T('att ett')))],
      output: [['item', ['item-title', 'A'], ['decision', ['att-sats', 'att ett']]]],
    },
  ],
  withBlocks: [
    {
      name: 'an unknown block type holding text becomes a paragraph',
      input: [I('i1', T('A'), { type: 'heading-9', children: [{ text: 'rubrik från Word' }] })],
      output: [['item', ['item-title', 'A'], ['paragraph', 'rubrik från Word']]],
    },
    {
      name: 'an unknown container is unwrapped and its blocks kept',
      input: [I('i1', T('A'), { type: 'bulleted-list', children: [P('ett'), P('två')] })],
      output: [['item', ['item-title', 'A'], ['paragraph', 'ett'], ['paragraph', 'två']]],
    },
    {
      name: 'a block nested in a paragraph is unwrapped into it',
      input: [I('i1', T('A'), { type: 'paragraph', id: 'p1', children: [P('inre')] })],
      output: [['item', ['item-title', 'A'], ['paragraph', 'inre']]],
    },
    {
      name: 'a block nested in a title is unwrapped into it',
      input: [I('i1', { type: 'item-title', id: 't1', children: [{ text: 'Bud' }, P('get')] })],
      output: [['item', ['item-title', 'Budget']]],
    },
  ],
};

describe.each(Object.entries(fixtures))('%s', (_plugin, cases) => {
  test.each(cases)('$name', ({ input, output }) => {
    const editor = normalised(structuredClone(input));
    expect(editor.children.map(shape)).toEqual(output);
    expect(checkContent(editor.children)).toEqual([]);
  });
});

describe('withIds', () => {
  test('every element gets an id', () => {
    const editor = normalised([{ type: 'item', children: [{ type: 'item-title', children: [{ text: 'A' }] }, { type: 'paragraph', children: [{ text: 'b' }] }] }]);
    expect(ids(editor)).toHaveLength(3);
    for (const id of ids(editor)) expect(id).toMatch(/^[A-Za-z0-9-]{16,}$/);
  });

  test('existing ids survive normalisation', () => {
    const editor = normalised([I('i1', T('A', 't1'), P('b', 'p1'), S('s1', ST('c', 'st1'), P('d', 'p2')))]);
    expect(ids(editor)).toEqual(['i1', 't1', 'p1', 's1', 'st1', 'p2']);
  });

  test('a duplicate id anywhere in the document is replaced on the later element only', () => {
    // Not siblings: an item split in two copies the ids of its paragraph too.
    const editor = normalised([I('i1', T('A', 't1'), P('a', 'same')), I('i2', T('B', 't2'), P('b', 'same'))]);
    expect(ids(editor).filter((id) => id === 'same')).toHaveLength(1);
    expect((editor.children[0] as { children: Array<{ id: string }> }).children[1]!.id).toBe('same');
    expect(new Set(ids(editor)).size).toBe(ids(editor).length);
  });

  test('pasted blocks get fresh ids instead of renaming the original', () => {
    const editor = normalised([I('i1', T('A', 't1'), P('text', 'p1'))]);
    const fragment = [P('text', 'p1')] as Descendant[];
    editor.select(Editor.end(editor, [0, 1]));
    editor.insertFragment(fragment);
    expect(ids(editor)).toContain('p1');
    expect(new Set(ids(editor)).size).toBe(ids(editor).length);
  });

  test('a keystroke does not walk the document for duplicates', () => {
    const editor = normalised(Array.from({ length: 50 }, (_, i) => I(`i${i}`, T(`T${i}`, `t${i}`), P('x', `p${i}`))));
    let walked = 0;
    const elements = Node.elements;
    // Count whole-document walks by spying on Node.elements, which the duplicate check uses.
    (Node as { elements: typeof Node.elements }).elements = function* (...args) {
      walked++;
      yield* elements(...args);
    };
    try {
      editor.select(Editor.end(editor, [25, 1]));
      editor.insertText('abc');
      expect(walked).toBe(0);
      editor.insertBreak(); // a split copies the id: now the check must run
      expect(walked).toBeGreaterThan(0);
    } finally {
      (Node as { elements: typeof Node.elements }).elements = elements;
    }
    expect(new Set(ids(editor)).size).toBe(ids(editor).length);
  });
});
