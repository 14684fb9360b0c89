import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkYear,
  findReferences,
  formatLabel,
  formatReference,
  parseHeading,
  parseLabel,
  type NumberingScheme,
  type ParsedLabel,
} from '../../../src/numbering';

/** The three sample documents, verbatim (copied from the project's shared samples). */
function sample(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}
const lsvo = sample('lsvo-2021-05-07-protokoll.txt');
const skane = sample('skane-nv-2021-10-15-minnesanteckningar.txt');
const kronoberg = sample('kronoberg-2021-06-04-motesanteckningar.txt');

const numbers = (l: ParsedLabel | null): number[] | undefined => l?.refs.map((r) => r.number);

describe('parseLabel: single labels as typed', () => {
  it.each([
    // [text, kind, numbers, sub, yearSuffix, spacing]
    ['§ 101', 'paragraph', [101], undefined, undefined, 'space'],
    ['§101', 'paragraph', [101], undefined, undefined, 'nospace'],
    ['§ 81/24', 'paragraph', [81], undefined, 24, 'space'],
    ['§ 1/22', 'paragraph', [1], undefined, 22, 'space'],
    ['§81/24', 'paragraph', [81], undefined, 24, 'nospace'],
    ['§ 1.', 'paragraph', [1], undefined, undefined, 'space'],
    ['§ 1', 'paragraph', [1], undefined, undefined, 'space'],
    ['§100c', 'paragraph', [100], 3, undefined, 'nospace'],
    ['§ 100c', 'paragraph', [100], 3, undefined, 'space'],
    ['§ 81c/24', 'paragraph', [81], 3, 24, 'space'],
    ['§ 112aa', 'paragraph', [112], 27, undefined, 'space'],
    ['  § 101  ', 'paragraph', [101], undefined, undefined, 'space'],
    ['§\u00a0101', 'paragraph', [101], undefined, undefined, 'space'],
    ['§ 15:', 'paragraph', [15], undefined, undefined, 'space'],
    ['1.', 'point', [1], undefined, undefined, null],
    ['15.', 'point', [15], undefined, undefined, null],
    ['7', 'point', [7], undefined, undefined, null],
  ] as const)('%o', (text, kind, nums, sub, year, spacing) => {
    const l = parseLabel(text);
    expect(l).not.toBeNull();
    expect(l?.kind).toBe(kind);
    expect(numbers(l)).toEqual(nums);
    expect(l?.refs[0]?.sub).toBe(sub);
    expect(l?.yearSuffix).toBe(year);
    expect(l?.spacing).toBe(spacing);
    expect(l?.range).toBe(false);
  });
});

describe('parseLabel: ranges and lists', () => {
  it.each([
    ['§§ 87–89', [87, 88, 89], true],
    ['§§ 150-160', [150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160], true],
    ['§§ 150—152', [150, 151, 152], true],
    ['§101 - §112', [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112], true],
    ['§101–§112', [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112], true],
    ['§87, 88 och 89', [87, 88, 89], false],
    ['§§ 87, 88 och 89', [87, 88, 89], false],
    ['§ 87 och § 89', [87, 89], false],
    ['§ 3 samt 5', [3, 5], false],
    ['§§ 87–89, 92', [87, 88, 89, 92], true],
  ] as const)('%o', (text, nums, range) => {
    const l = parseLabel(text);
    expect(numbers(l)).toEqual(nums);
    expect(l?.range).toBe(range);
  });

  it('keeps the year of a slash range: "§§ 81–83/24"', () => {
    const l = parseLabel('§§ 81–83/24');
    expect(numbers(l)).toEqual([81, 82, 83]);
    expect(l?.yearSuffix).toBe(24);
  });

  it('keeps sub-items in a list: "§ 100c och 101"', () => {
    expect(parseLabel('§ 100c och 101')?.refs).toEqual([{ number: 100, sub: 3 }, { number: 101 }]);
  });
});

describe('parseLabel: what is not a label', () => {
  it.each([
    '',
    '§',
    '§ ',
    '§ 0',
    '0.',
    '§ abc',
    '§ 101 Godkännande',
    '§12kap',
    '§ 3abc',
    '§ 100C', // sub-item letters are lowercase
    '§§ 89–87', // a backwards range is not expanded, so the text is more than a label
    '§§ 1–99999',
    '§ 81/24, 3/25', // two years in one label
    '1.5',
    '2021-06-04',
    'Punkt 3',
    'a/',
  ])('%o → null', (text) => {
    expect(parseLabel(text)).toBeNull();
  });
});

describe('parseLabel reads back every label and reference Paragraf writes', () => {
  const schemes: NumberingScheme[] = [
    { kind: 'yearly', format: 'space' },
    { kind: 'yearly', format: 'nospace' },
    { kind: 'yearly', format: 'slash-year' },
    { kind: 'per-meeting', format: 'paragraph' },
  ];
  it.each(schemes)('%o', (scheme) => {
    for (const n of [1, 9, 10, 99, 101, 999]) {
      expect(numbers(parseLabel(formatLabel(scheme, n, '2024-05-24')))).toEqual([n]);
      for (const sub of [1, 3, 26, 27]) {
        expect(parseLabel(formatReference(scheme, n, '2024-05-24', sub))?.refs).toEqual([{ number: n, sub }]);
      }
    }
  });

  it('points: "12." reads back as point 12', () => {
    const l = parseLabel(formatLabel({ kind: 'points' }, 12, '2021-06-04'));
    expect(l?.kind).toBe('point');
    expect(numbers(l)).toEqual([12]);
  });
});

describe('findReferences in running text', () => {
  it.each([
    ['Återkoppling protokoll 2021-04-09:\n\n§95 VFU sjuksköterskeprogrammet BTH – Återkoppling', ['§95'], [[95]]],
    ['§100c Ökad samverkan pga. brist på fysioterapeuter:', ['§100c'], [[100]]],
    ['Lena Danielsson, programledare §84', ['§84'], [[84]]],
    ['Nuray Iliev §87, 88 och 89', ['§87, 88 och 89'], [[87, 88, 89]]],
    ['närvarande §§ 150–160 (ej fm)', ['§§ 150–160'], [[150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160]]],
    ['Paragrafer: §101 - §112', ['§101 - §112'], [[101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112]]],
    ['se § 5 och bilaga 2', ['§ 5'], [[5]]],
    ['enligt § 5, och sedan', ['§ 5'], [[5]]],
    ['§ 3 och § 7 bordlades', ['§ 3 och § 7'], [[3, 7]]],
    ['jfr § 81/24 och § 12/25', ['§ 81/24', '§ 12/25'], [[81], [12]]],
    ['inga hänvisningar här, 2021-04-09, 1. och 3.', [], []],
    ['§ i sig', [], []],
  ] as const)('%o', (text, found, nums) => {
    const refs = findReferences(text);
    expect(refs.map((r) => r.text)).toEqual(found);
    expect(refs.map((r) => numbers(r.label))).toEqual(nums);
    for (const r of refs) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  it('finds every § reference in the LSVO protocol, in order', () => {
    const refs = findReferences(lsvo);
    const toc = Array.from({ length: 12 }, (_, i) => `§${101 + i}`);
    const body = ['§ 101', '§ 102', '§95', '§100c', '§ 103', '§ 104', '§ 105', '§ 106', '§ 107', '§ 108', '§109', '§ 110', '§ 111', '§ 112'];
    expect(refs.map((r) => r.text)).toEqual([...toc, '§101 - §112', ...body]);
    expect(refs.find((r) => r.text === '§100c')?.label.refs).toEqual([{ number: 100, sub: 3 }]);
  });
});

/** Headings of a whole document, read line by line, as an importer would. */
function headings(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const h = parseHeading(line);
    if (h === null) return [];
    if (h.kind === 'sub-item') return [`${String.fromCharCode(96 + h.sub)}/`];
    const [ref] = h.label.refs;
    return ref === undefined ? [] : [`${h.label.kind === 'point' ? '' : '§'}${ref.number}${ref.sub === undefined ? '' : String.fromCharCode(96 + ref.sub)}`];
  });
}

describe('parseHeading on the three samples, every line', () => {
  it('Skåne: "§ 1. …" headings, with the gap and the duplicate as written', () => {
    expect(headings(skane)).toEqual(
      ['§1', '§2', '§3', '§4', '§5', '§6', '§7', '§8', '§9', '§10', '§11', '§13', '§14', '§15', '§16', '§15'],
    );
  });

  it('Kronoberg: points "1." … "15." and no line of prose mistaken for one', () => {
    expect(headings(kronoberg)).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
  });

  it('LSVO: contents, headings and a/ b/ c/ sub-items (the follow-up lines §95 and §100c start with a reference too)', () => {
    const toc = Array.from({ length: 12 }, (_, i) => `§${101 + i}`);
    expect(headings(lsvo)).toEqual([
      ...toc,
      'b/', // " b/Underskrifter …", the contents' second line under §112
      '§101', '§102', '§95', '§100c', '§103', '§104', '§105', '§106', '§107',
      '§108', 'a/', 'b/', 'c/',
      '§109', 'a/', 'b/', 'c/',
      '§110', '§111',
      '§112', 'a/', 'b/',
    ]);
  });

  it.each([
    ['§ 1. Mötets öppnande', 1, 'Mötets öppnande'],
    ['§ 6.”Börja med barnen! En sammanhållen god och nära vård för barn och unga” SOU 2021:34 ', 6, '”Börja med barnen! En sammanhållen god och nära vård för barn och unga” SOU 2021:34'],
    ['§ 5. ”Omvärldsspaning - barnperspektiv och barnets rättigheter”. ', 5, '”Omvärldsspaning - barnperspektiv och barnets rättigheter”.'],
    ['§ 15. Mötets avslutande  ', 15, 'Mötets avslutande'],
    ['- §112 Övriga frågor: a/Vaccinationsmöjligheter för personal HBV', 112, 'Övriga frågor: a/Vaccinationsmöjligheter för personal HBV'],
    ['§ 101', 101, ''],
    ['§109', 109, ''],
    ['1. Incheckning, godkännande av dagordning och föregående mötesanteckningar', 1, 'Incheckning, godkännande av dagordning och föregående mötesanteckningar'],
    ['14. Övrigt', 14, 'Övrigt'],
  ])('%o → %i, title %o', (line, n, title) => {
    const h = parseHeading(line);
    expect(h?.kind).toBe('item');
    if (h?.kind !== 'item') return;
    expect(numbers(h.label)).toEqual([n]);
    expect(h.title).toBe(title);
  });

  it.each([
    ['a/ Verksamhetsplan/handlingsplaner -21.', 1, 'Verksamhetsplan/handlingsplaner -21.'],
    ['a/Vaccinationsmöjligheter för personal HBV', 1, 'Vaccinationsmöjligheter för personal HBV'],
    ['c/ De tre samverkansgrupperna', 3, 'De tre samverkansgrupperna'],
  ])('sub-item %o → %i', (line, sub, title) => {
    expect(parseHeading(line)).toEqual({ kind: 'sub-item', sub, title });
  });

  it.each([
    '2021-06-04',
    'Tid: 2021-10-15 kl. 09:00-12:00 ',
    '1.5 miljoner kronor',
    '23 sökande',
    '§3abc',
    'Beslut:',
    'https://example.se/a/b',
    '',
  ])('%o is not a heading', (line) => {
    expect(parseHeading(line)).toBeNull();
  });
});

describe('imported minutes go through checkYear as written', () => {
  it('the Skåne sample: § 12 missing, § 15 twice, § 15 after § 16', () => {
    const nums = headings(skane).map((h) => Number(h.slice(1)));
    const report = checkYear({ kind: 'per-meeting', format: 'paragraph' }, [
      { id: 'skane-2021-10-15', date: '2021-10-15', numbers: nums },
    ]);
    expect(report.map((d) => [d.code, d.numbers])).toEqual([
      ['gap', [12]],
      ['out-of-order', [16, 15]],
      ['duplicate', [15]],
    ]);
    expect(report.map((d) => d.sv)).toEqual([
      '§ 12 saknas i mötet 2021-10-15.',
      'I mötet 2021-10-15 står § 16 före § 15.',
      '§ 15 förekommer 2 gånger i mötet 2021-10-15.',
    ]);
    expect(report.map((d) => d.en)).toEqual([
      '§ 12 is missing from the meeting of 2021-10-15.',
      'In the meeting of 2021-10-15, § 16 comes before § 15.',
      '§ 15 occurs 2 times in the meeting of 2021-10-15.',
    ]);
  });

  it('the Kronoberg and LSVO samples are clean', () => {
    const points = headings(kronoberg).map(Number);
    expect(checkYear({ kind: 'points' }, [{ id: 'k', date: '2021-06-04', numbers: points }])).toEqual([]);
    const body = headings(lsvo).slice(13).filter((h) => /^§\d+$/.test(h)).map((h) => Number(h.slice(1)));
    // the follow-up lines §95 (and §100c, filtered out as a sub-item reference) belong to 2021-04-09
    const own = body.filter((n) => n >= 101);
    expect(own).toEqual([101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112]);
    expect(
      checkYear({ kind: 'yearly', format: 'space' }, [
        { id: 'prev', date: '2021-04-09', numbers: Array.from({ length: 100 }, (_, i) => i + 1) },
        { id: 'lsvo', date: '2021-05-07', numbers: own },
      ]),
    ).toEqual([]);
  });
});
