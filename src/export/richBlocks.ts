/**
 * Lists, tables and the Dokument and "Protokollet skickas till" blocks of the editor's schema
 * (src/protocol/richBlocks.ts) as blocks of the protocol model. Read by type name, like the
 * rest of the model, so a document from any schema version is accepted; a link is written
 * out as its words followed by the address (a printed protocol cannot be clicked), unless
 * the words are the address.
 */
import { isElement, safeLinkUrl } from '../protocol/schema';

export interface TableRowBlock {
  /** The header row (column headings): printed bold, tagged TH. */
  header: boolean;
  cells: string[];
}

/** The model's shape of these blocks (members of model.ts's Block union). */
export type RichModelBlock = { kind: 'list'; entries: string[]; ordered?: boolean; heading?: string } | { kind: 'table'; rows: TableRowBlock[] };

/** The words of a text element with the addresses of its links, whitespace tidied. */
export function textWithLinks(node: { children: unknown[] }): string {
  let s = '';
  let pendingLink: string | null = null;
  let linkWords = '';
  const close = () => {
    if (pendingLink !== null) {
      const shown = pendingLink.replace(/^mailto:/iu, '');
      if (linkWords.trim() !== shown && linkWords.trim() !== pendingLink) s += ` (${shown})`;
    }
    pendingLink = null;
    linkWords = '';
  };
  const visit = (children: readonly unknown[]) => {
    for (const c of children) {
      if (isElement(c)) {
        visit(c.children);
        continue;
      }
      if (typeof c !== 'object' || c === null || !('text' in c)) continue;
      const leaf = c as { text: unknown; link?: unknown };
      const link = safeLinkUrl(leaf.link);
      if (link !== pendingLink) close();
      pendingLink = link;
      if (link !== null) linkWords += String(leaf.text);
      s += String(leaf.text);
    }
  };
  visit(node.children);
  close();
  return s.replace(/[^\S\n]+|\u00a0/gu, ' ').replace(/ *\n */gu, '\n').trim();
}

const headings: Record<string, string> = { documents: 'Dokument', distribution: 'Protokollet skickas till' };

/** The model block of a list, Dokument, skickas-till or table element; null for any other node (or an empty one). */
export function richModelBlock(node: unknown): RichModelBlock | null {
  if (!isElement(node)) return null;
  const type = (node as { type: string }).type;
  if (type === 'list' || type === 'documents' || type === 'distribution') {
    const entries = (node.children as unknown[]).filter(isElement).map((li) => textWithLinks(li).replace(/\n/gu, ' ')).filter((t) => t !== '');
    if (entries.length === 0) return null;
    if (type === 'list') return { kind: 'list', entries, ...((node as { ordered?: unknown }).ordered === true ? { ordered: true } : {}) };
    return { kind: 'list', entries, heading: headings[type]! };
  }
  if (type === 'table') {
    const rows: TableRowBlock[] = [];
    for (const r of node.children as unknown[]) {
      if (!isElement(r)) continue;
      const cells = (r.children as unknown[]).filter(isElement).map((c) => textWithLinks(c));
      if (cells.length === 0) continue;
      rows.push({ header: rows.length === 0 && (r as { header?: unknown }).header === true, cells });
    }
    const width = Math.max(0, ...rows.map((r) => r.cells.length));
    for (const r of rows) while (r.cells.length < width) r.cells.push('');
    return rows.some((r) => r.cells.some((c) => c !== '')) ? { kind: 'table', rows } : null;
  }
  return null;
}

/** The lines of a rich block in reading order: what a PDF's text must contain. */
export function richReadingOrder(b: RichModelBlock): string[] {
  if (b.kind === 'list') return [...(b.heading ? [b.heading] : []), ...b.entries];
  return b.rows.flatMap((r) => r.cells);
}
