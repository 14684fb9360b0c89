/**
 * The decision register as a PDF for the chair before the meeting: the open (or chosen)
 * decisions of a body, grouped by meeting, each with its § label, the att-sats, owners, due
 * point, status, "Försenad" where it is overdue and where it was reported back. Real text in
 * the embedded DejaVu Sans, so å ä ö § are searchable. A working list, not an archived
 * document: it is not PDF/A and not tagged (the protocol export is both).
 */
import PDFDocument from 'pdfkit';
import type { RegisterDecisionRow } from '../../src/api/registerContract';
import { dueText } from '../../src/register/registerCsv';
import { collectPdf, registerSans } from './pdf';

const statusSv: Record<RegisterDecisionRow['status'], string> = { open: 'Öppen', done: 'Klar', cancelled: 'Avskriven' };

export interface RegisterPdfOptions {
  bodyName: string;
  /** What the list shows ("Öppna beslut", "Alla beslut"), in the heading. */
  selection: string;
  now?: Date;
}

export function renderRegisterPdf(rows: readonly RegisterDecisionRow[], options: RegisterPdfOptions): Promise<Buffer> {
  const now = options.now ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: 'sv-SE',
    displayTitle: true,
    info: { Title: `Beslutsregister – ${options.bodyName}`, Creator: 'Paragraf', CreationDate: now },
    bufferPages: true,
  } as PDFKit.PDFDocumentOptions);
  const done = collectPdf(doc);
  registerSans(doc);

  doc.font('Sans-Bold').fontSize(16).text(`Beslutsregister – ${options.bodyName}`);
  doc.font('Sans').fontSize(9).fillColor('#444').text(`${options.selection}. Utskrivet ${now.toISOString().slice(0, 10)} ur Paragraf. ${rows.length} beslut.`);
  doc.fillColor('black').moveDown(1);

  let meeting = '';
  for (const r of rows) {
    if (r.meetingId !== meeting) {
      meeting = r.meetingId;
      doc.moveDown(0.5).font('Sans-Bold').fontSize(12).text(`Möte ${r.meetingDate}`);
      doc.moveDown(0.2);
    }
    doc.font('Sans-Bold').fontSize(10).text(`${r.label ?? '§ ?'} ${r.itemTitle}`, { continued: false });
    doc.font('Sans').fontSize(10).text(r.text, { indent: 12 });
    const meta = [
      r.owners.length > 0 ? `Ansvariga: ${r.owners.map((o) => o.name).join(', ')}` : 'Ingen ansvarig',
      r.due ? `Senast: ${dueText(r)}` : '',
      `Status: ${statusSv[r.status]}`,
      r.overdue ? 'FÖRSENAD' : '',
      ...r.reportedIn.map((x) => `Återrapporterat ${x.label ?? '§'}, ${x.meetingDate}`),
    ].filter(Boolean);
    doc.fontSize(8.5).fillColor(r.overdue ? '#8a1c1c' : '#444').text(meta.join(' · '), { indent: 12 });
    doc.fillColor('black').moveDown(0.5);
  }
  if (rows.length === 0) doc.font('Sans').fontSize(10).text('Inga beslut att följa upp.');

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Written inside the bottom margin: without lifting it, pdfkit would start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Sans').fontSize(8).fillColor('#444').text(`Sida ${i + 1} (${range.count})`, 56, doc.page.height - 40, { width: doc.page.width - 112, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
