/**
 * The independent PDF tools the export tests check against: poppler (pdftotext, pdffonts,
 * pdfinfo, pdfsig), qpdf and PDFBox Preflight (Debian packages, installed by .ci/run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function run(cmd: string, args: string[]): { status: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** The text of the page bodies only: the header band and the boxes at the foot are cropped away. */
export function bodyText(file: string): string {
  return execFileSync('pdftotext', ['-x', '0', '-y', '70', '-W', '596', '-H', '670', file, '-'], { encoding: 'utf8' });
}

export const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * Whether the needles occur in the haystack in this order; the first one missing otherwise.
 * Whitespace is ignored on both sides: a line may wrap after "/" where the source had none.
 */
export function inOrder(haystack: string, needles: string[]): { missing: string | null } {
  const bare = (s: string) => s.replace(/\s+/gu, '');
  const hay = bare(haystack);
  let at = 0;
  for (const n of needles) {
    const i = hay.indexOf(bare(n), at);
    if (i < 0) return { missing: n };
    at = i + bare(n).length;
  }
  return { missing: null };
}

const PREFLIGHT_JARS = ['preflight', 'pdfbox2', 'xmpbox', 'fontbox2', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);

/** PDFBox Preflight's PDF/A-1b verdict (Debian's libpdfbox2-java, plus the JAXB/activation jars it needs on Java 11+). */
export function preflight(file: string): { valid: boolean; out: string } {
  for (const jar of PREFLIGHT_JARS) if (!fs.existsSync(jar)) throw new Error(`${jar} is missing: .ci/run installs libpdfbox2-java, libactivation-java and libjaxb-api-java`);
  const r = run('java', ['-cp', PREFLIGHT_JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file]);
  return { valid: r.status === 0 && /is a valid PDF\/A-1b file/u.test(r.out), out: r.out };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface QpdfObject {
  value?: Json;
  stream?: { dict: Record<string, Json>; data?: string };
}

/**
 * Structural checks of the PDF/A rules PDFBox Preflight does not cover here (it validates
 * PDF/A-1b only), read from qpdf's JSON of every object (qpdf resolves the xref, incremental
 * updates included, so a signed file is checked as a reader sees it). Returns the problems;
 * an empty list means the file passed. Checked, for part 1 and 2:
 * the header version; the XMP claim (pdfaid:part, conformance B); an OutputIntent GTS_PDFA1
 * with an embedded ICC profile; no encryption; a file /ID; tagging (MarkInfo Marked,
 * StructTreeRoot, Lang); every font embedded (FontFile2/3/FontFile) with a ToUnicode map; no
 * transparency (groups, soft masks, blend modes, constant alpha below 1); no JavaScript,
 * launch actions, embedded files or LZW; every annotation printable with a normal appearance.
 */
export function pdfaStructure(file: string, part: 1 | 2): string[] {
  const problems: string[] = [];
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-stream-data=inline', '--decode-level=generalized', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
    qpdf: [{ pdfversion: string }, Record<string, QpdfObject>];
  };
  const [head, objects] = json.qpdf;
  const trailer = (objects.trailer?.value ?? {}) as Record<string, Json>;
  const get = (ref: Json): QpdfObject | undefined => (typeof ref === 'string' && / R$/u.test(ref) ? objects[`obj:${ref}`] : undefined);
  const dictOf = (ref: Json): Record<string, Json> | undefined => {
    if (ref && typeof ref === 'object' && !Array.isArray(ref)) return ref;
    const o = get(ref);
    return (o?.stream?.dict ?? (o?.value as Record<string, Json> | undefined)) ?? undefined;
  };
  const streamText = (ref: Json): string => {
    const data = get(ref)?.stream?.data;
    return data ? Buffer.from(data, 'base64').toString('utf8') : '';
  };

  const version = head.pdfversion;
  if (part === 1 ? version !== '1.4' : !/^1\.[4-7]$/u.test(version)) problems.push(`PDF version ${version} for PDF/A-${part}`);
  if (trailer['/Encrypt']) problems.push('encrypted');
  if (!Array.isArray(trailer['/ID']) || trailer['/ID'].length !== 2) problems.push('no file /ID in the trailer');
  const catalog = dictOf(trailer['/Root'] ?? null) ?? {};

  const xmp = streamText(catalog['/Metadata'] ?? null);
  if (!xmp) problems.push('no XMP metadata stream');
  else {
    const partClaim = /pdfaid:part(?:>|=")\s*(\d)/u.exec(xmp)?.[1];
    const conformance = /pdfaid:conformance(?:>|=")\s*([A-Za-z])/u.exec(xmp)?.[1];
    if (partClaim !== String(part)) problems.push(`XMP pdfaid:part is ${partClaim ?? 'missing'}, not ${part}`);
    if (conformance !== 'B') problems.push(`XMP pdfaid:conformance is ${conformance ?? 'missing'}, not B`);
  }

  const intents = (Array.isArray(catalog['/OutputIntents']) ? catalog['/OutputIntents'] : []).map((r) => dictOf(r) ?? {});
  const pdfa = intents.find((i) => i['/S'] === '/GTS_PDFA1');
  if (!pdfa) problems.push('no OutputIntent /GTS_PDFA1');
  else if (!get(pdfa['/DestOutputProfile'] ?? null)?.stream) problems.push('the OutputIntent has no embedded ICC profile');

  const markInfo = dictOf(catalog['/MarkInfo'] ?? null);
  if (markInfo?.['/Marked'] !== true) problems.push('not marked as tagged (MarkInfo /Marked true)');
  if (!catalog['/StructTreeRoot']) problems.push('no StructTreeRoot');
  const lang = catalog['/Lang'];
  if (typeof lang !== 'string' || !/sv/u.test(lang)) problems.push(`document language ${String(lang)}`);

  for (const [key, obj] of Object.entries(objects)) {
    const d = obj.stream?.dict ?? (obj.value && typeof obj.value === 'object' && !Array.isArray(obj.value) ? (obj.value as Record<string, Json>) : null);
    if (!d) continue;
    // A Type0 font is checked through its descendant CIDFont, which has no ToUnicode of its own.
    if (d['/Type'] === '/Font' && d['/Subtype'] !== '/Type3' && d['/Subtype'] !== '/CIDFontType0' && d['/Subtype'] !== '/CIDFontType2') {
      const fonts = d['/DescendantFonts'];
      const descendant = Array.isArray(fonts) ? dictOf(fonts[0] ?? null) : d;
      const descriptor = dictOf(descendant?.['/FontDescriptor'] ?? null);
      if (!descriptor || !(descriptor['/FontFile2'] || descriptor['/FontFile3'] || descriptor['/FontFile'])) problems.push(`font ${String(d['/BaseFont'])} (${key}) is not embedded`);
      if (!d['/ToUnicode']) problems.push(`font ${String(d['/BaseFont'])} (${key}) has no ToUnicode map`);
    }
    if (d['/S'] === '/Transparency') problems.push(`transparency group in ${key}`);
    if (d['/SMask'] !== undefined && d['/SMask'] !== '/None') problems.push(`soft mask in ${key}`);
    if (d['/BM'] !== undefined && d['/BM'] !== '/Normal' && d['/BM'] !== '/Compatible') problems.push(`blend mode ${String(d['/BM'])} in ${key}`);
    for (const alpha of ['/CA', '/ca']) if (typeof d[alpha] === 'number' && d[alpha] !== 1) problems.push(`constant alpha ${String(d[alpha])} in ${key}`);
    if (d['/S'] === '/JavaScript' || d['/JS'] !== undefined || d['/S'] === '/Launch') problems.push(`action ${String(d['/S'])} in ${key}`);
    if (d['/EmbeddedFiles'] !== undefined || d['/Type'] === '/EmbeddedFile') problems.push(`embedded file in ${key}`);
    const filters = ([] as Json[]).concat(d['/Filter'] ?? []);
    if (filters.includes('/LZWDecode')) problems.push(`LZW compression in ${key}`);
    if (d['/Type'] === '/Annot' || d['/Subtype'] === '/Widget') {
      const flags = typeof d['/F'] === 'number' ? d['/F'] : 0;
      if ((flags & 4) === 0) problems.push(`annotation ${key} is not printable`);
      if (!dictOf(d['/AP'] ?? null)?.['/N']) problems.push(`annotation ${key} has no normal appearance`);
    }
  }
  return problems;
}
