/**
 * Helpers of the editor specs. The meeting document as the Core stored it, read through the harness API (docs.open) the
 * way another client would: what the specs check after typing, not the page's DOM.
 */
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { yTextToSlateElement } from '@slate-yjs/core';
import { fromBase64 } from '../../src/api/base64';
import type { Meeting } from '../../src/api/contract';
import { call } from './harness';

/** The Slate children of a meeting's `content` (the first meeting when no id is given). */
export async function storedContent(page: Page, meetingId?: string): Promise<unknown[]> {
  const id = meetingId ?? (await call<Meeting[]>(page, 'meetings.list', {}))[0]!.id;
  const state = await call<{ update: string }>(page, 'docs.open', { docId: id });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(state.update));
  return (yTextToSlateElement(doc.get('content', Y.XmlText)) as { children: unknown[] }).children;
}

type Shape = string | [string, ...Shape[]];

/** Compact view of a stored tree: ['list+ordered', ['list-item', 'a']]; a link as "text<url>". */
export function shape(node: unknown): Shape {
  const n = node as { type?: string; text?: string; link?: string; ordered?: boolean; header?: boolean; children?: unknown[] };
  if (n.type === undefined) return n.text ?? '';
  const flags = `${n.ordered ? '+ordered' : ''}${n.header ? '+header' : ''}`;
  const kids = n.children ?? [];
  if (kids.every((c) => (c as { type?: string }).type === undefined)) {
    return [`${n.type}${flags}`, kids.map((c) => { const t = c as { text: string; link?: string }; return t.link ? `${t.text}<${t.link}>` : t.text; }).join('')];
  }
  return [`${n.type}${flags}`, ...kids.map(shape)];
}

/**
 * A paste into the editor: what Chromium does on Ctrl+V in a contenteditable, a beforeinput
 * "insertFromPaste" carrying the clipboard (a synthetic paste event alone does not reach
 * Slate's handler).
 */
export async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await page.getByTestId('editor').evaluate((el, data) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(data)) dt.setData(type, value);
    el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: dt, bubbles: true, cancelable: true }));
  }, data);
}
