import { describe, expect, test } from 'vitest';
import { suggest, type TypeaheadPerson, type TypeaheadPhrase } from '../../../src/protocol/typeahead';

const people: TypeaheadPerson[] = [
  { id: 'kjell', name: 'Kjell Ivarsson', title: 'hälso- och sjukvårdsdirektör', organisation: 'Region Blekinge', active: true },
  { id: 'annika', name: 'Annika Mellqvist', title: 'tf hälso- och sjukvårdschef', organisation: 'Region Blekinge', active: true },
  { id: 'andreas', name: 'Andreas Andersson', organisation: 'Ronneby kommun', active: true },
  { id: 'asa', name: 'Åsa Öberg', active: true },
  { id: 'left', name: 'Kjell Karlsson', active: false },
];
const phrases: TypeaheadPhrase[] = [
  { id: 'information', label: 'Informationen till protokollet', text: 'att lägga informationen till protokollet' },
  { id: 'bordlagga', label: 'Bordlägga', text: 'att bordlägga frågan och ta upp denna igen vid …' },
  { id: 'godkanna', label: 'Godkänna', text: 'att godkänna …' },
];

describe('phrases', () => {
  test('what is typed in the block starts the phrase: offered, replacing exactly what was typed', () => {
    expect(suggest('att lägga', people, phrases)).toEqual([
      { kind: 'phrase', id: 'information', text: 'att lägga informationen till protokollet', detail: 'Informationen till protokollet', replace: 9 },
    ]);
  });

  test('case and doubled spaces do not matter; leading spaces are kept', () => {
    const [s] = suggest('  Att  bordl', people, phrases);
    expect(s).toMatchObject({ id: 'bordlagga', replace: 10 });
  });

  test('nothing below four characters, nothing once the phrase is complete, nothing for text that diverges', () => {
    expect(suggest('att', people, phrases)).toEqual([]);
    expect(suggest('att godkänna …', people, phrases)).toEqual([]);
    expect(suggest('att lägga till', people, phrases)).toEqual([]);
  });

  test('several phrases with the same start are all offered', () => {
    expect(suggest('att ', people, phrases).map((s) => s.id)).toEqual(['information', 'bordlagga', 'godkanna']);
  });
});

describe('people', () => {
  test('a capitalised word of three letters starts a first name', () => {
    expect(suggest('Ärendet föredrogs av Kje', people, phrases)).toEqual([
      { kind: 'person', id: 'kjell', text: 'Kjell Ivarsson', detail: 'hälso- och sjukvårdsdirektör, Region Blekinge', replace: 3 },
    ]);
  });

  test('first name and the start of the last name: the longer match is replaced', () => {
    expect(suggest('att Kjell Iv', people, phrases)).toMatchObject([{ id: 'kjell', replace: 8 }]);
  });

  test('a single word may start the last name', () => {
    expect(suggest('att Mellq', people, phrases)).toMatchObject([{ id: 'annika', replace: 5 }]);
  });

  test('å, ä and ö are letters of names', () => {
    expect(suggest('enligt Åsa Öb', people, phrases)).toMatchObject([{ id: 'asa', replace: 6 }]);
  });

  test('lower-case words, short words and complete names are not completed', () => {
    expect(suggest('och and', people, phrases)).toEqual([]);
    expect(suggest('av Kj', people, phrases)).toEqual([]);
    expect(suggest('av Kjell Ivarsson', people, phrases)).toEqual([]);
  });

  test('people who have left are not offered; several matches come in name order', () => {
    expect(suggest('av Kjell', people, phrases).map((s) => s.id)).toEqual(['kjell']);
    expect(suggest('av And', people, phrases).map((s) => s.id)).toEqual(['andreas']);
    expect(suggest('av Ann', people, phrases).map((s) => s.id)).toEqual(['annika']);
  });
});
