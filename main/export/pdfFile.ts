/**
 * The little PDF reading that signing needs: the cross-reference chain of a file with classic
 * xref tables (what pdfkit and our own incremental updates write), objects by number, and the
 * signature fields of the AcroForm. Not a general PDF parser: a file with xref streams or object
 * streams is refused with a clear error rather than half-read.
 */
import zlib from 'node:zlib';
import { ParagrafError } from '../../src/api/errors';

export interface Trailer {
  size: number;
  root: string;
  info: string | null;
  id: string | null;
  /** Offset of this revision's xref table. */
  xref: number;
}

const bad = (en: string, sv: string, detail?: string) => new ParagrafError('INVALID_INPUT', sv, en, detail);

export function lastStartxref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/u.exec(tail);
  if (!m) throw bad('The file does not end like a PDF (no startxref).', 'Filen slutar inte som en PDF (startxref saknas).');
  return Number(m[1]);
}

function parseTrailerDict(text: string): { size: number; root: string; info: string | null; id: string | null; prev: number | null } {
  const size = /\/Size\s+(\d+)/u.exec(text);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/u.exec(text);
  if (!size || !root) throw bad('The PDF trailer lacks /Size or /Root.', 'PDF-filens trailer saknar /Size eller /Root.');
  const info = /\/Info\s+(\d+\s+\d+\s+R)/u.exec(text);
  const id = /\/ID\s*(\[[^\]]*\])/u.exec(text);
  const prev = /\/Prev\s+(\d+)/u.exec(text);
  return { size: Number(size[1]), root: root[1]!, info: info?.[1] ?? null, id: id?.[1] ?? null, prev: prev ? Number(prev[1]) : null };
}

/** Object number → offset, newest revision first wins; and the newest trailer. */
export function readXref(pdf: Buffer): { offsets: Map<number, number>; trailer: Trailer } {
  const offsets = new Map<number, number>();
  let at: number | null = lastStartxref(pdf);
  let newest: Trailer | null = null;
  const seen = new Set<number>();
  while (at !== null) {
    if (seen.has(at) || at >= pdf.length) throw bad('The PDF’s cross-reference chain is broken.', 'PDF-filens korsreferenser är trasiga.');
    seen.add(at);
    const text = pdf.subarray(at, Math.min(pdf.length, at + 1_000_000)).toString('latin1');
    if (!text.startsWith('xref')) {
      throw bad('This PDF uses cross-reference streams, which Paragraf cannot sign.', 'PDF-filen använder korsreferensströmmar, som Paragraf inte kan signera.');
    }
    const trailerAt = text.indexOf('trailer');
    if (trailerAt < 0) throw bad('The PDF has no trailer.', 'PDF-filen saknar trailer.');
    const lines = text.slice(4, trailerAt).split(/\r?\n|\r/u).map((l) => l.trim()).filter((l) => l !== '');
    let n = 0;
    for (const line of lines) {
      const parts = line.split(/\s+/u);
      if (parts.length === 2) n = Number(parts[0]);
      else if (parts.length === 3) {
        if (parts[2] === 'n' && !offsets.has(n)) offsets.set(n, Number(parts[0]));
        if (parts[2] === 'f' && !offsets.has(n)) offsets.set(n, -1);
        n++;
      }
    }
    const end = text.indexOf('startxref', trailerAt);
    const t = parseTrailerDict(text.slice(trailerAt, end < 0 ? undefined : end));
    newest ??= { size: t.size, root: t.root, info: t.info, id: t.id, xref: at };
    at = t.prev;
  }
  return { offsets, trailer: newest! };
}

const refNum = (ref: string): number => Number(ref.split(/\s+/u)[0]);

/** The dictionary text of object `num` ("<< … >>"), for objects without a stream. */
export function objectDict(pdf: Buffer, offsets: Map<number, number>, num: number): string {
  const at = offsets.get(num);
  if (at === undefined || at < 0) throw bad(`Object ${num} is missing from the PDF.`, `Objekt ${num} saknas i PDF-filen.`);
  const text = pdf.subarray(at, Math.min(pdf.length, at + 200_000)).toString('latin1');
  const head = new RegExp(`^${num}\\s+\\d+\\s+obj\\s*`, 'u').exec(text);
  const end = text.indexOf('endobj');
  if (!head || end < 0) throw bad(`Object ${num} cannot be read.`, `Objekt ${num} kan inte läsas.`);
  const body = text.slice(head[0].length, end).trim();
  if (/\bstream\b/u.test(body.slice(body.lastIndexOf('>>')))) throw bad(`Object ${num} is a stream.`, `Objekt ${num} är en ström.`);
  return body;
}

export interface SigField {
  num: number;
  name: string;
  /** The field's dictionary as written. */
  dict: string;
  signed: boolean;
}

/** Decodes a PDF literal or hex string as pdfkit writes them (ASCII literal, or UTF-16BE hex with BOM). */
export function pdfString(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/gu, '');
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
      return s;
    }
    return bytes.toString('latin1');
  }
  return raw.slice(1, -1).replace(/\\([()\\])/gu, '$1');
}

/** UTF-16BE with BOM as a hex string: how a name with å ä ö é goes into a PDF text string intact. */
export function pdfTextHex(s: string): string {
  let hex = 'FEFF';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) {
      const v = cp - 0x10000;
      hex += (0xd800 + (v >> 10)).toString(16).padStart(4, '0') + (0xdc00 + (v & 0x3ff)).toString(16).padStart(4, '0');
    } else hex += cp.toString(16).padStart(4, '0');
  }
  return `<${hex.toUpperCase()}>`;
}

export function readSignatureFields(pdf: Buffer): { offsets: Map<number, number>; trailer: Trailer; acroFormNum: number | null; acroForm: string | null; fields: SigField[] } {
  const { offsets, trailer } = readXref(pdf);
  const root = objectDict(pdf, offsets, refNum(trailer.root));
  const formRef = /\/AcroForm\s+(\d+\s+\d+\s+R)/u.exec(root);
  if (!formRef) return { offsets, trailer, acroFormNum: null, acroForm: null, fields: [] };
  const acroFormNum = refNum(formRef[1]!);
  const acroForm = objectDict(pdf, offsets, acroFormNum);
  const list = /\/Fields\s*\[([^\]]*)\]/u.exec(acroForm);
  const fields: SigField[] = [];
  for (const m of (list?.[1] ?? '').matchAll(/(\d+)\s+\d+\s+R/gu)) {
    const num = Number(m[1]);
    const dict = objectDict(pdf, offsets, num);
    if (!/\/FT\s*\/Sig\b/u.test(dict)) continue;
    const t = /\/T\s*(\([^)]*\)|<[^>]*>)/u.exec(dict);
    fields.push({ num, name: t ? pdfString(t[1]!) : `#${num}`, dict, signed: /\/V\s+\d+\s+\d+\s+R/u.test(dict) });
  }
  return { offsets, trailer, acroFormNum, acroForm, fields };
}

/** Adds or replaces `/Key value` in a dictionary's text (top level: inserted before the last ">>"). */
export function setDictEntry(dict: string, key: string, value: string): string {
  const re = new RegExp(`/${key}\\s+(\\d+\\s+\\d+\\s+R|\\d+|/[A-Za-z]+)`, 'u');
  if (re.test(dict)) return dict.replace(re, `/${key} ${value}`);
  const end = dict.lastIndexOf('>>');
  return `${dict.slice(0, end)}/${key} ${value}\n${dict.slice(end)}`;
}

/** A stream object of the PDF: its dictionary and its data, inflated when FlateDecode. */
export function objectStream(pdf: Buffer, offsets: Map<number, number>, num: number): { dict: string; data: Buffer } {
  const at = offsets.get(num);
  if (at === undefined || at < 0) throw bad(`Object ${num} is missing from the PDF.`, `Objekt ${num} saknas i PDF-filen.`);
  const head = pdf.subarray(at, Math.min(pdf.length, at + 4096)).toString('latin1');
  const s = head.indexOf('stream');
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/u.exec(head.slice(0, s));
  if (s < 0 || !length) throw bad(`Object ${num} is not a stream PDF reading supports.`, `Objekt ${num} är inte en ström som kan läsas.`);
  let start = at + s + 'stream'.length;
  if (pdf[start] === 0x0d) start++;
  if (pdf[start] === 0x0a) start++;
  const raw = pdf.subarray(start, start + Number(length[1]));
  const dict = head.slice(head.indexOf('<<'), s).trim();
  return { dict, data: /\/FlateDecode/u.test(dict) ? zlib.inflateSync(raw) : Buffer.from(raw) };
}
