/**
 * Paste from Word, Outlook, a Teams chat or a web page, cleaned to the meeting schema: each
 * paragraph or heading of the source becomes one paragraph; lists (<ul>/<ol>, and Word's
 * MsoListParagraph paragraphs with their mso-list numbering) become bullet or numbered list
 * elements (nested lists flattened into their list), a <table> a table element (rows and
 * cells, a <thead> or <th> first row the header row, blocks inside a cell kept as lines), a
 * link (<a href>) a link mark when its address is http:, https: or mailto: (any other link
 * keeps only its words); bold and italic are kept, and everything else (Word's mso-styles,
 * fonts, colours, images, comments) is dropped. Plain text is split into paragraphs at line breaks. The whole paste is inserted as
 * one fragment, in one go: a 20-page paste is one change for Slate, Yjs and the Core, not
 * thousands of keystrokes. Slate's own fragments (copy and paste inside Paragraf) keep their
 * structure and go through the schema's normalisers like any other change.
 */
import { Editor, Node, Path, Point, Transforms } from 'slate';
import { safeLinkUrl } from '../../src/protocol/schema';
import { newId, type ListElement, type ParagraphElement, type TableElement, type TableRowElement, type TextLeaf } from './schema';
import { RichEditor } from './richCommands';
import { leafAbove } from './withBlockEditing';

export type PasteBlock = ParagraphElement | ListElement | TableElement;

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
    insertBlocks(editor, blocks);
  };
  return editor;
}

/**
 * Paragraphs go in as a fragment (the first joins the text at the cursor, as any paste). With
 * lists or tables, in a paragraph of an item or sub-item, the blocks go in whole beside it (the
 * paragraph split at the cursor; an empty one replaced), so a list's first item is not merged
 * into the paragraph. Anywhere else (a list item, a cell, an att-sats, a title) the paste is
 * written as lines of text, which the schema's rules then fit to where it landed.
 */
function insertBlocks(editor: Editor, blocks: PasteBlock[]): void {
  const simple = blocks.every((b) => b.type === 'paragraph');
  const { selection } = editor;
  const leaf = selection ? leafAbove(editor, selection) : undefined;
  const bodyPath = leaf && leaf[0].type === 'paragraph' ? RichEditor.bodyBlockPath(editor, leaf[1]) : null;
  if (simple || !selection || !leaf || !bodyPath || !Path.equals(bodyPath, leaf[1])) {
    Transforms.insertFragment(editor, simple ? blocks : blocks.flatMap(asParagraphs));
    return;
  }
  Editor.withoutNormalizing(editor, () => {
    if (!Point.equals(selection.anchor, selection.focus)) Transforms.delete(editor);
    const [, path] = leafAbove(editor, editor.selection!)!;
    const focus = editor.selection!.focus;
    let at: Path;
    if (Node.string(Node.get(editor, path)) === '') {
      Transforms.removeNodes(editor, { at: path });
      at = path;
    } else if (Point.equals(focus, Editor.start(editor, path))) {
      at = path;
    } else if (Point.equals(focus, Editor.end(editor, path))) {
      at = Path.next(path);
    } else {
      Transforms.splitNodes(editor, { always: true });
      at = Path.next(path);
    }
    Transforms.insertNodes(editor, blocks, { at });
    const last = [...Path.parent(at), at[at.length - 1]! + blocks.length - 1];
    Transforms.select(editor, Editor.end(editor, last));
  });
}

/** A list or table written as lines: "– item", "cell | cell". */
function asParagraphs(block: PasteBlock): ParagraphElement[] {
  if (block.type === 'paragraph') return [block];
  if (block.type === 'list') return block.children.map((li, i) => paragraph([{ text: block.ordered ? `${i + 1}. ` : '– ' }, ...li.children]));
  return block.children.map((row) => paragraph(row.children.flatMap((c, i) => (i === 0 ? c.children : [{ text: ' | ' }, ...c.children]))));
}

const paragraph = (children: TextLeaf[]): ParagraphElement => ({ type: 'paragraph', id: newId(), children: children.length > 0 ? children : [{ text: '' }] });
const textOr = (children: TextLeaf[]): TextLeaf[] => (children.length > 0 ? children : [{ text: '' }]);

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

const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'DT', 'DD', 'UL', 'OL', 'TABLE']);
const SKIP = new Set(['STYLE', 'SCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'XML', 'O:P', 'IMG', 'svg', 'TEMPLATE']);

type Marks = { bold?: true; italic?: true; link?: string };

/** Leading and trailing whitespace of a block goes; runs inside keep their marks. Null when empty. */
function trimRuns(runs: TextLeaf[]): TextLeaf[] | null {
  if (runs.map((r) => r.text).join('').trim() === '') return null;
  const out = runs.map((r) => ({ ...r }));
  out[0]!.text = out[0]!.text.replace(/^\s+/u, '');
  out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/u, '');
  return out.filter((r) => r.text !== '');
}

/** The bullet or number Word writes before a list paragraph ("1.", "a)", "·"), without spaces. */
function wordListMarker(el: HTMLElement): string {
  const ignore = Array.from(el.querySelectorAll('span')).find((s) => /mso-list:\s*ignore/i.test(s.getAttribute(STYLE) ?? ''));
  return (ignore?.textContent ?? '').replace(/[\s\u00a0]+/gu, '');
}

/**
 * Inline style attributes are parsed under another name. The page's CSP (style-src 'self')
 * makes Chromium check, and report as a violation, every inline style the parser meets, even in
 * a DOMParser document: a 20-page Word paste (one style per run) took 150–600 ms to parse
 * instead of 10. The few properties read here are read from the renamed attribute.
 */
const STYLE = 'data-paste-style';
const STYLE_ATTRIBUTE = /(<[^>]*?\s)style(\s*=)/giu;

/** `font-weight: bold; mso-list: l0 level1` → its properties, lower-cased names. */
function declarations(style: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) out.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).replace(/!important/iu, '').trim().toLowerCase());
  }
  return out;
}

/** HTML as Word, Outlook, Teams and browsers put it on the clipboard. */
export function blocksFromHtml(html: string): PasteBlock[] {
  const doc = new DOMParser().parseFromString(html.replace(STYLE_ATTRIBUTE, `$1${STYLE}$2`), 'text/html');
  const out: PasteBlock[] = [];
  let runs: TextLeaf[] = [];
  /** The list the paragraphs being read belong to (an <ul>/<ol>, or Word's list paragraphs). */
  let list: ListElement | null = null;
  /** The runs of the table cell being read, when in one: blocks in a cell become its lines. */
  let cell: TextLeaf[] | null = null;

  const listFor = (ordered: boolean): ListElement => {
    const last = out[out.length - 1];
    if (last && last.type === 'list' && (last.ordered === true) === ordered) return last;
    const fresh: ListElement = { type: 'list', id: newId(), ...(ordered ? { ordered: true } : {}), children: [] };
    out.push(fresh);
    return fresh;
  };
  const flush = () => {
    if (cell) {
      // A block boundary inside a cell: a new line in the cell.
      if (runs.length > 0 && trimRuns(runs)) {
        if (cell.length > 0) cell.push({ text: '\n' });
        cell.push(...trimRuns(runs)!);
      }
      runs = [];
      return;
    }
    const clean = trimRuns(runs);
    runs = [];
    if (!clean) return;
    if (list) list.children.push({ type: 'list-item', id: newId(), children: clean });
    else out.push(paragraph(clean));
  };

  const walkChildren = (el: globalThis.Node, marks: Marks) => {
    for (const child of Array.from(el.childNodes)) walk(child, marks);
  };

  const readTable = (table: HTMLElement, marks: Marks) => {
    const rows: TableRowElement[] = [];
    const trs = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
    for (const tr of trs) {
      const cells = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH') as HTMLElement[];
      if (cells.length === 0) continue;
      const row: TableRowElement = { type: 'table-row', id: newId(), children: [] };
      for (const td of cells) {
        const saved = { runs, cell, list };
        runs = [];
        cell = [];
        list = null;
        walkChildren(td, td.tagName === 'TH' ? { ...marks } : marks);
        flush();
        row.children.push({ type: 'table-cell', id: newId(), children: textOr(cell) });
        ({ runs, cell, list } = saved);
      }
      const header = rows.length === 0 && (tr.parentElement?.tagName === 'THEAD' || cells.every((c) => c.tagName === 'TH'));
      if (header) row.header = true;
      rows.push(row);
    }
    if (rows.length > 0) out.push({ type: 'table', id: newId(), children: rows });
  };

  const walk = (node: globalThis.Node, marks: Marks) => {
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/[\s\u00a0]+/gu, ' ');
      if (text !== '') runs.push({ text, ...marks });
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName.toUpperCase();
    const style = el.getAttribute(STYLE) ?? '';
    const css = declarations(style);
    if (SKIP.has(tag) || css.get('display') === 'none' || /mso-hide:\s*all/i.test(style)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    // Word's own bullet or number before a list paragraph (read by wordListMarker): not text.
    if (/mso-list:\s*ignore/i.test(style)) return;
    if (tag === 'TABLE') {
      if (cell) {
        // A table in a cell: its cells become lines of this cell.
        flush();
        walkChildren(el, marks);
        flush();
        return;
      }
      flush();
      const saved = list;
      list = null;
      readTable(el, marks);
      list = saved;
      return;
    }
    if ((tag === 'UL' || tag === 'OL') && !cell) {
      flush();
      const outer = list;
      // A nested list is flattened into the list it stands in.
      list = outer ?? listFor(tag === 'OL');
      walkChildren(el, marks);
      flush();
      list = outer;
      return;
    }
    const wordList = /mso-list:\s*l\d/i.test(style) && !cell;
    if (wordList) {
      flush();
      const outer = list;
      list = outer ?? listFor(/^(\d+|[a-z]|[ivx]+)[.)/]$/iu.test(wordListMarker(el)));
      walkChildren(el, marks);
      flush();
      list = outer;
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    const fontWeight = css.get('font-weight') ?? '';
    const bold = tag === 'B' || tag === 'STRONG' || fontWeight === 'bold' || fontWeight === 'bolder' || Number(fontWeight) >= 600;
    const italic = tag === 'I' || tag === 'EM' || css.get('font-style') === 'italic' || css.get('font-style') === 'oblique';
    const href = tag === 'A' ? safeLinkUrl(el.getAttribute('href')?.trim()) : null;
    const next: Marks = { ...marks, ...(bold ? { bold: true as const } : {}), ...(italic ? { italic: true as const } : {}), ...(href ? { link: href } : {}) };
    walkChildren(el, next);
    if (block) flush();
  };
  walk(doc.body, {});
  flush();
  return out.filter((b) => b.type !== 'list' || b.children.length > 0);
}
