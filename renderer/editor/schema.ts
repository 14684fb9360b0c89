/**
 * The Slate side of the meeting document's schema. The element types and the structural rules
 * are defined once, in src/protocol/schema.ts (the Core reads and checks the same tree); this
 * file only tells Slate about them and adds the small constructors the editor's commands use.
 *
 *   content  = item*
 *   item     = item-title, (body | subitem)*
 *   subitem  = subitem-title, body*
 *   body     = paragraph | foredragande | decision | political (yrkande, omrostning … : withPolitics)
 *   decision = att-sats+
 *
 * A § number or a sub-item letter is never stored: it is computed (src/numbering) and shown by
 * the element outside the editable text.
 */
import type { BaseEditor, Descendant } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { YHistoryEditor, YjsEditor } from '@slate-yjs/core';
import {
  newAttSats as newProtocolAttSats,
  newDecision as newProtocolDecision,
  newForedragande as newProtocolForedragande,
  newItem as newProtocolItem,
  newSubItem as newProtocolSubItem,
  type AttSatsElement,
  type DecisionElement,
  type ForedragandeElement,
  type ItemElement,
  type ItemTitleElement,
  type ParagraphElement,
  type ProtocolElement,
  type SubItemElement,
  type SubItemTitleElement,
  type TextLeaf,
  newDistribution as newProtocolDistribution,
  newDocuments as newProtocolDocuments,
  newList as newProtocolList,
  newListItem as newProtocolListItem,
  newTable as newProtocolTable,
  newTableRow as newProtocolTableRow,
  richElementTypes,
  richLeafTypes,
  type DistributionElement,
  type DocumentsElement,
  type ListElement,
  type ListItemElement,
  type TableCellElement,
  type TableElement,
  type TableRowElement,
} from '../../src/protocol/schema';
import { newPolitical, politicalTypes, type PoliticalElement, type PoliticalType } from '../../src/protocol/politicsSchema';

export type { DistributionElement, DocumentsElement, ListElement, ListItemElement, TableCellElement, TableElement, TableRowElement };
export type { AttSatsElement, DecisionElement, ForedragandeElement, ItemElement, ItemTitleElement, ParagraphElement, ProtocolElement, SubItemElement, SubItemTitleElement, TextLeaf };

export type ElementType = ProtocolElement['type'];
export const elementTypes: readonly ElementType[] = ['item', 'item-title', 'subitem', 'subitem-title', 'paragraph', 'foredragande', 'decision', 'att-sats', ...politicalTypes, ...richElementTypes];

/** Blocks that hold text directly (never other blocks). */
export type LeafBlock = ItemTitleElement | SubItemTitleElement | ParagraphElement | ForedragandeElement | AttSatsElement | PoliticalElement | ListItemElement | TableCellElement;
export const leafTypes: readonly ElementType[] = ['item-title', 'subitem-title', 'paragraph', 'foredragande', 'att-sats', ...politicalTypes, ...richLeafTypes];

/**
 * The editor the app works with. The React and history parts are added in different places
 * (unit tests build the editor without React), but the type describes the full app editor.
 */
export type MeetingEditor = BaseEditor & ReactEditor & YjsEditor & YHistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: MeetingEditor;
    Element: ProtocolElement;
    Text: TextLeaf;
  }
}

/**
 * Random ids for elements. crypto.randomUUID needs a secure context (the harness on 127.0.0.1
 * and Electron's registered scheme are); the fallback keeps an odd embedding from crashing.
 */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function isElementType(value: unknown): value is ElementType {
  return typeof value === 'string' && (elementTypes as readonly string[]).includes(value);
}

export function isLeafType(value: unknown): value is LeafBlock['type'] {
  return typeof value === 'string' && (leafTypes as readonly string[]).includes(value);
}

/** A new § item: an empty title and an empty paragraph under it, where typing continues. */
export function newItem(title = '', extra: Partial<Pick<ItemElement, 'agendaKey' | 'bordlagd'>> = {}): ItemElement {
  return newProtocolItem(newId, title, extra);
}

/** A new sub-item (a/, b/ …): an empty sub-item title and an empty paragraph. */
export function newSubItem(title = ''): SubItemElement {
  return newProtocolSubItem(newId, title);
}

export function itemTitle(text = ''): ItemTitleElement {
  return { type: 'item-title', id: newId(), children: [{ text }] };
}

export function subItemTitle(text = ''): SubItemTitleElement {
  return { type: 'subitem-title', id: newId(), children: [{ text }] };
}

export function paragraph(text = ''): ParagraphElement {
  return { type: 'paragraph', id: newId(), children: [{ text }] };
}

/** A decision block with one empty att-sats (or one per text given). */
export function decision(texts?: readonly string[]): DecisionElement {
  return newProtocolDecision(newId, texts);
}

export function attSats(text = ''): AttSatsElement {
  return newProtocolAttSats(newId, text);
}

export function foredragande(text = ''): ForedragandeElement {
  return newProtocolForedragande(newId, text);
}

/** A new political line (yrkande, omröstning, reservation …: src/protocol/politicsSchema.ts). */
export function political<T extends PoliticalType>(type: T, text = '') {
  return newPolitical(newId, type, text);
}

export type { Descendant };

export function listItem(text = ''): ListItemElement {
  return newProtocolListItem(newId, text);
}

/** A bullet (or numbered) list with one empty item, or one per text given. */
export function list(ordered = false, texts?: readonly string[]): ListElement {
  return newProtocolList(newId, ordered, texts);
}

export function documentsBlock(texts?: readonly string[]): DocumentsElement {
  return newProtocolDocuments(newId, texts);
}

export function distributionBlock(texts?: readonly string[]): DistributionElement {
  return newProtocolDistribution(newId, texts);
}

/** A table; by default 2 × 2 with a header row (Alt+Shift+T). */
export function table(rows = 2, cols = 2, header = true): TableElement {
  return newProtocolTable(newId, rows, cols, header);
}

export function tableRow(cells: number | readonly string[]): TableRowElement {
  return newProtocolTableRow(newId, cells);
}
