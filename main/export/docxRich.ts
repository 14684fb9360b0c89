/**
 * Lists and tables of the protocol model (src/export/richBlocks.ts) as real Word structures:
 * bullet and numbered lists through Word's numbering (each numbered list restarts at 1: its
 * own numbering instance), the Dokument and "Protokollet skickas till" blocks as a bold
 * heading line and a bullet list, tables as w:tbl with a repeated header row, single borders.
 */
import { AlignmentType, BorderStyle, LevelFormat, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { RichModelBlock } from '../../src/export/richBlocks';

const LANG = { value: 'sv-SE' } as const;

/** The numbering definitions the lists refer to (for Document's numbering.config). */
export const richNumberingConfig = [
  {
    reference: 'numbered',
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 300 } } } }],
  },
];

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

export function richDocx(block: RichModelBlock, numberedInstance: () => number): Array<Paragraph | Table> {
  const text = (t: string, bold = false) => t.split('\n').map((line, i) => new TextRun({ text: line, language: LANG, bold, ...(i > 0 ? { break: 1 } : {}) }));
  if (block.kind === 'list') {
    const out: Array<Paragraph | Table> = [];
    if (block.heading) out.push(new Paragraph({ children: text(`${block.heading}:`, true), keepNext: true, spacing: { before: 120 } }));
    const instance = block.ordered ? numberedInstance() : 0;
    for (const e of block.entries) {
      out.push(new Paragraph({ numbering: block.ordered ? { reference: 'numbered', level: 0, instance } : { reference: 'bullets', level: 0 }, children: text(e) }));
    }
    return out;
  }
  const cols = Math.max(1, ...block.rows.map((r) => r.cells.length));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: block.rows.map(
      (r) =>
        new TableRow({
          tableHeader: r.header,
          children: r.cells.map((c) => new TableCell({ width: { size: Math.floor(100 / cols), type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: text(c, r.header) })] })),
        }),
    ),
  });
  // Word needs a paragraph between two tables (or they merge) and after a table that ends a section.
  return [table, new Paragraph({ children: [] })];
}
