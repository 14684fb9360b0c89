import { describe, expect, it } from 'vitest';
import {
  freezeNumbers,
  numberMeeting,
  subItemKey,
  type FrozenNumbers,
  type ItemInput,
  type ManagedMeeting,
  type MeetingInput,
  type MeetingNumbers,
} from '../../../src/numbering';
import { byId, codes, items, labels, numbersOf, points, seq, space } from './helpers';

const before: MeetingInput[] = [{ id: 'april', date: '2021-04-09', recorded: seq(1, 100) }];

function number(list: readonly ItemInput[], frozen?: FrozenNumbers, others: readonly MeetingInput[] = before): MeetingNumbers {
  const meeting: ManagedMeeting = { id: 'may', date: '2021-05-07', items: list };
  if (frozen !== undefined) meeting.frozen = frozen;
  return numberMeeting({ scheme: space, meeting, otherMeetings: others });
}

/** Starts the meeting: numbers it as it stands and freezes the result. */
function start(list: readonly ItemInput[]): FrozenNumbers {
  return freezeNumbers(number(list));
}

/** What the caller does after every change to a started meeting: store toFreeze. */
function persist(frozen: FrozenNumbers, m: MeetingNumbers): FrozenNumbers {
  return {
    items: { ...frozen.items, ...m.toFreeze.items },
    subItems: { ...frozen.subItems, ...m.toFreeze.subItems },
  };
}

const [a, b, c, d] = items('x', 4) as [ItemInput, ItemInput, ItemInput, ItemInput];

describe('before the start: numbers follow the order', () => {
  it.each([
    [[a, b, c, d], { x1: 101, x2: 102, x3: 103, x4: 104 }],
    [[d, c, b, a], { x4: 101, x3: 102, x2: 103, x1: 104 }],
    [[b, a, d, c], { x2: 101, x1: 102, x4: 103, x3: 104 }],
  ])('order %#', (order, expected) => {
    const m = number(order);
    expect(byId(m)).toEqual(expected);
    expect(numbersOf(m)).toEqual([101, 102, 103, 104]);
    expect(m.diagnostics).toEqual([]);
    expect(m.items.every((i) => !i.frozen)).toBe(true);
  });

  it('deleting an item before the start simply renumbers, no gap', () => {
    const m = number([a, c, d]);
    expect(byId(m)).toEqual({ x1: 101, x3: 102, x4: 103 });
    expect(m.diagnostics).toEqual([]);
  });
});

describe('freezeNumbers', () => {
  it('captures every item number and sub-item letter at the start', () => {
    const frozen = start([a, { id: 'ovr', subItems: [{ id: 's1' }, { id: 's2' }] }]);
    expect(frozen).toEqual({
      items: { x1: 101, ovr: 102 },
      subItems: { [subItemKey('ovr', 's1')]: 1, [subItemKey('ovr', 's2')]: 2 },
    });
  });

  it('merged with a previous map, keeps the entries of deleted items', () => {
    const frozen = start([a, b, c]);
    const afterDelete = number([a, c], frozen);
    expect(freezeNumbers(afterDelete, frozen).items).toEqual({ x1: 101, x2: 102, x3: 103 });
    expect(freezeNumbers(afterDelete).items).toEqual({ x1: 101, x3: 103 });
  });
});

describe('after the start: numbers stay with their items', () => {
  const frozen = start([a, b, c, d]);

  it('moving items does not renumber them', () => {
    const m = number([c, a, d, b], frozen);
    expect(byId(m)).toEqual({ x1: 101, x2: 102, x3: 103, x4: 104 });
    expect(labels(m)).toEqual(['§ 103', '§ 101', '§ 104', '§ 102']);
    expect(m.items.every((i) => i.frozen)).toBe(true);
    expect(m.toFreeze).toEqual({ items: {}, subItems: {} });
    expect(m.started).toBe(true);
  });

  it('reports the order as a note, not an error', () => {
    const m = number([a, c, b, d], frozen);
    expect(m.diagnostics.map((x) => [x.code, x.severity, x.numbers, x.itemIds])).toEqual([
      ['out-of-order', 'note', [103, 102], ['x3', 'x2']],
    ]);
    expect(m.diagnostics[0]?.sv).toBe('I mötet 2021-05-07 står § 103 före § 102.');
    expect(m.diagnostics[0]?.en).toBe('In the meeting of 2021-05-07, § 103 comes before § 102.');
  });

  it('moving an item back where it was leaves nothing to report', () => {
    expect(number([a, b, c, d], frozen).diagnostics).toEqual([]);
  });

  it('the span for the signatures still runs from the lowest to the highest', () => {
    expect(number([d, c, b, a], frozen).span).toBe('§ 101–§ 104');
  });

  it('a meeting earlier in the year changing afterwards does not renumber it: the clash is reported', () => {
    const grown: MeetingInput[] = [{ id: 'april', date: '2021-04-09', recorded: seq(1, 102) }];
    const m = number([a, b, c, d], frozen, grown);
    expect(numbersOf(m)).toEqual([101, 102, 103, 104]);
    expect(codes(m)).toEqual(['not-continuous', 'duplicate', 'duplicate']);
    expect(m.diagnostics.filter((x) => x.code === 'duplicate').map((x) => x.numbers)).toEqual([[101], [102]]);
  });
});

describe('after the start: adding items', () => {
  const frozen = start([a, b, c]);

  it('a new item gets the next number after the highest, wherever it is inserted', () => {
    const m = number([a, { id: 'new' }, b, c], frozen);
    expect(byId(m)).toEqual({ x1: 101, new: 104, x2: 102, x3: 103 });
    expect(m.items[1]?.frozen).toBe(false);
    expect(m.toFreeze).toEqual({ items: { new: 104 }, subItems: {} });
    expect(codes(m)).toEqual(['out-of-order']);
  });

  it('two new items are numbered in document order; once stored, moving them keeps their numbers', () => {
    const m1 = number([{ id: 'n1' }, a, b, { id: 'n2' }, c], frozen);
    expect(m1.toFreeze.items).toEqual({ n1: 104, n2: 105 });
    const stored = persist(frozen, m1);
    const m2 = number([{ id: 'n2' }, { id: 'n1' }, a, b, c], stored);
    expect(byId(m2)).toEqual({ n1: 104, n2: 105, x1: 101, x2: 102, x3: 103 });
    expect(m2.toFreeze).toEqual({ items: {}, subItems: {} });
  });

  it('an added item never reuses the number of a deleted one', () => {
    // § 103 deleted, then a new item added: it gets § 104, and § 103 is reported missing.
    const m = number([a, b, { id: 'new' }], frozen);
    expect(byId(m)).toEqual({ x1: 101, x2: 102, new: 104 });
    expect(m.diagnostics.map((x) => [x.code, x.numbers])).toEqual([['gap', [103]]]);
  });

  it('a meeting started with no items continues the year when the first item is added', () => {
    const empty = freezeNumbers(number([]));
    expect(empty).toEqual({ items: {}, subItems: {} });
    const m = number([{ id: 'first' }, { id: 'second' }], empty);
    expect(byId(m)).toEqual({ first: 101, second: 102 });
    expect(m.toFreeze.items).toEqual({ first: 101, second: 102 });
    expect(m.diagnostics).toEqual([]);
  });

  it('the next meeting continues after items added to a started one', () => {
    const m = number([a, b, c, { id: 'new' }], frozen);
    const stored = persist(frozen, m);
    const june = numberMeeting({
      scheme: space,
      meeting: { id: 'june', date: '2021-06-04', items: items('j', 2) },
      otherMeetings: [...before, { id: 'may', date: '2021-05-07', items: [a, b, c, { id: 'new' }], frozen: stored }],
    });
    expect(numbersOf(june)).toEqual([105, 106]);
  });
});

describe('after the start: deleting items', () => {
  const frozen = start([a, b, c, d]);

  it('leaves a gap, reported with the reason', () => {
    const m = number([a, c, d], frozen);
    expect(numbersOf(m)).toEqual([101, 103, 104]);
    expect(m.diagnostics).toHaveLength(1);
    expect(m.diagnostics[0]).toMatchObject({ code: 'gap', severity: 'warning', numbers: [102], meetingIds: ['may'] });
    expect(m.diagnostics[0]?.sv).toBe(
      '§ 102 saknas i mötet 2021-05-07: punkten togs bort efter att mötet startat, och numret används inte igen.',
    );
  });

  it('two adjacent deletions are one report for the run', () => {
    const m = number([a, d], frozen);
    expect(m.diagnostics.map((x) => [x.code, x.numbers])).toEqual([['gap', [102, 103]]]);
    expect(m.diagnostics[0]?.sv).toMatch(/^§§ 102–103 saknas i mötet 2021-05-07: punkterna togs bort/);
    expect(m.diagnostics[0]?.en).toMatch(/^§§ 102–103 are missing from the meeting of 2021-05-07/);
  });

  it('deleting the last item: the number stays used, so the next meeting continues after it, and the gap shows', () => {
    const m = number([a, b, c], frozen);
    expect([m.last, m.highest]).toEqual([103, 104]);
    expect(m.diagnostics.map((x) => [x.code, x.numbers])).toEqual([['gap', [104]]]);
    const june = numberMeeting({
      scheme: space,
      meeting: { id: 'june', date: '2021-06-04', items: items('j', 1) },
      otherMeetings: [...before, { id: 'may', date: '2021-05-07', items: [a, b, c], frozen }],
    });
    expect(numbersOf(june)).toEqual([105]);
  });

  it('deleting the first item: the gap is inside the meeting, not between meetings', () => {
    const m = number([b, c, d], frozen);
    expect(m.diagnostics.map((x) => [x.code, x.numbers, x.meetingIds])).toEqual([['gap', [101], ['may']]]);
  });
});

describe('sub-items freeze the same way, within their item', () => {
  const ovr = (subs: string[]): ItemInput => ({ id: 'ovr', subItems: subs.map((id) => ({ id })) });
  const frozen = start([a, ovr(['hbv', 'sign'])]);

  it('before the start, letters follow the order', () => {
    expect(number([a, ovr(['sign', 'hbv'])]).items[1]?.subItems.map((s) => [s.id, s.label])).toEqual([
      ['sign', 'a/'],
      ['hbv', 'b/'],
    ]);
  });

  it('after the start, moving a sub-item keeps its letter and is noted', () => {
    const m = number([a, ovr(['sign', 'hbv'])], frozen);
    expect(m.items[1]?.subItems.map((s) => [s.id, s.label, s.frozen])).toEqual([
      ['sign', 'b/', true],
      ['hbv', 'a/', true],
    ]);
    expect(m.diagnostics.map((x) => [x.code, x.sv])).toEqual([
      ['out-of-order', 'Under § 102 i mötet 2021-05-07 står b/ före a/.'],
    ]);
  });

  it('a sub-item added during the meeting ("med tillägg under övriga frågor") gets the next letter', () => {
    const m = number([a, ovr(['hbv', 'extra', 'sign'])], frozen);
    expect(m.items[1]?.subItems.map((s) => s.label)).toEqual(['a/', 'c/', 'b/']);
    expect(m.toFreeze).toEqual({ items: {}, subItems: { [subItemKey('ovr', 'extra')]: 3 } });
    expect(m.items[1]?.subItems[1]?.reference).toBe('§ 102c');
  });

  it('a deleted sub-item leaves its letter unused, reported', () => {
    const m = number([a, ovr(['sign'])], frozen);
    expect(m.items[1]?.subItems.map((s) => s.label)).toEqual(['b/']);
    expect(m.diagnostics.map((x) => [x.code, x.sv])).toEqual([
      ['gap', 'a/ saknas under § 102 i mötet 2021-05-07: togs bort efter att mötet startat, och bokstaven används inte igen.'],
    ]);
    const added = number([a, ovr(['sign', 'late'])], frozen);
    expect(added.items[1]?.subItems.map((s) => s.label)).toEqual(['b/', 'c/']);
  });

  it('an item added after the start brings its sub-items lettered from a/', () => {
    const m = number([a, ovr(['hbv', 'sign']), { id: 'new', subItems: [{ id: 'n1' }, { id: 'n2' }] }], frozen);
    expect(m.items[2]?.subItems.map((s) => s.label)).toEqual(['a/', 'b/']);
    expect(m.toFreeze).toEqual({
      items: { new: 103 },
      subItems: { [subItemKey('new', 'n1')]: 1, [subItemKey('new', 'n2')]: 2 },
    });
  });

  it('a sub-item moved to another item is lettered there as new; its old letter is reported missing', () => {
    const m = number([{ id: 'x1', subItems: [{ id: 'sign' }] }, ovr(['hbv'])], frozen);
    expect(m.items[0]?.subItems.map((s) => [s.label, s.frozen])).toEqual([['a/', false]]);
    expect(m.diagnostics.map((x) => [x.code, x.numbers])).toEqual([['gap', [102]]]);
    expect(m.diagnostics[0]?.sv).toMatch(/^b\/ saknas under § 102/);
  });
});

describe('stored numbers that make no sense are replaced and reported', () => {
  it.each([0, -3, 1.5, Number.NaN, '103'])('item number %o', (bad) => {
    const frozen = { items: { x1: 101, x2: bad as number, x3: 103 }, subItems: {} };
    const m = number([a, b, c], frozen);
    expect(byId(m)).toEqual({ x1: 101, x2: 104, x3: 103 });
    expect(m.toFreeze.items).toEqual({ x2: 104 });
    expect(codes(m)).toEqual(['invalid-frozen', 'gap', 'out-of-order']);
  });

  it('a sub-item letter', () => {
    const frozen = { items: { ovr: 101 }, subItems: { [subItemKey('ovr', 's1')]: 1, [subItemKey('ovr', 's2')]: -1 } };
    const m = number([{ id: 'ovr', subItems: [{ id: 's1' }, { id: 's2' }] }], frozen);
    expect(m.items[0]?.subItems.map((s) => s.label)).toEqual(['a/', 'b/']);
    expect(codes(m)).toEqual(['invalid-frozen']);
  });
});

describe('freezing in a points meeting', () => {
  it('works the same, with points labels and messages', () => {
    const meeting = (list: ItemInput[], frozen?: FrozenNumbers): MeetingNumbers =>
      numberMeeting({
        scheme: points,
        meeting: frozen === undefined ? { id: 'k', date: '2021-06-04', items: list } : { id: 'k', date: '2021-06-04', items: list, frozen },
        otherMeetings: [],
      });
    const frozen = freezeNumbers(meeting([a, b, c]));
    const m = meeting([c, a, { id: 'new' }], frozen);
    expect(labels(m)).toEqual(['3.', '1.', '4.']);
    expect(m.diagnostics.map((x) => x.sv)).toEqual([
      'Punkt 2 saknas i mötet 2021-06-04: punkten togs bort efter att mötet startat, och numret används inte igen.',
      'I mötet 2021-06-04 står punkt 3 före punkt 1.',
    ]);
    expect(m.diagnostics[0]?.en).toBe(
      'Item 2 is missing from the meeting of 2021-06-04: deleted after the meeting started; the number is not reused.',
    );
  });
});
