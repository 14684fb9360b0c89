/**
 * The words of the protocol's last page on its electronic signatures, shared by the PDF and the
 * DOCX. Written before anyone signs (the PDF must not change under a signature), so it names
 * who is to sign and where the signatures and their times are shown; once the protocol is
 * justerat, later exports list who signed and when, from the lock record.
 */
import type { ProtocolModel } from '../../src/export/model';

export interface SignaturePageText {
  heading: string;
  intro: string[];
  signersHeading: string;
  signers: string[];
  verifyHeading: string;
  verify: string[];
}

const when = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'tid okänd');

export function signaturePageText(model: ProtocolModel, fileName = 'protokollet.pdf'): SignaturePageText {
  const j = model.justerat;
  if (j) {
    return {
      heading: 'Elektroniska underskrifter',
      intro: [
        `Protokollet justerades ${when(j.at)} med avancerade elektroniska underskrifter (PAdES). Den här filen är en senare utskrift av det justerade protokollet och är inte själv underskriven.`,
        `Det underskrivna originalet har SHA-256-kontrollsumman ${j.signedPdfSha256}.`,
      ],
      signersHeading: 'Underskrivet av',
      signers: j.signers.map((s) => `${s.name ?? 'okänd undertecknare'}, ${when(s.signedAt)}`),
      verifyHeading: 'Så kontrolleras originalet',
      verify: [`Kör "paragraf verify ${fileName}" eller "pdfsig ${fileName}" (Poppler) på originalet, eller öppna det i en PDF-läsare och visa underskriftspanelen.`],
    };
  }
  return {
    heading: 'Elektroniska underskrifter',
    intro: [
      'Detta protokoll skrivs under elektroniskt med avancerade elektroniska underskrifter (PAdES), en för varje undertecknare nedan. Underskrifterna finns i PDF-filen; var och en anger vem som skrev under och när, och gäller bara så länge filen är oförändrad.',
    ],
    signersHeading: 'Ska skrivas under av',
    signers: model.signatures.map((s) => `${s.roleLabel}: ${s.name ?? '(ej angiven)'}${s.description ? `, ${s.description}` : ''}`),
    verifyHeading: 'Så kontrolleras underskrifterna',
    verify: [
      'Öppna filen i en PDF-läsare och visa underskriftspanelen: där står varje undertecknares namn och tidpunkten för underskriften.',
      `Eller kör i en terminal: "paragraf verify ${fileName}" (Paragraf) eller "pdfsig ${fileName}" (Poppler). Har filen ändrats efter en underskrift visas underskriften som ogiltig eller filen som ändrad efter den sista underskriften.`,
    ],
  };
}
