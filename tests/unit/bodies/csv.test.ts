import { describe, expect, it } from 'vitest';
import { detectSeparator, formatCsv, formatCsvField, parseCsv } from '../../../src/bodies';

const cells = (text: string, sep: ';' | ',' | '\t') => {
  const r = parseCsv(text, sep);
  if (!r.ok) throw new Error(`unterminated at ${r.unterminatedQuoteRow}`);
  return r.records.map((x) => x.cells);
};

describe('parseCsv', () => {
  it('quoted fields hold separators, doubled quotes and line breaks', () => {
    const text = 'Namn;Titel\r\n"Skaar; Torill";"förvaltningschef ""Omsorg""\r\nKarlshamn"\r\nBodil;\n';
    expect(cells(text, ';')).toEqual([
      ['Namn', 'Titel'],
      ['Skaar; Torill', 'förvaltningschef "Omsorg"\r\nKarlshamn'],
      ['Bodil', ''],
    ]);
  });

  it('numbers records as Excel rows: a quoted line break does not start a row', () => {
    const r = parseCsv('a\r\n"b\r\nc"\r\nd', ';');
    expect(r.ok && r.records.map((x) => [x.row, x.cells[0]])).toEqual([
      [1, 'a'],
      [2, 'b\r\nc'],
      [3, 'd'],
    ]);
  });

  it('accepts LF, CR and CRLF, keeps blank lines as rows, and needs no final line break', () => {
    expect(cells('a,b\nc,d\re,f\r\n\r\ng,h', ',')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], [''], ['g', 'h']]);
  });

  it('a quote inside an unquoted field, or after a closing quote, is kept as text (Excel)', () => {
    expect(cells('Roger "O" Nilsson;"ab"c\r\n', ';')).toEqual([['Roger "O" Nilsson', 'abc']]);
  });

  it('an unterminated quote is reported with the row where it opened', () => {
    expect(parseCsv('Namn\r\nBodil\r\n"Mats\r\nWennstig\r\n', ';')).toEqual({ ok: false, unterminatedQuoteRow: 3 });
  });

  it('an empty trailing field and an empty quoted field are fields', () => {
    expect(cells('a;\r\n"";b\r\n', ';')).toEqual([['a', ''], ['', 'b']]);
  });
});

describe('detectSeparator', () => {
  const known = (c: string) => ['namn', 'titel', 'organisation', 'e-post'].includes(c.trim().toLowerCase());

  it('picks the separator under which the header has known names', () => {
    expect(detectSeparator('Namn;Titel;Organisation\r\n"a, b";c;d', known)).toBe(';');
    expect(detectSeparator('Namn,Titel,Organisation\r\na;b,c,d', known)).toBe(',');
    expect(detectSeparator('Namn\tTitel\tE-post\r\n', known)).toBe('\t');
    // A heading with a comma inside does not fool it: ';' finds 2 known names, ',' finds 1.
    expect(detectSeparator('Namn;Titel, befattning;Organisation', known)).toBe(';');
  });

  it('falls back to most columns, then to ";"', () => {
    expect(detectSeparator('x,y,z', known)).toBe(',');
    expect(detectSeparator('x', known)).toBe(';');
  });
});

describe('formatCsv', () => {
  it('quotes only what needs quoting and round-trips through parseCsv', () => {
    expect(formatCsvField('Bodil Sundlöf', ';')).toBe('Bodil Sundlöf');
    expect(formatCsvField('förvaltningschef, Funktionsstöd', ';')).toBe('förvaltningschef, Funktionsstöd');
    expect(formatCsvField('förvaltningschef, Funktionsstöd', ',')).toBe('"förvaltningschef, Funktionsstöd"');
    expect(formatCsvField('a "b"', ';')).toBe('"a ""b"""');
    expect(formatCsvField(' kant ', ';')).toBe('" kant "');
    const rows = [['Namn', 'Titel'], ['x;y', 'rad 1\nrad 2'], ['"', '']];
    const text = formatCsv(rows, ';');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(cells(text, ';')).toEqual(rows);
  });
});
