/**
 * The protocol as a PDF in the Swedish formal layout (../shared/design/DOMAIN.md, "Anatomy of
 * a formal protocol"), rendered from the protocol model (src/export/model.ts) and nothing else.
 *
 * - Real text in an embedded, subsetted TrueType font shipped with the app (DejaVu Sans from
 *   the npm package dejavu-fonts-ttf), so å ä ö § are searchable and copyable on any machine.
 * - Tagged (Document, H1–H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD (pdfRich.ts), lang sv-SE); page furniture (header, page number,
 *   the signature boxes) is marked as Artifact so screen readers skip it.
 * - PDF/A: '2b' (the archive's format) or '1b' (what Debian's PDFBox Preflight can validate);
 *   the content is the same, only the header version and the XMP claim differ.
 * - One signature field per signature line (sekreterare, ordförande, justerare), so each
 *   signer's signature is an incremental update that fills its field (sign.ts) and never
 *   rewrites the catalog's structure. The fields are boxes on the last page, the page on the
 *   electronic signatures; signing draws the signer's name and time into the box.
 *
 * Node only (pdfkit reads its ICC profile and the font from disk); never imports electron.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { utdragsbestyrkande, type Block, type ProtocolItem, type ProtocolModel, type TextRun } from '../../src/export/model';
import { drawRichBlock } from './pdfRich';
import { javLine, rollCallTable, type OmrostningBlock } from '../../src/export/politics';
import { signaturePageText } from './signaturePage';

const require = createRequire(import.meta.url);
const fontFile = (name: string): string => require.resolve(`dejavu-fonts-ttf/ttf/${name}`);
/** The font files read once per process: four TrueType files of ~700 KB would otherwise be read from disk at every export. */
const fontBytes = new Map<string, Buffer>();
const font = (name: string): Buffer => {
  let b = fontBytes.get(name);
  if (!b) fontBytes.set(name, (b = fs.readFileSync(fontFile(name))));
  return b;
};

export type PdfA = '1b' | '2b';

export interface PdfOptions {
  /** PDF/A part and conformance claimed; default 2b. */
  pdfa?: PdfA;
  /** Creation date written into Info and XMP (tests pass a fixed one). */
  now?: Date;
  /** Hidden signature fields for the signature lines; default true. */
  signatureFields?: boolean;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 92, bottom: 104, left: 62, right: 62 };
export const SIZE = { body: 10.5, small: 8, h1: 18, h2: 13, h3: 11 };
/** A signature box on the last page: wide enough for a long name at 9 pt, two lines high. */
const BOX = { w: 300, h: 34 };

interface SignatureBox {
  page: number;
  rect: [number, number, number, number];
}

/** Glyphs a signer's name and the signing time may need: ASCII, Latin-1 and common Latin Extended-A letters. */
const SIGNATURE_GLYPHS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x100 - 0xc0 }, (_, i) => String.fromCharCode(0xc0 + i)),
  ...'ĀāĂăĄąĆćČčĎďĐđĒēĘęĚěĞğĪīİıĹĺĽľŁłŃńŇňŌōŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŸŹźŻżŽž–’',
];

/** The field name of a signature line: stable, ASCII, so tools and the CLI can name it. */
export function signatureFieldName(index: number, role: string): string {
  return `signatur-${index + 1}-${role}`;
}

/** The bytes of a pdfkit document, once `end()` has been called and it has finished writing. */
export function collectPdf(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** DejaVu Sans in its four faces as 'Sans', 'Sans-Bold', …: the one embedded font of every export. */
export function registerSans(doc: Doc): void {
  doc.registerFont('Sans', font('DejaVuSans.ttf'));
  doc.registerFont('Sans-Bold', font('DejaVuSans-Bold.ttf'));
  doc.registerFont('Sans-Oblique', font('DejaVuSans-Oblique.ttf'));
  doc.registerFont('Sans-BoldOblique', font('DejaVuSans-BoldOblique.ttf'));
}

/** What the page furniture of every export prints: the header band and the boxes at the foot. */
export type PageHeader = Pick<ProtocolModel, 'bodyName' | 'documentTitle' | 'date' | 'dnr' | 'pageBoxes'>;

/**
 * A new tagged, PDF/A-claiming A4 document with DejaVu Sans registered and a Document
 * structure root: the set-up every export (protocol, utdrag, kallelse) shares.
 */
export function startTaggedPdf(info: { title: string; author: string; subject: string }, options: PdfOptions = {}): { doc: Doc; done: Promise<Buffer>; root: Struct; w: Writer } {
  const pdfa = options.pdfa ?? '2b';
  const now = options.now ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    // PDF/A-1 is PDF 1.4; PDF/A-2 builds on PDF 1.7.
    pdfVersion: pdfa === '1b' ? '1.4' : '1.7',
    subset: pdfa === '1b' ? 'PDF/A-1b' : 'PDF/A-2b',
    info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'Paragraf', Producer: 'Paragraf', CreationDate: now, ModDate: now },
  } as PDFKit.PDFDocumentOptions);
  const done = collectPdf(doc);
  registerSans(doc);
  doc.font('Sans').fontSize(SIZE.body);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return { doc, done, root, w: new Writer(doc, root) };
}

/** Page furniture on every page, once the page count is known ("Sida 3 (12)"). */
export function paginate(doc: Doc, header: PageHeader): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    furniture(doc, header, i - range.start + 1, range.count);
  }
}

export function renderProtocolPdf(model: ProtocolModel, options: PdfOptions = {}): Promise<Buffer> {
  const title = `${model.bodyName} ${model.documentTitle.toLocaleLowerCase('sv')} ${model.date}`;
  const author = model.signatures.find((s) => s.role === 'sekreterare')?.name ?? model.bodyName;
  const { doc, done, root, w } = startTaggedPdf({ title, author, subject: model.documentTitle }, options);
  let boxes: SignatureBox[] = [];

  // 1. Header and "Tid och plats".
  w.heading('H1', [model.bodyName, model.documentTitle], SIZE.h1);
  w.labelled('Datum', model.date);
  if (model.dnr) w.labelled('Diarienummer', model.dnr);
  if (model.timeAndPlace) w.labelled('Tid och plats', model.timeAndPlace);

  // 2. Attendance, justering, signatures.
  for (const group of model.attendance) {
    w.heading('H2', [group.heading], SIZE.h3);
    w.list(
      group.people.map((p) => {
        const extra = [...p.roles.map((r) => r.toLocaleLowerCase('sv')), ...p.notes];
        return [p.name, p.description].filter((s) => s !== '').join(', ') + (extra.length ? ` (${extra.join('; ')})` : '');
      }),
      false,
    );
  }
  if (model.justerare.length > 0) w.labelled('Justerare', model.justerare.join(', '));
  if (model.justering) w.labelled('Justering', model.justering);

  if (model.kind === 'protokoll') {
    w.heading('H2', ['Underskrifter'], SIZE.h2);
    if (model.span) w.labelled('Paragrafer', model.span);
    for (const s of model.signatures) w.signatureLine(s.name, s.roleLabel, s.description);

    // 3. Ärendeförteckning (an extract has only its chosen §, listed by their headings).
    w.heading('H2', ['Ärendeförteckning'], SIZE.h2);
    w.list(
      model.items.flatMap((i) => [[i.label, i.title].filter(Boolean).join(' '), ...i.subItems.map((s) => `    ${[s.label, s.title].filter(Boolean).join(' ')}`)]),
      false,
    );
  }

  // 4. The § items, each starting on a fresh line with its number and title kept together.
  for (const item of model.items) w.item(item);

  // 5. Closing distribution list.
  if (model.distribution.length > 0 && model.kind === 'protokoll') {
    w.heading('H2', ['Protokollet ska skickas till'], SIZE.h3);
    w.list(model.distribution, true);
  }

  // 6. Rättelser after justering: the signed text above is unchanged; what changed since is here.
  if (model.rattelser.length > 0) {
    w.heading('H2', ['Rättelser'], SIZE.h2);
    w.paragraph([{ text: 'Protokollet ovan är det justerade. Följande rättelser har gjorts efter justeringen.', italic: true }]);
    for (const r of model.rattelser) {
      w.paragraph([{ text: `${r.at.slice(0, 16).replace('T', ' ')} UTC · ${r.by}${r.label ? ` · ${r.label}` : ''}`, bold: true }]);
      w.paragraph([{ text: `Ändring: ${r.what}` }], 18);
      w.paragraph([{ text: `Skäl: ${r.why}` }], 18);
    }
  }

  // 7. An extract's certification; the protocol's own last page on its electronic signatures.
  if (model.kind === 'utdrag') {
    w.heading('H2', ['Utdragsbestyrkande'], SIZE.h3);
    w.paragraph([{ text: utdragsbestyrkande(model) }]);
    w.signatureLine(null, 'Bestyrks av', '');
  } else if (model.signatures.length > 0) {
    doc.addPage();
    const page = signaturePageText(model);
    w.heading('H2', [page.heading], SIZE.h2);
    for (const p of page.intro) w.paragraph([{ text: p }]);
    w.heading('H3', [page.signersHeading], SIZE.h3);
    // Before justering: one box per signer, where signing draws the signer's name and time
    // (the visible part of the signature field, sign.ts). After: the lock record's list.
    if (model.justerat) w.list(page.signers, true);
    else boxes = page.signers.map((line) => w.signatureBox(line));
    w.heading('H3', [page.verifyHeading], SIZE.h3);
    for (const p of page.verify) w.paragraph([{ text: p }]);
    // The signer's name and the time are drawn at signing time with this document's own
    // embedded font (PDF/A allows no other); a subset has only the glyphs used so far, so the
    // letters a Swedish or European name may need are put into it now, without drawing them.
    const font = (doc as unknown as { _font: { encode(text: string): unknown } })._font;
    doc.font('Sans');
    // One call, the characters spaced apart so no two can form a ligature glyph in place of both.
    font.encode(SIGNATURE_GLYPHS.join(' '));
  }
  root.end();
  paginate(doc, model);

  if (options.signatureFields !== false && model.signatures.length > 0 && model.kind === 'protokoll') addSignatureFields(doc, model, boxes);
  doc.end();
  return done;
}

export class Writer {
  constructor(
    private readonly doc: Doc,
    private readonly root: Struct,
  ) {}

  private get width(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }

  /** Starts a new page unless `height` fits above the bottom margin (keep-with-next). */
  need(height: number): void {
    if (this.doc.y + height > A4.height - MARGIN.bottom) this.doc.addPage();
  }

  private add(type: string, draw: () => void, parent: Struct = this.root): void {
    parent.add(this.doc.struct(type, {}, draw));
  }

  heading(type: 'H1' | 'H2' | 'H3', lines: string[], size: number): void {
    const doc = this.doc;
    doc.font('Sans-Bold').fontSize(size);
    const h = lines.reduce((sum, l) => sum + doc.heightOfString(l, { width: this.width }), 0);
    // A heading never ends a page: keep it with at least three lines of what follows.
    this.need(h + 4 * SIZE.body * 1.4);
    if (doc.y > MARGIN.top + 1) doc.moveDown(type === 'H3' ? 0.4 : 0.8);
    this.add(type, () => {
      for (const l of lines) doc.font('Sans-Bold').fontSize(size).text(l, { width: this.width });
    });
    doc.moveDown(0.3);
    doc.font('Sans').fontSize(SIZE.body);
  }

  labelled(label: string, value: string): void {
    const doc = this.doc;
    this.add('P', () => {
      doc.font('Sans-Bold').fontSize(SIZE.body).text(`${label}: `, { continued: true, width: this.width });
      doc.font('Sans').text(value);
    });
    doc.moveDown(0.2);
  }

  paragraph(runs: readonly TextRun[], indent = 0, parent?: Struct): void {
    const doc = this.doc;
    this.add(
      'P',
      () => {
        runs.forEach((r, i) => {
          doc.font(r.bold && r.italic ? 'Sans-BoldOblique' : r.bold ? 'Sans-Bold' : r.italic ? 'Sans-Oblique' : 'Sans').fontSize(SIZE.body);
          doc.text(r.text, MARGIN.left + indent, undefined, { width: this.width - indent, continued: i < runs.length - 1, lineGap: 1.5 });
        });
      },
      parent,
    );
    doc.moveDown(0.45);
  }

  list(entries: string[], bullets: boolean, indent = 0): void {
    const doc = this.doc;
    const list = doc.struct('L');
    this.root.add(list);
    for (const e of entries) {
      const li = doc.struct('LI');
      list.add(li);
      if (bullets) li.add(doc.struct('Lbl', {}, () => doc.font('Sans').fontSize(SIZE.body).text('•', MARGIN.left + indent, undefined, { continued: false, lineBreak: false })));
      const y = doc.y;
      li.add(
        doc.struct('LBody', {}, () => {
          doc.font('Sans').fontSize(SIZE.body);
          const x = MARGIN.left + indent + (bullets ? 14 : 0);
          doc.text(e, x, bullets ? y : undefined, { width: this.width - indent - (bullets ? 14 : 0), lineGap: 1.5 });
        }),
      );
      li.end();
      doc.moveDown(0.15);
    }
    list.end();
    doc.x = MARGIN.left;
    doc.moveDown(0.3);
  }

  signatureLine(name: string | null, role: string, description: string): void {
    const doc = this.doc;
    this.need(64);
    doc.moveDown(1.6);
    const y = doc.y;
    // The line to sign on is decoration; the name and role under it are the content.
    doc.markContent('Artifact', { type: 'Layout' });
    doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + 260, y).lineWidth(0.6).stroke();
    doc.endMarkedContent();
    doc.y = y + 4;
    this.add('P', () => {
      doc.font('Sans').fontSize(SIZE.body).text(name ?? '', MARGIN.left, undefined, { width: this.width });
      doc.font('Sans').fontSize(SIZE.small).text([role, description].filter(Boolean).join(', '), { width: this.width });
    });
    doc.font('Sans').fontSize(SIZE.body);
  }

  /** A labelled empty box on the signature page: the visible rectangle of one signature field. */
  signatureBox(label: string): SignatureBox {
    const doc = this.doc;
    this.need(SIZE.body * 1.6 + BOX.h + 10);
    this.paragraph([{ text: label }]);
    const y = doc.y - 2;
    doc.markContent('Artifact', { type: 'Layout' });
    doc.rect(MARGIN.left, y, BOX.w, BOX.h).lineWidth(0.5).strokeColor('#888888').stroke().strokeColor('black');
    doc.endMarkedContent();
    doc.x = MARGIN.left;
    doc.y = y + BOX.h + 10;
    const range = doc.bufferedPageRange();
    // pdfkit measures from the top; a PDF rectangle from the bottom.
    return { page: range.start + range.count - 1, rect: [MARGIN.left, A4.height - y - BOX.h, MARGIN.left + BOX.w, A4.height - y] };
  }

  blocks(blocks: Block[]): void {
    for (const b of blocks) {
      if (b.kind === 'paragraph') this.paragraph(b.runs);
      else if (b.kind === 'presenters') this.paragraph([{ text: b.text, italic: true }]);
      else if (b.kind === 'list' || b.kind === 'table') {
        drawRichBlock({ doc: this.doc, root: this.root, left: MARGIN.left, width: this.width, bottom: A4.height - MARGIN.bottom, size: SIZE.body }, b);
      } else if (b.kind === 'political') this.paragraph([{ text: `${b.label} `, bold: true }, { text: b.text }, ...(b.note ? [{ text: ` ${b.note}`, italic: true }] : [])]);
      else if (b.kind === 'omrostning') this.omrostning(b);
      else {
        this.need(SIZE.body * 1.4 * Math.min(3, 1 + b.decisions.length));
        const sect = this.doc.struct('Div');
        this.root.add(sect);
        this.paragraph([{ text: b.lead, bold: true }], 0, sect);
        for (const d of b.decisions) this.paragraph([{ text: d }], 18, sect);
        sect.end();
        this.doc.x = MARGIN.left;
      }
    }
  }

  /** An omröstning: its proposition, the named list as a table with the sums, the result line. */
  omrostning(b: OmrostningBlock): void {
    this.need(SIZE.body * 1.4 * Math.min(6, 3 + b.rows.length));
    this.paragraph([{ text: `${b.label}${b.text ? ': ' : ''}`, bold: true }, ...(b.text ? [{ text: b.text }] : [])]);
    if (b.proposition) this.paragraph([{ text: b.proposition }], 18);
    drawRichBlock({ doc: this.doc, root: this.root, left: MARGIN.left + 18, width: Math.min(360, this.width - 18), bottom: A4.height - MARGIN.bottom, size: SIZE.body }, rollCallTable(b));
    if (b.jav.length > 0) this.paragraph([{ text: javLine(b.jav) }], 18);
    if (b.result) this.paragraph([{ text: b.result, bold: true }], 18);
    for (const p of b.problems) this.paragraph([{ text: `Obs: ${p}`, italic: true }], 18);
  }

  item(item: ProtocolItem): void {
    const lines = item.label ? [item.label, item.title] : [item.title];
    this.heading('H2', lines, SIZE.h2);
    this.blocks(item.blocks);
    for (const s of item.subItems) {
      this.heading('H3', [[s.label, s.title].filter(Boolean).join(' ')], SIZE.h3);
      this.blocks(s.blocks);
    }
    if (item.bordlagd) this.paragraph([{ text: 'Ärendet bordlades.', italic: true }]);
  }
}

function furniture(doc: Doc, model: PageHeader, page: number, pages: number): void {
  // Writing into the margins: without this pdfkit would start a new page for the footer.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const right = A4.width - MARGIN.right;
  const width = A4.width - MARGIN.left - MARGIN.right;

  doc.markContent('Artifact', { type: 'Pagination' });
  doc.font('Sans-Bold').fontSize(SIZE.small + 1).text(model.bodyName, MARGIN.left, 36, { width: width / 2, lineBreak: false });
  doc.font('Sans').fontSize(SIZE.small).text(model.documentTitle, MARGIN.left, 48, { width: width / 2, lineBreak: false });
  const dateLine = model.dnr ? `${model.date} · Dnr ${model.dnr}` : model.date;
  doc.text(dateLine, MARGIN.left + width / 2, 36, { width: width / 2, align: 'right', lineBreak: false });
  doc.text(`Sida ${page} (${pages})`, MARGIN.left + width / 2, 48, { width: width / 2, align: 'right', lineBreak: false });
  doc.moveTo(MARGIN.left, 64).lineTo(right, 64).lineWidth(0.4).stroke();
  doc.endMarkedContent();

  const boxes = [model.pageBoxes.justerandesSignatur ? 'Justerandes signatur' : null, model.pageBoxes.utdragsbestyrkande ? 'Utdragsbestyrkande' : null].filter((b): b is string => b !== null);
  if (boxes.length > 0) {
    doc.markContent('Artifact', { type: 'Layout' });
    const boxW = 130;
    const boxH = 44;
    const y = A4.height - 34 - boxH;
    boxes.forEach((label, i) => {
      const x = right - (boxes.length - i) * boxW - (boxes.length - 1 - i) * 8;
      doc.rect(x, y, boxW, boxH).lineWidth(0.6).stroke();
      doc.font('Sans').fontSize(SIZE.small - 1).text(label, x + 4, y + 3, { width: boxW - 8, lineBreak: false });
    });
    doc.endMarkedContent();
  }
  doc.page.margins.bottom = bottom;
}

/**
 * One signature field per signature line, merged field and widget, in its box on the
 * signature page (zero-size on the last page when there is no box). An empty appearance and the
 * Print flag until signed: PDF/A wants every annotation printable and with a normal
 * appearance; sign.ts replaces the appearance with the signer's name and time.
 */
function addSignatureFields(doc: Doc, model: ProtocolModel, boxes: readonly SignatureBox[]): void {
  const d = doc as unknown as {
    ref(data: object): { end(data?: unknown): void };
    _root: { data: Record<string, unknown> };
    _acroform: unknown;
    page: { dictionary: unknown; annotations: unknown[] };
  };
  const range = doc.bufferedPageRange();
  const last = range.start + range.count - 1;
  const fields = model.signatures.map((s, i) => {
    // A visible field in its box on the signature page; a hidden one on the last page when
    // there is no box (exports after justering list the signers instead).
    const box = boxes[i];
    doc.switchToPage(box?.page ?? last);
    const rect = box?.rect ?? [0, 0, 0, 0];
    const appearance = d.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, rect[2] - rect[0], rect[3] - rect[1]], Resources: {} });
    // A stream needs bytes to be written as a stream at all; an empty operator list is a no-op.
    appearance.end('q Q');
    const field = d.ref({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: new String(signatureFieldName(i, s.role)),
      TU: new String([s.roleLabel, s.name].filter(Boolean).join(' ')),
      Rect: rect,
      F: 4,
      P: d.page.dictionary,
      AP: { N: appearance },
    });
    field.end();
    d.page.annotations.push(field);
    return field;
  });
  // pdfkit ends an AcroForm itself (endAcroForm, in doc.end) and insists on a form font; a
  // signature field has no text, so the font list stays empty and nothing unembedded appears.
  d._acroform = { fonts: {}, defaultFont: 'none' };
  d._root.data.AcroForm = d.ref({ Fields: fields, DR: { Font: {} } });
}

/** Pages of a PDF this module wrote (one /Type /Page object each; pdfkit writes no object streams). */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/gu)?.length ?? 0;
}
