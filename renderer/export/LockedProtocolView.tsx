/**
 * A justerat meeting, read-only: the same elements and § numbers as the editor, in a Slate
 * `<Editable readOnly>` bound to the meeting's Y.Doc, with a banner saying why nothing can be
 * typed and how a change is made (a rättelse, in the export dialog). Shown by MeetingScreen
 * instead of the editor, so the secretary never types into a protocol whose every change the
 * Core refuses (docs.applyUpdate on a locked meeting). No toolbar, no outline buttons, no
 * attendance panel: each of those would change the document.
 *
 * It shows the protocol as it was signed: the frozen snapshot the lock keeps in the document
 * (`meta.lockSnapshot`, src/export/lock.ts), not the live document, so a change merged after the
 * lock (typed offline on another computer) never looks like part of the protocol. Such changes
 * are listed under the banner ("Ändringar efter justering …", from justering.status) for the
 * secretary to record as rättelser.
 */
import { useEffect, useMemo, useState } from 'react';
import type { LateChange } from '../../src/export/lock';
import { readLockSnapshot } from '../../src/export/lock';
import { useApi } from '../app/ConnectionContext';
import { useTranslation } from 'react-i18next';
import { Editable, Slate, useSlateSelector, withReact } from 'slate-react';
import type { Editor } from 'slate';
import * as Y from 'yjs';
import { createMeetingEditor, type MeetingEditorHandle } from '../editor/createMeetingEditor';
import { NumberingContext, renderElement } from '../editor/elements';
import { computeNumbers, createOutlineReader, type MeetingFacts } from '../editor/numbering';
import { useFrozenNumbers } from '../editor/useMeetingDoc';
import { useNumberingContext } from '../editor/useNumberingContext';
import { exportStrings, useExportStrings } from '../i18n/export';
import './export.css';

/** The signed snapshot of a locked document (the live one until the lock's snapshot is there). */
function useSignedDoc(doc: Y.Doc): Y.Doc {
  const [bytes, setBytes] = useState(() => readLockSnapshot(doc));
  useEffect(() => {
    const meta = doc.getMap('meta');
    const read = () => setBytes(readLockSnapshot(doc));
    read();
    meta.observe(read);
    return () => meta.unobserve(read);
  }, [doc]);
  return useMemo(() => {
    if (!bytes) return doc;
    const signed = new Y.Doc();
    Y.applyUpdate(signed, bytes);
    return signed;
  }, [doc, bytes]);
}

/** Changes in the live document beyond the signed snapshot, asked again a moment after each update. */
function useLateChanges(meetingId: string, doc: Y.Doc): LateChange[] {
  const api = useApi();
  const [changes, setChanges] = useState<LateChange[]>([]);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const ask = () => {
      void api.invoke('justering.status', { meetingId }).then((res) => {
        if (live && res.ok) setChanges(res.value.lateChanges);
      });
    };
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(ask, 400);
    };
    ask();
    doc.on('update', later);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      doc.off('update', later);
    };
  }, [api, meetingId, doc]);
  return changes;
}

export function LockedProtocolView({ doc: liveDoc, meeting, bodyId }: { doc: Y.Doc; meeting: MeetingFacts; bodyId: string }) {
  const s = useExportStrings();
  const doc = useSignedDoc(liveDoc);
  const late = useLateChanges(meeting.id, liveDoc);
  const en = s === exportStrings.en;
  const content = useMemo(() => doc.get('content', Y.XmlText), [doc]);
  const [handle, setHandle] = useState<MeetingEditorHandle | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    // A read-only view that cannot follow a change rebuilds itself from the document.
    const h = createMeetingEditor(content, { onDesync: () => queueMicrotask(() => setGeneration((g) => g + 1)), decorate: (e) => withReact(e) });
    setHandle(h);
    return () => h.dispose();
  }, [content, generation]);
  if (!handle) return null;
  return (
    <div className="locked-protocol" data-testid="locked-protocol">
      <p className="banner banner-info" role="status" data-testid="locked-banner">
        {s.locked}
      </p>
      {late.length > 0 ? (
        <section className="banner banner-warning late-changes" aria-labelledby="late-changes-heading" data-testid="late-changes">
          <h2 id="late-changes-heading">{s.lateHeading}</h2>
          <p>{s.lateHint}</p>
          <ul>
            {late.map((c) => (
              <li key={`${c.itemId ?? ''}:${c.sv}`}>{en ? c.en : c.sv}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Slate key={generation} editor={handle.editor}>
        <ReadOnlyBody doc={doc} meeting={meeting} bodyId={bodyId} />
      </Slate>
    </div>
  );
}

function ReadOnlyBody({ doc, meeting, bodyId }: { doc: Y.Doc; meeting: MeetingFacts; bodyId: string }) {
  const { t } = useTranslation();
  const readOutline = useMemo(() => createOutlineReader(), []);
  const items = useSlateSelector((e: Editor) => readOutline(e.children));
  const frozen = useFrozenNumbers(doc);
  const { context } = useNumberingContext(meeting.id, bodyId);
  const numbering = useMemo(() => computeNumbers(items, meeting, frozen, context), [items, meeting, frozen, context]);
  return (
    <NumberingContext.Provider value={numbering}>
      <Editable className="editor" data-testid="editor" readOnly role="textbox" aria-multiline="true" aria-readonly="true" aria-label={t('editor.label')} renderElement={renderElement} />
    </NumberingContext.Provider>
  );
}
