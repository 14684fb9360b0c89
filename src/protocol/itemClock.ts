/**
 * The per-item clock: how long the item under discussion has gone on, against the time
 * planned for it. An item "starts" the first time the secretary writes in it while the
 * meeting is in progress (she moves on when the meeting does); the start times live in the
 * meeting document (`itemClock`: item id → epoch ms), so a reload, or the stand-in on another
 * computer, sees the same clock. The item under discussion is the one started last; an item's
 * time runs until the next item started. Going back to fix an earlier item's text does not
 * restart it: a start is written once.
 */
export interface ItemTiming {
  itemId: string;
  startedAt: number;
  /** Until the next item started, or until now for the one under discussion. */
  elapsedMs: number;
  plannedMs: number | null;
  over: boolean;
}

export interface ClockState {
  /** The item under discussion (started last), or null before any item started. */
  current: ItemTiming | null;
  /** Every started item, in the order they started. */
  items: ItemTiming[];
}

export function clockState(starts: ReadonlyMap<string, number>, plannedMinutes: (itemId: string) => number | null, now: number): ClockState {
  const started = [...starts]
    .filter(([, at]) => Number.isFinite(at))
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  const items = started.map(([itemId, startedAt], i): ItemTiming => {
    const until = i + 1 < started.length ? started[i + 1]![1] : now;
    const minutes = plannedMinutes(itemId);
    const plannedMs = minutes === null ? null : minutes * 60_000;
    const elapsedMs = Math.max(0, until - startedAt);
    return { itemId, startedAt, elapsedMs, plannedMs, over: plannedMs !== null && elapsedMs > plannedMs };
  });
  return { current: items.at(-1) ?? null, items };
}

/** "7:05", "1:02:30": minutes and seconds, hours only when there are any. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
