/**
 * Lists (bullet and numbered, and the Dokument and "Protokollet skickas till" blocks with their
 * heading) and tables of the protocol model (src/export/richBlocks.ts) in the PDF, tagged the
 * way pdf.ts tags the rest: L > LI > Lbl + LBody for a list, Table > TR > TH/TD for a table
 * (TH with Scope Column on the header row), the cell borders marked as Artifact.
 */
import type { RichModelBlock, TableRowBlock } from '../../src/export/richBlocks';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export interface RichPdfContext {
  doc: Doc;
  root: Struct;
  left: number;
  width: number;
  /** The lowest y text may reach on a page. */
  bottom: number;
  size: number;
}

const LABEL_WIDTH = 18;
const CELL_PAD = 4;

export function drawRichBlock(ctx: RichPdfContext, block: RichModelBlock): void {
  if (block.kind === 'list') drawList(ctx, block.entries, block.ordered === true, block.heading);
  else drawTable(ctx, block.rows);
}

function need(ctx: RichPdfContext, height: number): void {
  if (ctx.doc.y + height > ctx.bottom) ctx.doc.addPage();
}

export function drawList(ctx: RichPdfContext, entries: readonly string[], ordered: boolean, heading?: string): void {
  const { doc, root, left, width, size } = ctx;
  if (heading) {
    // Keep the heading with the first entry.
    need(ctx, size * 1.4 * 2.5);
    root.add(doc.struct('P', {}, () => doc.font('Sans-Bold').fontSize(size).text(`${heading}:`, left, undefined, { width })));
    doc.moveDown(0.15);
  }
  const list = doc.struct('L');
  root.add(list);
  entries.forEach((entry, i) => {
    doc.font('Sans').fontSize(size);
    need(ctx, doc.heightOfString(entry, { width: width - LABEL_WIDTH }) + 2);
    const y = doc.y;
    const li = doc.struct('LI');
    list.add(li);
    li.add(doc.struct('Lbl', {}, () => doc.font('Sans').fontSize(size).text(ordered ? `${i + 1}.` : '•', left, y, { lineBreak: false })));
    li.add(doc.struct('LBody', {}, () => doc.font('Sans').fontSize(size).text(entry, left + LABEL_WIDTH, y, { width: width - LABEL_WIDTH, lineGap: 1.5 })));
    li.end();
    doc.moveDown(0.15);
  });
  list.end();
  doc.x = left;
  doc.moveDown(0.3);
}

export function drawTable(ctx: RichPdfContext, rows: readonly TableRowBlock[]): void {
  const { doc, root, left, width, size } = ctx;
  const cols = Math.max(1, ...rows.map((r) => r.cells.length));
  const colWidth = width / cols;
  const table = doc.struct('Table');
  root.add(table);
  for (const row of rows) {
    const fontName = row.header ? 'Sans-Bold' : 'Sans';
    doc.font(fontName).fontSize(size);
    const height = Math.max(...row.cells.map((c) => doc.heightOfString(c || ' ', { width: colWidth - 2 * CELL_PAD, lineGap: 1 }))) + 2 * CELL_PAD;
    need(ctx, height);
    const y = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    row.cells.forEach((text, j) => {
      const x = left + j * colWidth;
      const cell = doc.struct(row.header ? 'TH' : 'TD', row.header ? ({ scope: 'Column' } as never) : {}, () => {
        doc.font(fontName).fontSize(size).text(text, x + CELL_PAD, y + CELL_PAD, { width: colWidth - 2 * CELL_PAD, lineGap: 1 });
      });
      tr.add(cell);
    });
    tr.end();
    // The grid is decoration: the cells' text is the content.
    doc.markContent('Artifact', { type: 'Layout' });
    for (let j = 0; j < cols; j++) doc.rect(left + j * colWidth, y, colWidth, height).lineWidth(0.5).stroke();
    doc.endMarkedContent();
    doc.x = left;
    doc.y = y + height;
  }
  table.end();
  doc.moveDown(0.6);
}
