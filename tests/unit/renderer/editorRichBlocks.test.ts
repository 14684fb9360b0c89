/**
 * Lists, tables, the Dokument and "Protokollet skickas till" blocks and links
 * (withRichBlocks) as input/output fixtures through a real Slate editor with the app's
 * plugin stack, every output checked by the Core's checkContent too; then the typing rules
 * (withRichEditing) and the commands (RichEditor) on a headless editor.
 */
import { describe, expect, test } from 'vitest';
import { createEditor, Editor, Element, Node, Text, Transforms, type Descendant, type Path } from 'slate';
import { checkContent, linkUrlFromInput, safeLinkUrl } from '../../../src/protocol/schema';
import { withMeetingSchema } from '../../../renderer/editor/createMeetingEditor';
import { RichEditor } from '../../../renderer/editor/richCommands';
import { AppEditor } from '../../../renderer/editor/AppEditor';

type Shape = string | [string, ...Shape[]];

/** Compact view: ['list+ordered', ['list-item', 'a']], ['table-row+header', ['table-cell', 'x']]; links as "text<url>". */
function shape(node: Node): Shape {
  if (!Element.isElement(node)) return (node as { text: string }).text;
  const flags = `${(node as { ordered?: boolean }).ordered ? '+ordered' : ''}${(node as { header?: boolean }).header ? '+header' : ''}`;
  const leaf = node.children.every((c) => !Element.isElement(c));
  if (leaf) {
    const text = (node.children as Text[]).map((t) => (t.link ? `${t.text}<${t.link}>` : t.text)).join('');
    return [`${node.type}${flags}`, text];
  }
  return [`${node.type}${flags}`, ...node.children.map(shape)];
}

function makeEditor(children: unknown[]): Editor {
  const editor = withMeetingSchema(createEditor());
  editor.children = structuredClone(children) as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const T = (text: string) => ({ type: 'item-title', children: [{ text }] });
const P = (text: string) => ({ type: 'paragraph', children: [{ text }] });
const I = (...children: unknown[]) => ({ type: 'item', children: [T('Budget'), ...children] });
const S = (...children: unknown[]) => ({ type: 'subitem', children: [{ type: 'subitem-title', children: [{ text: 'Sub' }] }, ...children] });
const L = (...children: unknown[]) => ({ type: 'list', children });
const OL = (...children: unknown[]) => ({ type: 'list', ordered: true, children });
const LI = (text: string) => ({ type: 'list-item', children: [{ text }] });
const DOK = (...children: unknown[]) => ({ type: 'documents', children });
const DIST = (...children: unknown[]) => ({ type: 'distribution', children });
const TB = (...children: unknown[]) => ({ type: 'table', children });
const TR = (...children: unknown[]) => ({ type: 'table-row', children });
const TH = (...children: unknown[]) => ({ type: 'table-row', header: true, children });
const TD = (text: string) => ({ type: 'table-cell', children: [{ text }] });
const D = (...children: unknown[]) => ({ type: 'decision', children });
const A = (text: string) => ({ type: 'att-sats', children: [{ text }] });

const title = ['item-title', 'Budget'] as Shape;

interface Fixture {
  name: string;
  input: unknown[];
  /** The first item's children after its title. */
  output: Shape[];
}

const fixtures: Record<string, Fixture[]> = {
  lists: [
    {
      name: 'a valid bullet list, numbered list, Dokument and skickas-till block are left as they are',
      input: [I(L(LI('a'), LI('b')), P('mellan'), OL(LI('ett')), DOK(LI('Bilaga 1')), DIST(LI('Kommunstyrelsen')))],
      output: [['list', ['list-item', 'a'], ['list-item', 'b']], ['paragraph', 'mellan'], ['list+ordered', ['list-item', 'ett']], ['documents', ['list-item', 'Bilaga 1']], ['distribution', ['list-item', 'Kommunstyrelsen']]],
    },
    {
      name: 'a list in a sub-item is allowed',
      input: [I(S(L(LI('x'))))],
      output: [['subitem', ['subitem-title', 'Sub'], ['list', ['list-item', 'x']]]],
    },
    {
      name: 'bare text in a list is wrapped in a list item',
      input: [I(L({ text: 'lös text' }, LI('b')))],
      output: [['list', ['list-item', 'lös text'], ['list-item', 'b']]],
    },
    {
      name: 'a paragraph, an att-sats or a table cell in a list becomes a list item',
      input: [I(L(P('stycke'), A('att något'), TD('cell')))],
      output: [['list', ['list-item', 'stycke'], ['list-item', 'att något'], ['list-item', 'cell']]],
    },
    {
      name: 'a nested list is flattened into its list, keeping the order and every word',
      input: [I(L(LI('a'), L(LI('a1'), LI('a2')), LI('b')))],
      output: [['list', ['list-item', 'a'], ['list-item', 'a1'], ['list-item', 'a2'], ['list-item', 'b']]],
    },
    {
      name: 'a table in a list becomes one list item per cell',
      input: [I(L(LI('a'), TB(TR(TD('x'), TD('y')))))],
      output: [['list', ['list-item', 'a'], ['list-item', 'x'], ['list-item', 'y']]],
    },
    {
      name: 'an empty list is removed',
      input: [I(P('a'), L(), P('b'))],
      output: [['paragraph', 'a'], ['paragraph', 'b']],
    },
    {
      name: 'two bullet lists next to each other become one (a merge from two devices)',
      input: [I(L(LI('a')), L(LI('b')))],
      output: [['list', ['list-item', 'a'], ['list-item', 'b']]],
    },
    {
      name: 'a bullet list and a numbered list next to each other stay two lists',
      input: [I(L(LI('a')), OL(LI('b')))],
      output: [['list', ['list-item', 'a']], ['list+ordered', ['list-item', 'b']]],
    },
    {
      name: 'two Dokument blocks next to each other become one; a Dokument block beside a list does not merge with it',
      input: [I(DOK(LI('Bilaga 1')), DOK(LI('Bilaga 2')), L(LI('c')))],
      output: [['documents', ['list-item', 'Bilaga 1'], ['list-item', 'Bilaga 2']], ['list', ['list-item', 'c']]],
    },
    {
      name: 'a list item standing directly in an item is wrapped in a bullet list (and joins the list before it)',
      input: [I(L(LI('a')), LI('b'), P('c'), LI('d'))],
      output: [['list', ['list-item', 'a'], ['list-item', 'b']], ['paragraph', 'c'], ['list', ['list-item', 'd']]],
    },
    {
      name: 'a list in a decision becomes att-satser',
      input: [I(D(A('att a'), L(LI('att b'), LI('att c'))))],
      output: [['decision', ['att-sats', 'att a'], ['att-sats', 'att b'], ['att-sats', 'att c']]],
    },
    {
      name: 'a list item in a decision becomes an att-sats',
      input: [I(D(LI('att x')))],
      output: [['decision', ['att-sats', 'att x']]],
    },
    {
      name: 'a list inside a paragraph is unwrapped into its text',
      input: [I({ type: 'paragraph', children: [{ text: 'Före ' }, L(LI('efter'))] })],
      output: [['paragraph', 'Före efter']],
    },
    {
      name: 'a list at the top level joins the item before it',
      input: [I(P('a')), L(LI('lös'))],
      output: [['paragraph', 'a'], ['list', ['list-item', 'lös']]],
    },
    {
      name: 'ordered on a list item (a paste from another schema) is dropped when it becomes a cell',
      input: [I(TB(TR(TD('a')), L(LI('b'))))],
      output: [['table', ['table-row', ['table-cell', 'a']], ['table-row', ['table-cell', 'b']]]],
    },
  ],
  tables: [
    {
      name: 'a valid table with a header row is left as it is',
      input: [I(TB(TH(TD('Kommun'), TD('Antal')), TR(TD('Karlskrona'), TD('12'))))],
      output: [['table', ['table-row+header', ['table-cell', 'Kommun'], ['table-cell', 'Antal']], ['table-row', ['table-cell', 'Karlskrona'], ['table-cell', '12']]]],
    },
    {
      name: 'a short row gets empty cells up to the widest row',
      input: [I(TB(TR(TD('a'), TD('b'), TD('c')), TR(TD('d'))))],
      output: [['table', ['table-row', ['table-cell', 'a'], ['table-cell', 'b'], ['table-cell', 'c']], ['table-row', ['table-cell', 'd'], ['table-cell', ''], ['table-cell', '']]]],
    },
    {
      name: 'only the first row may be the header row',
      input: [I(TB(TH(TD('a')), TH(TD('b'))))],
      output: [['table', ['table-row+header', ['table-cell', 'a']], ['table-row', ['table-cell', 'b']]]],
    },
    {
      name: 'a cell directly in a table is wrapped in a row; a paragraph in a table becomes a cell in a row',
      input: [I(TB(TR(TD('a')), TD('b'), P('c')))],
      output: [['table', ['table-row', ['table-cell', 'a']], ['table-row', ['table-cell', 'b']], ['table-row', ['table-cell', 'c']]]],
    },
    {
      name: 'bare text in a table or a row is wrapped',
      input: [I(TB({ text: 'x' }), TB(TR({ text: 'y' })))],
      output: [['table', ['table-row', ['table-cell', 'x']]], ['table', ['table-row', ['table-cell', 'y']]]],
    },
    {
      name: 'a paragraph or list item in a row becomes a cell; a nested row is unwrapped into cells',
      input: [I(TB(TR(P('a'), LI('b'), TR(TD('c')))))],
      output: [['table', ['table-row', ['table-cell', 'a'], ['table-cell', 'b'], ['table-cell', 'c']]]],
    },
    {
      name: 'a list or a table inside a cell is flattened to its text',
      input: [I(TB(TR({ type: 'table-cell', children: [{ text: 'a ' }, L(LI('b'))] })))],
      output: [['table', ['table-row', ['table-cell', 'a b']]]],
    },
    {
      name: 'an empty table and an empty row are removed',
      input: [I(P('a'), TB(), TB(TR(), TR(TD('x'))))],
      output: [['paragraph', 'a'], ['table', ['table-row', ['table-cell', 'x']]]],
    },
    {
      name: 'a row or a cell standing directly in an item gets a table around it',
      input: [I(TR(TD('a'), TD('b')), P('p'), TD('c'))],
      output: [['table', ['table-row', ['table-cell', 'a'], ['table-cell', 'b']]], ['paragraph', 'p'], ['table', ['table-row', ['table-cell', 'c']]]],
    },
    {
      name: 'two tables next to each other stay two tables',
      input: [I(TB(TR(TD('a'))), TB(TR(TD('b'))))],
      output: [['table', ['table-row', ['table-cell', 'a']]], ['table', ['table-row', ['table-cell', 'b']]]],
    },
    {
      name: 'a table in a decision becomes att-satser, one per cell',
      input: [I(D(TB(TR(TD('att a'), TD('att b')))))],
      output: [['decision', ['att-sats', 'att a'], ['att-sats', 'att b']]],
    },
  ],
  links: [
    {
      name: 'https, http and mailto links stay',
      input: [I({ type: 'paragraph', children: [{ text: 'Se ' }, { text: 'webben', link: 'https://lsvo.se/a?b=1#c' }, { text: ', ' }, { text: 'http', link: 'http://x.se' }, { text: ' och ' }, { text: 'Anna', link: 'mailto:anna@kommun.se' }] })],
      output: [['paragraph', 'Se webben<https://lsvo.se/a?b=1#c>, http<http://x.se> och Anna<mailto:anna@kommun.se>']],
    },
    {
      name: 'javascript:, data:, file: and other schemes lose the link, the text stays',
      input: [I({ type: 'paragraph', children: [{ text: 'a', link: 'javascript:alert(1)' }, { text: 'b', link: 'data:text/html,x' }, { text: 'c', link: 'file:///etc/passwd' }, { text: 'd', link: 'smb://server/x' }, { text: 'e', link: '' }] })],
      output: [['paragraph', 'abcde']],
    },
    {
      name: 'a link with credentials or whitespace in the address loses the link',
      input: [I({ type: 'paragraph', children: [{ text: 'a', link: 'https://user:pw@evil.se' }, { text: 'b', link: 'https://x.se/a b' }] })],
      output: [['paragraph', 'ab']],
    },
    {
      name: 'links in list items and table cells are kept',
      input: [I(L({ type: 'list-item', children: [{ text: 'Bilaga', link: 'https://x.se/b.pdf' }] }), TB(TR({ type: 'table-cell', children: [{ text: 'c', link: 'mailto:a@b.se' }] })))],
      output: [['list', ['list-item', 'Bilaga<https://x.se/b.pdf>']], ['table', ['table-row', ['table-cell', 'c<mailto:a@b.se>']]]],
    },
  ],
};

describe.each(Object.entries(fixtures))('%s', (_group, cases) => {
  test.each(cases)('$name', ({ input, output }) => {
    const editor = makeEditor(input);
    const first = editor.children[0] as Element;
    expect(first.children.map(shape)).toEqual([title, ...output]);
    expect(checkContent(editor.children)).toEqual([]);
  });
});

describe('checkContent on lists, tables and links', () => {
  test('reports what the normalisers repair', () => {
    const content = [
      {
        type: 'item',
        id: 'i',
        children: [
          { type: 'item-title', id: 't', children: [{ text: 'x' }] },
          { type: 'list', id: 'l', children: [] },
          { type: 'table', id: 'tb', children: [
            { type: 'table-row', id: 'r1', children: [{ type: 'table-cell', id: 'c1', children: [{ text: '' }] }] },
            { type: 'table-row', id: 'r2', header: true, children: [{ type: 'table-cell', id: 'c2', children: [{ text: '' }] }, { type: 'table-cell', id: 'c3', children: [{ text: '' }] }] },
          ] },
          { type: 'paragraph', id: 'p', children: [{ text: 'a', link: 'javascript:x' }] },
          { type: 'list', id: 'l2', children: [{ type: 'paragraph', id: 'p2', children: [{ text: '' }] }] },
        ],
      },
    ];
    expect(checkContent(content).map((p) => p.code).sort()).toEqual(['empty-block', 'misplaced', 'misplaced', 'ragged-table', 'unsafe-link']);
  });
});

describe('safe link addresses', () => {
  test('only http(s) and mailto', () => {
    expect(safeLinkUrl('https://www.lsvo.se/protokoll/2021-05-07.pdf')).toBe('https://www.lsvo.se/protokoll/2021-05-07.pdf');
    expect(safeLinkUrl('HTTP://X.SE')).toBe('HTTP://X.SE');
    expect(safeLinkUrl('mailto:kjell.ivarsson@karlskrona.se')).toBe('mailto:kjell.ivarsson@karlskrona.se');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:x', ' https://x.se', 'https://x.se\n', 'vbscript:x', 'file:///c:/x', 'ms-word:ofe|u|x', 'https://', 'mailto:', 'https://a:b@c.se', 'https://x.se/"onmouseover', 42, null]) {
      expect(safeLinkUrl(bad), String(bad)).toBeNull();
    }
  });

  test('what is typed in the link dialog becomes an address', () => {
    expect(linkUrlFromInput(' www.lsvo.se ')).toBe('https://www.lsvo.se');
    expect(linkUrlFromInput('lsvo.se/protokoll')).toBe('https://lsvo.se/protokoll');
    expect(linkUrlFromInput('anna.berg@kommun.se')).toBe('mailto:anna.berg@kommun.se');
    expect(linkUrlFromInput('https://x.se')).toBe('https://x.se');
    expect(linkUrlFromInput('javascript:alert(1)')).toBeNull();
    expect(linkUrlFromInput('bara ord')).toBeNull();
    expect(linkUrlFromInput('')).toBeNull();
  });
});

// ---- typing and commands ----

const at = (editor: Editor, path: Path, offset?: number) => Transforms.select(editor, offset === undefined ? Editor.end(editor, path) : { path: [...path, 0], offset });
const body = (editor: Editor, item = 0) => (editor.children[item] as Element).children.slice(1).map(shape);
const valid = (editor: Editor) => expect(checkContent(editor.children)).toEqual([]);
const type = (editor: Editor, text: string) => {
  for (const ch of text) editor.insertText(ch);
};

describe('markdown-style lists', () => {
  test.each([
    ['- ', false],
    ['* ', false],
    ['– ', false],
    ['1. ', true],
    ['1) ', true],
  ])('"%s" at the start of a paragraph starts a list', (marker, ordered) => {
    const editor = makeEditor([I(P(''))]);
    at(editor, [0, 1]);
    type(editor, `${marker}Hemsjukvård`);
    editor.insertBreak();
    type(editor, 'FoU');
    expect(body(editor)).toEqual([[ordered ? 'list+ordered' : 'list', ['list-item', 'Hemsjukvård'], ['list-item', 'FoU']]]);
    valid(editor);
  });

  test('the rest of a paragraph that already has text becomes the first list item', () => {
    const editor = makeEditor([I(P('Budget'))]);
    at(editor, [0, 1], 0);
    type(editor, '-');
    editor.insertText(' ');
    expect(body(editor)).toEqual([['list', ['list-item', 'Budget']]]);
  });

  test('not in an att-sats ("1. Att …" is a numbered att-sats), not in a title, not after other text', () => {
    const editor = makeEditor([I(D(A('')), P('x'))]);
    at(editor, [0, 1, 0]);
    type(editor, '1. Att godkänna');
    at(editor, [0, 0], 0);
    type(editor, '- ');
    at(editor, [0, 2]);
    type(editor, ' - ');
    expect(body(editor)).toEqual([['decision', ['att-sats', '1. Att godkänna']], ['paragraph', 'x - ']]);
    expect(Node.string((editor.children[0] as Element).children[0]!)).toBe('- Budget');
  });

  test('"2. " does not start a list (a year or a number written at the start stays text)', () => {
    const editor = makeEditor([I(P(''))]);
    at(editor, [0, 1]);
    type(editor, '2. ');
    expect(body(editor)).toEqual([['paragraph', '2. ']]);
  });

  test('a list typed right under another list of the same kind continues it', () => {
    const editor = makeEditor([I(L(LI('a')), P(''))]);
    at(editor, [0, 2]);
    type(editor, '- b');
    expect(body(editor)).toEqual([['list', ['list-item', 'a'], ['list-item', 'b']]]);
  });
});

describe('Enter and Backspace in lists', () => {
  test('Enter on an empty last list item leaves the list for a paragraph', () => {
    const editor = makeEditor([I(L(LI('a'), LI('')))]);
    at(editor, [0, 1, 1]);
    editor.insertBreak();
    type(editor, 'Efter');
    expect(body(editor)).toEqual([['list', ['list-item', 'a']], ['paragraph', 'Efter']]);
    valid(editor);
  });

  test('Enter on an empty list item in the middle splits the list around a paragraph', () => {
    const editor = makeEditor([I(L(LI('a'), LI(''), LI('b')))]);
    at(editor, [0, 1, 1]);
    editor.insertBreak();
    expect(body(editor)).toEqual([['list', ['list-item', 'a']], ['paragraph', ''], ['list', ['list-item', 'b']]]);
    valid(editor);
  });

  test('Enter on the only, empty list item turns the list back into a paragraph', () => {
    const editor = makeEditor([I(OL(LI('')))]);
    at(editor, [0, 1, 0]);
    editor.insertBreak();
    expect(body(editor)).toEqual([['paragraph', '']]);
  });

  test('Enter in a Dokument block adds a line; on an empty line it leaves the block', () => {
    const editor = makeEditor([I(DOK(LI('Bilaga 1')))]);
    at(editor, [0, 1, 0]);
    editor.insertBreak();
    type(editor, 'Bilaga 2');
    editor.insertBreak();
    editor.insertBreak();
    type(editor, 'Text');
    expect(body(editor)).toEqual([['documents', ['list-item', 'Bilaga 1'], ['list-item', 'Bilaga 2']], ['paragraph', 'Text']]);
    valid(editor);
  });

  test('Backspace at the start of a list item makes it a paragraph, keeping its text', () => {
    const editor = makeEditor([I(P('före'), L(LI('a'), LI('b')))]);
    at(editor, [0, 2, 0], 0);
    editor.deleteBackward('character');
    expect(body(editor)).toEqual([['paragraph', 'före'], ['paragraph', 'a'], ['list', ['list-item', 'b']]]);
    valid(editor);
  });

  test('list item ids stay unique after Enter', () => {
    const editor = makeEditor([I(L(LI('a')))]);
    at(editor, [0, 1, 0]);
    editor.insertBreak();
    const ids = Array.from(Node.elements(editor), ([n]) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('tables', () => {
  test('Alt+Shift+T in an empty paragraph: a 2 × 2 table with a header row, cursor in the first cell', () => {
    const editor = makeEditor([I(P('text'), P(''))]);
    at(editor, [0, 2]);
    expect(RichEditor.insertTable(editor)).toBe(true);
    type(editor, 'Kommun');
    expect(body(editor)).toEqual([['paragraph', 'text'], ['table', ['table-row+header', ['table-cell', 'Kommun'], ['table-cell', '']], ['table-row', ['table-cell', ''], ['table-cell', '']]]]);
    valid(editor);
  });

  test('Tab moves cell by cell and adds a row past the last; Shift+Tab goes back', () => {
    const editor = makeEditor([I(P(''))]);
    at(editor, [0, 1]);
    RichEditor.insertTable(editor);
    type(editor, 'Kommun');
    RichEditor.moveCell(editor, 1, { addRow: true });
    type(editor, 'Antal');
    RichEditor.moveCell(editor, 1, { addRow: true });
    type(editor, 'Karlskrona');
    RichEditor.moveCell(editor, 1, { addRow: true });
    type(editor, '12');
    RichEditor.moveCell(editor, 1, { addRow: true });
    type(editor, 'Ronneby');
    RichEditor.moveCell(editor, -1);
    type(editor, '3');
    expect(body(editor)).toEqual([
      ['table', ['table-row+header', ['table-cell', 'Kommun'], ['table-cell', 'Antal']], ['table-row', ['table-cell', 'Karlskrona'], ['table-cell', '123']], ['table-row', ['table-cell', 'Ronneby'], ['table-cell', '']]],
    ]);
    expect(RichEditor.moveCell(makeEditor([I(P('x'))]), 1)).toBe(false);
    valid(editor);
  });

  test('Enter at the end of the last cell adds a row; on the empty last row it leaves the table', () => {
    const editor = makeEditor([I(TB(TH(TD('a'), TD('b')), TR(TD('c'), TD('d'))))]);
    at(editor, [0, 1, 1, 1]);
    editor.insertBreak();
    type(editor, 'e');
    RichEditor.moveCell(editor, 1);
    editor.insertBreak();
    editor.insertBreak();
    type(editor, 'Efter tabellen');
    expect(body(editor)).toEqual([
      ['table', ['table-row+header', ['table-cell', 'a'], ['table-cell', 'b']], ['table-row', ['table-cell', 'c'], ['table-cell', 'd']], ['table-row', ['table-cell', 'e'], ['table-cell', '']]],
      ['paragraph', 'Efter tabellen'],
    ]);
    valid(editor);
  });

  test('Enter anywhere else in a cell is a line break in the cell, never a new cell', () => {
    const editor = makeEditor([I(TB(TR(TD('ab'), TD('c'))))]);
    at(editor, [0, 1, 0, 0], 1);
    editor.insertBreak();
    expect(body(editor)).toEqual([['table', ['table-row', ['table-cell', 'a\nb'], ['table-cell', 'c']]]]);
  });

  test('Backspace at the start of a cell and Delete at its end do not merge cells', () => {
    const editor = makeEditor([I(TB(TR(TD('a'), TD('b'))))]);
    at(editor, [0, 1, 0, 1], 0);
    editor.deleteBackward('character');
    editor.deleteForward('character');
    expect(body(editor)).toEqual([['table', ['table-row', ['table-cell', 'a'], ['table-cell', 'b']]]]);
    expect(editor.selection!.focus.path.slice(0, -1)).toEqual([0, 1, 0, 1]);
  });

  test('a decision asked for inside a table or a list goes after it', () => {
    const editor = makeEditor([I(TB(TR(TD('a'))), L(LI('b')))]);
    at(editor, [0, 1, 0, 0]);
    AppEditor.insertDecision(editor);
    at(editor, [0, 3, 0]);
    AppEditor.insertDecision(editor);
    expect(body(editor)).toEqual([
      ['table', ['table-row', ['table-cell', 'a']]],
      ['decision', ['att-sats', '']],
      ['list', ['list-item', 'b']],
      ['decision', ['att-sats', '']],
    ]);
  });
});

describe('list commands, Dokument and skickas-till blocks', () => {
  test('toggleList: a paragraph becomes a list item; again, it leaves; the other kind switches the list', () => {
    const editor = makeEditor([I(P('a'))]);
    at(editor, [0, 1]);
    RichEditor.toggleList(editor, false);
    expect(body(editor)).toEqual([['list', ['list-item', 'a']]]);
    RichEditor.toggleList(editor, true);
    expect(body(editor)).toEqual([['list+ordered', ['list-item', 'a']]]);
    RichEditor.toggleList(editor, true);
    expect(body(editor)).toEqual([['paragraph', 'a']]);
  });

  test('Dokument and skickas-till: inserted once per item, the second time the cursor goes to the existing block', () => {
    const editor = makeEditor([I(P('text'))]);
    at(editor, [0, 1]);
    RichEditor.insertDocuments(editor);
    type(editor, 'Bilaga 1');
    at(editor, [0, 1]);
    RichEditor.insertDistribution(editor);
    type(editor, 'Kommunstyrelsen');
    at(editor, [0, 0]);
    RichEditor.insertDocuments(editor);
    editor.insertBreak();
    type(editor, 'Bilaga 2');
    expect(body(editor)).toEqual([
      ['paragraph', 'text'],
      ['distribution', ['list-item', 'Kommunstyrelsen']],
      ['documents', ['list-item', 'Bilaga 1'], ['list-item', 'Bilaga 2']],
    ]);
    valid(editor);
  });
});

describe('links', () => {
  test('a selection becomes a link; Ctrl+K again in it changes the address; removeLink takes it away', () => {
    const editor = makeEditor([I(P('Se protokollet här'))]);
    Transforms.select(editor, { anchor: { path: [0, 1, 0], offset: 3 }, focus: { path: [0, 1, 0], offset: 14 } });
    expect(RichEditor.insertLink(editor, 'https://lsvo.se/p.pdf')).toBe(true);
    expect(body(editor)).toEqual([['paragraph', 'Se protokollet<https://lsvo.se/p.pdf> här']]);
    Transforms.select(editor, { path: [0, 1, 1], offset: 2 });
    expect(RichEditor.linkAt(editor)).toBe('https://lsvo.se/p.pdf');
    RichEditor.insertLink(editor, 'https://lsvo.se/q.pdf');
    expect(body(editor)).toEqual([['paragraph', 'Se protokollet<https://lsvo.se/q.pdf> här']]);
    RichEditor.removeLink(editor);
    expect(body(editor)).toEqual([['paragraph', 'Se protokollet här']]);
  });

  test('at the cursor the link text (or the address) is inserted, and what is typed next is not part of it', () => {
    const editor = makeEditor([I(P('Läs '))]);
    at(editor, [0, 1]);
    RichEditor.insertLink(editor, 'mailto:anna@kommun.se');
    type(editor, ' och ');
    RichEditor.insertLink(editor, 'https://lsvo.se', 'webben');
    type(editor, '.');
    expect(body(editor)).toEqual([['paragraph', 'Läs anna@kommun.se<mailto:anna@kommun.se> och webben<https://lsvo.se>.']]);
  });

  test('an unsafe address is refused and changes nothing', () => {
    const editor = makeEditor([I(P('x'))]);
    at(editor, [0, 1]);
    expect(RichEditor.insertLink(editor, 'javascript:alert(1)')).toBe(false);
    expect(body(editor)).toEqual([['paragraph', 'x']]);
  });
});
