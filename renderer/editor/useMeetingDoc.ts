/**
 * Live reads of the meeting Y.Doc's small maps: `meta` (status, date, start time …) and the
 * frozen § numbers (`frozenItems`, `frozenSubItems`) that the Core writes when the meeting
 * starts and whenever items are added after the start. They arrive as Core-origin updates on
 * the replica, so observing the maps is enough: no polling, no second source of truth.
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { Meeting } from '../../src/api/contract';
import type { FrozenNumbers } from '../../src/numbering';

function useYMap<T>(doc: Y.Doc | null, name: string, read: (map: Y.Map<unknown>) => T, empty: T): T {
  const [value, setValue] = useState<T>(() => (doc ? read(doc.getMap(name)) : empty));
  useEffect(() => {
    if (!doc) return;
    const map = doc.getMap(name);
    const update = () => setValue(read(map));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc, name, read]);
  return value;
}

function numbersOf(map: Y.Map<unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  // Invalid values are passed on: the engine reports them (`invalid-frozen`) instead of us hiding them.
  map.forEach((v, k) => (out[k] = v as number));
  return out;
}

const noNumbers: Record<string, number> = {};

export function useFrozenNumbers(doc: Y.Doc | null): FrozenNumbers {
  const items = useYMap(doc, 'frozenItems', numbersOf, noNumbers);
  const subItems = useYMap(doc, 'frozenSubItems', numbersOf, noNumbers);
  return useMemo(() => ({ items, subItems }), [items, subItems]);
}

export type MeetingStatus = Meeting['status'];
const statusOrder: readonly MeetingStatus[] = ['planerat', 'pagar', 'avslutat', 'justerat'];

/** Status only moves forward: the furthest of what the document, the list and the last answer say. */
export function furthestStatus(...statuses: Array<MeetingStatus | null | undefined>): MeetingStatus {
  let best = 0;
  for (const s of statuses) if (s) best = Math.max(best, statusOrder.indexOf(s));
  return statusOrder[best]!;
}

export interface MeetingMeta {
  status: MeetingStatus | null;
  date: string | null;
  startTime: string | null;
}

const noMeta: MeetingMeta = { status: null, date: null, startTime: null };

function metaOf(map: Y.Map<unknown>): MeetingMeta {
  const str = (k: string) => {
    const v = map.get(k);
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const status = str('status');
  return {
    status: status && (statusOrder as readonly string[]).includes(status) ? (status as MeetingStatus) : null,
    date: str('date'),
    startTime: str('startTime'),
  };
}

export function useMeetingMeta(doc: Y.Doc | null): MeetingMeta {
  return useYMap(doc, 'meta', metaOf, noMeta);
}
