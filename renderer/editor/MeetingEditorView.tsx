/**
 * The Slate editor bound to a meeting's `content` Y.XmlText.
 *
 * Re-sync instead of crash: when a change from the Y.Doc cannot be applied to the editor
 * (createMeetingEditor reports it through onDesync) or the editor fails to render
 * (EditorErrorBoundary), we throw the editor away and build a new one from the Y.Doc:
 * disconnect the old binding, create a fresh editor, connect it (which reads the children
 * from the shared type), and remount <Slate> under a new key so slate-react drops its DOM
 * caches. The Y.Doc already holds every local and remote change, so nothing is lost; the
 * person sees a short notice and may need to click back into the text. If rebuilding keeps
 * failing (the document itself cannot be shown), we stop after a few tries and say so
 * instead of looping.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Editable, ReactEditor, Slate, useSlateSelector, useSlateStatic, withReact } from 'slate-react';
import { Editor, Transforms } from 'slate';
import type * as Y from 'yjs';
import { AppEditor } from './AppEditor';
import { createMeetingEditor, type MeetingEditorHandle } from './createMeetingEditor';
import { EditorErrorBoundary } from './EditorErrorBoundary';
import { ItemNumbersContext, renderElement } from './elements';
import { itemNumbers, itemOrderKey } from './itemNumbers';

const MAX_REBUILDS = 3;
const REBUILD_WINDOW_MS = 10_000;

type Session = { handle: MeetingEditorHandle; generation: number };

export function MeetingEditorView({ content, helpId }: { content: Y.XmlText; helpId: string }) {
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState(false);
  const [broken, setBroken] = useState(false);
  const rebuildTimes = useRef<number[]>([]);

  const rebuild = useCallback((error: unknown) => {
    console.error('editor out of sync with the document; rebuilding it from the Y.Doc', error);
    const now = Date.now();
    rebuildTimes.current = rebuildTimes.current.filter((t0) => now - t0 < REBUILD_WINDOW_MS);
    rebuildTimes.current.push(now);
    if (rebuildTimes.current.length > MAX_REBUILDS) {
      setBroken(true);
      return;
    }
    setNotice(true);
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    if (broken) return;
    const handle = createMeetingEditor(content, {
      // Deferred: onDesync runs inside the Y.Doc's observer, where React state updates and
      // disconnecting the binding would re-enter the transaction that is still running.
      onDesync: (error) => queueMicrotask(() => rebuild(error)),
      decorate: (editor) => withReact(editor),
    });
    setSession({ handle, generation });
    return () => handle.dispose();
  }, [content, generation, broken, rebuild]);

  if (broken) {
    return (
      <div className="editor-broken" role="alert" data-testid="editor-broken">
        <p>{t('editor.crashed')}</p>
        <button
          type="button"
          onClick={() => {
            rebuildTimes.current = [];
            setBroken(false);
            setGeneration((g) => g + 1);
          }}
        >
          {t('editor.reload')}
        </button>
      </div>
    );
  }
  if (!session || session.generation !== generation) return null;

  return (
    <>
      {notice ? (
        <p className="banner banner-info" role="status" data-testid="editor-resynced">
          {t('editor.resynced')}
        </p>
      ) : null}
      <EditorErrorBoundary key={session.generation} onError={rebuild}>
        <Slate editor={session.handle.editor}>
          <EditorBody helpId={helpId} />
        </Slate>
      </EditorErrorBoundary>
    </>
  );
}

function EditorBody({ helpId }: { helpId: string }) {
  const { t } = useTranslation();
  // Recompute the § numbers only when the order of item titles changes, not on every keystroke.
  const editor = useSlateStatic();
  const orderKey = useSlateSelector((e) => itemOrderKey(e.children));
  // orderKey is the dependency that matters: same key, same numbers object, no re-render of titles.
  const numbers = useMemo(() => itemNumbers(editor.children), [editor, orderKey]);

  // Opening a meeting (or rebuilding the editor) puts the cursor at the end of the text:
  // the secretary opened it to continue writing, usually while the meeting goes on.
  useEffect(() => {
    Transforms.select(editor, Editor.end(editor, []));
    ReactEditor.focus(editor);
  }, [editor]);

  return (
    <ItemNumbersContext.Provider value={numbers}>
      <Toolbar />
      <Editable
        className="editor"
        data-testid="editor"
        aria-label={t('editor.label')}
        aria-describedby={helpId}
        renderElement={renderElement}
        placeholder={t('editor.placeholder')}
        spellCheck
        onKeyDown={onKeyDownFor(editor)}
      />
    </ItemNumbersContext.Provider>
  );
}

function onKeyDownFor(editor: Editor) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      event.preventDefault();
      AppEditor.insertItem(editor);
    }
  };
}

function Toolbar() {
  const { t } = useTranslation();
  const editor = useSlateStatic();
  return (
    <div role="toolbar" aria-label={t('editor.toolbar')} className="toolbar">
      <button
        type="button"
        data-testid="new-item"
        aria-keyshortcuts="Control+Enter"
        // Keep the text's selection: a mousedown on a button would otherwise blur the editor first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          AppEditor.insertItem(editor);
          ReactEditor.focus(editor);
        }}
      >
        {t('editor.newItem')}
        <kbd className="shortcut">Ctrl+Enter</kbd>
      </button>
    </div>
  );
}
