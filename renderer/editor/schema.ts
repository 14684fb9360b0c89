/**
 * The Slate schema of a meeting document, for this first version: top-level § item titles and
 * paragraphs, each with a stable id. A § number is never stored: it is computed from the
 * order of the item titles (itemNumbers.ts) and shown by the element, outside the text.
 */
import type { BaseEditor, Descendant } from 'slate';
import type { ReactEditor } from 'slate-react';
import type { YHistoryEditor, YjsEditor } from '@slate-yjs/core';

export type PlainText = { text: string };

export interface ItemTitleElement {
  type: 'item-title';
  id: string;
  children: PlainText[];
}

export interface ParagraphElement {
  type: 'paragraph';
  id: string;
  children: PlainText[];
}

export type BlockElement = ItemTitleElement | ParagraphElement;
export type BlockType = BlockElement['type'];
export const blockTypes: readonly BlockType[] = ['item-title', 'paragraph'];

/**
 * The editor the app works with. The React and history parts are added in different places
 * (unit tests build the editor without React), but the type describes the full app editor.
 */
export type MeetingEditor = BaseEditor & ReactEditor & YjsEditor & YHistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: MeetingEditor;
    Element: BlockElement;
    Text: PlainText;
  }
}

/**
 * Random ids for blocks. crypto.randomUUID needs a secure context (the harness on 127.0.0.1
 * and Electron's registered scheme are); the fallback keeps an odd embedding from crashing.
 */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function itemTitle(text = ''): ItemTitleElement {
  return { type: 'item-title', id: newId(), children: [{ text }] };
}

export function paragraph(text = ''): ParagraphElement {
  return { type: 'paragraph', id: newId(), children: [{ text }] };
}

export function isBlockType(value: unknown): value is BlockType {
  return typeof value === 'string' && (blockTypes as readonly string[]).includes(value);
}

export type { Descendant };
