/**
 * Who else is in this protocol, and where their cursors are (sync presence, off by default).
 * The renderer never talks to the sync server: it tells the Core that this window shows the
 * meeting and where its selection is (`presence.here`, `presence.leave`), and hears of others
 * through `presence.changed`. Cursors travel as Yjs relative positions in the meeting's
 * `content`, so they point at the same characters in every replica whatever was typed since.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BaseRange, Editor } from 'slate';
import { relativePositionToSlatePoint, slatePointToRelativePosition } from '@slate-yjs/core';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../../src/api/base64';
import type { PresencePeer } from '../../src/api/contract';
import { useConnection } from '../app/ConnectionContext';
import { useSyncStatus } from './SyncStatus';

/** At most one cursor report per this many ms while the selection moves (typing moves it too). */
const CURSOR_EVERY_MS = 150;

export interface Presence {
  /** Presence is turned on in the sync settings. */
  enabled: boolean;
  peers: PresencePeer[];
  /** Report this window's selection (throttled); a no-op while presence is off. */
  reportSelection(editor: Editor, content: Y.XmlText): void;
}

export function usePresence(docId: string): Presence {
  const connection = useConnection();
  const api = connection.api;
  const [status] = useSyncStatus(docId);
  const enabled = status?.presence.enabled === true;
  const [peers, setPeers] = useState<PresencePeer[]>([]);
  const pending = useRef<{ anchor: string; focus: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef('');

  useEffect(() => {
    let live = true;
    const announce = () => {
      lastSent.current = keyOf(pending.current);
      void api.invoke('presence.here', { docId, cursor: pending.current }).then((r) => {
        if (live && r.ok) setPeers(r.value.peers);
      });
    };
    announce();
    const offChanged = api.on('presence.changed', (e) => {
      if (e.docId === docId) setPeers(e.peers);
    });
    // A restarted Core has forgotten that this window shows the meeting.
    const offReconnect = connection.onReconnect(announce);
    return () => {
      live = false;
      offChanged();
      offReconnect();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      void api.invoke('presence.leave', { docId });
    };
    // Turning presence on or off is announced again, so the Core answers with the peers at once.
  }, [api, connection, docId, enabled]);

  const reportSelection = useCallback(
    (editor: Editor, content: Y.XmlText) => {
      if (!enabled) return;
      // The newest selection always replaces the pending one (a move away and back within
      // the interval sends where the cursor is, not where it passed).
      pending.current = encodeSelection(editor, content);
      if (timer.current || keyOf(pending.current) === lastSent.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        const key = keyOf(pending.current);
        if (key === lastSent.current) return;
        lastSent.current = key;
        void api.invoke('presence.here', { docId, cursor: pending.current });
      }, CURSOR_EVERY_MS);
    },
    [api, docId, enabled],
  );

  return useMemo(() => ({ enabled, peers: enabled ? peers : [], reportSelection }), [enabled, peers, reportSelection]);
}

const keyOf = (cursor: { anchor: string; focus: string } | null) => (cursor ? `${cursor.anchor} ${cursor.focus}` : '');

export function encodeSelection(editor: Editor, content: Y.XmlText): { anchor: string; focus: string } | null {
  const sel = editor.selection;
  if (!sel) return null;
  try {
    const anchor = toBase64(Y.encodeRelativePosition(slatePointToRelativePosition(content, editor, sel.anchor)));
    const focus = toBase64(Y.encodeRelativePosition(slatePointToRelativePosition(content, editor, sel.focus)));
    return { anchor, focus };
  } catch {
    // The selection points at something the binding has not written yet: skip this report.
    return null;
  }
}

/** A peer's selection in this editor, or null when its positions are not (yet) in this replica. */
export function peerRange(editor: Editor, content: Y.XmlText, peer: PresencePeer): BaseRange | null {
  if (!peer.cursor) return null;
  try {
    const anchor = relativePositionToSlatePoint(content, editor, Y.decodeRelativePosition(fromBase64(peer.cursor.anchor)));
    const focus = relativePositionToSlatePoint(content, editor, Y.decodeRelativePosition(fromBase64(peer.cursor.focus)));
    return anchor && focus ? { anchor, focus } : null;
  } catch {
    return null;
  }
}

/** A stable colour per peer, from a palette with enough contrast against white for a 2 px caret. */
const COLOURS = ['#b3261e', '#1b6e3c', '#0b57d0', '#8e24aa', '#b35c00', '#00796b', '#c2185b', '#5d4037'];
export function peerColour(peer: PresencePeer): string {
  return COLOURS[Math.abs(peer.clientId) % COLOURS.length]!;
}
