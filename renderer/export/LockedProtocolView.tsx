/**
 * A justerat meeting, read-only: the same elements and § numbers as the editor, in a Slate
 * `<Editable readOnly>` bound to the meeting's Y.Doc, with a banner saying why nothing can be
 * typed and how a change is made (a rättelse, in the export dialog). Shown by MeetingScreen
 * instead of the editor, so the secretary never types into a protocol whose every change the
 * Core refuses (docs.applyUpdate on a locked meeting). No toolbar, no outline buttons, no
 * attendance panel: each of those would change the document.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Editable, Slate, useSlateSelector, withReact } from 'slate-react';
import type { Editor } from 'slate';
import * as Y from 'yjs';
import { createMeetingEditor, type MeetingEditorHandle } from '../editor/createMeetingEditor';
import { NumberingContext, renderElement } from '../editor/elements';
import { computeNumbers, createOutlineReader, type MeetingFacts } from '../editor/numbering';
import { useFrozenNumbers } from '../editor/useMeetingDoc';
import { useNumberingContext } from '../editor/useNumberingContext';
import { useExportStrings } from '../i18n/export';
import './export.css';

export function LockedProtocolView({ doc, meeting, bodyId }: { doc: Y.Doc; meeting: MeetingFacts; bodyId: string }) {
  const s = useExportStrings();
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
