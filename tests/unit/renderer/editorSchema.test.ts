/**
 * The editor's schema plugins and commands, on a headless Slate editor (no React, no Yjs):
 * ids stay unique, Enter after a title gives body text, Ctrl+Enter's command puts the new §
 * where a secretary expects it, and the § numbers follow the order of the titles.
 */
import { describe, expect, test } from 'vitest';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { AppEditor } from '../../../renderer/editor/AppEditor';
import { itemNumbers, itemOrderKey } from '../../../renderer/editor/itemNumbers';
import type { BlockElement } from '../../../renderer/editor/schema';
import { withIds } from '../../../renderer/editor/withIds';
import { withItems } from '../../../renderer/editor/withItems';

function makeEditor(children: unknown[]): Editor {
  const editor = withItems(withIds(createEditor()));
  editor.children = children as Descendant[];
  Editor.normalize(editor, { force: true });
  return editor;
}

const blocks = (editor: Editor) => editor.children as BlockElement[];
const shape = (editor: Editor) => blocks(editor).map((b) => [b.type, Editor.string(editor, [blocks(editor).indexOf(b)])]);
const ids = (editor: Editor) => blocks(editor).map((b) => b.id);

function cursorAtEndOf(editor: Editor, index: number) {
  Transforms.select(editor, Editor.end(editor, [index]));
}

describe('normalisation', () => {
  test('an empty document gets one empty item title', () => {
    const editor = makeEditor([]);
    expect(shape(editor)).toEqual([['item-title', '']]);
    expect(ids(editor)[0]).toMatch(/^[A-Za-z0-9-]{16,}$/);
  });

  test('the empty root text that @slate-yjs gives for a new document becomes an item title', () => {
    const editor = makeEditor([{ text: '' }]);
    expect(shape(editor)).toEqual([['item-title', '']]);
  });

  test('unknown block types become paragraphs, nested blocks are flattened, missing ids are filled', () => {
    const editor = makeEditor([
      { type: 'heading-9', children: [{ text: 'a' }] },
      { type: 'paragraph', id: 'p1', children: [{ type: 'paragraph', children: [{ text: 'b' }] }] },
    ]);
    expect(shape(editor)).toEqual([
      ['paragraph', 'a'],
      ['paragraph', 'b'],
    ]);
    expect(ids(editor)[1]).toBe('p1');
    expect(new Set(ids(editor)).size).toBe(2);
  });

  test('a duplicate id is replaced on the later block only', () => {
    const editor = makeEditor([
      { type: 'item-title', id: 'same', children: [{ text: 'first' }] },
      { type: 'paragraph', id: 'same', children: [{ text: 'second' }] },
    ]);
    expect(ids(editor)[0]).toBe('same');
    expect(ids(editor)[1]).not.toBe('same');
  });
});

describe('Enter and soft break', () => {
  test('Enter at the end of a title starts a paragraph with a new id', () => {
    const editor = makeEditor([{ type: 'item-title', id: 't1', children: [{ text: 'Val av justerare' }] }]);
    cursorAtEndOf(editor, 0);
    editor.insertBreak();
    editor.insertText('Till justerare valdes Åsa.');
    expect(shape(editor)).toEqual([
      ['item-title', 'Val av justerare'],
      ['paragraph', 'Till justerare valdes Åsa.'],
    ]);
    expect(ids(editor)[0]).toBe('t1');
    expect(ids(editor)[1]).not.toBe('t1');
  });

  test('Enter in the middle of a title moves the rest into a paragraph', () => {
    const editor = makeEditor([{ type: 'item-title', id: 't1', children: [{ text: 'Övriga frågor a/ vaccination' }] }]);
    Transforms.select(editor, { path: [0, 0], offset: 'Övriga frågor'.length });
    editor.insertBreak();
    expect(shape(editor)).toEqual([
      ['item-title', 'Övriga frågor'],
      ['paragraph', ' a/ vaccination'],
    ]);
  });

  test('Enter in a paragraph splits it into two paragraphs with distinct ids', () => {
    const editor = makeEditor([
      { type: 'item-title', id: 't1', children: [{ text: 'T' }] },
      { type: 'paragraph', id: 'p1', children: [{ text: 'ab' }] },
    ]);
    Transforms.select(editor, { path: [1, 0], offset: 1 });
    editor.insertBreak();
    expect(shape(editor)).toEqual([
      ['item-title', 'T'],
      ['paragraph', 'a'],
      ['paragraph', 'b'],
    ]);
    expect(ids(editor)[1]).toBe('p1');
    expect(new Set(ids(editor)).size).toBe(3);
  });

  test('Shift+Enter is a line break inside the block', () => {
    const editor = makeEditor([{ type: 'paragraph', id: 'p1', children: [{ text: 'a' }] }]);
    cursorAtEndOf(editor, 0);
    editor.insertSoftBreak();
    expect(shape(editor)).toEqual([['paragraph', 'a\n']]);
  });

  test('pasted blocks get fresh ids instead of renaming the original', () => {
    const editor = makeEditor([
      { type: 'item-title', id: 't1', children: [{ text: 'A' }] },
      { type: 'paragraph', id: 'p1', children: [{ text: 'text' }] },
    ]);
    const fragment = JSON.parse(JSON.stringify(editor.children)) as Descendant[];
    Transforms.select(editor, Editor.start(editor, [0]));
    editor.insertFragment(fragment);
    expect(ids(editor)).toContain('t1');
    expect(ids(editor)).toContain('p1');
    expect(new Set(ids(editor)).size).toBe(blocks(editor).length);
  });
});

describe('AppEditor.insertItem', () => {
  const doc = () =>
    makeEditor([
      { type: 'item-title', id: 't1', children: [{ text: 'Första' }] },
      { type: 'paragraph', id: 'p1', children: [{ text: 'text 1' }] },
      { type: 'paragraph', id: 'p2', children: [{ text: 'text 2' }] },
      { type: 'item-title', id: 't2', children: [{ text: 'Andra' }] },
    ]);

  test('from a title, the new item goes after that item’s paragraphs, before the next item', () => {
    const editor = doc();
    cursorAtEndOf(editor, 0);
    AppEditor.insertItem(editor);
    editor.insertText('Ny');
    expect(shape(editor).map(([type, text]) => `${type}:${text}`)).toEqual([
      'item-title:Första',
      'paragraph:text 1',
      'paragraph:text 2',
      'item-title:Ny',
      'item-title:Andra',
    ]);
  });

  test('at the end of the document it appends', () => {
    const editor = doc();
    cursorAtEndOf(editor, 3);
    AppEditor.insertItem(editor);
    editor.insertText('Sista');
    expect(shape(editor).at(-1)).toEqual(['item-title', 'Sista']);
    expect(itemNumbers(editor.children).get(ids(editor).at(-1)!)).toBe(3);
  });

  test('an empty last paragraph of the item becomes the new title instead of staying as a blank line', () => {
    const editor = makeEditor([
      { type: 'item-title', id: 't1', children: [{ text: 'Första' }] },
      { type: 'paragraph', id: 'p1', children: [{ text: '' }] },
    ]);
    cursorAtEndOf(editor, 1);
    AppEditor.insertItem(editor);
    expect(shape(editor)).toEqual([
      ['item-title', 'Första'],
      ['item-title', ''],
    ]);
    expect(editor.selection?.anchor.path).toEqual([1, 0]);
  });
});

describe('item numbers', () => {
  test('count item titles in order, ignoring paragraphs', () => {
    const children = [
      { type: 'item-title', id: 'a', children: [{ text: '' }] },
      { type: 'paragraph', id: 'p', children: [{ text: '' }] },
      { type: 'item-title', id: 'b', children: [{ text: '' }] },
    ] as Descendant[];
    expect([...itemNumbers(children)]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  test('the order key ignores paragraph edits and changes when items move', () => {
    const a = { type: 'item-title', id: 'a', children: [{ text: '' }] } as Descendant;
    const b = { type: 'item-title', id: 'b', children: [{ text: '' }] } as Descendant;
    const p = { type: 'paragraph', id: 'p', children: [{ text: 'x' }] } as Descendant;
    const p2 = { type: 'paragraph', id: 'p', children: [{ text: 'xy' }] } as Descendant;
    expect(itemOrderKey([a, p, b])).toBe(itemOrderKey([a, p2, b]));
    expect(itemOrderKey([a, p, b])).not.toBe(itemOrderKey([b, p, a]));
  });
});
