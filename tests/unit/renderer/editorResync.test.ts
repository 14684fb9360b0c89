/**
 * A remote Yjs update that the Slate binding cannot apply must not crash the app or leave
 * the editor silently wrong: createMeetingEditor catches it, reports it once (onDesync), and
 * a new editor built from the same Y.Doc shows the right content, remote change included.
 */
import { describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { slateNodesToInsertDelta, withYjs, YjsEditor, yTextToSlateElement } from '@slate-yjs/core';
import { createEditor, Node, Transforms, type Descendant } from 'slate';
import type { ItemElement } from '../../../src/protocol/schema';
import { caretInDocument, caretInEditor, createMeetingEditor } from '../../../renderer/editor/createMeetingEditor';

function seededDoc(): Y.Doc {
  const doc = new Y.Doc();
  const content = doc.get('content', Y.XmlText);
  content.applyDelta(
    slateNodesToInsertDelta([
      {
        type: 'item',
        id: 'i1',
        children: [
          { type: 'item-title', id: 't1', children: [{ text: 'Val av justerare' }] },
          { type: 'paragraph', id: 'p1', children: [{ text: 'Till justerare valdes' }] },
        ],
      },
    ] as Descendant[]),
  );
  return doc;
}

/** A second replica edits the paragraph of item 0 and sends the update, as the Core would relay it. */
function remoteEditOfSecondBlock(doc: Y.Doc, text: string): Uint8Array {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  const item = other.get('content', Y.XmlText).toDelta()[0].insert as Y.XmlText;
  const block = item.toDelta()[1].insert as Y.XmlText;
  const before = Y.encodeStateVector(other);
  block.insert(block.length, text);
  return Y.encodeStateAsUpdate(other, before);
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('editor re-sync from the Y.Doc', () => {
  test('a remote change is applied normally when editor and document agree', async () => {
    const doc = seededDoc();
    const onDesync = vi.fn();
    const { editor, dispose } = createMeetingEditor(doc.get('content', Y.XmlText), { onDesync });
    Y.applyUpdate(doc, remoteEditOfSecondBlock(doc, ' Åsa Öberg 😀'), 'remote');
    await flush();
    expect(onDesync).not.toHaveBeenCalled();
    expect(Node.string(Node.get(editor, [0, 1]))).toBe('Till justerare valdes Åsa Öberg 😀');
    dispose();
  });

  test('an update the binding cannot apply is reported, not thrown, and a rebuilt editor shows the document', async () => {
    const doc = seededDoc();
    const content = doc.get('content', Y.XmlText);
    const onDesync = vi.fn();
    const first = createMeetingEditor(content, { onDesync });
    await flush();

    // Make the editor's tree drift from the Y.Doc (as a binding bug or a schema this
    // version does not understand would): the editor's item no longer has its paragraph.
    first.editor.children = [{ ...(first.editor.children[0] as ItemElement), children: [(first.editor.children[0] as ItemElement).children[0]!] }];

    // Without the guard this throws out of Y.applyUpdate, i.e. out of the replica's handler.
    expect(() => Y.applyUpdate(doc, remoteEditOfSecondBlock(doc, ' Åsa'), 'remote')).not.toThrow();
    expect(onDesync).toHaveBeenCalledTimes(1);

    // A later update is ignored by the broken editor (no second report, no exception)…
    expect(() => Y.applyUpdate(doc, remoteEditOfSecondBlock(doc, ' och Bo'), 'remote')).not.toThrow();
    expect(onDesync).toHaveBeenCalledTimes(1);

    // …and the editor rebuilt from the Y.Doc has everything, both remote changes included.
    first.dispose();
    const second = createMeetingEditor(content, { onDesync });
    expect(second.editor.children).toEqual(yTextToSlateElement(content).children);
    expect(Node.string(Node.get(second.editor, [0, 1]))).toBe('Till justerare valdes Åsa och Bo');
    second.dispose();
  });

  test('control: the same drift makes an unguarded @slate-yjs editor throw out of Y.applyUpdate', () => {
    const doc = seededDoc();
    const editor = withYjs(createEditor(), doc.get('content', Y.XmlText));
    YjsEditor.connect(editor);
    editor.children = [{ ...(editor.children[0] as ItemElement), children: [(editor.children[0] as ItemElement).children[0]!] }];
    expect(() => Y.applyUpdate(doc, remoteEditOfSecondBlock(doc, ' Åsa'), 'remote')).toThrow();
  });

  test('the rebuilt editor gets the caret back where she was typing, moved along by the remote change', async () => {
    const doc = seededDoc();
    const content = doc.get('content', Y.XmlText);
    const first = createMeetingEditor(content, { onDesync: () => {} });
    await flush();
    // In the paragraph, after "Till justerare".
    Transforms.select(first.editor, { path: [0, 1, 0], offset: 'Till justerare'.length });
    const caret = caretInDocument(first.editor, content);
    expect(caret).not.toBeNull();
    first.dispose();
    // Meanwhile another computer wrote at the start of that paragraph.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const block = ((other.get('content', Y.XmlText).toDelta()[0].insert as Y.XmlText).toDelta()[1].insert as Y.XmlText);
    const before = Y.encodeStateVector(other);
    block.insert(0, 'Kl. 13.05: ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before), 'remote');

    const second = createMeetingEditor(content, { onDesync: () => {} });
    const range = caretInEditor(second.editor, content, caret!);
    const at = { path: [0, 1, 0], offset: 'Kl. 13.05: Till justerare'.length };
    expect(range).toEqual({ anchor: at, focus: at });
    second.dispose();
  });
});
