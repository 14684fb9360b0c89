/**
 * What a screen reader hears after an item moved: "§ 103 Budget flyttades till plats 2", and,
 * before the meeting has started (numbers follow the order), the new label too: "… – nu § 102".
 * The move is recorded before it happens (the old label), and the message is built once the
 * outline and the numbers of the new order have been computed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingNumbering, OutlineItem } from '../editor/numbering';

export interface MoveAnnouncer {
  message: string;
  /** Call just before moving the item. */
  recordMove(itemId: string): void;
  /** The recorded move did not happen (dropped where it was): nothing to announce. */
  cancelMove(): void;
}

export function useMoveAnnouncer(items: readonly OutlineItem[], numbering: MeetingNumbering): MoveAnnouncer {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const latest = useRef({ items, numbering });
  latest.current = { items, numbering };
  const pending = useRef<{ id: string; label: string } | null>(null);
  // An identical second message would not be announced again: alternate a trailing space.
  const toggle = useRef(false);

  const recordMove = useCallback((itemId: string) => {
    pending.current = { id: itemId, label: latest.current.numbering.items.get(itemId)?.label ?? '§' };
  }, []);
  const cancelMove = useCallback(() => {
    pending.current = null;
  }, []);

  useEffect(() => {
    const p = pending.current;
    if (!p) return;
    const index = items.findIndex((i) => i.id === p.id);
    if (index < 0) return;
    pending.current = null;
    const item = items[index]!;
    const now = numbering.items.get(p.id)?.label;
    const vars = { label: p.label, title: item.title || t('agenda.untitled'), position: index + 1, now };
    const text = now !== undefined && now !== p.label ? t('agenda.movedRenumbered', vars) : t('agenda.moved', vars);
    toggle.current = !toggle.current;
    setMessage(toggle.current ? text : `${text}\u00a0`);
  }, [items, numbering, t]);

  return { message, recordMove, cancelMove };
}
