/**
 * Edits a meeting document the way the renderer does, in Node: a headless Slate editor bound
 * to a replica of the Core's Y.Doc with @slate-yjs/core, its changes sent as one update.
 */
import * as Y from 'yjs';
import { createEditor, type Editor } from 'slate';
import { withYjs, YjsEditor } from '@slate-yjs/core';
import { unwrap } from '../../src/api/client';
import { fromBase64, toBase64 } from '../../src/api/base64';
import type { TypedApi } from '../../src/api/transport';

export async function editDoc(api: TypedApi, docId: string, change: (doc: Y.Doc, editor: Editor) => void): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId })).update));
  const editor = withYjs(createEditor(), doc.get('content', Y.XmlText), { autoConnect: false });
  YjsEditor.connect(editor);
  const before = Y.encodeStateVector(doc);
  change(doc, editor);
  YjsEditor.disconnect(editor);
  const update = Y.encodeStateAsUpdate(doc, before);
  if (update.length > 2) unwrap(await api.invoke('docs.applyUpdate', { docId, update: toBase64(update) }));
}
