/**
 * The meeting document's content: the Slate tree stored in the meeting Y.Doc's `content`
 * Y.XmlText (bound with @slate-yjs/core). Pure types and checks, so the Core can read and
 * validate a document without React, and the renderer's normalisers enforce the same rules.
 *
 * Shape (docs/decisions/0003-nested-items.md):
 *   content  = item*                                   (nothing else at the top level)
 *   item     = item-title, (body | subitem)*           (the § item; its number is computed)
 *   subitem  = subitem-title, body*                    (a/ b/ c/ under an item)
 *   body     = paragraph | foredragande | decision | political | list | table | documents | distribution
 *   decision = att-sats+                               (the decision block of DOMAIN.md)
 *   political: yrkande, omröstning, reservation … (politicsSchema.ts)
 * Lists, tables, the "Dokument" and "Protokollet skickas till" blocks and links: richBlocks.ts.
 * Every element has a stable `id`. Numbers and letters are never stored in the text, and
 * neither are the words the layout adds: "Föredragande:" and the decision's lead phrase
 * ("LSVO:s ledningsgrupp beslutar", from the body profile) are shown, not typed, so a change
 * of profile or language never leaves stale words in old minutes.
 */
import type { AgendaItemKey } from '../bodies/profile';
import { politicalTypes, type PoliticalElement } from './politicsSchema';
import { richAllowedChildren, richBlockTypes, safeLinkUrl, type RichBlockElement, type RichElement } from './richBlocks';

export * from './richBlocks';

export interface TextLeaf {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /**
   * A person reference: the text is a roster member's name, inserted by name completion, and
   * this is their id in the body's roster. A mark rather than an element, so the name stays
   * ordinary text for search, export and every older reader, and the link survives a rename.
   */
  personId?: string;
  /** A link: the address (http:, https: or mailto: only, see richBlocks.ts safeLinkUrl). */
  link?: string;
}

export interface ItemTitleElement {
  type: 'item-title';
  id: string;
  children: TextLeaf[];
}
export interface SubItemTitleElement {
  type: 'subitem-title';
  id: string;
  children: TextLeaf[];
}
export interface ParagraphElement {
  type: 'paragraph';
  id: string;
  children: TextLeaf[];
}
/** "Föredragande: Kjell Ivarsson": who presents the item. One line, usually right under the title. */
export interface ForedragandeElement {
  type: 'foredragande';
  id: string;
  children: TextLeaf[];
}
/** One att-sats: "att lägga informationen till protokollet". Readable alone: what, who, when. */
export interface AttSatsElement {
  type: 'att-sats';
  id: string;
  children: TextLeaf[];
}
/** The decision block: the body's lead phrase (shown, not stored), then one element per att-sats. */
export interface DecisionElement {
  type: 'decision';
  id: string;
  children: AttSatsElement[];
}
/** What an item or a sub-item holds under its title. */
export type BodyElement = ParagraphElement | ForedragandeElement | DecisionElement | PoliticalElement | RichBlockElement;

export interface SubItemElement {
  type: 'subitem';
  id: string;
  children: Array<SubItemTitleElement | BodyElement>;
}
export interface ItemElement {
  type: 'item';
  id: string;
  /** The item was tabled (bordlagd): it stays in the protocol and is offered for a later agenda. */
  bordlagd?: boolean;
  /** What a standard agenda item is for (from the body profile), so other modules find it. */
  agendaKey?: AgendaItemKey;
  /** The time planned for the item, in whole minutes (the per-item clock compares against it). */
  plannedMinutes?: number;
  children: Array<ItemTitleElement | BodyElement | SubItemElement>;
}

export type ProtocolElement =
  | ItemElement
  | ItemTitleElement
  | SubItemElement
  | SubItemTitleElement
  | ParagraphElement
  | ForedragandeElement
  | DecisionElement
  | AttSatsElement
  | PoliticalElement
  | RichElement;
export type ProtocolNode = ProtocolElement | TextLeaf;

export function isElement(node: unknown): node is ProtocolElement {
  return typeof node === 'object' && node !== null && 'type' in node && 'children' in node;
}

export function plainText(node: { children: unknown[] }): string {
  let s = '';
  for (const c of node.children) {
    if (isElement(c)) s += plainText(c);
    else if (typeof c === 'object' && c !== null && 'text' in c) s += String((c as TextLeaf).text);
  }
  return s;
}

export interface OutlineSubItem {
  id: string;
  title: string;
}
export interface OutlineItem {
  id: string;
  title: string;
  bordlagd: boolean;
  agendaKey: AgendaItemKey | null;
  plannedMinutes: number | null;
  subItems: OutlineSubItem[];
}

/** The longest plan an item can have: a whole day's meeting. Anything else is not a plan. */
export const MAX_PLANNED_MINUTES = 600;
export const isPlannedMinutes = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_PLANNED_MINUTES;

/**
 * The agenda as it stands in a document: items in order with their titles and sub-items.
 * Tolerant of any tree (a document merged from an older version, a bad paste): whatever is
 * not an item at the top level is skipped here and reported by `checkContent`.
 */
export function outline(content: readonly unknown[]): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const node of content) {
    if (!isElement(node) || node.type !== 'item') continue;
    const title = node.children.find((c) => isElement(c) && c.type === 'item-title');
    const subItems: OutlineSubItem[] = [];
    for (const c of node.children) {
      if (isElement(c) && c.type === 'subitem') {
        const st = c.children.find((x) => isElement(x) && x.type === 'subitem-title');
        subItems.push({ id: c.id, title: st ? plainText(st).trim() : '' });
      }
    }
    items.push({
      id: node.id,
      title: title && isElement(title) ? plainText(title).trim() : '',
      bordlagd: node.bordlagd === true,
      agendaKey: node.agendaKey ?? null,
      plannedMinutes: isPlannedMinutes(node.plannedMinutes) ? node.plannedMinutes : null,
      subItems,
    });
  }
  return items;
}

export interface ContentProblem {
  path: number[];
  code: 'not-an-item' | 'no-title' | 'misplaced' | 'missing-id' | 'duplicate-id' | 'empty-decision' | 'empty-block' | 'ragged-table' | 'unsafe-link';
  en: string;
}

/** The structural rules, as checks. The renderer's normalisers repair what these report. */
export function checkContent(content: readonly unknown[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  const visit = (node: unknown, path: number[], parent: ProtocolElement['type'] | 'root') => {
    if (!isElement(node)) {
      const link = (node as { link?: unknown } | null)?.link;
      if (link !== undefined && safeLinkUrl(link) === null) problems.push({ path, code: 'unsafe-link', en: `link to ${String(link).slice(0, 40)}` });
      return;
    }
    if (typeof node.id !== 'string' || node.id === '') problems.push({ path, code: 'missing-id', en: `${node.type} without id` });
    else if (seen.has(node.id)) problems.push({ path, code: 'duplicate-id', en: `id ${node.id} used twice` });
    else seen.add(node.id);
    const allowed: Record<string, readonly string[]> = {
      root: ['item'],
      item: ['item-title', 'paragraph', 'foredragande', 'decision', 'subitem', ...politicalTypes, ...richBlockTypes],
      subitem: ['subitem-title', 'paragraph', 'foredragande', 'decision', ...politicalTypes, ...richBlockTypes],
      decision: ['att-sats'],
      ...richAllowedChildren,
    };
    const ok = allowed[parent];
    if (ok && !ok.includes(node.type)) {
      problems.push({ path, code: parent === 'root' ? 'not-an-item' : 'misplaced', en: `${node.type} inside ${parent}` });
    }
    if (node.type === 'item' || node.type === 'subitem') {
      const want = node.type === 'item' ? 'item-title' : 'subitem-title';
      const first = node.children[0];
      if (!isElement(first) || first.type !== want) problems.push({ path, code: 'no-title', en: `${node.type} must start with ${want}` });
      node.children.forEach((c, i) => {
        if (i > 0 && isElement(c) && c.type === want) problems.push({ path: [...path, i], code: 'misplaced', en: `second ${want}` });
      });
    }
    if (node.type === 'decision' && node.children.length === 0) problems.push({ path, code: 'empty-decision', en: 'decision without att-sats' });
    if (node.type in richAllowedChildren && node.children.length === 0) problems.push({ path, code: 'empty-block', en: `${node.type} without children` });
    if (node.type === 'table') {
      const widths = node.children.map((r) => (isElement(r) ? r.children.length : 0));
      if (widths.some((w) => w !== widths[0])) problems.push({ path, code: 'ragged-table', en: 'table rows of different lengths' });
      node.children.forEach((r, i) => {
        if (i > 0 && isElement(r) && (r as { header?: unknown }).header !== undefined) problems.push({ path: [...path, i], code: 'misplaced', en: 'header row after the first row' });
      });
    }
    // Text-holding elements: their leaves (for links); containers: their children.
    node.children.forEach((c, i) => visit(c, [...path, i], node.type));
  };
  content.forEach((n, i) => visit(n, [i], 'root'));
  return problems;
}

/** One att-sats of the minutes, where it stands: what the register and the exporters read. */
export interface AttSatsRef {
  id: string;
  decisionId: string;
  itemId: string;
  /** Set when the decision stands under a sub-item (a/ b/ …). */
  subItemId: string | null;
  text: string;
}

/** Every att-sats of a document in order, from its decision blocks. Tolerant of any tree. */
export function attSatser(content: readonly unknown[]): AttSatsRef[] {
  const out: AttSatsRef[] = [];
  const fromBody = (children: readonly unknown[], itemId: string, subItemId: string | null) => {
    for (const c of children) {
      if (!isElement(c)) continue;
      if (c.type === 'subitem' && subItemId === null) fromBody(c.children, itemId, c.id);
      if (c.type !== 'decision') continue;
      for (const a of c.children as unknown[]) {
        if (isElement(a) && a.type === 'att-sats') out.push({ id: a.id, decisionId: c.id, itemId, subItemId, text: plainText(a).trim() });
      }
    }
  };
  for (const node of content) if (isElement(node) && node.type === 'item') fromBody(node.children, node.id, null);
  return out;
}

export function newAttSats(newId: () => string, text = ''): AttSatsElement {
  return { type: 'att-sats', id: newId(), children: [{ text }] };
}

export function newDecision(newId: () => string, texts: readonly string[] = ['']): DecisionElement {
  return { type: 'decision', id: newId(), children: (texts.length > 0 ? texts : ['']).map((t) => newAttSats(newId, t)) };
}

export function newForedragande(newId: () => string, text = ''): ForedragandeElement {
  return { type: 'foredragande', id: newId(), children: [{ text }] };
}

/** A new item with an empty paragraph under its title: where typing continues. */
export function newItem(newId: () => string, title = '', extra: Partial<Pick<ItemElement, 'agendaKey' | 'bordlagd'>> = {}): ItemElement {
  return {
    type: 'item',
    id: newId(),
    ...extra,
    children: [
      { type: 'item-title', id: newId(), children: [{ text: title }] },
      { type: 'paragraph', id: newId(), children: [{ text: '' }] },
    ],
  };
}

export function newSubItem(newId: () => string, title = ''): SubItemElement {
  return {
    type: 'subitem',
    id: newId(),
    children: [
      { type: 'subitem-title', id: newId(), children: [{ text: title }] },
      { type: 'paragraph', id: newId(), children: [{ text: '' }] },
    ],
  };
}
