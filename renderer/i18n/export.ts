/**
 * The strings of the export, signing and verification dialog and of a justerat meeting's
 * read-only view. Kept beside sv.json/en.json rather than in them: those files are typed as
 * the whole app's key set and edited by every part of the UI at once; these are read with
 * `useExportStrings()`, which follows the language i18next has chosen.
 */
import { useTranslation } from 'react-i18next';

const sv = {
  open: 'Exportera och signera…',
  title: 'Exportera, skriv under och kontrollera',
  close: 'Stäng',
  exportHeading: 'Exportera',
  format: 'Format',
  formatPdf: 'PDF (PDF/A för arkivet)',
  formatDocx: 'Word (DOCX), redigerbart',
  extract: 'Protokollsutdrag: välj paragrafer (inga valda ger hela protokollet)',
  exportButton: 'Exportera',
  exporting: 'Skapar filen…',
  exported: (file: string, pages: number | null) => `Klar: ${file}${pages ? `, ${pages} sidor` : ''}. Filen har sparats i Hämtade filer.`,
  signHeading: 'Skriv under',
  signPdf: 'PDF-fil att skriva under (tomt: den senast exporterade)',
  signP12: 'Certifikatfil (.p12 eller .pfx)',
  signPassword: 'Lösenord till certifikatet',
  signButton: 'Skriv under',
  signing: 'Skriver under…',
  signed: (signer: string, field: string) => `Underskrivet av ${signer} (${field}). Den underskrivna filen har sparats.`,
  justerat: 'Alla har skrivit under: protokollet är justerat och låst.',
  needPdf: 'Exportera protokollet eller välj en PDF-fil att skriva under.',
  needP12: 'Välj certifikatfilen.',
  verifyHeading: 'Kontrollera underskrifter',
  verifyPdf: 'Underskriven PDF-fil',
  verifyButton: 'Kontrollera',
  verifying: 'Kontrollerar…',
  noSignatures: 'Filen har inga underskrifter.',
  valid: 'giltig',
  invalid: 'ogiltig',
  intact: 'Dokumentet är oförändrat sedan underskrifterna.',
  notIntact: 'Dokumentet kan inte bekräftas som oförändrat.',
  changedAfter: 'Filen har ändrats efter den sista underskriften.',
  locked: 'Protokollet är justerat och låst. Texten kan inte ändras; en ändring görs som rättelse och visas i nästa export.',
  rattelseHeading: 'Rättelse',
  rattelseWhat: 'Vad ändras',
  rattelseWhy: 'Varför',
  rattelseBy: 'Vem gör rättelsen',
  rattelseButton: 'Spara rättelsen',
  rattelseSaved: 'Rättelsen är sparad och visas i nästa export.',
  lockHeading: 'Markera som justerat',
  lockHint: 'När inte alla skriver under i PDF-filen (till exempel en justerare som skriver under på papper): välj den underskrivna PDF-filen. Protokollet låses.',
  lockPdf: 'Underskriven PDF-fil av protokollet',
  lockButton: 'Markera som justerat',
  locking: 'Kontrollerar och låser…',
  lockedNow: 'Protokollet är justerat och låst.',
};

const en: typeof sv = {
  open: 'Export and sign…',
  title: 'Export, sign and verify',
  close: 'Close',
  exportHeading: 'Export',
  format: 'Format',
  formatPdf: 'PDF (PDF/A for the archive)',
  formatDocx: 'Word (DOCX), editable',
  extract: 'Extract (protokollsutdrag): choose § (none chosen gives the whole minutes)',
  exportButton: 'Export',
  exporting: 'Making the file…',
  exported: (file, pages) => `Done: ${file}${pages ? `, ${pages} pages` : ''}. The file was saved in Downloads.`,
  signHeading: 'Sign',
  signPdf: 'PDF file to sign (empty: the one last exported)',
  signP12: 'Certificate file (.p12 or .pfx)',
  signPassword: 'Certificate password',
  signButton: 'Sign',
  signing: 'Signing…',
  signed: (signer, field) => `Signed by ${signer} (${field}). The signed file was saved.`,
  justerat: 'Everyone has signed: the minutes are justerat and locked.',
  needPdf: 'Export the minutes or choose a PDF file to sign.',
  needP12: 'Choose the certificate file.',
  verifyHeading: 'Verify signatures',
  verifyPdf: 'Signed PDF file',
  verifyButton: 'Verify',
  verifying: 'Verifying…',
  noSignatures: 'The file has no signatures.',
  valid: 'valid',
  invalid: 'invalid',
  intact: 'The document is unchanged since it was signed.',
  notIntact: 'The document cannot be confirmed unchanged.',
  changedAfter: 'The file was changed after the last signature.',
  locked: 'The minutes are justerat (signed) and locked. The text cannot be changed; a change is made as a rättelse (correction) and shown in the next export.',
  rattelseHeading: 'Rättelse (correction)',
  rattelseWhat: 'What changes',
  rattelseWhy: 'Why',
  rattelseBy: 'Who makes the correction',
  rattelseButton: 'Save the correction',
  rattelseSaved: 'The correction is saved and shown in the next export.',
  lockHeading: 'Mark as justerat',
  lockHint: 'When not everyone signs the PDF (e.g. a justerare who signs on paper): choose the signed PDF file. The minutes are locked.',
  lockPdf: 'Signed PDF file of the minutes',
  lockButton: 'Mark as justerat',
  locking: 'Checking and locking…',
  lockedNow: 'The minutes are justerat and locked.',
};

export const exportStrings = { sv, en };
export type ExportStrings = typeof sv;

export function useExportStrings(): ExportStrings {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? en : sv;
}
