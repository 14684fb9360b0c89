/**
 * Lists, tables, links and the Dokument / skickas-till blocks in the exported PDF and DOCX,
 * rendered from the protocol model and checked with independent tools: poppler's pdftotext
 * (list items and table cells in order) and pdfinfo -struct (L/LI/Lbl/LBody, Table/TR/TH/TD
 * in the structure tree), PDFBox Preflight (still PDF/A-1b), and the DOCX's XML unzipped
 * (w:tbl, w:tblHeader, w:numPr with a decimal list, a hyperlink relationship).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { profileFromPreset } from '../../../src/bodies/presets';
import { buildProtocolModel, modelReadingOrder, type ProtocolModel } from '../../../src/export/model';
import { renderProtocolPdf } from '../../../main/export/pdf';
import { renderProtocolDocx } from '../../../main/export/docx';
import { tempDir } from '../../helpers/coreTransport';
import { bodyText, inOrder, pdfaStructure, preflight, run, squash } from '../../helpers/pdfTools';

const profile = profileFromPreset('sammantradesprotokoll', 'LSVO', { group: 'ledningsgrupp' });
const li = (id: string, text: string) => ({ type: 'list-item', id, children: [{ text }] });
const cell = (id: string, text: string) => ({ type: 'table-cell', id, children: [{ text }] });
const content = [
  {
    type: 'item',
    id: 'i1',
    children: [
      { type: 'item-title', id: 't1', children: [{ text: 'Uppföljning angående åtgärder utifrån IVOs granskning' }] },
      { type: 'paragraph', id: 'p1', children: [{ text: 'Åtgärderna innebär konkret, se ' }, { text: 'IVO:s beslut', link: 'https://www.ivo.se/beslut' }, { text: ':' }] },
      { type: 'list', id: 'l1', children: [li('a', 'Breddinförande av AMP i journalsystemet'), li('b', 'Rutin för AMP (syfte, rollfördelning)'), li('c', 'Gemensam plan för mobil närvård')] },
      { type: 'list', id: 'l2', ordered: true, children: [li('d', 'Steg ett: frågeställningar'), li('e', 'Steg två: grundarbete i samverkansgrupperna')] },
      {
        type: 'table',
        id: 'tb',
        children: [
          { type: 'table-row', id: 'r0', header: true, children: [cell('h1', 'Kommun'), cell('h2', 'Utvecklingssamordnare')] },
          { type: 'table-row', id: 'r1', children: [cell('c1', 'Karlskrona'), cell('c2', 'Två tjänster')] },
          { type: 'table-row', id: 'r2', children: [cell('c3', 'Sölvesborg'), cell('c4', 'En tjänst')] },
        ],
      },
      { type: 'decision', id: 'dc', children: [{ type: 'att-sats', id: 'as', children: [{ text: 'att lägga informationen till protokollet.' }] }] },
      { type: 'documents', id: 'dk', children: [li('f', 'Bilaga 1 Presentation IVO')] },
      { type: 'distribution', id: 'ds', children: [li('g', 'Kommunstyrelsen i Karlskrona'), li('h', 'Regionstyrelsen')] },
    ],
  },
];

const dir = tempDir('paragraf-rich-');
let model: ProtocolModel;
const pdf1b = path.join(dir, 'rich-1b.pdf');
const pdf2b = path.join(dir, 'rich-2b.pdf');
const docx = path.join(dir, 'rich.docx');

beforeAll(async () => {
  model = buildProtocolModel({
    meeting: { id: 'm1', title: '', date: '2021-05-07', startTime: '12:30', endTime: '15:30', place: 'via Teams', dnr: null },
    profile,
    roster: [],
    content,
    attendance: [],
    labels: [{ id: 'i1', label: '§ 103', subItems: [] }],
  });
  fs.writeFileSync(pdf1b, await renderProtocolPdf(model, { pdfa: '1b', now: new Date('2021-05-07T12:00:00Z') }));
  fs.writeFileSync(pdf2b, await renderProtocolPdf(model, { now: new Date('2021-05-07T12:00:00Z') }));
  fs.writeFileSync(docx, await renderProtocolDocx(model));
}, 60_000);

describe('lists and tables in the PDF', () => {
  it('list items, numbers, table cells, Dokument and skickas-till come out in order', () => {
    const text = squash(bodyText(pdf1b));
    const expected = [
      'Åtgärderna innebär konkret, se IVO:s beslut (https://www.ivo.se/beslut):',
      'Breddinförande av AMP i journalsystemet', 'Rutin för AMP (syfte, rollfördelning)', 'Gemensam plan för mobil närvård',
      '1.', 'Steg ett: frågeställningar', '2.', 'Steg två: grundarbete i samverkansgrupperna',
      'Kommun', 'Utvecklingssamordnare', 'Karlskrona', 'Två tjänster', 'Sölvesborg', 'En tjänst',
      'att lägga informationen till protokollet.',
      'Dokument:', 'Bilaga 1 Presentation IVO',
      'Protokollet skickas till:', 'Kommunstyrelsen i Karlskrona', 'Regionstyrelsen',
    ];
    expect(inOrder(text, expected)).toEqual({ missing: null });
    // The bullets (pdftotext may set a column of labels apart from the entries: only counted).
    expect((text.match(/•/gu) ?? []).length).toBeGreaterThanOrEqual(3 + 1 + 2);
    expect(inOrder(text, modelReadingOrder(model).filter((l) => l !== '§ 103'))).toEqual({ missing: null });
    // The check can fail: two cells in the wrong order are not found.
    expect(inOrder(text, ['En tjänst', 'Två tjänster']).missing).toBe('Två tjänster');
  });

  it('tags the list as L/LI/Lbl/LBody and the table as Table/TR/TH/TD', () => {
    const struct = run('pdfinfo', ['-struct', pdf1b]).out;
    for (const tag of ['L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']) expect(struct, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'mu'));
    // Two header cells, four data cells.
    expect(struct.match(/^\s*TH\b/gmu)).toHaveLength(2);
    expect(struct.match(/^\s*TD\b/gmu)).toHaveLength(4);
  });

  it('is still valid PDF/A-1b', () => {
    const r = preflight(pdf1b);
    expect(r.out).toContain('is a valid PDF/A-1b file');
  }, 90_000);

  it('nests the table as Table > TR > TH/TD in the structure tree, and passes the structural PDF/A-1b and -2b checks', () => {
    // pdfinfo -struct indents each element two spaces deeper than its parent.
    const lines = run('pdfinfo', ['-struct', pdf2b]).out.split('\n');
    const depth = (l: string) => l.length - l.trimStart().length;
    // "TH:" when attributes follow on the next lines ("/Scope /Column").
    const tag = (l: string) => l.trim().split(/\s/u)[0]!.replace(/:$/u, '');
    const parentOf = (i: number) => {
      for (let j = i - 1; j >= 0; j--) if (depth(lines[j]!) < depth(lines[i]!)) return tag(lines[j]!);
      return null;
    };
    const cells = lines.map((l, i) => [tag(l), i] as const).filter(([t]) => t === 'TH' || t === 'TD' || t === 'TR');
    expect(cells.length).toBe(3 + 2 + 4);
    for (const [t, i] of cells) expect(parentOf(i), `${t} at line ${i}`).toBe(t === 'TR' ? 'Table' : 'TR');
    // Header cells say which cells they head, for screen readers.
    for (const [t, i] of cells.filter(([x]) => x === 'TH')) expect(lines[i + 1]?.trim(), `${t} at line ${i}`).toBe('/Scope /Column');
    expect(pdfaStructure(pdf2b, 2)).toEqual([]);
    expect(pdfaStructure(pdf1b, 1)).toEqual([]);
  });
});

describe('lists and tables in the DOCX', () => {
  const xml = () => execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' });

  it('has a real Word table with a header row and the cells in order', () => {
    const x = xml();
    expect(x).toContain('<w:tbl>');
    expect(x).toContain('<w:tblHeader/>');
    const cells = [...x.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/gu)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(''));
    expect(cells).toEqual(['Kommun', 'Utvecklingssamordnare', 'Karlskrona', 'Två tjänster', 'Sölvesborg', 'En tjänst']);
  });

  it('has Word numbering for the lists: bullets and a decimal list', () => {
    const x = xml();
    expect((x.match(/<w:numPr>/gu) ?? []).length).toBeGreaterThanOrEqual(3 + 2 + 1 + 2);
    const numbering = execFileSync('unzip', ['-p', docx, 'word/numbering.xml'], { encoding: 'utf8' });
    expect(numbering).toContain('w:val="decimal"');
    expect(numbering).toContain('w:val="bullet"');
    expect(x).toContain('Protokollet skickas till:');
  });

  it('keeps the link as a hyperlink to its address', () => {
    expect(xml()).toContain('<w:hyperlink');
    const rels = execFileSync('unzip', ['-p', docx, 'word/_rels/document.xml.rels'], { encoding: 'utf8' });
    expect(rels).toContain('Target="https://www.ivo.se/beslut"');
  });
});
