/**
 * Text rules for search across the minutes, pure so the Core indexes and the tests check the
 * same thing.
 *
 * - å, ä and ö are letters of their own in Swedish ("kör" is not "kor"), so the index keeps
 *   them; `foldSwedish` is only the fallback for a query typed without them ("hogskola" on an
 *   English keyboard should still find "högskola").
 * - Folding keeps the length (one UTF-16 unit in, one out), so an offset found in folded text
 *   is the same offset in the original: snippets are cut and marked in the text as written.
 */

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', æ: 'a', ø: 'o', é: 'e', è: 'e', ü: 'u', á: 'a', à: 'a' };

/** Lower case, diacritics of Swedish text dropped, same length as the input. */
export function foldSwedish(s: string): string {
  let out = '';
  for (const ch of s) {
    let lower = ch.toLocaleLowerCase('sv');
    if (lower.length !== ch.length) lower = ch;
    out += FOLD[lower] ?? lower;
  }
  return out;
}

/** Lower case only, same length as the input (for matching with å/ä/ö kept). */
export function lowerSwedish(s: string): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLocaleLowerCase('sv');
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

export const hasSwedishLetters = (s: string): boolean => /[åäöÅÄÖ]/u.test(s);

/** The words of a query: split on white space, quotes dropped, at most eight. */
export function queryTerms(query: string): string[] {
  return query
    .normalize('NFC')
    .replace(/["“”]/gu, ' ')
    .split(/\s+/u)
    .filter((t) => t !== '')
    .slice(0, 8);
}

/**
 * An FTS5 MATCH expression: every term as a quoted phrase (so "FoU-avtal" or "§" are text, not
 * query syntax) in the given columns, all terms required. Terms shorter than three characters
 * cannot be looked up in a trigram index and are left out here (the caller checks them).
 */
export function ftsExpression(terms: readonly string[], columns: readonly string[]): string | null {
  const long = terms.filter((t) => [...t].length >= 3);
  if (long.length === 0) return null;
  return long.map((t) => `{${columns.join(' ')}} : "${t.replace(/"/gu, '""')}"`).join(' AND ');
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/**
 * A short stretch of `text` around the first hit of any term, hits marked. Matching is on the
 * lower-cased text, or on the folded text when `folded` (the fallback search). Returns parts,
 * not HTML, so the renderer never injects markup from a document.
 */
export function snippet(text: string, terms: readonly string[], options: { folded?: boolean; width?: number } = {}): SnippetPart[] {
  const width = options.width ?? 120;
  const norm = options.folded === true ? foldSwedish : lowerSwedish;
  const hay = norm(text);
  const needles = terms.map((t) => norm(t)).filter((t) => t !== '');
  const hits: Array<[number, number]> = [];
  for (const n of needles) {
    let from = 0;
    for (;;) {
      const i = hay.indexOf(n, from);
      if (i < 0) break;
      hits.push([i, i + n.length]);
      from = i + n.length;
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  const first = hits[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(width / 3));
  // Start at a word boundary when one is near, so the snippet does not open mid-word.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  const end = Math.min(text.length, start + width);
  const parts: SnippetPart[] = [];
  let pos = start;
  if (start > 0) parts.push({ text: '…', hit: false });
  for (const [a, b] of hits) {
    if (b <= pos || a >= end) continue;
    const s = Math.max(a, pos);
    if (s > pos) parts.push({ text: text.slice(pos, s), hit: false });
    parts.push({ text: text.slice(s, Math.min(b, end)), hit: true });
    pos = Math.min(b, end);
  }
  if (pos < end) parts.push({ text: text.slice(pos, end), hit: false });
  if (end < text.length) parts.push({ text: '…', hit: false });
  return parts;
}
