/**
 * Paste from Word, Outlook, a Teams chat or a web page, cleaned to the meeting schema: each
 * paragraph, heading or list item of the source becomes one paragraph (a list item keeps its
 * "– " so the register and the exporters still see a list), bold and italic are kept, and
 * everything else (Word's mso-styles, fonts, colours, tables' layout, images, comments) is
 * dropped. Plain text is split into paragraphs at line breaks. The whole paste is inserted as
 * one fragment, in one go: a 20-page paste is one change for Slate, Yjs and the Core, not
 * thousands of keystrokes. Slate's own fragments (copy and paste inside Paragraf) keep their
 * structure and go through the schema's normalisers like any other change.
 */
import { Transforms, type Editor } from 'slate';
import { newId, type ParagraphElement, type TextLeaf } from './schema';

export function withPaste<T extends Editor>(editor: T): T {
  const { insertData } = editor as T & { insertData?: (data: DataTransfer) => void };
  if (!insertData) return editor;
  (editor as T & { insertData: (data: DataTransfer) => void }).insertData = (data: DataTransfer) => {
    if (data.types.includes('application/x-slate-fragment')) {
      insertData(data);
      return;
    }
    const html = data.getData('text/html');
    const blocks = html ? blocksFromHtml(html) : blocksFromText(data.getData('text/plain'));
    if (blocks.length === 0) {
      insertData(data);
      return;
    }
    Transforms.insertFragment(editor, blocks);
  };
  return editor;
}

const paragraph = (children: TextLeaf[]): ParagraphElement => ({ type: 'paragraph', id: newId(), children: children.length > 0 ? children : [{ text: '' }] });

/** Plain text: one paragraph per line; runs of blank lines are one paragraph break. */
export function blocksFromText(text: string): ParagraphElement[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: ParagraphElement[] = [];
  for (const line of lines) {
    const clean = line.replace(/\u00a0/g, ' ').replace(/\t/g, ' ').trimEnd();
    if (clean.trim() === '' && (out.length === 0 || out[out.length - 1]!.children[0]!.text === '')) continue;
    out.push(paragraph([{ text: clean }]));
  }
  while (out.length > 0 && out[out.length - 1]!.children[0]!.text === '') out.pop();
  return out;
}

const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'DT', 'DD']);
const SKIP = new Set(['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'XML', 'O:P', 'IMG', 'svg', 'TEMPLATE']);

/** HTML as Word, Outlook, Teams and browsers put it on the clipboard. */
export function blocksFromHtml(html: string): ParagraphElement[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: ParagraphElement[] = [];
  let runs: TextLeaf[] = [];
  const flush = () => {
    const text = runs.map((r) => r.text).join('');
    if (text.trim() !== '') {
      // Leading and trailing whitespace of the block goes; runs inside keep their marks.
      runs[0] = { ...runs[0]!, text: runs[0]!.text.replace(/^\s+/u, '') };
      const last = runs.length - 1;
      runs[last] = { ...runs[last]!, text: runs[last]!.text.replace(/\s+$/u, '') };
      out.push(paragraph(runs.filter((r) => r.text !== '')));
    }
    runs = [];
  };
  const walk = (node: globalThis.Node, marks: { bold?: true; italic?: true }) => {
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/[\s\u00a0]+/gu, ' ');
      if (text !== '') runs.push({ text, ...marks });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || el.style?.display === 'none' || /mso-hide:\s*all/i.test(el.getAttribute('style') ?? '')) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const style = el.getAttribute('style') ?? '';
    if (/mso-list:\s*ignore/i.test(style)) {
      // Word's own bullet or number before a list paragraph: a number is kept ("1."), a
      // bullet symbol becomes the dash the rest of Paragraf reads as a list.
      const marker = (el.textContent ?? '').replace(/[\s\u00a0]+/gu, '');
      runs.push({ text: /^(\d+|[a-z])[.)/]$/iu.test(marker) ? `${marker} ` : '– ', ...marks });
      return;
    }
    const block = BLOCK.has(tag) || /mso-list:\s*l\d/i.test(style);
    if (block) flush();
    if (tag === 'LI') runs.push({ text: '– ', ...marks });
    const fontWeight = el.style?.fontWeight ?? '';
    const bold = tag === 'B' || tag === 'STRONG' || fontWeight === 'bold' || Number(fontWeight) >= 600;
    const italic = tag === 'I' || tag === 'EM' || el.style?.fontStyle === 'italic';
    const next = { ...marks, ...(bold ? { bold: true as const } : {}), ...(italic ? { italic: true as const } : {}) };
    // Table cells of one row end up side by side, separated, in the row's paragraph.
    if ((tag === 'TD' || tag === 'TH') && runs.length > 0) runs.push({ text: ' | ' });
    for (const child of Array.from(el.childNodes)) walk(child, next);
    if (block) flush();
  };
  walk(doc.body, {});
  flush();
  return out;
}
