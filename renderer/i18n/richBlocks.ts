/**
 * The strings of lists, tables, links and the Dokument / "Protokollet skickas till" blocks in
 * the editor (the shortcut help, the link dialog, the labels screen readers hear). Kept beside
 * sv.json/en.json like export.ts, so these parts do not edit the app-wide key set.
 */
import { useTranslation } from 'react-i18next';

const sv = {
  help: 'Listor och tabeller: "- " eller "* " i början av ett stycke ger en punktlista, "1. " en numrerad lista (Alt+Shift+L och Alt+Shift+N gör detsamma); Enter på en tom listpunkt avslutar listan. Alt+Shift+T ger en tabell (2 × 2 med rubrikrad); Tabb och Skift+Tabb flyttar mellan cellerna, Tabb i sista cellen eller Enter i slutet av den ger en ny rad, Enter på en tom sista rad lämnar tabellen. Ctrl+K ger en länk (Ctrl+klick öppnar den). Alt+Shift+D ger blocket Dokument, Alt+Shift+S blocket Protokollet skickas till.',
  table: 'Tabell',
  bulletList: 'Punktlista',
  numberedList: 'Numrerad lista',
  newTable: 'Tabell',
  newDocuments: 'Dokument',
  newDistribution: 'Skickas till',
  newLink: 'Länk',
  linkTitle: 'Länk',
  linkAddress: 'Adress (https://…, http://… eller e-postadress)',
  linkText: 'Text som visas (tomt: adressen)',
  linkSave: 'Lägg in länken',
  linkRemove: 'Ta bort länken',
  linkCancel: 'Avbryt',
  linkInvalid: 'Adressen kan inte länkas. Bara webbadresser (https://, http://) och e-postadresser (mailto:) är tillåtna.',
  linkHint: (url: string) => `Länk till ${url}. Ctrl+klicka för att öppna.`,
};

const en: typeof sv = {
  help: 'Lists and tables: "- " or "* " at the start of a paragraph starts a bullet list, "1. " a numbered list (Alt+Shift+L and Alt+Shift+N do the same); Enter on an empty list item ends the list. Alt+Shift+T inserts a table (2 × 2 with a header row); Tab and Shift+Tab move between cells, Tab in the last cell or Enter at its end adds a row, Enter on an empty last row leaves the table. Ctrl+K inserts a link (Ctrl+click opens it). Alt+Shift+D inserts the Dokument block, Alt+Shift+S the "Protokollet skickas till" block.',
  table: 'Table',
  bulletList: 'Bullet list',
  numberedList: 'Numbered list',
  newTable: 'Table',
  newDocuments: 'Documents',
  newDistribution: 'Sent to',
  newLink: 'Link',
  linkTitle: 'Link',
  linkAddress: 'Address (https://…, http://… or an e-mail address)',
  linkText: 'Text shown (empty: the address)',
  linkSave: 'Insert the link',
  linkRemove: 'Remove the link',
  linkCancel: 'Cancel',
  linkInvalid: 'This address cannot be linked. Only web addresses (https://, http://) and e-mail addresses (mailto:) are allowed.',
  linkHint: (url: string) => `Link to ${url}. Ctrl+click to open.`,
};

export const richStrings = { sv, en };
export type RichStrings = typeof sv;

export function useRichStrings(): RichStrings {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? en : sv;
}
