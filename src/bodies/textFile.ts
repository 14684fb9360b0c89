/**
 * Turning the bytes of a file the user opened into text, without TextDecoder (src/ has neither
 * DOM nor Node types, and the rules here must be the same in main, renderer and tests).
 *
 * The decision, in order:
 *  1. Refuse what is not a text file: an .xlsx/.ods (zip) or old .xls (OLE) gets a message of its
 *     own ("save as CSV"), anything else with a NUL byte is "inte en textfil".
 *  2. A BOM decides: UTF-8 (EF BB BF), UTF-16LE (FF FE, Excel's "Unicode-text"), UTF-16BE (FE FF).
 *     Bytes that break the encoding their BOM announces are refused: the file is damaged, and
 *     guessing another encoding would only garble it further.
 *  3. No BOM: strict UTF-8 if the bytes are valid UTF-8 (pure ASCII is too). Random Windows-1252
 *     text with å/ä/ö is practically never valid UTF-8 (0xE5 "å" would have to be followed by two
 *     continuation bytes), so validity is a reliable signal.
 *  4. Otherwise Windows-1252, which is what Excel on Swedish Windows writes for "CSV
 *     (semikolonavgränsad)", with a warning saying so. Windows-1252 is a superset of the printable
 *     part of Latin-1, so Latin-1 files come out right too.
 *  5. Windows-1252 is refused when the result is implausible: one of the five bytes it leaves
 *     undefined (0x81 0x8D 0x8F 0x90 0x9D), or the fingerprint of Mac OS Roman (å ä ö saved by old
 *     Excel for Mac come out as Œ Š š inside words, and no real å/ä/ö appears anywhere).
 *  6. In every encoding: control characters (other than tab, line breaks and form feed) mean
 *     binary, and "Ã¥"-style sequences mean text that was already garbled (UTF-8 read as
 *     Windows-1252 and saved again, or a file mixing both). Both are refused: a roster with
 *     garbled names would carry them into every protocol, and the remedy — save the file as
 *     "CSV UTF-8" — is always open to the user.
 */
import type { Bilingual } from './bilingual';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type TextFileErrorCode =
  | 'EMPTY_FILE'
  | 'TOO_LARGE'
  | 'NOT_TEXT'
  | 'SPREADSHEET_NOT_CSV'
  | 'INVALID_ENCODING'
  | 'UNKNOWN_ENCODING'
  | 'GARBLED_TEXT';

export interface TextFileIssue {
  code: TextFileErrorCode | 'DECODED_AS_WINDOWS_1252';
  message: Bilingual;
}

export type DecodeTextResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean; warnings: TextFileIssue[] }
  | { ok: false; error: TextFileIssue & { code: TextFileErrorCode } };

export interface DecodeTextOptions {
  /** Refuse larger files; a roster is a few kilobytes. Default 5 MiB. */
  maxBytes?: number;
}

const SAVE_AS_UTF8: Bilingual = {
  sv: 'Öppna filen i Excel och välj Spara som → ”CSV UTF-8 (kommaavgränsad)”, och försök igen.',
  en: 'Open the file in Excel, choose Save As → "CSV UTF-8 (Comma delimited)", and try again.',
};

function fail(code: TextFileErrorCode, sv: string, en: string): DecodeTextResult {
  return { ok: false, error: { code, message: { sv, en } } };
}

export function decodeTextFile(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodeTextResult {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  if (bytes.length === 0) return fail('EMPTY_FILE', 'Filen är tom.', 'The file is empty.');
  if (bytes.length > maxBytes) {
    return fail(
      'TOO_LARGE',
      `Filen är för stor (${bytes.length} byte, högst ${maxBytes}). Välj rätt fil: en ledamotslista är några kilobyte.`,
      `The file is too large (${bytes.length} bytes, at most ${maxBytes}). Choose the right file: a roster is a few kilobytes.`,
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return fail(
      'SPREADSHEET_NOT_CSV',
      `Filen är en Excel-arbetsbok (eller annan Office-fil), inte en CSV-fil. ${SAVE_AS_UTF8.sv}`,
      `The file is an Excel workbook (or another Office file), not a CSV file. ${SAVE_AS_UTF8.en}`,
    );
  }

  let text: string;
  let encoding: TextEncodingName;
  let bom = false;
  const warnings: TextFileIssue[] = [];

  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    bom = true;
    const decoded = decodeUtf16(bytes.subarray(2), encoding === 'utf-16le');
    if (decoded === null) {
      return fail(
        'INVALID_ENCODING',
        `Filen börjar som UTF-16-text men innehåller ogiltiga tecken; den är troligen skadad. ${SAVE_AS_UTF8.sv}`,
        `The file starts as UTF-16 text but contains invalid characters; it is probably damaged. ${SAVE_AS_UTF8.en}`,
      );
    }
    text = decoded;
  } else {
    if (bytes.includes(0)) return notText();
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
      bom = true;
      encoding = 'utf-8';
      const decoded = decodeUtf8(bytes.subarray(3));
      if (!decoded.ok) {
        return fail(
          'INVALID_ENCODING',
          `Filen är märkt som UTF-8 men byte ${decoded.offset + 3} är inte giltig UTF-8; filen är troligen skadad. ${SAVE_AS_UTF8.sv}`,
          `The file is marked as UTF-8 but byte ${decoded.offset + 3} is not valid UTF-8; the file is probably damaged. ${SAVE_AS_UTF8.en}`,
        );
      }
      text = decoded.text;
    } else {
      const decoded = decodeUtf8(bytes);
      if (decoded.ok) {
        encoding = 'utf-8';
        text = decoded.text;
      } else {
        const cp1252 = decodeWindows1252(bytes);
        if (cp1252 === null || looksLikeMacRoman(cp1252)) {
          return fail(
            'UNKNOWN_ENCODING',
            `Filens teckenkodning känns inte igen (den är varken UTF-8 eller Windows-1252; kanske Mac OS Roman). ${SAVE_AS_UTF8.sv}`,
            `The file's character encoding is not recognised (neither UTF-8 nor Windows-1252; perhaps Mac OS Roman). ${SAVE_AS_UTF8.en}`,
          );
        }
        encoding = 'windows-1252';
        text = cp1252;
        warnings.push({
          code: 'DECODED_AS_WINDOWS_1252',
          message: {
            sv: 'Filen var inte UTF-8 och lästes som Windows-1252 (så sparar Excel ”CSV (semikolonavgränsad)” på svenska Windows). Kontrollera att å, ä och ö ser rätt ut.',
            en: 'The file was not UTF-8 and was read as Windows-1252 (how Excel on Swedish Windows saves "CSV (semicolon delimited)"). Check that å, ä and ö look right.',
          },
        });
      }
    }
  }

  // A DOS end-of-file marker (Ctrl-Z) at the very end is harmless; anywhere else it is binary.
  if (text.endsWith('\u001a')) text = text.slice(0, -1);
  if (hasControlCharacters(text)) return notText();
  if (looksGarbled(text)) {
    return fail(
      'GARBLED_TEXT',
      `Texten i filen är redan förvanskad (till exempel ”Ã¥” i stället för ”å”): den har sparats om med fel teckenkodning, eller blandar två kodningar. Rätta tecknen eller exportera listan på nytt från källan. ${SAVE_AS_UTF8.sv}`,
      `The text in the file is already garbled (for example "Ã¥" instead of "å"): it was re-saved with the wrong encoding, or mixes two encodings. Fix the characters or export the list again from its source. ${SAVE_AS_UTF8.en}`,
    );
  }
  return { ok: true, text, encoding, bom, warnings };
}

function notText(): DecodeTextResult {
  return fail(
    'NOT_TEXT',
    'Filen är inte en textfil (den innehåller binära data). Välj en CSV-fil, till exempel sparad från Excel som ”CSV UTF-8 (kommaavgränsad)”.',
    'The file is not a text file (it contains binary data). Choose a CSV file, for example saved from Excel as "CSV UTF-8 (Comma delimited)".',
  );
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** Builds a string from UTF-16 code units in chunks (fromCharCode has an argument limit). */
class StringBuilder {
  private readonly parts: string[] = [];
  private units: number[] = [];
  push(unit: number): void {
    this.units.push(unit);
    if (this.units.length >= 8192) this.flush();
  }
  pushCodePoint(cp: number): void {
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      this.push(0xd800 + (v >> 10));
      this.push(0xdc00 + (v & 0x3ff));
    } else {
      this.push(cp);
    }
  }
  private flush(): void {
    this.parts.push(String.fromCharCode(...this.units));
    this.units = [];
  }
  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}

/**
 * Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF, no
 * truncated sequence. On failure, the offset of the first byte that cannot start or continue
 * a valid sequence.
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; offset: number } {
  const out = new StringBuilder();
  const n = bytes.length;
  let i = 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf): number => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi ? b & 0x3f : -1;
  };
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      out.push(b0);
      i += 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      const c1 = cont(1);
      if (c1 < 0) return { ok: false, offset: i };
      out.push(((b0 & 0x1f) << 6) | c1);
      i += 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      // E0 needs A0–BF (no overlong), ED needs 80–9F (no surrogates).
      const c1 = b0 === 0xe0 ? cont(1, 0xa0) : b0 === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
      const c2 = c1 < 0 ? -1 : cont(2);
      if (c1 < 0 || c2 < 0) return { ok: false, offset: i };
      out.push(((b0 & 0x0f) << 12) | (c1 << 6) | c2);
      i += 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      // F0 needs 90–BF (no overlong), F4 needs 80–8F (nothing above U+10FFFF).
      const c1 = b0 === 0xf0 ? cont(1, 0x90) : b0 === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
      const c2 = c1 < 0 ? -1 : cont(2);
      const c3 = c2 < 0 ? -1 : cont(3);
      if (c1 < 0 || c2 < 0 || c3 < 0) return { ok: false, offset: i };
      out.pushCodePoint(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
      i += 4;
    } else {
      return { ok: false, offset: i };
    }
  }
  return { ok: true, text: out.toString() };
}

/** UTF-8 bytes of a string; a lone surrogate (not text anyway) becomes U+FFFD. */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd;
    }
    if (cp < 0x80) {
      out[o++] = cp;
    } else if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
    } else {
      out[o++] = 0xf0 | (cp >> 18);
      out[o++] = 0x80 | ((cp >> 12) & 0x3f);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
    }
  }
  return out.slice(0, o);
}

/** 0x80–0x9F of Windows-1252; -1 marks the five bytes the code page leaves undefined. */
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

/** Windows-1252 to text; null if a byte is one of the five the code page leaves undefined. */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  const out = new StringBuilder();
  for (const b of bytes) {
    if (b >= 0x80 && b <= 0x9f) {
      const cp = CP1252_HIGH[b - 0x80]!;
      if (cp < 0) return null;
      out.push(cp);
    } else {
      out.push(b); // ASCII and 0xA0–0xFF are Latin-1, code point = byte
    }
  }
  return out.toString();
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string | null {
  if (bytes.length % 2 !== 0) return null;
  const out = new StringBuilder();
  for (let i = 0; i < bytes.length; i += 2) {
    const unit = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const j = i + 2;
      if (j + 1 >= bytes.length) return null;
      const low = littleEndian ? bytes[j]! | (bytes[j + 1]! << 8) : (bytes[j]! << 8) | bytes[j + 1]!;
      if (low < 0xdc00 || low > 0xdfff) return null;
      out.push(unit);
      out.push(low);
      i = j;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return null;
    } else {
      out.push(unit);
    }
  }
  return out.toString();
}

/** C0 controls except tab, LF, FF, CR; DEL; C1 controls. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d : c >= 0x7f && c <= 0x9f) return true;
  }
  return false;
}

/** Mac OS Roman writes å ä ö é as 0x8C 0x8A 0x9A 0x8E: Windows-1252 reads Œ Š š Ž. */
function looksLikeMacRoman(text: string): boolean {
  if (/[åäöÅÄÖ]/.test(text)) return false;
  return /\p{L}[ŒœŠšŽžŸƒ†‡‰‹›‚„ˆ˜]\p{L}/u.test(text);
}

/**
 * The signature of UTF-8 read as Windows-1252: "Ã" followed by what a UTF-8 continuation byte
 * (0x80–0xBF) becomes in Windows-1252. "Ã¥" is å, "Ã¤" ä, "Ã¶" ö, "Ã…" Å, "Ã„" Ä, "Ã–" Ö, "Ã©" é.
 */
function looksGarbled(text: string): boolean {
  return /Ã[\u00a0-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/.test(
    text,
  );
}
