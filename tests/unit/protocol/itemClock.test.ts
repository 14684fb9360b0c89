import { describe, expect, it } from 'vitest';
import { clockState, formatElapsed } from '../../../src/protocol/itemClock';

const MIN = 60_000;
const plans = new Map<string, number>([
  ['a', 10],
  ['b', 5],
]);
const planned = (id: string) => plans.get(id) ?? null;

describe('clockState', () => {
  it('has no current item before any item started', () => {
    expect(clockState(new Map(), planned, 1_000)).toEqual({ current: null, items: [] });
  });

  it('runs the item started last until now, and each earlier item until the next one started', () => {
    const t0 = 1_700_000_000_000;
    const starts = new Map([
      ['b', t0 + 12 * MIN],
      ['a', t0],
      ['c', t0 + 15 * MIN],
    ]);
    const state = clockState(starts, planned, t0 + 18 * MIN);
    expect(state.items.map((i) => [i.itemId, i.elapsedMs / MIN, i.over])).toEqual([
      ['a', 12, true],
      ['b', 3, false],
      ['c', 3, false],
    ]);
    expect(state.current).toMatchObject({ itemId: 'c', plannedMs: null, over: false });
  });

  it('is over only past the plan, not at it', () => {
    const starts = new Map([['b', 0]]);
    expect(clockState(starts, planned, 5 * MIN).current?.over).toBe(false);
    expect(clockState(starts, planned, 5 * MIN + 1).current?.over).toBe(true);
  });

  it('never shows negative time when another computer’s clock is ahead, and ignores broken entries', () => {
    const state = clockState(new Map([['a', 10_000], ['x', Number.NaN]]), planned, 4_000);
    expect(state.items).toHaveLength(1);
    expect(state.current?.elapsedMs).toBe(0);
  });
});

describe('formatElapsed', () => {
  it('writes minutes and seconds, and hours when there are any', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(7 * MIN + 5_000)).toBe('7:05');
    expect(formatElapsed(62 * MIN + 30_000)).toBe('1:02:30');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});
