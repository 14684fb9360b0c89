import { describe, expect, it } from 'vitest';
import {
  formatLabel,
  formatRange,
  formatReference,
  numberingSchemeSchema,
  subItemIndex,
  subItemLabel,
  subItemLetter,
  twoDigitYear,
  yearOf,
  type NumberingScheme,
} from '../../../src/numbering';

const space: NumberingScheme = { kind: 'yearly', format: 'space' };
const nospace: NumberingScheme = { kind: 'yearly', format: 'nospace' };
const slash: NumberingScheme = { kind: 'yearly', format: 'slash-year' };
const perMeeting: NumberingScheme = { kind: 'per-meeting', format: 'paragraph' };
const points: NumberingScheme = { kind: 'points' };

describe('formatLabel', () => {
  it.each([
    [space, 101, '2021-05-07', '§ 101'],
    [nospace, 101, '2021-05-07', '§101'],
    [slash, 81, '2024-05-24', '§ 81/24'],
    [slash, 1, '2022-01-14', '§ 1/22'],
    [slash, 7, '2001-03-01', '§ 7/01'],
    [slash, 7, '2000-03-01', '§ 7/00'],
    [perMeeting, 1, '2021-10-15', '§ 1'],
    [points, 1, '2021-06-04', '1.'],
    [points, 15, '2021-06-04', '15.'],
  ] as const)('%o %i on %s → %s', (scheme, n, date, label) => {
    expect(formatLabel(scheme, n, date)).toBe(label);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the number %d', (n) => {
    expect(() => formatLabel(space, n, '2021-05-07')).toThrow(RangeError);
  });

  it.each(['2021-13-01', '2021-02-29', '2021-04-31', '21-05-07', '2021-5-7', '', '2021-05-07T10:00'])(
    'refuses the date %s, whatever the scheme',
    (date) => {
      expect(() => formatLabel(space, 1, date)).toThrow(RangeError);
      expect(() => formatLabel(points, 1, date)).toThrow(RangeError);
    },
  );

  it('accepts 29 February in a leap year (and 2000, but not 1900)', () => {
    expect(formatLabel(slash, 3, '2024-02-29')).toBe('§ 3/24');
    expect(yearOf('2000-02-29')).toBe(2000);
    expect(() => yearOf('1900-02-29')).toThrow(RangeError);
    expect(twoDigitYear('1999-12-31')).toBe('99');
  });
});

describe('sub-item letters', () => {
  it.each([
    [1, 'a'],
    [2, 'b'],
    [3, 'c'],
    [26, 'z'],
    [27, 'aa'],
    [28, 'ab'],
    [52, 'az'],
    [53, 'ba'],
    [702, 'zz'],
    [703, 'aaa'],
  ])('%i → %s and back', (index, letters) => {
    expect(subItemLetter(index)).toBe(letters);
    expect(subItemIndex(letters)).toBe(index);
    expect(subItemLabel(index)).toBe(`${letters}/`);
  });

  it('round-trips every index up to 2000 and never repeats a letter', () => {
    const seen = new Set<string>();
    for (let i = 1; i <= 2000; i++) {
      const l = subItemLetter(i);
      expect(subItemIndex(l)).toBe(i);
      seen.add(l);
    }
    expect(seen.size).toBe(2000);
  });

  it.each(['', 'A', 'å', 'ä', 'ö', 'a1', 'a/', ' b'])('refuses %o as letters', (text) => {
    expect(subItemIndex(text)).toBeNull();
  });

  it('refuses index 0', () => {
    expect(() => subItemLetter(0)).toThrow(RangeError);
  });
});

describe('formatReference', () => {
  it.each([
    [space, 100, undefined, '2021-04-09', '§ 100'],
    [space, 100, 3, '2021-04-09', '§ 100c'],
    [nospace, 100, 3, '2021-04-09', '§100c'],
    [nospace, 95, undefined, '2021-04-09', '§95'],
    [slash, 81, undefined, '2024-05-24', '§ 81/24'],
    [slash, 81, 3, '2024-05-24', '§ 81c/24'],
    [perMeeting, 4, 2, '2021-10-15', '§ 4b'],
    [points, 3, undefined, '2021-06-04', 'punkt 3'],
    [points, 3, 1, '2021-06-04', 'punkt 3a'],
    [space, 112, 27, '2021-05-07', '§ 112aa'],
  ] as const)('%o %i sub %o → %s', (scheme, n, sub, date, text) => {
    expect(formatReference(scheme, n, date, sub)).toBe(text);
  });
});

describe('formatRange', () => {
  it.each([
    [nospace, 101, 112, '2021-05-07', '§101–§112'],
    [space, 101, 112, '2021-05-07', '§ 101–§ 112'],
    [slash, 81, 92, '2024-05-24', '§ 81/24–§ 92/24'],
    [space, 5, 5, '2021-05-07', '§ 5'],
    [points, 1, 15, '2021-06-04', 'punkt 1–15'],
  ] as const)('%o %i–%i → %s', (scheme, a, b, date, text) => {
    expect(formatRange(scheme, a, b, date)).toBe(text);
  });

  it('refuses a backwards range', () => {
    expect(() => formatRange(space, 5, 4, '2021-05-07')).toThrow(RangeError);
  });
});

describe('numberingSchemeSchema', () => {
  it.each([space, nospace, slash, perMeeting, points])('accepts %o', (scheme) => {
    expect(numberingSchemeSchema.parse(scheme)).toEqual(scheme);
  });

  it.each([
    { kind: 'yearly' },
    { kind: 'yearly', format: 'dot' },
    { kind: 'per-meeting', format: 'space' },
    { kind: 'weekly' },
  ])('refuses %o', (scheme) => {
    expect(numberingSchemeSchema.safeParse(scheme).success).toBe(false);
  });
});
