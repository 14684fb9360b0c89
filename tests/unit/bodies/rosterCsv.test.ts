import { describe, expect, it } from 'vitest';
import {
  type Person,
  type RosterCsvIssue,
  type RosterImportResult,
  exportRosterCsv,
  formatRosterCsv,
  importRosterCsv,
} from '../../../src/bodies';
import { counter, csvText, encodeCp1252, lsvoCsv, lsvoRows, svHeader, utf8 } from './lsvoRoster';

function ok(r: RosterImportResult) {
  if (!r.ok) throw new Error(`import failed: ${r.errors.map((e) => e.message.en).join(' | ')}`);
  return r;
}
function errors(r: RosterImportResult): RosterCsvIssue[] {
  if (r.ok) throw new Error('import unexpectedly succeeded');
  for (const e of r.errors) {
    expect(e.message.sv.length).toBeGreaterThan(10);
    expect(e.message.en.length).toBeGreaterThan(10);
    expect(e.message.sv).not.toBe(e.message.en);
  }
  return r.errors;
}
const withoutIds = (people: Person[]) => people.map(({ id: _id, ...rest }) => rest);
const imp = (bytes: Uint8Array, existing?: Person[]) =>
  importRosterCsv(bytes, existing === undefined ? { newId: counter().newId } : { newId: counter().newId, existing });

/** What the 20 LSVO rows must become. */
const expected = lsvoRows.map((r) => ({
  name: r.name,
  title: r.title,
  organisation: r.organisation,
  party: null,
  role: r.role === 'Tjänsteperson' ? 'tjansteperson' : 'ledamot',
  email: r.email,
  active: true,
  leftOn: null,
}));

describe('importRosterCsv: the LSVO attendance as a roster', () => {
  it('UTF-8, ";" separated: 20 people exactly as written in the protocol', () => {
    const r = ok(imp(utf8(lsvoCsv(';'))));
    expect(r.encoding).toBe('utf-8');
    expect(r.separator).toBe(';');
    expect(r.warnings).toEqual([]);
    expect(withoutIds(r.people)).toEqual(expected);
    expect(r.people.map((p) => p.id)).toEqual(Array.from({ length: 20 }, (_, i) => `p${i + 1}`));
    expect(r.people[1]).toMatchObject({
      name: 'Torill Skaar Magnusson',
      title: 'förvaltningschef Omsorgsförvaltningen',
      organisation: 'Karlshamns kommun',
    });
    expect(r.people[19]).toMatchObject({ name: 'Mats Wennstig', role: 'tjansteperson' });
  });

  it('Windows-1252 from Swedish Excel, ";" separated: same people, and a warning', () => {
    const bytes = encodeCp1252(lsvoCsv(';'));
    expect([...bytes]).toContain(0xe5); // å as one byte: this really is not UTF-8
    expect([...bytes]).toContain(0xc5); // Å (Martin Åsman)
    expect([...bytes]).not.toContain(0xc3);
    const r = ok(imp(bytes));
    expect(r.encoding).toBe('windows-1252');
    expect(r.warnings.map((w) => w.code)).toEqual(['DECODED_AS_WINDOWS_1252']);
    expect(withoutIds(r.people)).toEqual(expected);
  });

  it('"," separated, in UTF-8 with BOM and in Windows-1252: titles with commas survive quoting', () => {
    for (const bytes of [utf8(lsvoCsv(','), true), encodeCp1252(lsvoCsv(','))]) {
      const r = ok(imp(bytes));
      expect(r.separator).toBe(',');
      expect(withoutIds(r.people)).toEqual(expected);
      expect(r.people[4]!.title).toBe('förvaltningschef, Funktionsstödsförvaltningen');
      expect(r.people[11]!.title).toBe('medicinsk rådgivare, Hälsovalsavdelningen');
    }
  });

  it('tab-separated UTF-16LE (Excel "Unicode-text") reads the same', () => {
    const text = lsvoCsv('\t');
    const bytes = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    const r = ok(imp(bytes));
    expect([r.encoding, r.separator]).toEqual(['utf-16le', '\t']);
    expect(withoutIds(r.people)).toEqual(expected);
  });

  it('English headings and role names', () => {
    const text = csvText(
      ['Name', 'Title', 'Organization', 'Party', 'Role', 'Email'],
      [
        ['Kjell Ivarsson', 'hälso- och sjukvårdsdirektör', 'Region Blekinge', '', 'Official', 'kjell@blekinge.example'],
        ['Annika Mellqvist', '', 'Region Blekinge', 'S', 'Substitute', ''],
        ['Helene Bjerstedt', '', 'Region Blekinge', '', 'co-opted', ''],
      ],
      ',',
    );
    const r = ok(imp(utf8(text)));
    expect(r.people.map((p) => [p.name, p.role, p.party, p.email])).toEqual([
      ['Kjell Ivarsson', 'tjansteperson', null, 'kjell@blekinge.example'],
      ['Annika Mellqvist', 'ersattare', 'S', null],
      ['Helene Bjerstedt', 'adjungerad', null, null],
    ]);
  });

  it('Förnamn + Efternamn columns make the name; headings may carry ":" or "*"', () => {
    const text = 'Förnamn*;Efternamn*;Organisation:;E-postadress\r\nTorill;Skaar Magnusson;Karlshamns kommun;\r\n';
    const r = ok(imp(utf8(text)));
    expect(r.people[0]).toMatchObject({ name: 'Torill Skaar Magnusson', organisation: 'Karlshamns kommun', email: null });
  });

  it('a "sep=," first line names the separator; row numbers still start at the header', () => {
    const text = 'sep=,\r\nNamn,Titel\r\nBodil Sundlöf,a;b\r\n,tom\r\n';
    const errs = errors(imp(utf8(text)));
    expect(errs.map((e) => [e.code, e.row])).toEqual([['EMPTY_NAME', 3]]);
    const good = ok(imp(utf8('sep=,\r\nNamn,Titel\r\nBodil Sundlöf,a;b\r\n')));
    expect(good.people[0]!.title).toBe('a;b');
  });

  it('quoted cells with separators, quotes and line breaks; spaces tidied; blank rows skipped', () => {
    const text =
      'Namn;Titel;Organisation\r\n' +
      '"  Roger ""O""   Nilsson ";"utvecklingsledare;\r\nNära vård";Region Kronoberg\r\n' +
      ';;\r\n' +
      '\r\n' +
      'Jenny Folkesson;sekreterare;Region Kronoberg\r\n' +
      ';;\r\n';
    const r = ok(imp(utf8(text)));
    expect(r.people.map((p) => [p.name, p.title])).toEqual([
      ['Roger "O" Nilsson', 'utvecklingsledare; Nära vård'],
      ['Jenny Folkesson', 'sekreterare'],
    ]);
  });

  it('people without a role become Ledamot, with a warning; unknown columns are named in a warning', () => {
    const text = 'Namn;Roll;Telefon;Anteckning\r\nAnnika Magnerot;;0470-123;\r\nÅsa Karlsson;Ledamot;;\r\n';
    const r = ok(imp(utf8(text)));
    expect(r.people.map((p) => p.role)).toEqual(['ledamot', 'ledamot']);
    const byCode = Object.fromEntries(r.warnings.map((w) => [w.code, w.message]));
    expect(byCode.UNKNOWN_COLUMNS!.sv).toBe('Kolumnerna ”Telefon” och ”Anteckning” känns inte igen och importerades inte.');
    expect(byCode.UNKNOWN_COLUMNS!.en).toContain('"Telefon" and "Anteckning"');
    expect(byCode.ROLE_DEFAULTED!.sv).toBe('1 person utan roll lades in som Ledamot.');
  });

  it('values under a column without a heading are ignored, with a warning', () => {
    const r = ok(imp(utf8('Namn;;Titel\r\nBodil Sundlöf;hemligt;ordförande\r\n')));
    expect(r.people[0]).toMatchObject({ name: 'Bodil Sundlöf', title: 'ordförande' });
    expect(r.warnings.map((w) => w.code)).toEqual(['UNNAMED_COLUMN', 'ROLE_DEFAULTED']);
    expect(r.warnings[1]!.message.sv).toBe('Filen har ingen kolumn ”Roll”: personen lades in som Ledamot.');
  });

  it('a Slutat date imports the person as having left', () => {
    const r = ok(imp(utf8('Namn;Slutat\r\nBirgitta Friberg;2021-12-31\r\nKjell Ivarsson;\r\n')));
    expect(r.people.map((p) => [p.active, p.leftOn])).toEqual([
      [false, '2021-12-31'],
      [true, null],
    ]);
  });
});

describe('importRosterCsv: refusals are complete, bilingual and all-or-nothing', () => {
  it('missing Namn column: names the column and the columns found, in both languages', () => {
    const text = 'Titel;Organisation;E-post\r\nförvaltningschef;Karlshamns kommun;x@y.example\r\n';
    const errs = errors(imp(utf8(text)));
    expect(errs).toHaveLength(1);
    expect(errs[0]!.code).toBe('MISSING_COLUMN');
    expect(errs[0]!.message.sv).toContain('Kolumnen ”Namn” saknas');
    expect(errs[0]!.message.sv).toContain('Kolumner i filen: ”Titel”, ”Organisation” och ”E-post”');
    expect(errs[0]!.message.en).toContain('The column "Namn" (Name) is missing');
    expect(errs[0]!.message.en).toContain('Columns in the file: "Titel", "Organisation" and "E-post"');
  });

  it('a file without a header row: the first person shows up as the "columns found"', () => {
    const [first, ...rest] = lsvoRows.slice(1, 3).map((r) => [r.name, r.title, r.organisation]);
    const text = csvText(first!, rest, ';');
    const errs = errors(imp(utf8(text)));
    expect(errs[0]!.code).toBe('MISSING_COLUMN');
    expect(errs[0]!.message.sv).toContain('”Torill Skaar Magnusson”');
  });

  it('every bad row is reported with its row number, and nothing is imported', () => {
    const rows = lsvoRows.map((r) => [r.name, r.title, r.organisation, r.role, r.email]);
    rows[2]![0] = ''; // row 4: empty name
    rows[5]![4] = 'cecilia.grefve-lang@karlskrona'; // row 7: no top-level domain
    rows[8]![3] = 'Ordförande'; // row 10: not a roster role
    rows.push(['  torill skaar  MAGNUSSON ', 'förvaltningschef', 'karlshamns kommun', 'Ledamot', '']); // row 22: duplicate of row 3
    rows.push(['Anna Annan', '', 'Region Blekinge', 'Ledamot', 'KJELL.IVARSSON@regionblekinge.example']); // row 23: same e-mail as row 12
    const ids = counter();
    const r = importRosterCsv(utf8(csvText(svHeader, rows, ';')), { newId: ids.newId });
    expect(r.ok).toBe(false);
    expect('people' in r).toBe(false);
    expect(ids.calls()).toBe(0); // no ids allocated for a failed import
    const errs = errors(r);
    expect(errs.map((e) => [e.row, e.code, e.column])).toEqual([
      [4, 'EMPTY_NAME', 'Namn'],
      [7, 'INVALID_EMAIL', 'E-post'],
      [10, 'UNKNOWN_ROLE', 'Roll'],
      [22, 'DUPLICATE_PERSON', undefined],
      [23, 'DUPLICATE_PERSON', undefined],
    ]);
    expect(errs[1]!.message.sv).toBe('Rad 7: ”cecilia.grefve-lang@karlskrona” är inte en giltig e-postadress.');
    expect(errs[1]!.message.en).toBe('Row 7: "cecilia.grefve-lang@karlskrona" is not a valid e-mail address.');
    expect(errs[2]!.message.sv).toContain('Tillåtna roller: Ledamot, Ersättare, Tjänsteperson och Adjungerad');
    expect(errs[3]!.message.sv).toContain('finns redan på rad 3');
    expect(errs[3]!.message.en).toContain('is already on row 3');
    expect(errs[4]!.message.sv).toContain('samma e-postadress');
    expect(errs[4]!.message.sv).toContain('”Kjell Ivarsson”');
  });

  it('duplicates of people already in the roster, including one who has left', () => {
    const first = ok(imp(utf8(lsvoCsv(';')))).people;
    const roster = first.map((p) => (p.name === 'Martin Åsman' ? { ...p, active: false, leftOn: '2022-01-31' } : p));
    const text = 'Namn;Organisation\r\nMartin Åsman;Sölvesborgs kommun\r\nNy Person;Region Blekinge\r\nBodil Sundlöf;Region Blekinge\r\n';
    const errs = errors(imp(utf8(text), roster));
    expect(errs.map((e) => [e.row, e.code])).toEqual([
      [2, 'DUPLICATE_PERSON'],
      [4, 'DUPLICATE_PERSON'],
    ]);
    expect(errs[0]!.message.sv).toContain('finns redan i ledamotslistan');
    expect(errs[0]!.message.sv).toContain('slutade 2022-01-31');
    expect(errs[0]!.message.en).toContain('reactivate them instead');
  });

  it('a NUL byte: refused as "inte en textfil"', () => {
    const bytes = Uint8Array.from([...utf8('Namn;Titel\r\nBodil;'), 0x00, 0x12, 0xff, 0x00]);
    const errs = errors(imp(bytes));
    expect(errs.map((e) => e.code)).toEqual(['NOT_TEXT']);
    expect(errs[0]!.message.sv).toContain('inte en textfil');
  });

  it('invalid UTF-8 that is not plausible Windows-1252 either: unknown encoding', () => {
    const bytes = Uint8Array.from([...utf8('Namn\r\nHans '), 0x8d, 0x81, ...utf8('\r\n')]);
    expect(errors(imp(bytes)).map((e) => e.code)).toEqual(['UNKNOWN_ENCODING']);
  });

  it('an xlsx file: told to save as CSV', () => {
    const errs = errors(imp(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0])));
    expect(errs[0]!.code).toBe('SPREADSHEET_NOT_CSV');
    expect(errs[0]!.message.en).toContain('Save As');
  });

  it('an unterminated quote, a row with too many cells, a bad date', () => {
    expect(errors(imp(utf8('Namn;Titel\r\nBodil;"chef\r\nMats;x\r\n'))).map((e) => [e.code, e.row])).toEqual([['UNTERMINATED_QUOTE', 2]]);
    // Excel on English Windows, comma-separated, with an unquoted comma in a title:
    const errs = errors(imp(utf8('Namn,Titel,Organisation\r\nElina Tyrberg,förvaltningschef, Funktionsstödsförvaltningen,Karlskrona kommun\r\n')));
    expect(errs.map((e) => [e.code, e.row])).toEqual([['TOO_MANY_CELLS', 2]]);
    expect(errs[0]!.message.sv).toContain('kommatecken (,)');
    expect(errors(imp(utf8('Namn;Slutat\r\nBodil;31/12/2021\r\n'))).map((e) => [e.code, e.row, e.column])).toEqual([
      ['INVALID_DATE', 2, 'Slutat'],
    ]);
  });

  it('headings only, or the same column twice', () => {
    expect(errors(imp(utf8('Namn;Titel\r\n;;\r\n'))).map((e) => e.code)).toEqual(['NO_PEOPLE']);
    const dup = errors(imp(utf8('Namn;Name;Titel\r\nBodil;Bodil;x\r\n')));
    expect(dup.map((e) => e.code)).toEqual(['DUPLICATE_COLUMN']);
    expect(dup[0]!.message.sv).toContain('”Namn” och ”Name”');
  });

  it('stops listing after 100 errors: the wrong file should not produce 10 000 lines', () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`Person ${i}`, '', '', 'Ledamot', 'fel']);
    const errs = errors(imp(utf8(csvText(svHeader, rows, ';'))));
    expect(errs).toHaveLength(101);
    expect(errs[100]!.code).toBe('TOO_MANY_ERRORS');
  });

  it('a newId that returns an invalid id is a programming error', () => {
    expect(() => importRosterCsv(utf8('Namn\r\nBodil\r\n'), { newId: () => 'has space' })).toThrow(TypeError);
  });
});

describe('exportRosterCsv', () => {
  const people = (): Person[] => {
    const base = ok(imp(utf8(lsvoCsv(';')))).people;
    base[0] = { ...base[0]!, party: 'S' };
    base[16] = { ...base[16]!, active: false, leftOn: '2022-06-30' };
    base[3] = { ...base[3]!, role: 'ersattare', title: 'chef "med citat"; utvecklare' };
    base[5] = { ...base[5]!, name: '=HYPERLINK("http://x.example";"klick")' };
    return base;
  };

  it('writes UTF-8 with BOM, ";" between fields, CRLF, Swedish headings and role names', () => {
    const bytes = exportRosterCsv(people());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Namn;Titel;Organisation;Parti;Roll;E-post;Slutat');
    expect(lines[1]).toBe('Bodil Sundlöf;Enheten för kvalitet och utveckling;Region Blekinge;S;Ledamot;bodil.sundlof@regionblekinge.example;');
    expect(text).toContain('\r\nMaria Appelskog;förvaltningschef Vård- och omsorgsförvaltningen;Ronneby kommun;;Ledamot;maria.appelskog@ronneby.example;2022-06-30');
    expect(text).toContain(';"chef ""med citat""; utvecklare";');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('defuses spreadsheet formulas with an apostrophe that import removes again', () => {
    const text = formatRosterCsv(people());
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"";""klick"")"`);
  });

  it('round trip: export then import gives the same people, and exports to the same bytes', () => {
    const original = people();
    const bytes = exportRosterCsv(original);
    const back = ok(imp(bytes));
    expect(back.encoding).toBe('utf-8');
    expect(back.separator).toBe(';');
    expect(back.warnings).toEqual([]);
    expect(withoutIds(back.people)).toEqual(withoutIds(original));
    expect([...exportRosterCsv(back.people)]).toEqual([...bytes]);
  });

  it('an empty roster exports the template header', () => {
    expect(formatRosterCsv([])).toBe('Namn;Titel;Organisation;Parti;Roll;E-post;Slutat\r\n');
  });
});
