/**
 * The protocol as a Word document (DOCX), from the same protocol model as the PDF, so the two
 * never disagree; for the bodies that still edit or publish from Word. Built with the `docx`
 * package: real Word styles (Heading 1–3, list bullets) so the document stays editable and its
 * headings navigable, language sv-SE on every run for Word's spelling and screen readers.
 * No signature fields: a DOCX is a working copy, the PDF is what is signed.
 */
import { AlignmentType, Document, ExternalHyperlink, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import { utdragsbestyrkande, type Block, type ProtocolModel } from '../../src/export/model';
import { javLine, rollCallTable, type OmrostningBlock } from '../../src/export/politics';
import { richDocx, richNumberingConfig } from './docxRich';
import { signaturePageText } from './signaturePage';

const LANG = { value: 'sv-SE' } as const;
export const run = (text: string, o: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text, language: LANG, ...o });
export const para = (text: string, o: { bold?: boolean; italics?: boolean; indent?: boolean } = {}) =>
  new Paragraph({ children: [run(text, o)], ...(o.indent ? { indent: { left: 360 } } : {}), spacing: { after: 120 } });
export const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ heading: level, children: [run(text)], keepNext: true });
export const bullet = (text: string) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [run(text)] });
export const labelled = (label: string, value: string) => new Paragraph({ children: [run(`${label}: `, { bold: true }), run(value)], spacing: { after: 80 } });

/** An omröstning: the proposition, the named list as a Word table with the sums, the result. */
function omrostning(b: OmrostningBlock): Array<Paragraph | Table> {
  return [
    new Paragraph({ children: [run(`${b.label}${b.text ? ': ' : ''}`, { bold: true }), ...(b.text ? [run(b.text)] : [])], spacing: { after: 120 }, keepNext: true }),
    ...(b.proposition ? [para(b.proposition, { indent: true })] : []),
    ...richDocx(rollCallTable(b), () => 0),
    ...(b.jav.length > 0 ? [para(javLine(b.jav), { indent: true })] : []),
    ...(b.result ? [para(b.result, { bold: true, indent: true })] : []),
    ...b.problems.map((p) => para(`Obs: ${p}`, { italics: true, indent: true })),
  ];
}

/** `nextNumbered`: a new numbering instance per numbered list, so each restarts at 1. */
function blocks(bs: Block[], nextNumbered: () => number): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const b of bs) {
    if (b.kind === 'paragraph') {
      const runs = b.runs.map((r) => {
        const t = run(r.text, { ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}) });
        return r.link ? new ExternalHyperlink({ link: r.link, children: [t] }) : t;
      });
      out.push(new Paragraph({ children: runs, spacing: { after: 120 } }));
    } else if (b.kind === 'presenters') out.push(para(b.text, { italics: true }));
    else if (b.kind === 'list' || b.kind === 'table') out.push(...richDocx(b, nextNumbered));
    else if (b.kind === 'political') out.push(new Paragraph({ children: [run(`${b.label} `, { bold: true }), run(b.text), ...(b.note ? [run(` ${b.note}`, { italics: true })] : [])], spacing: { after: 120 } }));
    else if (b.kind === 'omrostning') out.push(...omrostning(b));
    else out.push(para(b.lead, { bold: true }), ...b.decisions.map((d) => para(d, { indent: true })));
  }
  return out;
}

export async function renderProtocolDocx(model: ProtocolModel): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [];
  let numbered = 0;
  const nextNumbered = () => ++numbered;
  body.push(heading(model.bodyName, HeadingLevel.HEADING_1), heading(model.documentTitle, HeadingLevel.HEADING_1));
  body.push(labelled('Datum', model.date));
  if (model.dnr) body.push(labelled('Diarienummer', model.dnr));
  if (model.timeAndPlace) body.push(labelled('Tid och plats', model.timeAndPlace));
  for (const g of model.attendance) {
    body.push(heading(g.heading, HeadingLevel.HEADING_3));
    for (const p of g.people) {
      const extra = [...p.roles.map((r) => r.toLocaleLowerCase('sv')), ...p.notes];
      body.push(para([p.name, p.description].filter((s) => s !== '').join(', ') + (extra.length ? ` (${extra.join('; ')})` : '')));
    }
  }
  if (model.justerare.length > 0) body.push(labelled('Justerare', model.justerare.join(', ')));
  if (model.justering) body.push(labelled('Justering', model.justering));
  if (model.kind === 'protokoll') {
    body.push(heading('Underskrifter', HeadingLevel.HEADING_2));
    if (model.span) body.push(labelled('Paragrafer', model.span));
    for (const s of model.signatures) {
      body.push(new Paragraph({ children: [run('')], spacing: { before: 480 }, border: { bottom: { style: 'single', size: 4, color: '000000', space: 1 } } }));
      body.push(para(s.name ?? ''), para([s.roleLabel, s.description].filter(Boolean).join(', ')));
    }
    body.push(heading('Ärendeförteckning', HeadingLevel.HEADING_2));
    for (const i of model.items) {
      body.push(para([i.label, i.title].filter(Boolean).join(' ')));
      for (const s of i.subItems) body.push(para([s.label, s.title].filter(Boolean).join(' '), { indent: true }));
    }
  }
  for (const item of model.items) {
    if (item.label) body.push(heading(item.label, HeadingLevel.HEADING_2));
    body.push(heading(item.title, HeadingLevel.HEADING_2));
    body.push(...blocks(item.blocks, nextNumbered));
    for (const s of item.subItems) {
      body.push(heading([s.label, s.title].filter(Boolean).join(' '), HeadingLevel.HEADING_3));
      body.push(...blocks(s.blocks, nextNumbered));
    }
    if (item.bordlagd) body.push(para('Ärendet bordlades.', { italics: true }));
  }
  if (model.distribution.length > 0 && model.kind === 'protokoll') {
    body.push(heading('Protokollet ska skickas till', HeadingLevel.HEADING_3), ...model.distribution.map(bullet));
  }
  if (model.rattelser.length > 0) {
    body.push(heading('Rättelser', HeadingLevel.HEADING_2), para('Protokollet ovan är det justerade. Följande rättelser har gjorts efter justeringen.', { italics: true }));
    for (const r of model.rattelser) {
      body.push(para(`${r.at.slice(0, 16).replace('T', ' ')} UTC · ${r.by}${r.label ? ` · ${r.label}` : ''}`, { bold: true }), para(`Ändring: ${r.what}`, { indent: true }), para(`Skäl: ${r.why}`, { indent: true }));
    }
  }
  if (model.kind === 'utdrag') {
    body.push(heading('Utdragsbestyrkande', HeadingLevel.HEADING_3), para(utdragsbestyrkande(model)));
  } else if (model.signatures.length > 0) {
    const page = signaturePageText(model);
    body.push(new Paragraph({ pageBreakBefore: true, heading: HeadingLevel.HEADING_2, children: [run(page.heading)] }));
    body.push(...page.intro.map((p) => para(p)), heading(page.signersHeading, HeadingLevel.HEADING_3), ...page.signers.map(bullet));
    body.push(heading(page.verifyHeading, HeadingLevel.HEADING_3), ...page.verify.map((p) => para(p)));
  }

  return wordDocument(`${model.bodyName} ${model.documentTitle.toLocaleLowerCase('sv')} ${model.date}`, model, body);
}

/**
 * A Word document with Paragraf's styles (Calibri, sv-SE, bullets), the header line
 * "body · title · date · Dnr" and "Sida n (N)" in the footer: shared by every DOCX export.
 */
export function wordDocument(title: string, header: Pick<ProtocolModel, 'bodyName' | 'documentTitle' | 'date' | 'dnr'>, body: Array<Paragraph | Table>): Promise<Buffer> {
  const doc = new Document({
    creator: 'Paragraf',
    title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22, language: LANG } } } },
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] }, ...richNumberingConfig],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [run(`${header.bodyName} · ${header.documentTitle} · ${header.date}${header.dnr ? ` · Dnr ${header.dnr}` : ''}`)] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ language: LANG, children: ['Sida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'] })] })],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
