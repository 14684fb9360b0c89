/**
 * The richer blocks of an item's discussion text: bullet and numbered lists, tables, the
 * "Dokument" block (attachments and links) and the "Protokollet skickas till" block
 * (recipients), and links in the text. Kept in their own file (schema.ts imports them into
 * its unions) so each block's shape, rules and constructors stand together.
 *
 *   list         = list-item+                 (ordered: a numbered list, else bullets)
 *   documents    = list-item+                 ("Dokument": one line per attachment or link)
 *   distribution = list-item+                 ("Protokollet skickas till": one line per recipient)
 *   table        = table-row+                 (every row as many cells as the widest)
 *   table-row    = table-cell+                (header: only the first row may be the header row)
 *   list-item, table-cell: text only (like a paragraph).
 * They stand wherever a paragraph can (in an item or a sub-item body), never nested in each
 * other: a list in a table cell or a table in a list item is flattened to its text, which
 * keeps every character and keeps the exporters simple.
 *
 * A link is a mark on text (`TextLeaf.link`), like the person reference: the words stay
 * ordinary text for search and every older reader. Only http:, https: and mailto: addresses
 * are allowed (`safeLinkUrl`); anything else (javascript:, file:, data:, a Word "smb:" path)
 * is stripped by the editor's normaliser and refused by the link dialog.
 *
 * Older documents wrote lists as paragraphs starting with "- " or "– ": those are still read
 * as lists by the export model and as text by the register, so nothing needs migrating.
 */
import type { TextLeaf } from './schema';

export interface ListItemElement {
  type: 'list-item';
  id: string;
  children: TextLeaf[];
}
export interface ListElement {
  type: 'list';
  id: string;
  /** A numbered list (1. 2. 3.); a bullet list when absent. */
  ordered?: boolean;
  children: ListItemElement[];
}
/** "Dokument": the attachments and links of an item, one per line (a line may hold a link). */
export interface DocumentsElement {
  type: 'documents';
  id: string;
  children: ListItemElement[];
}
/** "Protokollet skickas till": who gets the protocol (or this item's extract), one per line. */
export interface DistributionElement {
  type: 'distribution';
  id: string;
  children: ListItemElement[];
}
export interface TableCellElement {
  type: 'table-cell';
  id: string;
  children: TextLeaf[];
}
export interface TableRowElement {
  type: 'table-row';
  id: string;
  /** The table's header row (column headings). Only ever set on the first row. */
  header?: boolean;
  children: TableCellElement[];
}
export interface TableElement {
  type: 'table';
  id: string;
  children: TableRowElement[];
}

export type ListLikeElement = ListElement | DocumentsElement | DistributionElement;
/** The blocks of this file that stand in an item or sub-item body. */
export type RichBlockElement = ListLikeElement | TableElement;
export type RichElement = RichBlockElement | ListItemElement | TableRowElement | TableCellElement;

/** Containers whose children are list items. */
export const listLikeTypes = ['list', 'documents', 'distribution'] as const;
export const richBlockTypes = [...listLikeTypes, 'table'] as const;
export const richElementTypes = [...richBlockTypes, 'list-item', 'table-row', 'table-cell'] as const;
/** Text-holding elements of this file (leaf blocks, like a paragraph). */
export const richLeafTypes = ['list-item', 'table-cell'] as const;

export function isListLikeType(type: unknown): type is ListLikeElement['type'] {
  return typeof type === 'string' && (listLikeTypes as readonly string[]).includes(type);
}

/** What may stand directly inside each rich container (checkContent reads this). */
export const richAllowedChildren: Record<string, readonly string[]> = {
  list: ['list-item'],
  documents: ['list-item'],
  distribution: ['list-item'],
  table: ['table-row'],
  'table-row': ['table-cell'],
};

/** The words a block's heading shows (shown, not stored, like the decision's lead phrase). */
export const richBlockLabels = {
  documents: { sv: 'Dokument', en: 'Documents' },
  distribution: { sv: 'Protokollet skickas till', en: 'The minutes are sent to' },
} as const;

// Control characters and whitespace never belong in an address (they hide a second one).
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f<>"\\]/u;

/**
 * The address if it is one a protocol may link to (http:, https: or mailto:, with something
 * after the scheme), else null. Pure, no URL parser: src/ has neither DOM nor Node types.
 */
export function safeLinkUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  if (url.length > 2048 || UNSAFE_CHARS.test(url)) return null;
  if (/^https?:\/\/[^/?#@:]+(?::\d+)?(?:[/?#]\S*)?$/iu.test(url)) return url;
  if (/^https?:\/\/[^/?#]+@/iu.test(url)) return null; // credentials in a link: a phishing shape
  if (/^mailto:[^@\s]+@[^@\s]+$/iu.test(url)) return url;
  return null;
}

/**
 * What a person typed into the link dialog, as an address: "www.lsvo.se" and "lsvo.se/x"
 * become https links, "anna@kommun.se" a mailto link. Null when it cannot be made safe.
 */
export function linkUrlFromInput(input: string): string | null {
  const s = input.trim();
  if (s === '') return null;
  if (/^[a-z][a-z0-9+.-]*:/iu.test(s)) return safeLinkUrl(s);
  if (/^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/u.test(s)) return safeLinkUrl(`mailto:${s}`);
  if (/^[^\s/]+\.[a-z]{2,}(?:[/?#:]\S*)?$/iu.test(s)) return safeLinkUrl(`https://${s}`);
  return null;
}

const leaf = (text: string): TextLeaf[] => [{ text }];

export function newListItem(newId: () => string, text = ''): ListItemElement {
  return { type: 'list-item', id: newId(), children: leaf(text) };
}

export function newList(newId: () => string, ordered = false, texts: readonly string[] = ['']): ListElement {
  return { type: 'list', id: newId(), ...(ordered ? { ordered: true } : {}), children: (texts.length > 0 ? texts : ['']).map((t) => newListItem(newId, t)) };
}

export function newDocuments(newId: () => string, texts: readonly string[] = ['']): DocumentsElement {
  return { type: 'documents', id: newId(), children: (texts.length > 0 ? texts : ['']).map((t) => newListItem(newId, t)) };
}

export function newDistribution(newId: () => string, texts: readonly string[] = ['']): DistributionElement {
  return { type: 'distribution', id: newId(), children: (texts.length > 0 ? texts : ['']).map((t) => newListItem(newId, t)) };
}

export function newTableRow(newId: () => string, cells: number | readonly string[], header = false): TableRowElement {
  const texts = typeof cells === 'number' ? Array.from({ length: Math.max(1, cells) }, () => '') : cells.length > 0 ? cells : [''];
  return { type: 'table-row', id: newId(), ...(header ? { header: true } : {}), children: texts.map((t) => ({ type: 'table-cell', id: newId(), children: leaf(t) })) };
}

/** A table of `rows` × `cols` empty cells; with `header`, the first row is the header row. */
export function newTable(newId: () => string, rows = 2, cols = 2, header = true): TableElement {
  return { type: 'table', id: newId(), children: Array.from({ length: Math.max(1, rows) }, (_, i) => newTableRow(newId, cols, header && i === 0)) };
}
