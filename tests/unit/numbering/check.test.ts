import { describe, expect, it } from 'vitest';
import { checkYear, compareMeetings, type Diagnostic, type SeriesMeeting } from '../../../src/numbering';
import { perMeeting, points, rng, seq, shuffle, slash, space } from './helpers';

const brief = (ds: Diagnostic[]): Array<[string, number[], string[]]> => ds.map((d) => [d.code, d.numbers, d.meetingIds]);

describe('a clean year reports nothing', () => {
  it.each([
    ['one meeting', [{ id: 'a', date: '2021-01-15', numbers: seq(1, 12) }]],
    [
      'three meetings continuing',
      [
        { id: 'a', date: '2021-01-15', numbers: seq(1, 12) },
        { id: 'b', date: '2021-02-12', numbers: seq(13, 20) },
        { id: 'c', date: '2021-03-12', numbers: seq(21, 21) },
      ],
    ],
    [
      'restart on 1 January',
      [
        { id: 'dec', date: '2021-12-17', numbers: seq(139, 150) },
        { id: 'nov', date: '2021-11-19', numbers: seq(1, 138) },
        { id: 'jan', date: '2022-01-14', numbers: seq(1, 9) },
      ],
    ],
    [
      'a meeting without items in between',
      [
        { id: 'a', date: '2021-01-15', numbers: seq(1, 5) },
        { id: 'b', date: '2021-02-12', numbers: [] },
        { id: 'c', date: '2021-03-12', numbers: seq(6, 8) },
      ],
    ],
    ['no meetings', []],
  ] as Array<[string, SeriesMeeting[]]>)('%s', (_, meetings) => {
    expect(checkYear(space, meetings)).toEqual([]);
  });
});

describe('gaps', () => {
  it('last meeting ended at § 100, next starts at § 102', () => {
    const ds = checkYear(space, [
      { id: 'apr', date: '2021-04-09', numbers: seq(87, 100) },
      { id: 'may', date: '2021-05-07', numbers: seq(102, 112) },
      { id: 'q1', date: '2021-03-12', numbers: seq(1, 86) },
    ]);
    expect(brief(ds)).toEqual([['gap', [101], ['apr', 'may']]]);
    expect(ds[0]?.sv).toBe('§ 101 saknas mellan mötena 2021-04-09 och 2021-05-07.');
    expect(ds[0]?.en).toBe('§ 101 is missing between the meetings of 2021-04-09 and 2021-05-07.');
    expect(ds[0]?.severity).toBe('warning');
  });

  it.each([
    [space, '§§ 101–103 saknas mellan mötena 2021-04-09 och 2021-05-07.', '§§ 101–103 are missing between the meetings of 2021-04-09 and 2021-05-07.'],
    [slash, '§§ 101–103/21 saknas mellan mötena 2021-04-09 och 2021-05-07.', '§§ 101–103/21 are missing between the meetings of 2021-04-09 and 2021-05-07.'],
  ])('a run of missing numbers is one report (%o)', (scheme, sv, en) => {
    const ds = checkYear(scheme, [
      { id: 'apr', date: '2021-04-09', numbers: seq(1, 100) },
      { id: 'may', date: '2021-05-07', numbers: seq(104, 110) },
    ]);
    expect(ds.map((d) => [d.sv, d.en])).toEqual([[sv, en]]);
    expect(ds[0]?.numbers).toEqual([101, 102, 103]);
  });

  it('inside a meeting, one report per run', () => {
    const ds = checkYear(space, [{ id: 'a', date: '2021-01-15', numbers: [1, 2, 4, 8, 9] }]);
    expect(brief(ds)).toEqual([
      ['gap', [3], ['a']],
      ['gap', [5, 6, 7], ['a']],
    ]);
    expect(ds.map((d) => d.sv)).toEqual(['§ 3 saknas i mötet 2021-01-15.', '§§ 5–7 saknas i mötet 2021-01-15.']);
  });

  it('withdrawn (retired) numbers are reported with the reason, unused ones without', () => {
    const ds = checkYear(space, [{ id: 'a', date: '2021-01-15', numbers: [1, 4], retired: [2] }]);
    expect(brief(ds)).toEqual([
      ['gap', [2], ['a']],
      ['gap', [3], ['a']],
    ]);
    expect(ds[0]?.sv).toContain('togs bort efter att mötet startat');
    expect(ds[1]?.sv).toBe('§ 3 saknas i mötet 2021-01-15.');
  });

  it('retired numbers count as used: the next meeting continues after them without a gap between', () => {
    const ds = checkYear(space, [
      { id: 'a', date: '2021-01-15', numbers: [1, 2], retired: [3] },
      { id: 'b', date: '2021-02-15', numbers: [4, 5] },
    ]);
    expect(brief(ds)).toEqual([['gap', [3], ['a']]]);
  });

  it('the first known meeting of a year that does not start at 1', () => {
    const ds = checkYear(space, [{ id: 'may', date: '2021-05-07', numbers: seq(87, 100) }]);
    expect(brief(ds)).toEqual([['gap', seq(1, 86), ['may']]]);
    expect(ds[0]?.sv).toBe('§§ 1–86 saknas före mötet 2021-05-07, det första kända mötet 2021.');
    expect(ds[0]?.en).toBe('§§ 1–86 are missing before the meeting of 2021-05-07, the first known meeting of 2021.');
  });
});

describe('duplicates', () => {
  it('the same number in two meetings', () => {
    const ds = checkYear(space, [
      { id: 'apr', date: '2021-04-09', numbers: seq(1, 100) },
      { id: 'may', date: '2021-05-07', numbers: seq(100, 105) },
    ]);
    expect(brief(ds)).toEqual([
      ['not-continuous', [100, 100], ['apr', 'may']],
      ['duplicate', [100], ['apr', 'may']],
    ]);
    expect(ds[1]?.sv).toBe('§ 100 förekommer i flera möten: 2021-04-09 och 2021-05-07.');
    expect(ds[1]?.en).toBe('§ 100 occurs in more than one meeting: 2021-04-09 and 2021-05-07.');
    expect(ds[1]?.severity).toBe('error');
  });

  it('names the items when their ids are known', () => {
    const ds = checkYear(space, [{ id: 'a', date: '2021-01-15', numbers: [1, 2, 2, 3], itemIds: ['w', 'x', 'y', 'z'] }]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: 'duplicate', numbers: [2], itemIds: ['x', 'y'] });
    expect(ds[0]?.sv).toBe('§ 2 förekommer 2 gånger i mötet 2021-01-15.');
  });

  it('in three meetings of the year, one report listing them all', () => {
    const ds = checkYear(space, [
      { id: 'a', date: '2021-01-15', numbers: [1, 2] },
      { id: 'b', date: '2021-02-15', numbers: [3] },
      { id: 'c', date: '2021-03-15', numbers: [4] },
      { id: 'd', date: '2021-04-15', numbers: [2, 5] },
      { id: 'e', date: '2021-05-15', numbers: [2, 6] },
    ]).filter((d) => d.code === 'duplicate');
    expect(ds).toHaveLength(1);
    expect(ds[0]?.meetingIds).toEqual(['a', 'd', 'e']);
    expect(ds[0]?.sv).toBe('§ 2 förekommer i flera möten: 2021-01-15, 2021-04-15 och 2021-05-15.');
  });

  it('the same number in two different years is no duplicate', () => {
    expect(
      checkYear(space, [
        { id: 'a', date: '2021-01-15', numbers: [1, 2] },
        { id: 'b', date: '2022-01-15', numbers: [1, 2] },
      ]),
    ).toEqual([]);
  });
});

describe('continuity and the restart', () => {
  it('a meeting that starts below where the year had reached', () => {
    const ds = checkYear(space, [
      { id: 'apr', date: '2021-04-09', numbers: seq(1, 100) },
      { id: 'may', date: '2021-05-07', numbers: seq(95, 97) },
    ]);
    expect(ds.map((d) => d.code)).toEqual(['not-continuous', 'duplicate', 'duplicate', 'duplicate']);
    expect(ds[0]?.sv).toBe('Mötet 2021-05-07 börjar på § 95, men numreringen hade redan nått § 100 i mötet 2021-04-09 (väntat: § 101).');
    expect(ds[0]?.en).toBe(
      'The meeting of 2021-05-07 starts at § 95, but numbering had already reached § 100 in the meeting of 2021-04-09 (expected § 101).',
    );
  });

  it('a series that does not restart on 1 January', () => {
    const ds = checkYear(space, [
      { id: 'dec', date: '2021-12-17', numbers: seq(1, 150) },
      { id: 'jan', date: '2022-01-14', numbers: seq(151, 160) },
    ]);
    expect(brief(ds)).toEqual([['no-restart', [150, 151], ['dec', 'jan']]]);
    expect(ds[0]?.sv).toBe(
      'Numreringen börjar inte om vid årsskiftet: mötet 2022-01-14 börjar på § 151 som en fortsättning på 2021 (väntat: § 1).',
    );
    expect(ds[0]?.severity).toBe('error');
  });

  it('slash-year labels in the restart report are the new year\'s', () => {
    const ds = checkYear(slash, [
      { id: 'dec', date: '2021-12-17', numbers: seq(1, 150) },
      { id: 'jan', date: '2022-01-14', numbers: [151] },
    ]);
    expect(ds[0]?.sv).toContain('börjar på § 151/22');
    expect(ds[0]?.sv).toContain('(väntat: § 1/22)');
  });

  it('a late start in January that does not continue December is a gap, not a missed restart', () => {
    const ds = checkYear(space, [
      { id: 'dec', date: '2021-12-17', numbers: seq(1, 150) },
      { id: 'jan', date: '2022-01-14', numbers: seq(3, 5) },
    ]);
    expect(brief(ds)).toEqual([['gap', [1, 2], ['jan']]]);
  });
});

describe('order', () => {
  it('out of document order is a note, one per descent', () => {
    const ds = checkYear(space, [{ id: 'a', date: '2021-01-15', numbers: [1, 3, 2, 5, 4], itemIds: ['p', 'q', 'r', 's', 't'] }]);
    expect(ds.map((d) => [d.code, d.severity, d.numbers, d.itemIds])).toEqual([
      ['out-of-order', 'note', [3, 2], ['q', 'r']],
      ['out-of-order', 'note', [5, 4], ['s', 't']],
    ]);
  });

  it('two meetings on the same day with the same (or no) sort key', () => {
    const ds = checkYear(space, [
      { id: 'x', date: '2021-05-07', sortKey: '09:00', numbers: [1] },
      { id: 'y', date: '2021-05-07', sortKey: '09:00', numbers: [2] },
    ]);
    expect(brief(ds)).toEqual([['ambiguous-order', [], ['x', 'y']]]);
  });

  it('compareMeetings: date, then sort key (missing first), then id', () => {
    const ms = [
      { id: 'c', date: '2021-05-07', sortKey: '13:00' },
      { id: 'b', date: '2021-05-07' },
      { id: 'a', date: '2021-05-07', sortKey: '09:00' },
      { id: 'z', date: '2021-01-01', sortKey: '23:00' },
      { id: 'a2', date: '2021-05-07' },
    ];
    expect([...ms].sort(compareMeetings).map((m) => m.id)).toEqual(['z', 'a2', 'b', 'a', 'c']);
  });

  it('the report does not depend on the order the meetings are given in', () => {
    const meetings: SeriesMeeting[] = [
      { id: 'a', date: '2021-01-15', numbers: [1, 2, 2] },
      { id: 'b', date: '2021-02-15', numbers: [5, 4] },
      { id: 'c', date: '2021-03-15', numbers: [3] },
      { id: 'd', date: '2022-01-15', numbers: [7] },
    ];
    const expected = checkYear(space, meetings);
    expect(expected.length).toBeGreaterThan(3);
    const random = rng(42);
    for (let i = 0; i < 20; i++) expect(checkYear(space, shuffle(meetings, random))).toEqual(expected);
  });
});

describe('per-meeting and points schemes: every meeting on its own', () => {
  it.each([
    [perMeeting, '§ 1 saknas i mötet 2021-10-15.', '§ 1 is missing from the meeting of 2021-10-15.'],
    [points, 'Punkt 1 saknas i mötet 2021-10-15.', 'Item 1 is missing from the meeting of 2021-10-15.'],
  ] as const)('%o: a meeting must start at 1', (scheme, sv, en) => {
    const ds = checkYear(scheme, [
      { id: 'a', date: '2021-09-10', numbers: seq(1, 16) },
      { id: 'b', date: '2021-10-15', numbers: seq(2, 5) },
    ]);
    expect(ds.map((d) => [d.code, d.sv, d.en])).toEqual([['gap', sv, en]]);
  });

  it('points: duplicates and gaps in "punkt" words', () => {
    const ds = checkYear(points, [{ id: 'k', date: '2021-06-04', numbers: [1, 2, 2, 5] }]);
    expect(ds.map((d) => d.sv)).toEqual([
      'Punkterna 3–4 saknas i mötet 2021-06-04.',
      'Punkt 2 förekommer 2 gånger i mötet 2021-06-04.',
    ]);
    expect(ds.map((d) => d.en)).toEqual(['Items 3–4 are missing from the meeting of 2021-06-04.', 'Item 2 occurs 2 times in the meeting of 2021-06-04.']);
  });

  it('no continuity, restart or same-day checks apply', () => {
    expect(
      checkYear(perMeeting, [
        { id: 'a', date: '2021-12-17', numbers: seq(1, 9) },
        { id: 'b', date: '2021-12-17', numbers: seq(1, 3) },
        { id: 'c', date: '2022-01-14', numbers: seq(1, 4) },
      ]),
    ).toEqual([]);
  });
});

describe('the Skåne sample as numbers (per-meeting): § 11 → § 13, and § 15 twice', () => {
  it('reports the gap and the duplicate, and changes nothing', () => {
    const numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 15];
    const meeting: SeriesMeeting = { id: 'skane', date: '2021-10-15', numbers };
    const ds = checkYear(perMeeting, [meeting]);
    expect(ds.map((d) => [d.code, d.numbers])).toEqual([
      ['gap', [12]],
      ['out-of-order', [16, 15]],
      ['duplicate', [15]],
    ]);
    expect(meeting.numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 15]);
  });
});

describe('input checkYear refuses', () => {
  it.each([
    ['a meeting id twice', [{ id: 'a', date: '2021-01-01', numbers: [1] }, { id: 'a', date: '2021-02-01', numbers: [2] }]],
    ['number 0', [{ id: 'a', date: '2021-01-01', numbers: [0] }]],
    ['a fraction', [{ id: 'a', date: '2021-01-01', numbers: [1.5] }]],
    ['a retired number -1', [{ id: 'a', date: '2021-01-01', numbers: [1], retired: [-1] }]],
    ['item ids not matching the numbers', [{ id: 'a', date: '2021-01-01', numbers: [1, 2], itemIds: ['x'] }]],
    ['a bad date', [{ id: 'a', date: '2021-00-01', numbers: [1] }]],
  ] as Array<[string, SeriesMeeting[]]>)('%s', (_, meetings) => {
    expect(() => checkYear(space, meetings)).toThrow(RangeError);
  });
});
