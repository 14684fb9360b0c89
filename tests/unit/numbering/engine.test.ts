import { describe, expect, it } from 'vitest';
import {
  freezeNumbers,
  numberMeeting,
  numberYear,
  type ManagedMeeting,
  type MeetingInput,
  type NumberingScheme,
} from '../../../src/numbering';
import { codes, items, labels, nospace, numbersOf, perMeeting, points, rng, seq, shuffle, slash, space } from './helpers';

/** The LSVO agenda of 2021-05-07: twelve items, Övriga frågor with a/ and b/. */
const lsvoItems = [
  ...items('l', 11),
  { id: 'l12', subItems: [{ id: 'hbv' }, { id: 'underskrifter' }] },
];

describe('yearly: the LSVO case', () => {
  // 2021-04-09 ended at § 100 (its numbers frozen when it started); 2021-05-07 follows.
  const april: ManagedMeeting = {
    id: 'lsvo-0409',
    date: '2021-04-09',
    items: items('a', 14),
    frozen: freezeNumbers(
      numberMeeting({
        scheme: space,
        meeting: { id: 'lsvo-0409', date: '2021-04-09', items: items('a', 14) },
        otherMeetings: [{ id: 'q1', date: '2021-03-12', recorded: seq(1, 86) }],
      }),
    ),
  };
  const earlier: MeetingInput[] = [{ id: 'q1', date: '2021-03-12', recorded: seq(1, 86) }, april];
  const may: ManagedMeeting = { id: 'lsvo-0507', date: '2021-05-07', items: lsvoItems };

  it('the April meeting holds § 87–100', () => {
    expect(Object.values(april.frozen?.items ?? {})).toEqual(seq(87, 100));
  });

  it('starts at § 101 and runs to § 112', () => {
    const m = numberMeeting({ scheme: space, meeting: may, otherMeetings: earlier });
    expect(labels(m)).toEqual(seq(101, 112).map((n) => `§ ${n}`));
    expect([m.first, m.last, m.highest]).toEqual([101, 112, 112]);
    expect(m.diagnostics).toEqual([]);
    expect(m.started).toBe(false);
    expect(m.toFreeze).toEqual({ items: {}, subItems: {} });
  });

  it('Övriga frågor (§ 112) has a/ and b/, cited as §112a / §112b in the nospace format', () => {
    const m = numberMeeting({ scheme: nospace, meeting: may, otherMeetings: earlier });
    const ovriga = m.items[11];
    expect(ovriga?.label).toBe('§112');
    expect(ovriga?.subItems.map((s) => [s.id, s.label, s.reference])).toEqual([
      ['hbv', 'a/', '§112a'],
      ['underskrifter', 'b/', '§112b'],
    ]);
    expect(m.span).toBe('§101–§112');
  });

  it('items without sub-items have none', () => {
    const m = numberMeeting({ scheme: space, meeting: may, otherMeetings: earlier });
    expect(m.items.slice(0, 11).every((i) => i.subItems.length === 0)).toBe(true);
  });

  it('the input order of the meetings does not matter', () => {
    const random = rng(7);
    const expected = numberYear(space, [...earlier, may]);
    for (let i = 0; i < 20; i++) {
      expect(numberYear(space, shuffle([...earlier, may], random))).toEqual(expected);
    }
  });
});

describe('yearly: where a meeting starts', () => {
  it('the first meeting of the year starts at § 1', () => {
    const m = numberMeeting({ scheme: space, meeting: { id: 'm', date: '2021-01-15', items: items('i', 3) }, otherMeetings: [] });
    expect(labels(m)).toEqual(['§ 1', '§ 2', '§ 3']);
  });

  it('chains through meetings that have not started yet (counts, not stored numbers)', () => {
    const year = numberYear(space, [
      { id: 'c', date: '2021-03-01', items: items('c', 2) },
      { id: 'a', date: '2021-01-10', items: items('a', 5) },
      { id: 'b', date: '2021-02-01', items: items('b', 4) },
    ]);
    expect(year.meetings.map((m) => [m.meetingId, m.first, m.last])).toEqual([
      ['a', 1, 5],
      ['b', 6, 9],
      ['c', 10, 11],
    ]);
  });

  it('adding an item to a meeting not yet started shifts the later unstarted meetings, and only those', () => {
    const before = numberYear(space, [
      { id: 'a', date: '2021-01-10', items: items('a', 5) },
      { id: 'b', date: '2021-02-01', items: items('b', 4) },
    ]);
    const after = numberYear(space, [
      { id: 'a', date: '2021-01-10', items: [...items('a', 5), { id: 'new' }] },
      { id: 'b', date: '2021-02-01', items: items('b', 4) },
    ]);
    expect(numbersOf(before.meetings[1]!)).toEqual([6, 7, 8, 9]);
    expect(numbersOf(after.meetings[1]!)).toEqual([7, 8, 9, 10]);
  });

  it('a later meeting never changes an earlier one', () => {
    const a = { id: 'a', date: '2021-01-10', items: items('a', 5) };
    const alone = numberYear(space, [a]).meetings[0];
    const withLater = numberYear(space, [a, { id: 'z', date: '2021-06-01', items: items('z', 40) }]).meetings[0];
    expect(withLater).toEqual(alone);
  });

  it('a meeting with no items uses no numbers', () => {
    const year = numberYear(space, [
      { id: 'a', date: '2021-01-10', items: items('a', 3) },
      { id: 'empty', date: '2021-02-01', items: [] },
      { id: 'c', date: '2021-03-01', items: items('c', 2) },
    ]);
    const [, empty, c] = year.meetings;
    expect([empty?.first, empty?.last, empty?.highest, empty?.span]).toEqual([null, null, null, null]);
    expect(numbersOf(c!)).toEqual([4, 5]);
    expect(year.diagnostics).toEqual([]);
  });

  it('continues after an imported (recorded) meeting, from its highest number', () => {
    const m = numberMeeting({
      scheme: space,
      meeting: { id: 'm', date: '2021-05-07', items: items('i', 2) },
      otherMeetings: [{ id: 'old', date: '2021-04-09', recorded: [87, 88, 90, 89, 100] }],
    });
    expect(numbersOf(m)).toEqual([101, 102]);
  });

  it.each([
    ['same date, earlier start time', { sortKey: '09:00' }, { sortKey: '13:00' }, ['early', 'late']],
    ['same date, later start time', { sortKey: '15:00' }, { sortKey: '13:00' }, ['late', 'early']],
  ] as const)('%s decides which of two same-day meetings is previous', (_, earlyKey, lateKey, order) => {
    const year = numberYear(space, [
      { id: 'late', date: '2021-05-07', items: items('l', 2), ...lateKey },
      { id: 'early', date: '2021-05-07', items: items('e', 3), ...earlyKey },
    ]);
    expect(year.meetings.map((m) => m.meetingId)).toEqual(order);
    expect(year.meetings.map((m) => m.first)).toEqual([1, order[0] === 'early' ? 4 : 3]);
    expect(year.diagnostics).toEqual([]);
  });

  it('two same-day meetings without start times: ordered by id, and reported', () => {
    const year = numberYear(space, [
      { id: 'm-b', date: '2021-05-07', items: items('b', 2) },
      { id: 'm-a', date: '2021-05-07', items: items('a', 2) },
    ]);
    expect(year.meetings.map((m) => [m.meetingId, m.first])).toEqual([
      ['m-a', 1],
      ['m-b', 3],
    ]);
    expect(codes(year)).toEqual(['ambiguous-order']);
    expect(year.diagnostics[0]?.meetingIds).toEqual(['m-a', 'm-b']);
    expect(year.diagnostics[0]?.sv).toContain('starttid');
  });
});

describe('yearly: restart on 1 January', () => {
  const december: MeetingInput = { id: 'dec', date: '2021-12-17', recorded: seq(139, 150) };
  const januari: ManagedMeeting = { id: 'jan', date: '2022-01-14', items: items('j', 4) };

  it('2021-12-17 ended at § 150; 2022-01-14 starts at § 1', () => {
    const m = numberMeeting({ scheme: space, meeting: januari, otherMeetings: [december] });
    expect(labels(m)).toEqual(['§ 1', '§ 2', '§ 3', '§ 4']);
    expect(m.diagnostics).toEqual([]);
  });

  it('slash-year: "§ 150/21" in December, "§ 1/22" in January', () => {
    const year = numberYear(slash, [
      { id: 'dec', date: '2021-12-17', items: items('d', 150) },
      januari,
    ]);
    expect(year.meetings[0]?.items.at(-1)?.label).toBe('§ 150/21');
    expect(labels(year.meetings[1]!)).toEqual(['§ 1/22', '§ 2/22', '§ 3/22', '§ 4/22']);
    expect(year.meetings[1]?.span).toBe('§ 1/22–§ 4/22');
    expect(year.meetings[1]?.items[0]?.reference).toBe('§ 1/22');
  });

  it('31 December and 1 January are different years', () => {
    const year = numberYear(space, [
      { id: 'nye', date: '2021-12-31', items: items('a', 2) },
      { id: 'ny', date: '2022-01-01', items: items('b', 2) },
    ]);
    expect(year.meetings.map((m) => m.first)).toEqual([1, 1]);
  });

  it('an earlier year does not feed a later one, whatever the order given', () => {
    const year = numberYear(space, [
      { id: '2023', date: '2023-02-01', items: items('c', 2) },
      { id: '2021', date: '2021-02-01', items: items('a', 9) },
      { id: '2022', date: '2022-02-01', items: items('b', 5) },
    ]);
    expect(year.meetings.map((m) => [m.meetingId, m.first, m.last])).toEqual([
      ['2021', 1, 9],
      ['2022', 1, 5],
      ['2023', 1, 2],
    ]);
  });
});

describe('schemes that restart every meeting', () => {
  it.each([
    [perMeeting, ['§ 1', '§ 2', '§ 3'], '§ 2a'],
    [points, ['1.', '2.', '3.'], 'punkt 2a'],
  ] as const)('%o: every meeting starts at 1, and no year logic applies', (scheme, expected, subRef) => {
    const meetings: MeetingInput[] = [
      { id: 'a', date: '2021-09-10', items: items('a', 7) },
      { id: 'b', date: '2021-10-15', items: [{ id: 'b1' }, { id: 'b2', subItems: [{ id: 's' }] }, { id: 'b3' }] },
      { id: 'old', date: '2021-08-01', recorded: [1, 2, 3, 4] },
    ];
    const year = numberYear(scheme, meetings);
    expect(labels(year.meetings[0]!)).toEqual([...expected, ...seq(4, 7).map((n) => (scheme.kind === 'points' ? `${n}.` : `§ ${n}`))]);
    expect(labels(year.meetings[1]!)).toEqual(expected);
    expect(year.meetings[1]?.items[1]?.subItems[0]?.reference).toBe(subRef);
    expect(year.diagnostics).toEqual([]);
  });

  it('the same number in two meetings is not a duplicate for per-meeting schemes', () => {
    const year = numberYear(perMeeting, [
      { id: 'a', date: '2021-09-10', items: items('a', 3) },
      { id: 'b', date: '2021-09-10', items: items('b', 3) },
    ]);
    expect(year.diagnostics).toEqual([]);
  });
});

describe('numberMeeting and numberYear agree', () => {
  it('numberMeeting returns the meeting as numberYear numbers it, with the reports that name it', () => {
    const meetings: ManagedMeeting[] = [
      { id: 'a', date: '2021-01-10', items: items('a', 3) },
      { id: 'b', date: '2021-02-10', items: items('b', 3) },
      { id: 'c', date: '2021-03-10', items: items('c', 3) },
    ];
    const year = numberYear(space, meetings);
    for (const m of meetings) {
      expect(numberMeeting({ scheme: space, meeting: m, otherMeetings: meetings })).toEqual(
        year.meetings.find((y) => y.meetingId === m.id),
      );
    }
  });

  it('a report naming two meetings appears in both meetings\' diagnostics, once in the year', () => {
    const year = numberYear(space, [
      { id: 'old', date: '2021-04-09', recorded: seq(1, 100) },
      { id: 'a', date: '2021-05-07', items: items('a', 2), frozen: { items: { a1: 102, a2: 103 }, subItems: {} } },
    ]);
    const gaps = year.diagnostics.filter((d) => d.code === 'gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.sv).toBe('§ 101 saknas mellan mötena 2021-04-09 och 2021-05-07.');
    expect(year.meetings[0]?.diagnostics).toEqual(gaps);
  });
});

describe('input that cannot be numbered is refused, loudly', () => {
  const scheme: NumberingScheme = space;
  it.each([
    ['a meeting id twice', [{ id: 'x', date: '2021-01-01', items: [] }, { id: 'x', date: '2021-02-01', items: [] }]],
    ['a date that is not a date', [{ id: 'x', date: '2021-02-30', items: [] }]],
    ['a date that is not ISO', [{ id: 'x', date: '7 maj 2021', items: [] }]],
    ['a recorded number 0', [{ id: 'x', date: '2021-01-01', recorded: [0] }]],
  ] as const)('%s', (_, meetings) => {
    expect(() => numberYear(scheme, meetings as readonly MeetingInput[])).toThrow(RangeError);
  });
});
