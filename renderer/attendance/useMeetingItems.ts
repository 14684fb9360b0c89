/**
 * The meeting's items for "present at § …" choices: titles from the meeting document (the
 * outline of its content, recomputed shortly after it changes), labels ("§ 103") from the
 * editor when it passes them, else from the Core's projection (meetings.items). Computed only
 * while something on screen offers the choice: converting a long document on every keystroke
 * would cost the editor its speed for nothing.
 */
import { useEffect, useState } from 'react';
import { yTextToSlateElement } from '@slate-yjs/core';
import * as Y from 'yjs';
import type { DocReplica } from '../../src/docs/DocReplica';
import { outline, type OutlineItem } from '../../src/protocol/schema';
import { useApi } from '../app/ConnectionContext';
import type { ItemChoice } from './attendanceModel';

const SETTLE_MS = 400;

export function readOutline(doc: Y.Doc): OutlineItem[] {
  try {
    return outline(yTextToSlateElement(doc.get('content', Y.XmlText)).children);
  } catch {
    // A document the binding cannot read yet (mid-sync): no items rather than a crash.
    return [];
  }
}

export function itemChoices(items: readonly OutlineItem[], labels: ReadonlyMap<string, string> | null): ItemChoice[] {
  return items.map((i) => ({ id: i.id, title: i.title, label: labels?.get(i.id) ?? null }));
}

export function useMeetingItems(replica: DocReplica, enabled: boolean, override?: ReadonlyMap<string, string>): ItemChoice[] {
  const api = useApi();
  const [items, setItems] = useState<OutlineItem[]>([]);
  const [labels, setLabels] = useState<ReadonlyMap<string, string> | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const content = replica.doc.get('content', Y.XmlText);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let active = true;
    const refresh = () => {
      setItems(readOutline(replica.doc));
      if (override) return;
      void api.invoke('meetings.items', { meetingId: replica.docId }).then((res) => {
        if (!active || !res.ok) return;
        setLabels(new Map(res.value.filter((r) => r.label !== null).map((r) => [r.id, r.label!])));
      });
    };
    const onChange = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(refresh, SETTLE_MS);
    };
    refresh();
    content.observeDeep(onChange);
    return () => {
      active = false;
      if (timer !== null) clearTimeout(timer);
      content.unobserveDeep(onChange);
    };
  }, [api, replica, enabled, override]);

  return itemChoices(items, override ?? labels);
}
