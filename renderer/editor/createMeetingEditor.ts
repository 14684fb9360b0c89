/**
 * Builds the Slate editor of a meeting document, bound to the document's `content`
 * Y.XmlText. No React here, so the binding and its failure handling are unit-testable in
 * Node; MeetingEditorView adds withReact.
 *
 * Why the order matters: withYjs must be innermost so every operation (including those our
 * normalisers produce) passes through its `apply` and reaches the Y.Doc; and the editor's
 * children must come from the shared type (`connect`), never from an initial value, or an
 * empty editor could overwrite a stored document.
 */
import { createEditor, type Editor, type Range } from 'slate';
import { relativeRangeToSlateRange, slateRangeToRelativeRange, withYHistory, withYjs, YjsEditor, type RelativeRange } from '@slate-yjs/core';
import type * as Y from 'yjs';
import { withBlockEditing } from './withBlockEditing';
import { withBlocks } from './withBlocks';
import { withDecisions } from './withDecisions';
import { withIds } from './withIds';
import { withItems } from './withItems';
import { withPaste } from './withPaste';
import { withPolitics } from './withPolitics';
import { withRichBlocks } from './withRichBlocks';
import { withRichEditing } from './withRichEditing';
import { withSubItems } from './withSubItems';

export interface MeetingEditorHandle {
  editor: Editor;
  /** Detaches the editor from the Y.Doc for good. Safe to call twice. */
  dispose(): void;
}

export interface CreateOptions {
  /**
   * Called when a change from the Y.Doc (another client, a resync) could not be applied to
   * the editor. The Y.Doc itself is fine; only this editor's view of it is now wrong, and
   * the caller must build a new editor from the Y.Doc (see MeetingEditorView).
   */
  onDesync(error: unknown): void;
  /** Adds withReact (the app) or not (unit tests). */
  decorate?: (editor: Editor) => Editor;
}

export function createMeetingEditor(content: Y.XmlText, options: CreateOptions): MeetingEditorHandle {
  let disposed = false;
  const yjsEditor = withYjs(createEditor(), content, { autoConnect: false });

  // A remote change the binding cannot apply (a schema this version does not understand, a
  // bug in the binding, an editor tree that drifted from the Y.Doc) throws from inside the
  // Y.Doc's observer, i.e. from whoever applied the update (the replica's event handler).
  // Throwing there would leave the editor half-updated and the replica's caller confused;
  // instead report it once, and stop applying events to this editor: it is about to be
  // replaced by one rebuilt from the Y.Doc, which has the right content.
  const { applyRemoteEvents } = yjsEditor;
  let desynced = false;
  yjsEditor.applyRemoteEvents = (events, origin) => {
    if (disposed || desynced) return;
    try {
      applyRemoteEvents(events, origin);
    } catch (error) {
      desynced = true;
      options.onDesync(error);
    }
  };

  const withHistory = withYHistory(yjsEditor);
  const decorated = options.decorate ? options.decorate(withHistory) : withHistory;
  // After withReact (which defines insertData): the paste rules replace its plain-text path.
  const editor = withPaste(withMeetingSchema(decorated));

  YjsEditor.connect(editor);

  return {
    editor,
    dispose() {
      if (disposed) return;
      disposed = true;
      try {
        YjsEditor.disconnect(editor);
      } catch (error) {
        // Flushing this editor's last local changes failed: the editor is being dropped
        // because it no longer matches the Y.Doc, and the `disposed` flag above keeps it
        // from applying anything more. Log, do not rethrow: rebuilding must go on.
        console.error('disconnecting the editor failed', error);
      }
      editor.undoManager.destroy();
    },
  };
}

/**
 * The schema plugins and the structural editing behaviour, in the order they apply: for any
 * node, the sub-item, decision and item rules run before the list/table, leaf-block and id rules (the
 * outermost plugin's normalizeNode runs first). Unit tests build their editors with this too. The
 * political lines' plugin is outermost: its Enter and Backspace must come before the general
 * block editing, which treats any other block as a title; so do withRichEditing's (lists and tables).
 */
export function withMeetingSchema<T extends Editor>(editor: T): T {
  return withPolitics(withRichEditing(withBlockEditing(withSubItems(withDecisions(withItems(withRichBlocks(withBlocks(withIds(editor)))))))));
}

/**
 * The caret of an editor about to be replaced (rebuilt after it fell out of step with the
 * document), as a place in the document, so the new editor can put it back where she was
 * typing instead of at the end of the protocol. Null when there is none or it cannot be
 * placed: the old editor's tree may not match the document any more.
 */
export function caretInDocument(editor: Editor, content: Y.XmlText): RelativeRange | null {
  if (!editor.selection) return null;
  try {
    return slateRangeToRelativeRange(content, editor, editor.selection);
  } catch {
    return null;
  }
}

/** That place in a new editor on the same document; null if the text there is gone. */
export function caretInEditor(editor: Editor, content: Y.XmlText, caret: RelativeRange): Range | null {
  try {
    return relativeRangeToSlateRange(content, editor, caret);
  } catch {
    return null;
  }
}
