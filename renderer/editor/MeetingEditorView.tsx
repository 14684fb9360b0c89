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
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MutableRefObject, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Editable, ReactEditor, Slate, useSlateSelector, useSlateStatic, withReact } from 'slate-react';
import { Editor, Range, Transforms } from 'slate';
import * as Y from 'yjs';
import { AgendaOutline } from '../agenda/AgendaOutline';
import { useMoveAnnouncer, type MoveAnnouncer } from '../agenda/useMoveAnnouncer';
import { AppEditor } from './AppEditor';
import { caretInDocument, caretInEditor, createMeetingEditor, type MeetingEditorHandle } from './createMeetingEditor';
import type { RelativeRange } from '@slate-yjs/core';
import { EditorErrorBoundary } from './EditorErrorBoundary';
import { DecisionLookContext, NumberingContext, renderElement, renderLeaf, type DecisionLook } from './elements';
import { typeaheadPeople, useTypeahead } from './Typeahead';
import { ReadBack } from './ReadBack';
import { ItemClock } from './ItemClock';
import { LinkDialog } from './LinkDialog';
import { RichEditor } from './richCommands';
import { onRichKeyDown, RichToolbarButtons } from './richKeys';
import { PoliticsContext } from './politicsElements';
import { usePoliticsLayer } from './PoliticsLayer';
import type { Phrase } from '../../src/bodies/profile';
import { useBodyDoc } from '../bodies/useBodyDoc';
import { focusEditorAt, selectionBlockPath, useFocusAfterRender } from './focusEditor';
import { computeNumbers, createOutlineReader, structureKey, type MeetingFacts } from './numbering';
import { useFrozenNumbers } from './useMeetingDoc';
import { PresenceLine, RemoteCursors } from './Presence';
import type { Presence } from './usePresence';
import { useNumberingContext } from './useNumberingContext';

const MAX_REBUILDS = 3;
const REBUILD_WINDOW_MS = 10_000;

type Session = { handle: MeetingEditorHandle; generation: number };

export interface MeetingEditorViewProps {
  doc: Y.Doc;
  meeting: MeetingFacts;
  bodyId: string;
  helpId: string;
  /** The per-item clock: shown when on; it records item starts only while the meeting is in progress. */
  clock?: { shown: boolean; recording: boolean };
  /** Others in this protocol (sync presence); absent or empty: nothing is shown. */
  presence?: Presence;
  /** Filled with a function that gives the text the focus, caret where it was (for the header's buttons). */
  focusTextRef?: MutableRefObject<(() => void) | null>;
}

export function MeetingEditorView({ doc, meeting, bodyId, helpId, clock, presence, focusTextRef }: MeetingEditorViewProps) {
  const { t } = useTranslation();
  const content = useMemo(() => doc.get('content', Y.XmlText), [doc]);
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<Session | null>(null);
  const [notice, setNotice] = useState(false);
  const [broken, setBroken] = useState(false);
  const rebuildTimes = useRef<number[]>([]);
  // The editor being replaced, and where its caret was: the new one puts it back there.
  const current = useRef<Session | null>(null);
  current.current = session;
  const caret = useRef<RelativeRange | null>(null);

  const rebuild = useCallback((error: unknown) => {
    console.error('editor out of sync with the document; rebuilding it from the Y.Doc', error);
    const old = current.current?.handle.editor;
    caret.current = old ? caretInDocument(old, content) : null;
    const now = Date.now();
    rebuildTimes.current = rebuildTimes.current.filter((t0) => now - t0 < REBUILD_WINDOW_MS);
    rebuildTimes.current.push(now);
    if (rebuildTimes.current.length > MAX_REBUILDS) {
      setBroken(true);
      return;
    }
    setNotice(true);
    setGeneration((g) => g + 1);
  }, [content]);

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
          <EditorBody helpId={helpId} doc={doc} meeting={meeting} bodyId={bodyId} clock={clock} {...(presence ? { presence } : {})} {...(focusTextRef ? { focusTextRef } : {})} caret={caret} />
          <FocusAfterRender />
        </Slate>
      </EditorErrorBoundary>
    </>
  );
}

/** Its own component: useSlate re-renders it on every change, without re-rendering the body. */
function FocusAfterRender(): null {
  useFocusAfterRender();
  return null;
}

function EditorBody({ helpId, doc, meeting, bodyId, clock, presence, focusTextRef, caret }: MeetingEditorViewProps & { caret: MutableRefObject<RelativeRange | null> }) {
  const { t } = useTranslation();
  const editor = useSlateStatic();

  useEffect(() => {
    if (!focusTextRef) return;
    focusTextRef.current = () => focusEditorAt(editor, null);
    return () => {
      focusTextRef.current = null;
    };
  }, [editor, focusTextRef]);

  // The outline is re-read on every change, cheaply (numbering.ts); the numbers only when the
  // structure, the frozen numbers or the body's numbering context change.
  const readOutline = useMemo(() => createOutlineReader(), [editor]);
  const items = useSlateSelector(useCallback((e: Editor) => readOutline(e.children), [readOutline]));
  const key = useMemo(() => structureKey(items), [items]);
  const frozen = useFrozenNumbers(doc);
  const { context, error } = useNumberingContext(meeting.id, bodyId);
  const { id, date, sortKey, started } = meeting;
  const numbering = useMemo(
    () => computeNumbers(items, { id, date, sortKey, started }, frozen, context),
    // `items` is read for its structure only: `key` says when that changed, so typing in a
    // title (a new `items`, the same key) does not run the engine.
    [key, id, date, sortKey, started, frozen, context],
  );
  const announcer = useMoveAnnouncer(items, numbering);
  // The body's profile says how decisions are written. Its document is small; this replica
  // lives as long as the editor does (the attendance panel opens its own only while open).
  const { profile, people } = useBodyDoc(bodyId);
  const typeahead = useTypeahead(
    useMemo(() => typeaheadPeople(people), [people]),
    profile?.phrases ?? NO_PHRASES,
  );
  const [readBack, setReadBack] = useState(false);
  // Back to the text at once (focusEditorAt), not on Slate's timer: she types right after Esc.
  const closeReadBack = useCallback(() => {
    setReadBack(false);
    focusEditorAt(editor, null);
  }, [editor]);
  // Ctrl+K: the link dialog, with the selection it was opened on (the editor loses focus meanwhile).
  const [linkAsk, setLinkAsk] = useState<{ at: Range; current: string | null } | null>(null);
  const openLink = useCallback(() => {
    const at = editor.selection;
    if (at) setLinkAsk({ at, current: RichEditor.linkAt(editor) });
  }, [editor]);
  const closeLink = useCallback(
    (change?: (e: Editor) => void) => {
      if (linkAsk) {
        Transforms.select(editor, linkAsk.at);
        change?.(editor);
      }
      setLinkAsk(null);
      focusEditorAt(editor, null);
    },
    [editor, linkAsk],
  );
  const surface = useRef<HTMLDivElement>(null);
  const content = useMemo(() => doc.get('content', Y.XmlText), [doc]);
  const peers = presence?.peers ?? NO_PEERS;
  const politics = usePoliticsLayer(doc, profile, people, (itemId) => numbering.items.get(itemId)?.label ?? '§');
  const decisionLook = useMemo<DecisionLook | null>(() => (profile ? { lead: profile.decision.lead, style: profile.decision.style } : null), [profile]);

  // Opening a meeting puts the cursor at the end of the text: the secretary opened it to
  // continue writing, usually while the meeting goes on. A rebuilt editor puts it back where
  // it was (her next words belong there, not in "Mötets avslutande"). Slate focuses only once
  // the selection is applied (a moment later); if she has gone elsewhere meanwhile (the
  // attendance button, as people join the call), the focus stays there: taking it would send
  // her next keys into the text.
  useEffect(() => {
    // Set by every rebuild before this editor mounts (a new meeting is a new view, caret null).
    const back = caret.current ? caretInEditor(editor, doc.get('content', Y.XmlText), caret.current) : null;
    Transforms.select(editor, back ?? Editor.end(editor, []));
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (active === null || active === document.body || active.matches('main')) ReactEditor.focus(editor);
    }, 0);
    return () => clearTimeout(timer);
    // Once per editor (caret and doc are read when it opens): later renders must not move her caret.
  }, [editor]);

  return (
    <NumberingContext.Provider value={numbering}>
      <DecisionLookContext.Provider value={decisionLook}>
      {presence?.enabled ? <PresenceLine peers={peers} doc={doc} people={people} /> : null}
      <PoliticsContext.Provider value={politics.env}>
      <div className="meeting-body">
        <AgendaOutline items={items} numbering={numbering} announcer={announcer} numberingError={error} />
        <div className="editor-column">
          {clock?.shown ? <ItemClock doc={doc} items={items} numbering={numbering} recording={clock.recording} /> : null}
          <Toolbar onReadBack={() => setReadBack(true)} onLink={openLink}>
            {politics.buttons}
          </Toolbar>
          {presence ? <SelectionReporter presence={presence} content={content} /> : null}
          <div className="editor-surface" ref={surface}>
          <Editable
            className="editor"
            data-testid="editor"
            aria-label={t('editor.label')}
            aria-describedby={helpId}
            renderElement={renderElement}
            renderLeaf={renderLeaf}
            placeholder={t('editor.placeholder')}
            spellCheck
            onKeyDown={(event) => {
              if (typeahead.onKeyDown(event)) return;
              if (politics.onKeyDown(event)) return;
              if (event.altKey && event.shiftKey && event.code === 'KeyV') {
                event.preventDefault();
                setReadBack(true);
                return;
              }
              if (onRichKeyDown(editor, event, openLink)) return;
              onKeyDownFor(editor, announcer)(event);
            }}
          />
          {peers.some((p) => p.cursor) ? <RemoteCursors peers={peers} content={content} surface={surface} /> : null}
          </div>
          {typeahead.popup}
          {linkAsk ? (
            <LinkDialog
              current={linkAsk.current}
              askText={Range.isCollapsed(linkAsk.at) && linkAsk.current === null}
              onSave={(url, text) => closeLink((e) => RichEditor.insertLink(e, url, text))}
              onRemove={() => closeLink((e) => RichEditor.removeLink(e))}
              onClose={() => closeLink()}
            />
          ) : null}
          {politics.dialog}
          {readBack ? (
            <ReadBack
              label={(itemId) => numbering.items.get(itemId)?.label ?? '§'}
              lead={decisionLook?.lead || 'Beslut:'}
              onClose={closeReadBack}
            />
          ) : null}
        </div>
      </div>
      </PoliticsContext.Provider>
      </DecisionLookContext.Provider>
    </NumberingContext.Provider>
  );
}

function onKeyDownFor(editor: Editor, announcer: MoveAnnouncer) {
  return (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === 'Enter' && mod && !event.altKey) {
      event.preventDefault();
      if (event.shiftKey) AppEditor.insertSubItem(editor);
      else AppEditor.insertItem(editor);
      return;
    }
    // Alt+Shift+letter: the decision block (B for beslut), a new att-sats (A), the
    // föredragande line (F). `code`, not `key`: with Alt held, macOS types another character.
    const blockCommand = event.altKey && event.shiftKey && !mod ? blockCommands[event.code] : undefined;
    if (blockCommand) {
      event.preventDefault();
      blockCommand(editor);
      return;
    }
    if (event.altKey && event.shiftKey && !mod && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const item = AppEditor.currentItem(editor);
      if (!item) return;
      announcer.recordMove(item.id);
      const moved = event.key === 'ArrowUp' ? AppEditor.moveItemUp(editor, item.id) : AppEditor.moveItemDown(editor, item.id);
      // The first item cannot go up, the last not down: nothing to announce.
      if (!moved) announcer.cancelMove();
    }
  };
}

const NO_PHRASES: Phrase[] = [];
const NO_PEERS: Presence['peers'] = [];

/** Tells the Core where this window's selection is (presence); renders nothing. */
function SelectionReporter({ presence, content }: { presence: Presence; content: Y.XmlText }) {
  const editor = useSlateStatic();
  const selection = useSlateSelector((e: Editor) => e.selection, (a, b) => (a && b ? Range.equals(a, b) : a === b));
  const { reportSelection } = presence;
  useEffect(() => {
    reportSelection(editor, content);
  }, [editor, content, selection, reportSelection]);
  return null;
}

const blockCommands: Record<string, (editor: Editor) => boolean> = {
  KeyB: AppEditor.insertDecision,
  KeyA: AppEditor.insertAttSats,
  KeyF: AppEditor.insertForedragande,
};

function Toolbar({ onReadBack, onLink, children }: { onReadBack(): void; onLink(): void; children?: ReactNode }) {
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
          focusEditorAt(editor, selectionBlockPath(editor));
        }}
      >
        {t('editor.newItem')}
        <kbd className="shortcut">Ctrl+Enter</kbd>
      </button>
      <button
        type="button"
        data-testid="new-subitem"
        aria-keyshortcuts="Control+Shift+Enter"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          if (AppEditor.insertSubItem(editor) !== null) focusEditorAt(editor, selectionBlockPath(editor));
        }}
      >
        {t('editor.newSubItem')}
        <kbd className="shortcut">Ctrl+Shift+Enter</kbd>
      </button>
      <BlockButton testId="new-decision" shortcut="Alt+Shift+B" label={t('editor.newDecision')} command={AppEditor.insertDecision} />
      <BlockButton testId="new-att-sats" shortcut="Alt+Shift+A" label={t('editor.newAttSats')} command={AppEditor.insertAttSats} />
      <BlockButton testId="new-foredragande" shortcut="Alt+Shift+F" label={t('editor.newForedragande')} command={AppEditor.insertForedragande} />
      <RichToolbarButtons onLink={onLink} />
      <button type="button" data-testid="readback-open" aria-keyshortcuts="Alt+Shift+V" onMouseDown={(e) => e.preventDefault()} onClick={onReadBack}>
        {t('readback.open')}
        <kbd className="shortcut">Alt+Shift+V</kbd>
      </button>
      {children}
    </div>
  );
}

/** A toolbar button for a block command: keeps the text's selection, then gives the focus back. */
function BlockButton({ testId, shortcut, label, command }: { testId: string; shortcut: string; label: string; command(editor: Editor): boolean }) {
  const editor = useSlateStatic();
  return (
    <button
      type="button"
      data-testid={testId}
      aria-keyshortcuts={shortcut}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        if (command(editor)) focusEditorAt(editor, selectionBlockPath(editor));
      }}
    >
      {label}
      <kbd className="shortcut">{shortcut}</kbd>
    </button>
  );
}
