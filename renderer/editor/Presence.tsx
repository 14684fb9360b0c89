/**
 * What presence looks like: the line "Också här: Anna Andersson (ordförande)" above the
 * editor, and each other user's caret (with their name) and selection drawn over the text.
 * The carets are an overlay computed from the DOM (ReactEditor.toDOMRange), not decorations,
 * so they never split the text nodes Slate and the screen reader work with; the line says the
 * same in words, which is what assistive technology gets.
 */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Range } from 'slate';
import { ReactEditor, useSlate } from 'slate-react';
import type * as Y from 'yjs';
import type { PresencePeer } from '../../src/api/contract';
import type { Person } from '../../src/bodies/roster';
import type { AttendanceEntry } from '../../src/protocol/attendance';
import { attendanceOf, entriesIn } from '../attendance/attendanceModel';
import { useYMap } from '../bodies/useYMap';
import { presenceLabel } from './presenceLabel';
import { peerColour, peerRange } from './usePresence';

/** "Anna Andersson (ordförande)": the name, with the meeting roles of the roster person of that name. */
export function PresenceLine({ peers, doc, people }: { peers: PresencePeer[]; doc: Y.Doc; people: readonly Person[] }) {
  const { t } = useTranslation();
  const entries = useYMap(useMemo(() => attendanceOf(doc), [doc]), entriesIn, EMPTY);
  const names = useMemo(() => peers.map((peer) => ({ peer, text: presenceLabel(peer, people, entries) })), [peers, people, entries]);
  // Polite and only this line: it changes when someone comes or goes, never as cursors move.
  return (
    <p className="presence-line" aria-live="polite" data-testid="presence-line">
      {names.length > 0 ? (
        <>
          {t('presence.alsoHere')}{' '}
          {names.map(({ peer, text }, i) => (
            <span key={peer.clientId} data-testid="presence-peer">
              <span className="presence-dot" aria-hidden="true" style={{ background: peerColour(peer) }} />
              {text}
              {i < names.length - 1 ? ', ' : ''}
            </span>
          ))}
        </>
      ) : null}
    </p>
  );
}
const EMPTY: ReadonlyMap<string, AttendanceEntry> = new Map();


interface Drawn {
  clientId: number;
  name: string;
  colour: string;
  caret: { left: number; top: number; height: number } | null;
  boxes: Array<{ left: number; top: number; width: number; height: number }>;
}

/** Others' carets and selections over the editor; `surface` is the positioned box around <Editable>. */
export function RemoteCursors({ peers, content, surface }: { peers: PresencePeer[]; content: Y.XmlText; surface: RefObject<HTMLDivElement | null> }) {
  // useSlate: re-rendered after every change, so the overlay follows the text as it reflows.
  const editor = useSlate();
  const [drawn, setDrawn] = useState<Drawn[]>([]);
  const [layouts, setLayouts] = useState(0);
  const last = useRef('');

  // Measured again whenever the text's box changes size without a change to the text: the
  // window resized, or an item scrolled into view got its real height in place of the
  // estimate content-visibility gives items off screen (every caret below it moves).
  useLayoutEffect(() => {
    const box = surface.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setLayouts((n) => n + 1));
    observer.observe(box);
    return () => observer.disconnect();
  }, [surface]);

  useLayoutEffect(() => {
    const box = surface.current;
    const next: Drawn[] = [];
    if (box) {
      const origin = box.getBoundingClientRect();
      for (const peer of peers) {
        const range = peerRange(editor, content, peer);
        if (!range) continue;
        let boxes: Drawn['boxes'];
        let f: Drawn['boxes'][number];
        const rel = (r: DOMRect) => ({ left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height });
        try {
          const dom = ReactEditor.toDOMRange(editor, range);
          boxes = Range.isCollapsed(range) ? [] : [...dom.getClientRects()].filter((r) => r.width > 0).map(rel);
          const caret = ReactEditor.toDOMRange(editor, { anchor: range.focus, focus: range.focus });
          f = rel(caret.getClientRects()[0] ?? caret.getBoundingClientRect());
        } catch {
          continue; // not rendered (yet): skipped until the next change
        }
        next.push({ clientId: peer.clientId, name: peer.name, colour: peerColour(peer), caret: { left: f.left, top: f.top, height: f.height || 18 }, boxes });
      }
    }
    const key = JSON.stringify(next);
    if (key !== last.current) {
      last.current = key;
      setDrawn(next);
    }
  });
  void layouts;

  return (
    <div className="remote-cursors" aria-hidden="true" data-testid="remote-cursors">
      {drawn.map((d) => (
        <div key={d.clientId} data-testid="remote-cursor" data-name={d.name}>
          {d.boxes.map((b, i) => (
            <div key={i} className="remote-selection" style={{ left: b.left, top: b.top, width: b.width, height: b.height, background: d.colour }} />
          ))}
          {d.caret ? (
            <div className="remote-caret" style={{ left: d.caret.left, top: d.caret.top, height: d.caret.height, borderColor: d.colour }}>
              <span className="remote-caret-name" style={{ borderColor: d.colour }}>
                {d.name}
              </span>
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
