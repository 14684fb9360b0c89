/**
 * Two devices edit the same meeting, possibly offline. The document (a CRDT) converges to one
 * item order and one merged frozen map; numbers are computed from those, so both devices
 * must show the same labels, and never the same label twice.
 */
import { describe, expect, it } from 'vitest';
import {
  freezeNumbers,
  numberMeeting,
  numberYear,
  type FrozenNumbers,
  type ItemInput,
  type MeetingInput,
  type MeetingNumbers,
} from '../../../src/numbering';
import { byId, codes, items, labels, numbersOf, perMeeting, points, rng, seq, shuffle, space } from './helpers';

const before: MeetingInput[] = [{ id: 'april', date: '2021-04-09', recorded: seq(1, 100) }];

function number(list: readonly ItemInput[], frozen?: FrozenNumbers): MeetingNumbers {
  return numberMeeting({
    scheme: space,
    meeting: frozen === undefined ? { id: 'may', date: '2021-05-07', items: list } : { id: 'may', date: '2021-05-07', items: list, frozen },
    otherMeetings: before,
  });
}

/** A toy ordered-list replica: inserts after a given id, like a sequence CRDT does. */
type Op = { insert: string; after: string | null };
function apply(ops: readonly Op[], base: readonly string[]): string[] {
  const list = [...base];
  for (const op of ops) {
    const at = op.after === null ? 0 : list.indexOf(op.after) + 1;
    list.splice(at, 0, op.insert);
  }
  return list;
}

/** Y.Map semantics for two concurrent writers: per key, one of the writers wins. */
function mergeMaps(x: FrozenNumbers, y: FrozenNumbers, winner: 'x' | 'y'): FrozenNumbers {
  const [lo, hi] = winner === 'x' ? [y, x] : [x, y];
  return { items: { ...lo.items, ...hi.items }, subItems: { ...lo.subItems, ...hi.subItems } };
}

function assertUnique(m: MeetingNumbers): void {
  expect(new Set(labels(m)).size).toBe(m.items.length);
}

describe('before the start: numbers come from the merged order', () => {
  it('two insertion histories that end in the same order give the same, unique labels', () => {
    const base = ['a', 'b', 'c'];
    // Replica 1 inserted x after a, then y after b; replica 2 received them the other way round,
    // and also typed z at the front before syncing.
    const replica1 = apply(
      [
        { insert: 'x', after: 'a' },
        { insert: 'y', after: 'b' },
        { insert: 'z', after: null },
      ],
      base,
    );
    const replica2 = apply(
      [
        { insert: 'z', after: null },
        { insert: 'y', after: 'b' },
        { insert: 'x', after: 'a' },
      ],
      base,
    );
    expect(replica1).toEqual(replica2);
    const m1 = number(replica1.map((id) => ({ id })));
    const m2 = number(replica2.map((id) => ({ id })));
    expect(m1).toEqual(m2);
    expect(labels(m1)).toEqual(['§ 101', '§ 102', '§ 103', '§ 104', '§ 105', '§ 106']);
    assertUnique(m1);
  });

  it('any order of any items gives labels that are unique and contiguous, for every scheme', () => {
    const random = rng(2021);
    for (const scheme of [space, perMeeting, points]) {
      for (let round = 0; round < 50; round++) {
        const n = 1 + Math.floor(random() * 30);
        const list = shuffle(items('i', n), random);
        const year = numberYear(scheme, [{ id: 'm', date: '2021-05-07', items: list }]);
        const m = year.meetings[0];
        if (m === undefined) throw new Error('no meeting');
        assertUnique(m);
        expect(numbersOf(m)).toEqual(seq(1, n));
        expect(year.diagnostics).toEqual([]);
      }
    }
  });

  it('both devices planning the next meeting at once cannot give it overlapping numbers', () => {
    // Device A adds an item to May, device B adds one to June; after sync June starts after May.
    const may: MeetingInput = { id: 'may', date: '2021-05-07', items: [...items('m', 12), { id: 'fromA' }] };
    const june: MeetingInput = { id: 'june', date: '2021-06-04', items: [{ id: 'fromB' }, ...items('j', 3)] };
    const year = numberYear(space, [...before, june, may]);
    expect(year.meetings.map((m) => [m.first, m.last])).toEqual([
      [101, 113],
      [114, 117],
    ]);
    expect(year.diagnostics).toEqual([]);
  });
});

describe('after the start: concurrent additions', () => {
  const list = items('x', 3);
  const frozen = freezeNumbers(number(list));

  it('each device adds an item offline and stores § 104 for it: after sync, one keeps it, the other gets § 105', () => {
    const onA = number([...list, { id: 'fromA' }], frozen);
    const onB = number([{ id: 'fromB' }, ...list], frozen);
    expect(onA.toFreeze.items).toEqual({ fromA: 104 });
    expect(onB.toFreeze.items).toEqual({ fromB: 104 });

    // Different keys: the merged map has both entries, whichever device wins.
    const mergedMap = mergeMaps(
      { items: { ...frozen.items, ...onA.toFreeze.items }, subItems: {} },
      { items: { ...frozen.items, ...onB.toFreeze.items }, subItems: {} },
      'x',
    );
    const mergedOrder = [{ id: 'fromB' }, ...list, { id: 'fromA' }];
    const m = number(mergedOrder, mergedMap);
    expect(byId(m)).toEqual({ fromB: 104, x1: 101, x2: 102, x3: 103, fromA: 105 });
    assertUnique(m);
    expect(m.diagnostics.map((d) => [d.code, d.numbers, d.itemIds])).toEqual([
      ['conflict', [104, 105], ['fromA']],
      ['out-of-order', [104, 101], ['fromB', 'x1']],
    ]);
    expect(m.diagnostics[0]?.sv).toBe(
      '§ 104 hade getts till två punkter i mötet 2021-05-07, troligen vid samtidiga ändringar på två enheter. Punkten som står först behåller numret; den andra får § 105.',
    );
    expect(m.toFreeze.items).toEqual({ fromA: 105 });
  });

  it('both devices compute the same fix, and once it is stored the report goes away and numbers hold', () => {
    const merged: FrozenNumbers = { items: { ...frozen.items, fromA: 104, fromB: 104 }, subItems: {} };
    const order = [...list, { id: 'fromA' }, { id: 'fromB' }];
    const deviceA = number(order, merged);
    const deviceB = number(order, merged);
    expect(deviceA).toEqual(deviceB);
    // Both write the same value for the same key: any merge of the two writes agrees.
    const fixed: FrozenNumbers = { items: { ...merged.items, ...deviceA.toFreeze.items }, subItems: {} };
    const after = number([{ id: 'fromB' }, ...order.slice(0, 4)], fixed);
    expect(byId(after)).toEqual({ x1: 101, x2: 102, x3: 103, fromA: 104, fromB: 105 });
    expect(codes(after)).toEqual(['out-of-order']);
    expect(after.toFreeze).toEqual({ items: {}, subItems: {} });
  });

  it('concurrent sub-items under Övriga frågor: both devices add "c/", they end as c/ and d/', () => {
    const ovr = { id: 'ovr', subItems: [{ id: 's1' }, { id: 's2' }] };
    const f = freezeNumbers(number([ovr]));
    const onA = number([{ id: 'ovr', subItems: [...ovr.subItems, { id: 'subA' }] }], f);
    const onB = number([{ id: 'ovr', subItems: [...ovr.subItems, { id: 'subB' }] }], f);
    expect(onA.items[0]?.subItems.at(-1)?.label).toBe('c/');
    expect(onB.items[0]?.subItems.at(-1)?.label).toBe('c/');
    const merged: FrozenNumbers = {
      items: f.items,
      subItems: { ...f.subItems, ...onA.toFreeze.subItems, ...onB.toFreeze.subItems },
    };
    const m = number([{ id: 'ovr', subItems: [...ovr.subItems, { id: 'subA' }, { id: 'subB' }] }], merged);
    expect(m.items[0]?.subItems.map((s) => [s.id, s.label])).toEqual([
      ['s1', 'a/'],
      ['s2', 'b/'],
      ['subA', 'c/'],
      ['subB', 'd/'],
    ]);
    expect(codes(m)).toEqual(['conflict']);
  });
});

describe('after the start: two devices pressed start with different orders', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const c = { id: 'c' };
  const fromA = freezeNumbers(number([a, b, c])); // a=101 b=102 c=103
  const fromB = freezeNumbers(number([b, a, c])); // b=101 a=102 c=103

  it.each(['x', 'y'] as const)('whichever map entries win (%s), every number is unique', (winner) => {
    for (const order of [
      [a, b, c],
      [b, a, c],
    ]) {
      const m = number(order, mergeMaps(fromA, fromB, winner));
      assertUnique(m);
      expect(numbersOf(m).every((n) => n >= 101)).toBe(true);
    }
  });

  it('a per-key mix that collides is resolved by document order, and reported', () => {
    // a's entry from device A (101), b's from device B (101): both claim § 101.
    const mixed: FrozenNumbers = { items: { a: 101, b: 101, c: 103 }, subItems: {} };
    const m = number([a, b, c], mixed);
    expect(byId(m)).toEqual({ a: 101, b: 104, c: 103 });
    expect(m.diagnostics.map((d) => [d.code, d.numbers])).toEqual([
      ['conflict', [101, 104]],
      ['gap', [102]],
      ['out-of-order', [104, 103]],
    ]);
  });

  it('random merges of random concurrent additions always converge to unique labels', () => {
    const random = rng(99);
    for (let round = 0; round < 100; round++) {
      const baseList = items('b', 1 + Math.floor(random() * 8));
      const start = freezeNumbers(number(baseList));
      // Each of two devices adds 0–3 items at random places and stores what the engine gives.
      const device = (tag: string): { order: ItemInput[]; stored: FrozenNumbers } => {
        let order = [...baseList];
        let stored = start;
        const adds = Math.floor(random() * 4);
        for (let k = 0; k < adds; k++) {
          const at = Math.floor(random() * (order.length + 1));
          order = [...order.slice(0, at), { id: `${tag}${k}` }, ...order.slice(at)];
          const m = number(order, stored);
          stored = { items: { ...stored.items, ...m.toFreeze.items }, subItems: stored.subItems };
        }
        return { order, stored };
      };
      const one = device('p');
      const two = device('q');
      const mergedOrder = [...one.order, ...two.order.filter((i) => !one.order.some((o) => o.id === i.id))];
      const merged = mergeMaps(one.stored, two.stored, random() < 0.5 ? 'x' : 'y');
      const m1 = number(mergedOrder, merged);
      const m2 = number(mergedOrder, merged);
      expect(m1).toEqual(m2);
      assertUnique(m1);
      // Storing the fix settles it: numbering again changes nothing and reports no conflict.
      const settled = { items: { ...merged.items, ...m1.toFreeze.items }, subItems: merged.subItems };
      const again = number(mergedOrder, settled);
      expect(byId(again)).toEqual(byId(m1));
      expect(codes(again)).not.toContain('conflict');
      expect(again.toFreeze.items).toEqual({});
    }
  });
});
