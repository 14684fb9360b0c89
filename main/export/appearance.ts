/**
 * The visible part of a signature: the signer's name and the signing time drawn into the
 * signature field's box on the protocol's last page, as part of the signer's own incremental
 * update (so it is covered by that signature, and earlier signatures are untouched).
 *
 * PDF/A forbids fonts that are not embedded, so the text is drawn with the document's own
 * embedded DejaVu Sans subset (pdf.ts puts the glyphs a name may need into it): characters are
 * mapped to the subset's codes through its ToUnicode map, measured with its /W widths, and a
 * character the subset lacks is drawn as "?" rather than with a font the archive cannot keep.
 */
import { objectDict, objectStream } from './pdfFile';

const refNum = (ref: string): number => Number(ref.split(/\s+/u)[0]);

interface SubsetFont {
  num: number;
  code: Map<string, number>;
  width: Map<number, number>;
}

function parseToUnicode(cmap: string): Map<string, number> {
  const code = new Map<string, number>();
  const utf16 = (hex: string): string => {
    const units = hex.trim().split(/\s+/u).flatMap((h) => h.match(/.{4}/gu) ?? []).map((u) => parseInt(u, 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/gu)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/gu)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        [...m[3]!.matchAll(/<([0-9a-fA-F\s]*)>/gu)].forEach((u, i) => {
          if (lo + i <= hi && u[1]!.trim() !== '' && !code.has(utf16(u[1]!))) code.set(utf16(u[1]!), lo + i);
        });
      } else {
        const first = parseInt(m[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) if (!code.has(String.fromCharCode(first + c - lo))) code.set(String.fromCharCode(first + c - lo), c);
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/gu)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/gu)) if (!code.has(utf16(m[2]!))) code.set(utf16(m[2]!), parseInt(m[1]!, 16));
  }
  return code;
}

function parseWidths(w: string): Map<number, number> {
  const width = new Map<number, number>();
  // "/W [0 [w0 w1 …] 40 [ … ]]", as pdfkit writes it (the "c [w…]" form only).
  for (const m of w.matchAll(/(\d+)\s*\[([^\]]*)\]/gu)) {
    m[2]!.trim().split(/\s+/u).forEach((v, i) => width.set(Number(m[1]) + i, Number(v)));
  }
  return width;
}

/** The regular DejaVu Sans subset on the field's page, or null when the page has none. */
function findFont(pdf: Buffer, offsets: Map<number, number>, fieldDict: string): SubsetFont | null {
  const page = /\/P\s+(\d+\s+\d+\s+R)/u.exec(fieldDict);
  if (!page) return null;
  const pageDict = objectDict(pdf, offsets, refNum(page[1]!));
  const resRef = /\/Resources\s+(\d+\s+\d+\s+R)/u.exec(pageDict);
  const resources = resRef ? objectDict(pdf, offsets, refNum(resRef[1]!)) : pageDict;
  const fonts = /\/Font\s*<<([^>]*)>>/u.exec(resources);
  for (const f of (fonts?.[1] ?? '').matchAll(/\/[^\s/]+\s+(\d+\s+\d+\s+R)/gu)) {
    const num = refNum(f[1]!);
    const dict = objectDict(pdf, offsets, num);
    if (!/\/BaseFont\s*\/[A-Z]{6}\+DejaVuSans(?![-\w])/u.test(dict)) continue;
    const toUnicode = /\/ToUnicode\s+(\d+\s+\d+\s+R)/u.exec(dict);
    const descendant = /\/DescendantFonts\s*\[\s*(\d+\s+\d+\s+R)\s*\]/u.exec(dict);
    if (!toUnicode || !descendant) return null;
    const w = /\/W\s*(\[[\s\S]*\])/u.exec(objectDict(pdf, offsets, refNum(descendant[1]!)));
    return { num, code: parseToUnicode(objectStream(pdf, offsets, refNum(toUnicode[1]!)).data.toString('latin1')), width: parseWidths(w?.[1] ?? '') };
  }
  return null;
}

function encode(font: SubsetFont, text: string): { hex: string; width: number } {
  const fallback = font.code.get('?');
  let hex = '';
  let width = 0;
  for (const ch of text) {
    const c = font.code.get(ch) ?? fallback;
    if (c === undefined) continue;
    hex += c.toString(16).padStart(4, '0').toUpperCase();
    width += font.width.get(c) ?? 600;
  }
  return { hex, width: width / 1000 };
}

const stamp = (d: Date): string => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;

/**
 * The appearance stream (a Form XObject, written as an object's body) showing who signed and
 * when, sized to the field's /Rect; null when the field has no area or the page no subset font.
 */
export function signatureAppearance(pdf: Buffer, offsets: Map<number, number>, fieldDict: string, signer: string, when: Date): string | null {
  const r = /\/Rect\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/u.exec(fieldDict);
  if (!r) return null;
  const [x1, y1, x2, y2] = r.slice(1, 5).map(Number) as [number, number, number, number];
  const w = Math.abs(x2 - x1);
  const h = Math.abs(y2 - y1);
  if (w < 20 || h < 16) return null;
  const font = findFont(pdf, offsets, fieldDict);
  if (!font) return null;
  const name = encode(font, signer);
  const line2 = encode(font, `Elektroniskt underskrivet ${stamp(when)}`);
  // The name as large as 10 pt and as the box allows; the time line beneath it, smaller.
  const size = Math.max(5, Math.min(10, (w - 8) / Math.max(name.width, 0.001)));
  const small = Math.max(4, Math.min(7.5, (w - 8) / Math.max(line2.width, 0.001)));
  const content = `q 0 0 0 rg BT /FSig ${size.toFixed(2)} Tf 4 ${(h - 4 - size).toFixed(2)} Td <${name.hex}> Tj ET BT /FSig ${small.toFixed(2)} Tf 4 5 Td <${line2.hex}> Tj ET Q`;
  return `<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${w.toFixed(2)} ${h.toFixed(2)}]\n/Resources << /Font << /FSig ${font.num} 0 R >> >>\n/Length ${content.length}\n>>\nstream\n${content}\nendstream`;
}
