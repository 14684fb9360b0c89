/**
 * The Slate side of the meeting document's schema. The element types and the structural rules
 * are defined once, in src/protocol/schema.ts (the Core reads and checks the same tree); this
 * file only tells Slate about them and adds the small constructors the editor's commands use.
 *
 *   content  = item*
 *   item     = item-title, (paragraph | subitem)*
 *   subitem  = subitem-title, paragraph*
 *
 * A § number or a sub-item letter is never stored: it is computed (src/numbering) and shown by
 * the element outside the editable text.
 */
import type { BaseEditor, Descendant } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { YHistoryEditor, YjsEditor } from '@slate-yjs/core';
import {
  newItem as newProtocolItem,
  newSubItem as newProtocolSubItem,
  type ItemElement,
  type ItemTitleElement,
  type ParagraphElement,
  type ProtocolElement,
  type SubItemElement,
  type SubItemTitleElement,
  type TextLeaf,
} from '../../src/protocol/schema';

export type { ItemElement, ItemTitleElement, ParagraphElement, ProtocolElement, SubItemElement, SubItemTitleElement, TextLeaf };

export type ElementType = ProtocolElement['type'];
export const elementTypes: readonly ElementType[] = ['item', 'item-title', 'subitem', 'subitem-title', 'paragraph'];

/** Blocks that hold text directly (never other blocks). */
export type LeafBlock = ItemTitleElement | SubItemTitleElement | ParagraphElement;
export const leafTypes: readonly ElementType[] = ['item-title', 'subitem-title', 'paragraph'];

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

export type { Descendant };
