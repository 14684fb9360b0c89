/**
 * Importing and exporting a roster as CSV, the format every secretary can produce from Excel.
 *
 * Import is all-or-nothing: either every row becomes a person (`{ ok: true, people, warnings }`)
 * or nothing is imported and every problem is listed with its Excel row number
 * (`{ ok: false, errors }`). A half-imported roster would leave the secretary guessing which
 * rows made it.
 *
 * Export writes UTF-8 with a BOM and ';' between fields, CRLF line ends: that is what Swedish
 * Excel opens correctly by double-click (without the BOM it would read UTF-8 as Windows-1252;
 * with ',' it would put everything in column A, since ',' is the Swedish decimal comma). No
 * "sep=;" line: Excel ignores the BOM when one is present.
 */
import { type Bilingual, joinList, q } from './bilingual';
import { type CsvSeparator, detectSeparator, formatCsv, parseCsv, stripSepLine } from './csv';
import { isIsoDate } from './isoDate';
import {
  type Person,
  type PersonRole,
  checkPersonFields,
  duplicateMessage,
  findDuplicate,
  personIdSchema,
  personRoleLabels,
  personRoles,
  tidyText,
} from './roster';
import { type TextEncodingName, type TextFileErrorCode, decodeTextFile, encodeUtf8 } from './textFile';

export type RosterCsvErrorCode =
  | TextFileErrorCode
  | 'UNTERMINATED_QUOTE'
  | 'MISSING_COLUMN'
  | 'DUPLICATE_COLUMN'
  | 'NO_PEOPLE'
  | 'TOO_MANY_CELLS'
  | 'EMPTY_NAME'
  | 'INVALID_EMAIL'
  | 'UNKNOWN_ROLE'
  | 'INVALID_DATE'
  | 'DUPLICATE_PERSON'
  | 'TOO_MANY_ERRORS';

export type RosterCsvWarningCode = 'DECODED_AS_WINDOWS_1252' | 'UNKNOWN_COLUMNS' | 'ROLE_DEFAULTED' | 'UNNAMED_COLUMN';

export interface RosterCsvIssue<C extends string = RosterCsvErrorCode> {
  code: C;
  message: Bilingual;
  /** Excel row number (the header is row 1), when the issue belongs to one row. */
  row?: number;
  /** The column heading as written in the file, when the issue belongs to one cell. */
  column?: string;
}
export type RosterCsvWarning = RosterCsvIssue<RosterCsvWarningCode>;

export type RosterImportResult =
  | {
      ok: true;
      people: Person[];
      warnings: RosterCsvWarning[];
      encoding: TextEncodingName;
      separator: CsvSeparator;
    }
  | { ok: false; errors: RosterCsvIssue[] };

export interface RosterImportOptions {
  /** Makes the id of each new person (the store passes its id generator; tests a counter). */
  newId: () => string;
  /** The body's current roster: rows duplicating someone in it are errors. */
  existing?: readonly Person[];
  /** See decodeTextFile. */
  maxBytes?: number;
}

type Field = 'name' | 'firstName' | 'lastName' | 'title' | 'organisation' | 'party' | 'role' | 'email' | 'leftOn';

/** Accepted headings (compared after headingKey), Swedish first. The first is what export writes. */
const headings: Record<Field, readonly string[]> = {
  name: ['namn', 'name', 'fullständigt namn', 'full name', 'för- och efternamn'],
  firstName: ['förnamn', 'first name', 'firstname', 'given name'],
  lastName: ['efternamn', 'last name', 'lastname', 'surname', 'family name'],
  title: ['titel', 'title', 'befattning', 'job title'],
  organisation: ['organisation', 'organization', 'org', 'organisation/förvaltning', 'arbetsgivare'],
  party: ['parti', 'party'],
  role: ['roll', 'role'],
  email: ['e-post', 'epost', 'e-postadress', 'epostadress', 'e-mail', 'email', 'e-mail address', 'email address', 'mail', 'mejl'],
  leftOn: ['slutat', 'slutdatum', 'avgått', 'left', 'left on', 'end date'],
};

/** A heading as compared: lowercase, single spaces, without a trailing ":" or "*" (required marks). */
function headingKey(cell: string): string {
  return tidyText(cell).toLowerCase().replace(/\s*[:*]+$/u, '');
}

function fieldOf(cell: string): Field | null {
  const key = headingKey(cell);
  for (const field of Object.keys(headings) as Field[]) {
    if (headings[field].includes(key)) return field;
  }
  return null;
}

/** Role cell values, compared lowercase; Swedish and English, with and without å/ä. */
const roleWords: Record<string, PersonRole> = {
  ledamot: 'ledamot',
  ledamöter: 'ledamot',
  member: 'ledamot',
  ersättare: 'ersattare',
  ersattare: 'ersattare',
  substitute: 'ersattare',
  deputy: 'ersattare',
  tjänsteperson: 'tjansteperson',
  tjansteperson: 'tjansteperson',
  tjänsteman: 'tjansteperson',
  tjänstemän: 'tjansteperson',
  tjänstepersoner: 'tjansteperson',
  official: 'tjansteperson',
  'civil servant': 'tjansteperson',
  adjungerad: 'adjungerad',
  adjungerade: 'adjungerad',
  'co-opted': 'adjungerad',
  coopted: 'adjungerad',
};

/**
 * Excel runs a cell that begins with = + - or @ as a formula ("CSV injection"), so export puts an
 * apostrophe in front of such a value and import removes it again: round trips are exact.
 */
const FORMULA_START = /^[=+\-@]/u;
function unprotect(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
function protect(value: string): string {
  return FORMULA_START.test(value) && value.length > 1 ? `'${value}` : value;
}

const MAX_ERRORS = 100;
const EXAMPLE_HEADER = 'Namn;Titel;Organisation;Parti;Roll;E-post';

/** Reads a roster CSV file (the bytes as opened) into people, or explains every problem. */
export function importRosterCsv(bytes: Uint8Array, options: RosterImportOptions): RosterImportResult {
  const decoded = decodeTextFile(bytes, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  if (!decoded.ok) return { ok: false, errors: [{ code: decoded.error.code, message: decoded.error.message }] };
  const warnings: RosterCsvWarning[] = decoded.warnings.map((w) => ({ code: 'DECODED_AS_WINDOWS_1252', message: w.message }));

  let text = decoded.text;
  let separator: CsvSeparator;
  const sepLine = stripSepLine(text);
  if (sepLine !== null) {
    // Excel hides the "sep=" line, so the header is still row 1 and numbering starts after it.
    separator = sepLine.separator;
    text = sepLine.rest;
  } else {
    separator = detectSeparator(text, (cell) => fieldOf(cell) !== null);
  }

  const parsed = parseCsv(text, separator);
  if (!parsed.ok) {
    const row = parsed.unterminatedQuoteRow;
    return {
      ok: false,
      errors: [
        {
          code: 'UNTERMINATED_QUOTE',
          row,
          message: {
            sv: `Rad ${row}: ett citattecken (") öppnas men stängs aldrig, så resten av filen blir ett enda fält. Kontrollera raden i Excel.`,
            en: `Row ${row}: a quotation mark (") opens but never closes, so the rest of the file becomes one field. Check the row in Excel.`,
          },
        },
      ],
    };
  }
  const records = parsed.records;
  const header = records[0];
  if (header === undefined) return { ok: false, errors: [{ code: 'EMPTY_FILE', message: { sv: 'Filen är tom.', en: 'The file is empty.' } }] };

  // Map the header.
  const columns = new Map<Field, { index: number; heading: string }>();
  const unknown: string[] = [];
  const errors: RosterCsvIssue[] = [];
  header.cells.forEach((cell, index) => {
    const heading = tidyText(cell);
    if (heading === '') return;
    const field = fieldOf(heading);
    if (field === null) {
      unknown.push(heading);
      return;
    }
    const previous = columns.get(field);
    if (previous !== undefined) {
      errors.push({
        code: 'DUPLICATE_COLUMN',
        row: 1,
        column: heading,
        message: {
          sv: `Kolumnerna ${q(previous.heading, 'sv')} och ${q(heading, 'sv')} betyder samma sak. Ta bort den ena.`,
          en: `The columns ${q(previous.heading, 'en')} and ${q(heading, 'en')} mean the same thing. Remove one of them.`,
        },
      });
      return;
    }
    columns.set(field, { index, heading });
  });
  const hasName = columns.has('name') || columns.has('firstName') || columns.has('lastName');
  if (!hasName) {
    const found = header.cells.map((c) => tidyText(c)).filter((c) => c !== '');
    const foundSv = found.length === 0 ? 'inga' : joinList(found.map((c) => q(c, 'sv')), 'sv');
    const foundEn = found.length === 0 ? 'none' : joinList(found.map((c) => q(c, 'en')), 'en');
    errors.push({
      code: 'MISSING_COLUMN',
      row: 1,
      column: 'Namn',
      message: {
        sv: `Kolumnen ”Namn” saknas (eller ”Förnamn” och ”Efternamn”). Kolumner i filen: ${foundSv}. Första raden ska vara rubriker, till exempel: ${EXAMPLE_HEADER}`,
        en: `The column "Namn" (Name) is missing (or "Förnamn" and "Efternamn", First name and Last name). Columns in the file: ${foundEn}. The first row must hold the headings, for example: ${EXAMPLE_HEADER}`,
      },
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  if (unknown.length > 0) {
    warnings.push({
      code: 'UNKNOWN_COLUMNS',
      message: {
        sv: `${unknown.length === 1 ? 'Kolumnen' : 'Kolumnerna'} ${joinList(unknown.map((c) => q(c, 'sv')), 'sv')} känns inte igen och importerades inte.`,
        en: `The ${unknown.length === 1 ? 'column' : 'columns'} ${joinList(unknown.map((c) => q(c, 'en')), 'en')} ${unknown.length === 1 ? 'is' : 'are'} not recognised and ${unknown.length === 1 ? 'was' : 'were'} not imported.`,
      },
    });
  }

  const cell = (cells: readonly string[], field: Field): string => {
    const col = columns.get(field);
    return col === undefined ? '' : tidyText(unprotect(tidyText(cells[col.index] ?? '')));
  };
  const headingOf = (field: Field, fallback: string): string => columns.get(field)?.heading ?? fallback;

  const people: Person[] = [];
  const rowOfPerson: number[] = [];
  let defaultedRoles = 0;
  let unnamedWarned = false;
  const existing = options.existing ?? [];

  for (const record of records.slice(1)) {
    if (errors.length >= MAX_ERRORS) {
      errors.push({
        code: 'TOO_MANY_ERRORS',
        message: {
          sv: `Fler än ${MAX_ERRORS} fel; resten av filen kontrollerades inte. Är det rätt fil?`,
          en: `More than ${MAX_ERRORS} errors; the rest of the file was not checked. Is it the right file?`,
        },
      });
      break;
    }
    const row = record.row;
    const cells = record.cells;
    if (cells.every((c) => c.trim() === '')) continue; // Excel's trailing ";;;;" rows

    const extra = cells.slice(header.cells.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      errors.push({
        code: 'TOO_MANY_CELLS',
        row,
        message: {
          sv: `Rad ${row} har ${cells.length} fält men rubrikraden ${header.cells.length}. Ett värde som innehåller ${separatorName(separator, 'sv')} måste stå inom citattecken.`,
          en: `Row ${row} has ${cells.length} fields but the header row ${header.cells.length}. A value containing ${separatorName(separator, 'en')} must be in quotation marks.`,
        },
      });
      continue;
    }
    if (!unnamedWarned && header.cells.some((h, i) => tidyText(h) === '' && (cells[i] ?? '').trim() !== '')) {
      unnamedWarned = true;
      warnings.push({
        code: 'UNNAMED_COLUMN',
        message: {
          sv: 'En kolumn utan rubrik innehåller värden; de importerades inte.',
          en: 'A column without a heading holds values; they were not imported.',
        },
      });
    }

    const name = columns.has('name') ? cell(cells, 'name') : tidyText(`${cell(cells, 'firstName')} ${cell(cells, 'lastName')}`);
    const emailText = cell(cells, 'email');
    const email = emailText === '' ? null : emailText;
    const roleText = cell(cells, 'role');
    const leftText = cell(cells, 'leftOn');
    const partyText = cell(cells, 'party');
    const rowErrors: RosterCsvIssue[] = [];

    if (name === '') {
      rowErrors.push({
        code: 'EMPTY_NAME',
        row,
        column: headingOf('name', 'Namn'),
        message: { sv: `Rad ${row}: namn saknas.`, en: `Row ${row}: the name is missing.` },
      });
    }
    if (email !== null) {
      const problems = checkPersonFields({ name: 'x', email, active: true, leftOn: null });
      if (problems.length > 0) {
        rowErrors.push({
          code: 'INVALID_EMAIL',
          row,
          column: headingOf('email', 'E-post'),
          message: { sv: `Rad ${row}: ${problems[0]!.sv}`, en: `Row ${row}: ${problems[0]!.en}` },
        });
      }
    }
    let role: PersonRole = 'ledamot';
    if (roleText === '') {
      defaultedRoles += 1;
    } else {
      const mapped = roleWords[roleText.toLowerCase()];
      if (mapped === undefined) {
        const allowedSv = joinList(personRoles.map((r) => personRoleLabels[r].sv), 'sv');
        const allowedEn = joinList(personRoles.map((r) => `${personRoleLabels[r].sv} (${personRoleLabels[r].en})`), 'en');
        rowErrors.push({
          code: 'UNKNOWN_ROLE',
          row,
          column: headingOf('role', 'Roll'),
          message: {
            sv: `Rad ${row}: rollen ${q(roleText, 'sv')} finns inte. Tillåtna roller: ${allowedSv}. (Ordförande och sekreterare väljs per möte; ange då Ledamot respektive Tjänsteperson.)`,
            en: `Row ${row}: the role ${q(roleText, 'en')} does not exist. Allowed roles: ${allowedEn}. (Chair and secretary are chosen per meeting; use Ledamot or Tjänsteperson.)`,
          },
        });
      } else {
        role = mapped;
      }
    }
    if (leftText !== '' && !isIsoDate(leftText)) {
      rowErrors.push({
        code: 'INVALID_DATE',
        row,
        column: headingOf('leftOn', 'Slutat'),
        message: {
          sv: `Rad ${row}: ${q(leftText, 'sv')} är inte ett datum (ÅÅÅÅ-MM-DD).`,
          en: `Row ${row}: ${q(leftText, 'en')} is not a date (YYYY-MM-DD).`,
        },
      });
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }

    const person: Person = {
      id: '',
      name,
      title: cell(cells, 'title'),
      organisation: cell(cells, 'organisation'),
      party: partyText === '' ? null : partyText,
      role,
      email,
      active: leftText === '',
      leftOn: leftText === '' ? null : leftText,
    };
    const inFile = findDuplicate(people, person);
    const inRoster = inFile === null ? findDuplicate(existing, person) : null;
    if (inFile !== null) {
      const first = rowOfPerson[people.indexOf(inFile.existing)]!;
      const msg = duplicateMessage(person, inFile, { sv: `på rad ${first}`, en: `on row ${first}` });
      errors.push({ code: 'DUPLICATE_PERSON', row, message: { sv: `Rad ${row}: ${msg.sv}`, en: `Row ${row}: ${msg.en}` } });
      continue;
    }
    if (inRoster !== null) {
      const msg = duplicateMessage(person, inRoster);
      errors.push({ code: 'DUPLICATE_PERSON', row, message: { sv: `Rad ${row}: ${msg.sv}`, en: `Row ${row}: ${msg.en}` } });
      continue;
    }
    people.push(person);
    rowOfPerson.push(row);
  }

  if (errors.length > 0) return { ok: false, errors };
  if (people.length === 0) {
    return {
      ok: false,
      errors: [
        {
          code: 'NO_PEOPLE',
          message: {
            sv: 'Filen har rubriker men inga personer. Lägg till en person per rad under rubrikraden.',
            en: 'The file has headings but no people. Add one person per row below the heading row.',
          },
        },
      ],
    };
  }
  if (defaultedRoles > 0 && !columns.has('role')) {
    warnings.push({
      code: 'ROLE_DEFAULTED',
      message: {
        sv: `Filen har ingen kolumn ”Roll”: ${people.length === 1 ? 'personen' : `alla ${people.length}`} lades in som Ledamot.`,
        en: `The file has no "Roll" (Role) column: ${people.length === 1 ? 'the person was' : `all ${people.length} were`} added as Ledamot (member).`,
      },
    });
  } else if (defaultedRoles > 0) {
    warnings.push({
      code: 'ROLE_DEFAULTED',
      message: {
        sv: `${defaultedRoles === 1 ? '1 person' : `${defaultedRoles} personer`} utan roll lades in som Ledamot.`,
        en: `${defaultedRoles === 1 ? '1 person' : `${defaultedRoles} people`} without a role ${defaultedRoles === 1 ? 'was' : 'were'} added as Ledamot (member).`,
      },
    });
  }
  // Ids last: nothing is allocated for an import that fails.
  for (const p of people) {
    const id = options.newId();
    if (!personIdSchema.safeParse(id).success) throw new TypeError(`importRosterCsv: newId() returned an invalid id "${id}"`);
    p.id = id;
  }
  return { ok: true, people, warnings, encoding: decoded.encoding, separator };
}

function separatorName(separator: CsvSeparator, lang: 'sv' | 'en'): string {
  if (separator === ';') return lang === 'sv' ? 'semikolon (;)' : 'a semicolon (;)';
  if (separator === ',') return lang === 'sv' ? 'kommatecken (,)' : 'a comma (,)';
  return lang === 'sv' ? 'tabbtecken' : 'a tab';
}

/** The columns export writes, in order; also a blank template when `people` is empty. */
export const rosterCsvHeader = ['Namn', 'Titel', 'Organisation', 'Parti', 'Roll', 'E-post', 'Slutat'] as const;

/** The roster as CSV text (';', CRLF, quoted where needed), without the BOM. */
export function formatRosterCsv(people: readonly Person[]): string {
  const rows = people.map((p) =>
    [p.name, p.title, p.organisation, p.party ?? '', personRoleLabels[p.role].sv, p.email ?? '', p.leftOn ?? ''].map(protect),
  );
  return formatCsv([[...rosterCsvHeader], ...rows], ';');
}

/** The file to save: UTF-8 with BOM, ';'-separated, so that Swedish Excel opens it right. */
export function exportRosterCsv(people: readonly Person[]): Uint8Array {
  const body = encodeUtf8(formatRosterCsv(people));
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}
