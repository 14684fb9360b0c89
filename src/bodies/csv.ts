/**
 * CSV as Excel reads and writes it (RFC 4180 plus Excel's habits): a separator of ';' (Swedish
 * Excel, where ',' is the decimal comma), ',' or tab; fields in double quotes may hold the
 * separator, line breaks and doubled quotes (""); a quote is special only as the first character
 * of a field; CRLF, LF or CR end a record; an optional first line "sep=;" names the separator.
 *
 * Records are numbered as Excel shows rows (the first record is row 1, a quoted line break does
 * not start a new row, a "sep=" line is hidden), because that is where the user will look.
 */

export type CsvSeparator = ';' | ',' | '\t';
export const csvSeparators: readonly CsvSeparator[] = [';', '\t', ','];

export interface CsvRecord {
  /** Excel row number, 1-based. */
  row: number;
  cells: string[];
}

export type CsvParseResult =
  | { ok: true; records: CsvRecord[] }
  /** A quoted field never closed: `row` is where it opened. */
  | { ok: false; unterminatedQuoteRow: number };

/** Parses `text` (no BOM, no "sep=" line) into records. Blank lines come back as `[""]`. */
export function parseCsv(text: string, separator: CsvSeparator, maxRecords = Infinity): CsvParseResult {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStart = true;
  let quoteRow = 0;
  let row = 1;
  const endField = (): void => {
    cells.push(field);
    field = '';
    fieldStart = true;
  };
  const endRecord = (): void => {
    endField();
    records.push({ row, cells });
    row += 1;
    cells = [];
  };
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      quoteRow = row;
    } else if (c === separator) {
      endField();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else {
      // Text after a closing quote ("abc"def) is kept, as Excel does.
      field += c;
      fieldStart = false;
    }
  }
  if (inQuotes) return { ok: false, unterminatedQuoteRow: quoteRow };
  if (records.length < maxRecords && (field !== '' || cells.length > 0 || !fieldStart)) endRecord();
  return { ok: true, records };
}

/**
 * Excel's "sep=;" first line. Returns the separator it names and the text after it, or null.
 * (Only ';', ',' and tab are accepted: anything else is not a roster file we can read.)
 */
export function stripSepLine(text: string): { separator: CsvSeparator; rest: string } | null {
  const m = /^sep=([;,\t])(\r\n|\n|\r|$)/i.exec(text);
  if (m === null) return null;
  return { separator: m[1] as CsvSeparator, rest: text.slice(m[0].length) };
}

/**
 * Picks the separator from the header row: the candidate under which the most header cells are
 * known column names wins (a header is made of known words, unlike data, which may hold commas);
 * then the one giving the most columns; ties go to ';', then tab, then ','.
 */
export function detectSeparator(text: string, isKnownHeader: (cell: string) => boolean): CsvSeparator {
  let best: CsvSeparator = ';';
  let bestScore = [-1, -1];
  for (const sep of csvSeparators) {
    const parsed = parseCsv(text, sep, 1);
    const header = parsed.ok ? (parsed.records[0]?.cells ?? []) : [];
    const score = [header.filter(isKnownHeader).length, header.length];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

/** One field, quoted when it must be: it holds the separator, a quote, a line break, or edge spaces. */
export function formatCsvField(value: string, separator: CsvSeparator): string {
  const mustQuote = value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim();
  return mustQuote ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records joined with CRLF (RFC 4180 and what Windows Excel writes), ending with a CRLF. */
export function formatCsv(rows: readonly (readonly string[])[], separator: CsvSeparator): string {
  return rows.map((cells) => cells.map((c) => formatCsvField(c, separator)).join(separator) + '\r\n').join('');
}
