/**
 * Words typed into an item while another computer moved it, or into a paragraph another
 * computer joined to the one before, are put back.
 *
 * The editor's Yjs binding moves an item by deleting it and inserting a copy (with the same
 * ids) elsewhere. Text typed into the original on another computer before the two synced
 * lands in the deleted original: it would be lost, silently. This module watches a meeting
 * document for that shape (one transaction deletes a top-level item and inserts one with the
 * same id) and, reading the deleted original before Yjs garbage-collects it, finds the text
 * that was visible in it, typed on this computer (`isOwn`: its Yjs client ids), and is not in
 * the copy. The caller writes it back into the copy's block, at the place the text around it
 * says, as a new change that syncs like any other.
 *
 * Only the computer that typed the text puts it back, so two computers never both restore it.
 * The unit compared is what Yjs keeps as one item (text typed here in one go): it is lost when
 * the copy's block does not hold it as it was. Whole blocks written here (an att-sats) that the
 * copy lacks come back after the block they followed. A join (Backspace at the start of a
 * paragraph) is the same copy-and-delete inside an item: see lostInJoins. Known limits: text the mover deliberately
 * deleted or changed in the copy, in the same synced batch as the move, comes back (a
 * duplicate at worst, never a loss); a block typed into here while the move arrives, before
 * its Core has it (milliseconds), is not seen.
 */
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Descendant } from 'slate';
import * as Y from 'yjs';

/**
 * What a move or join lost of this computer's work: a run of text in a block the copy has (where it
 * goes back: item, block, index in the copy's text), or a whole block written here that the
 * copy lacks (an att-sats, a paragraph), to go back after the sibling it followed.
 */
export type LostText =
  | { kind: 'text'; itemId: string; blockId: string; at: number; text: string; marks: Record<string, unknown> }
  | { kind: 'block'; itemId: string; parentId: string; afterId: string | null; node: Record<string, unknown> };

/** Stands for an inline element (a person reference) in a block's text. */
const EMBED = '\uFFFC';

/**
 * Calls `onLost` after a transaction that moved items or joined paragraphs, with what it lost
 * of this computer's text (never with an empty list). Returns the function that stops watching.
 */
export function watchMoves(doc: Y.Doc, isOwn: (client: number) => boolean, onLost: (lost: LostText[]) => void): () => void {
  const content = doc.get('content', Y.XmlText);
  const observer = (event: Y.YTextEvent) => {
    const lost = lostInMoves(event, isOwn);
    if (lost.length > 0) onLost(lost);
  };
  // After every transaction, before Yjs collects what it deleted: joined paragraphs.
  const afterTransaction = (tx: Y.Transaction) => {
    if (tx.deleteSet.clients.size === 0) return;
    const lost = lostInJoins(tx, content, isOwn);
    if (lost.length > 0) onLost(lost);
  };
  content.observe(observer);
  doc.on('afterTransaction', afterTransaction);
  return () => {
    content.unobserve(observer);
    doc.off('afterTransaction', afterTransaction);
  };
}

/** Shortest text a deleted block must have left in a live block to count as joined, not deleted. */
const MIN_JOINED = 8;

/**
 * Joined blocks: the binding joins a paragraph to the one before (Backspace at its start) by
 * copying its text there and deleting it, so what was typed here into it meanwhile is lost. A
 * deleted block counts as joined when the rest of its text stands, whole, in a live block of
 * the same parent; a block deleted for good leaves nothing behind and is left alone.
 */
export function lostInJoins(tx: Y.Transaction, content: Y.XmlText, isOwn: (client: number) => boolean): LostText[] {
  const out: LostText[] = [];
  Y.iterateDeletedStructs(tx, tx.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !visibleBefore(struct, tx)) return;
    const block = typeOf(struct);
    const parent = struct.parent;
    // A deleted item is a move (above) or a deletion; a block in a deleted parent goes with it.
    if (!block || !(parent instanceof Y.XmlText) || parent === content || parent._item?.deleted) return;
    const before = textOf(block, (item) => visibleBefore(item, tx));
    if (!before.chars.some((c) => isOwn(c.client))) return;
    const live = [...leafBlocks(parent, tx, false)];
    const lostTexts = new Set(missingOwnRuns(before, live.map(([, b]) => b.text).join('\n'), isOwn).map((l) => l.text));
    if (lostTexts.size === 0) return;
    const rest = restOf(before, [...lostTexts]);
    if (rest.trim().length < MIN_JOINED) return;
    const target = live.find(([, b]) => b.text.includes(rest));
    const itemId = topItemId(parent, content);
    if (!target || !itemId) return;
    for (const l of missingOwnRuns(before, target[1].text, isOwn)) {
      if (lostTexts.has(l.text)) out.push({ kind: 'text', itemId, blockId: target[0], ...l });
    }
  });
  return out;
}

/** The block's text without the lost runs (what the join copied). */
function restOf(before: BlockText, lost: readonly string[]): string {
  let rest = before.text;
  for (const text of lost) rest = rest.replace(text, '');
  return rest;
}

/** The id of the top-level item holding `type` (or `type` itself). */
function topItemId(type: Y.XmlText, content: Y.XmlText): string | null {
  let t = type;
  for (;;) {
    const up = t._item?.parent;
    if (up === content) break;
    if (!(up instanceof Y.XmlText)) return null;
    t = up;
  }
  const id = rawAttribute(t, 'id');
  return typeof id === 'string' ? id : null;
}

/** What the moves in this root event lost of own text (read inside the observer, before GC). */
export function lostInMoves(event: Y.YTextEvent, isOwn: (client: number) => boolean): LostText[] {
  // (A text event's `changes` lists no added or deleted items: they are looked up here.)
  const deleted: Y.Item[] = [];
  const added: Y.Item[] = [];
  for (let item = (event.target as Y.XmlText)._start; item !== null; item = item.right) {
    if (event.adds(item)) added.push(item);
    else if (event.deletes(item)) deleted.push(item);
  }
  if (deleted.length === 0 || added.length === 0) return [];
  const copies = new Map<string, Y.XmlText>();
  for (const item of added) {
    const type = typeOf(item);
    const id = type ? rawAttribute(type, 'id') : undefined;
    if (type && typeof id === 'string') copies.set(id, type);
  }
  const tx = event.transaction;
  const out: LostText[] = [];
  for (const item of deleted) {
    const original = typeOf(item);
    const itemId = original ? rawAttribute(original, 'id') : undefined;
    const copy = typeof itemId === 'string' ? copies.get(itemId) : undefined;
    if (!original || !copy || typeof itemId !== 'string') continue;
    const copyBlocks = leafBlocks(copy, tx, false);
    for (const [blockId, before] of leafBlocks(original, tx, true)) {
      const after = copyBlocks.get(blockId);
      if (!after) continue;
      for (const run of missingOwnRuns(before, after.text, isOwn)) out.push({ kind: 'text', itemId, blockId, ...run });
    }
    const inCopy = allIds(copy, (item) => !item.deleted);
    for (const block of ownBlocksMissing(original, itemId, inCopy, tx, isOwn)) out.push(block);
  }
  return out;
}

/** Ids of every element inside `type`, by the given visibility. */
function allIds(type: Y.XmlText, visible: (item: Y.Item) => boolean): Set<string> {
  const out = new Set<string>();
  const walk = (t: Y.XmlText) => {
    for (let item = t._start; item !== null; item = item.right) {
      const child = visible(item) ? typeOf(item) : null;
      if (!child) continue;
      const id = rawAttribute(child, 'id');
      if (typeof id === 'string') out.add(id);
      walk(child);
    }
  };
  walk(type);
  return out;
}

/** Blocks created here inside the original (at any depth) that the copy does not have at all. */
function ownBlocksMissing(original: Y.XmlText, itemId: string, inCopy: Set<string>, tx: Y.Transaction, isOwn: (client: number) => boolean): LostText[] {
  const out: LostText[] = [];
  const visible = (item: Y.Item) => visibleBefore(item, tx);
  const walk = (t: Y.XmlText, parentId: string) => {
    let afterId: string | null = null;
    for (let item = t._start; item !== null; item = item.right) {
      const child = visible(item) ? typeOf(item) : null;
      if (!child) continue;
      const id = rawAttribute(child, 'id');
      if (typeof id !== 'string') continue;
      if (!inCopy.has(id) && isOwn(item.id.client)) out.push({ kind: 'block', itemId, parentId, afterId, node: elementBefore(child, visible) });
      else if (inCopy.has(id)) walk(child, id);
      afterId = id;
    }
  };
  walk(original, itemId);
  return out;
}

/** A block as it was, as the editor's element (attributes, and children: text leaves with marks, elements). */
function elementBefore(t: Y.XmlText, visible: (item: Y.Item) => boolean): Record<string, unknown> {
  const element: Record<string, unknown> = {};
  for (const [key, entry] of t._map) {
    const values = entry.content.getContent();
    if (values.length > 0) element[key] = values[values.length - 1];
  }
  const children: Array<Record<string, unknown>> = [];
  let marks: Record<string, unknown> = {};
  for (let item = t._start; item !== null; item = item.right) {
    if (!visible(item)) continue;
    const c = item.content;
    if (c instanceof Y.ContentFormat) marks = withFormat(marks, c);
    else if (c instanceof Y.ContentString) {
      const last = children[children.length - 1];
      if (last && typeof last.text === 'string' && sameMarks(last, marks)) last.text += c.str;
      else children.push({ text: c.str, ...marks });
    } else {
      const child = typeOf(item);
      if (child) children.push(elementBefore(child, visible));
    }
  }
  element.children = children.length > 0 ? children : [{ text: '' }];
  return element;
}

/** The marks after a formatting item (Yjs keeps bold, italic, a link as start and end markers). */
function withFormat(marks: Record<string, unknown>, format: Y.ContentFormat): Record<string, unknown> {
  const next = { ...marks };
  if (format.value === null) delete next[format.key];
  else next[format.key] = format.value;
  return next;
}

function sameMarks(leaf: Record<string, unknown>, marks: Record<string, unknown>): boolean {
  const keys = Object.keys(leaf).filter((k) => k !== 'text');
  return keys.length === Object.keys(marks).length && keys.every((k) => leaf[k] === marks[k]);
}

/** Puts the lost work back into the copies: whole blocks first, in order, then the text runs. */
export function restoreLost(doc: Y.Doc, lost: readonly LostText[]): number {
  const content = doc.get('content', Y.XmlText);
  let restored = 0;
  for (const l of lost) {
    if (l.kind !== 'block') continue;
    const item = childById(content, l.itemId);
    const parent = item && (l.parentId === l.itemId ? item : findBlock(item, l.parentId));
    if (!parent) continue; // deleted since: nothing to put it back into
    const siblings = parent.toDelta() as Array<{ insert: unknown }>;
    const after = l.afterId === null ? -1 : siblings.findIndex((p) => p.insert instanceof Y.XmlText && p.insert.getAttribute('id') === l.afterId);
    // After the sibling it followed; at the end if that one is gone.
    const index = after >= 0 || l.afterId === null ? after + 1 : parent.length;
    parent.applyDelta([{ retain: index }, ...slateNodesToInsertDelta([l.node as unknown as Descendant])], { sanitize: false });
    restored++;
  }
  // Later places first; of two runs at one place, the later one first, so they end in order.
  const runs = lost.flatMap((l, i) => (l.kind === 'text' ? [{ l, i }] : []));
  runs.sort((a, b) => b.l.at - a.l.at || b.i - a.i);
  for (const { l } of runs) {
    const item = childById(content, l.itemId);
    const block = item ? findBlock(item, l.blockId) : null;
    if (!block) continue;
    block.insert(Math.min(l.at, block.length), l.text, l.marks);
    restored++;
  }
  return restored;
}

// ---------------------------------------------------------------------------------------

interface Char {
  ch: string;
  client: number;
  item: Y.Item;
  marks: Record<string, unknown>;
}

interface BlockText {
  text: string;
  chars: Char[];
}

const typeOf = (item: Y.Item): Y.XmlText | null => (item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText ? item.content.type : null);

/** An attribute as it was, also on a type deleted in this transaction (its map items are too). */
function rawAttribute(type: Y.XmlText, key: string): unknown {
  const entry = type._map.get(key);
  if (!entry) return undefined;
  const values = entry.content.getContent();
  return values[values.length - 1];
}

/** Visible before the transaction: not inserted by it, and not deleted, or deleted by it. */
function visibleBefore(item: Y.Item, tx: Y.Transaction): boolean {
  if (item.id.clock >= (tx.beforeState.get(item.id.client) ?? 0)) return false;
  return !item.deleted || Y.isDeleted(tx.deleteSet, item.id);
}

/** Visible after the transaction. */
const visibleAfter = (item: Y.Item) => !item.deleted;

/**
 * The blocks holding text inside an item (titles, paragraphs, att-satser, list items, cells),
 * by block id, with their text as it was (`before`: the deleted original) or is (the copy).
 */
function leafBlocks(type: Y.XmlText, tx: Y.Transaction, before: boolean): Map<string, BlockText> {
  const out = new Map<string, BlockText>();
  const visible = (item: Y.Item) => (before ? visibleBefore(item, tx) : visibleAfter(item));
  const walk = (t: Y.XmlText) => {
    const children: Y.XmlText[] = [];
    let hasText = false;
    for (let item = t._start; item !== null; item = item.right) {
      if (!visible(item)) continue;
      if (item.content instanceof Y.ContentString) hasText = true;
      const child = typeOf(item);
      if (child) children.push(child);
    }
    const id = rawAttribute(t, 'id');
    // A block with text, or an empty one with no element children, is a leaf; else descend.
    if ((hasText || children.length === 0) && typeof id === 'string' && t !== type) out.set(id, textOf(t, visible));
    else for (const child of children) walk(child);
  };
  walk(type);
  return out;
}

function textOf(t: Y.XmlText, visible: (item: Y.Item) => boolean): BlockText {
  const chars: Char[] = [];
  let marks: Record<string, unknown> = {};
  for (let item = t._start; item !== null; item = item.right) {
    if (!visible(item)) continue;
    const c = item.content;
    if (c instanceof Y.ContentFormat) marks = withFormat(marks, c);
    else if (c instanceof Y.ContentString) {
      // UTF-16 units, as Yjs counts them (an emoji is two).
      for (let k = 0; k < c.str.length; k++) chars.push({ ch: c.str[k]!, client: item.id.client, item, marks });
    } else if (c.isCountable()) {
      for (let i = 0; i < c.getLength(); i++) chars.push({ ch: EMBED, client: item.id.client, item, marks });
    }
  }
  return { text: chars.map((c) => c.ch).join(''), chars };
}

/**
 * Own text in `before` that `after` lacks, each with the index in `after` where it belongs.
 * The unit is a Yjs item (text typed here in one go, as Yjs keeps it): present when `after`
 * holds it as it was, lost otherwise. Its place: after the text before it, as far as `after`
 * has that (or before the text after it; else at the end). Inline elements are never restored
 * (they are references, not typed words).
 */
function missingOwnRuns(before: BlockText, after: string, isOwn: (client: number) => boolean): Array<{ at: number; text: string; marks: Record<string, unknown> }> {
  const out: Array<{ at: number; text: string; marks: Record<string, unknown> }> = [];
  let i = 0;
  while (i < before.chars.length) {
    const first = before.chars[i]!;
    let j = i + 1;
    while (j < before.chars.length && before.chars[j]!.item === first.item && before.chars[j]!.marks === first.marks) j++;
    const text = before.text.slice(i, j);
    if (isOwn(first.client) && first.ch !== EMBED && text.trim() !== '' && !after.includes(text)) {
      out.push({ at: placeIn(after, before.text.slice(Math.max(0, i - CONTEXT), i), before.text.slice(j, j + CONTEXT)), text, marks: first.marks });
    }
    i = j;
  }
  return out;
}

/** How much of the text around lost text is used to find its place. */
const CONTEXT = 24;

function placeIn(after: string, left: string, right: string): number {
  for (let n = left.length; n > 0; n--) {
    const at = after.lastIndexOf(left.slice(left.length - n));
    if (at >= 0) return at + n;
  }
  for (let n = right.length; n > 0; n--) {
    const at = after.indexOf(right.slice(0, n));
    if (at >= 0) return at;
  }
  return left.length === 0 ? 0 : after.length;
}

function childById(parent: Y.XmlText, id: string): Y.XmlText | null {
  for (const part of parent.toDelta() as Array<{ insert: unknown }>) {
    if (part.insert instanceof Y.XmlText && part.insert.getAttribute('id') === id) return part.insert;
  }
  return null;
}

function findBlock(parent: Y.XmlText, id: string): Y.XmlText | null {
  for (const part of parent.toDelta() as Array<{ insert: unknown }>) {
    if (!(part.insert instanceof Y.XmlText)) continue;
    if (part.insert.getAttribute('id') === id) return part.insert;
    const inner = findBlock(part.insert, id);
    if (inner) return inner;
  }
  return null;
}
