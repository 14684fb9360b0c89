/**
 * The optional per-item clock above the text: "§ 5 · 12:04 av 10 min", red past the plan.
 * While the meeting is in progress (`recording`), the first time she writes in an item
 * starts its clock (written once into the meeting document's `itemClock` map, so it survives
 * a reload and syncs); the rules are src/protocol/itemClock.ts's. The time itself is a timer
 * (not read aloud every second); passing the plan is said once, politely.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactEditor, useSlateSelector, useSlateStatic } from 'slate-react';
import type { Editor } from 'slate';
import * as Y from 'yjs';
import { clockState, formatElapsed } from '../../src/protocol/itemClock';
import type { OutlineItem } from '../../src/protocol/schema';
import { useYMap } from '../bodies/useYMap';
import { AppEditor } from './AppEditor';
import type { MeetingNumbering } from './numbering';

const currentItemIndex = (e: Editor) => AppEditor.currentItemIndex(e);

function readStarts(map: Y.Map<unknown>): ReadonlyMap<string, number> {
  const starts = new Map<string, number>();
  map.forEach((v, k) => {
    if (typeof v === 'number') starts.set(k, v);
  });
  return starts;
}
const NO_STARTS: ReadonlyMap<string, number> = new Map();

export function ItemClock({ doc, items, numbering, recording }: { doc: Y.Doc; items: readonly OutlineItem[]; numbering: MeetingNumbering; recording: boolean }) {
  const { t } = useTranslation();
  const map = useMemo(() => doc.getMap('itemClock'), [doc]);
  const starts = useYMap(map, readStarts, NO_STARTS);
  const index = useSlateSelector(currentItemIndex);
  const cursorItemId = index >= 0 ? (items[index]?.id ?? null) : null;

  // An item starts when she first writes in it: input, not the cursor alone (opening the
  // meeting puts the cursor at the end; arrowing through the text passes every item).
  const editor = useSlateStatic();
  const latest = useRef({ recording, cursorItemId });
  latest.current = { recording, cursorItemId };
  useEffect(() => {
    const root = ReactEditor.toDOMNode(editor, editor);
    const onInput = () => {
      const { recording: on, cursorItemId: id } = latest.current;
      if (on && id !== null && !map.has(id)) map.set(id, Date.now());
    };
    root.addEventListener('beforeinput', onInput);
    return () => root.removeEventListener('beforeinput', onInput);
  }, [editor, map]);

  const [now, setNow] = useState(() => Date.now());
  const running = recording && starts.size > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const planned = useMemo(() => {
    const byId = new Map(items.map((i) => [i.id, i.plannedMinutes]));
    return (id: string) => byId.get(id) ?? null;
  }, [items]);
  // Not recording (planned, or ended): the clock stands at the last moment an item started.
  const lastStart = Math.max(0, ...starts.values());
  const { current } = clockState(starts, planned, running ? Math.max(now, lastStart) : lastStart);
  const label = current ? (numbering.items.get(current.itemId)?.label ?? '§') : '';
  const plannedMinutes = current?.plannedMs != null ? current.plannedMs / 60_000 : null;

  return (
    <div className="item-clock" data-testid="item-clock" data-over={current?.over ? 'true' : undefined} data-item-id={current?.itemId}>
      {current ? (
        <span role="timer" aria-label={t('itemClock.label')}>
          {plannedMinutes !== null
            ? t('itemClock.withPlan', { label, elapsed: formatElapsed(current.elapsedMs), planned: plannedMinutes })
            : t('itemClock.noPlan', { label, elapsed: formatElapsed(current.elapsedMs) })}
        </span>
      ) : (
        <span className="muted">{recording ? t('itemClock.waiting') : t('itemClock.notStarted')}</span>
      )}
      {/* Said once, when the item passes its plan: the text stays the same after that. */}
      <span role="status" className="visually-hidden" data-testid="item-clock-announcement">
        {current?.over && plannedMinutes !== null ? t('itemClock.over', { label, planned: plannedMinutes }) : ''}
      </span>
    </div>
  );
}
