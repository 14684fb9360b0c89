/**
 * The kallelse with its föredragningslista as a PDF (src/export/kallelse.ts): the same embedded
 * DejaVu Sans, tagging (sv-SE, headings, lists with Lbl/LBody) and PDF/A claim as the protocol
 * (pdf.ts does the set-up and the page furniture), no signature fields: a kallelse is sent, not
 * signed.
 */
import type { KallelseModel } from '../../src/export/kallelse';
import { MARGIN, A4, SIZE, paginate, startTaggedPdf, type PdfOptions } from './pdf';

/** Wide enough for "§ 1234" at body size: the numbers line up, the titles start at one edge. */
const LABEL_WIDTH = 52;

export function renderKallelsePdf(model: KallelseModel, options: Omit<PdfOptions, 'signatureFields'> = {}): Promise<Buffer> {
  const title = `${model.bodyName} kallelse ${model.date}`;
  const { doc, done, root, w } = startTaggedPdf({ title, author: model.bodyName, subject: 'Kallelse och föredragningslista' }, options);
  const width = A4.width - MARGIN.left - MARGIN.right;

  w.heading('H1', [model.bodyName, 'Kallelse'], SIZE.h1);
  w.paragraph([{ text: model.intro }]);
  w.labelled('Datum', model.date);
  if (model.dnr) w.labelled('Diarienummer', model.dnr);
  w.labelled('Tid och plats', model.timeAndPlace);

  if (model.called.length > 0) {
    w.heading('H2', ['Kallade'], SIZE.h2);
    for (const g of model.called) {
      w.heading('H3', [g.heading], SIZE.h3);
      w.list(g.people, false);
    }
  }
  w.paragraph([{ text: model.forhinder, italic: true }]);

  // The föredragningslista: a list whose labels are the § numbers (or 1., 2., …), so a screen
  // reader says "§ 101" before each title, as the printed page shows it.
  w.heading('H2', ['Föredragningslista'], SIZE.h2);
  const list = doc.struct('L');
  root.add(list);
  for (const item of model.items) {
    doc.font('Sans-Bold').fontSize(SIZE.body);
    const titleHeight = doc.heightOfString(item.title, { width: width - LABEL_WIDTH });
    w.need(titleHeight + (item.presenters.length + item.subItems.length) * SIZE.body * 1.5);
    const y = doc.y;
    const li = doc.struct('LI');
    list.add(li);
    li.add(doc.struct('Lbl', {}, () => doc.font('Sans-Bold').fontSize(SIZE.body).text(item.number, MARGIN.left, y, { width: LABEL_WIDTH - 6, lineBreak: false })));
    li.add(
      doc.struct('LBody', {}, () => {
        const x = MARGIN.left + LABEL_WIDTH;
        doc.font('Sans-Bold').fontSize(SIZE.body).text(item.title, x, y, { width: width - LABEL_WIDTH, lineGap: 1.5 });
        for (const p of item.presenters) doc.font('Sans-Oblique').fontSize(SIZE.body).text(p, x, undefined, { width: width - LABEL_WIDTH, lineGap: 1.5 });
        for (const s of item.subItems) doc.font('Sans').fontSize(SIZE.body).text(s, x + 14, undefined, { width: width - LABEL_WIDTH - 14, lineGap: 1.5 });
      }),
    );
    li.end();
    doc.x = MARGIN.left;
    doc.moveDown(0.5);
  }
  list.end();
  if (model.items.length === 0) w.paragraph([{ text: 'Föredragningslistan har inga punkter ännu.', italic: true }]);

  root.end();
  paginate(doc, model);
  doc.end();
  return done;
}
