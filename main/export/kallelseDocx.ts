/**
 * The kallelse with its föredragningslista as a Word document, from the same kallelse model as
 * the PDF (src/export/kallelse.ts): headings in Word's styles, the § number (or 1., 2., …)
 * before each title with a tab, föredragande in italics, sub-items indented.
 */
import { HeadingLevel, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { KallelseModel } from '../../src/export/kallelse';
import { bullet, heading, labelled, para, run, wordDocument } from './docx';

export function renderKallelseDocx(model: KallelseModel): Promise<Buffer> {
  const body: Paragraph[] = [heading(model.bodyName, HeadingLevel.HEADING_1), heading('Kallelse', HeadingLevel.HEADING_1), para(model.intro)];
  body.push(labelled('Datum', model.date));
  if (model.dnr) body.push(labelled('Diarienummer', model.dnr));
  body.push(labelled('Tid och plats', model.timeAndPlace));
  if (model.called.length > 0) body.push(heading('Kallade', HeadingLevel.HEADING_2));
  for (const g of model.called) body.push(heading(g.heading, HeadingLevel.HEADING_3), ...g.people.map(bullet));
  body.push(para(model.forhinder, { italics: true }));
  body.push(heading('Föredragningslista', HeadingLevel.HEADING_2));
  for (const item of model.items) {
    body.push(new Paragraph({ keepNext: item.presenters.length + item.subItems.length > 0, tabStops: [{ type: TabStopType.LEFT, position: 900 }], indent: { left: 900, hanging: 900 }, spacing: { before: 120 }, children: [run(item.number, { bold: true }), new TextRun({ children: [new Tab(), item.title], bold: true, language: { value: 'sv-SE' } })] }));
    for (const p of item.presenters) body.push(new Paragraph({ indent: { left: 900 }, children: [run(p, { italics: true })] }));
    for (const s of item.subItems) body.push(new Paragraph({ indent: { left: 1200 }, children: [run(s)] }));
  }
  if (model.items.length === 0) body.push(para('Föredragningslistan har inga punkter ännu.', { italics: true }));
  return wordDocument(`${model.bodyName} kallelse ${model.date}`, model, body);
}
