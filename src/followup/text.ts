/**
 * Small text helpers shared by the detectors. JavaScript's `\b` only knows ASCII letters, so
 * "återkommer" or "Sundlöf" need explicit letter look-arounds; these build them.
 */

/** A letter or digit, for word edges that understand å, ä, ö, é. */
export const WORD_CHAR = '[\\p{L}\\p{N}]';

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex for `source` as whole words: not glued to a letter or digit on either side. */
export function words(source: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`, flags);
}

/** Every match of a global regex, as [match, index] pairs. */
export function allMatches(text: string, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    out.push(m);
    if (m[0] === '') g.lastIndex++;
  }
  return out;
}

/**
 * Where clauses start: the beginning, after a sentence end, after "och att" / "samt att" /
 * ", att", and after a leading "att". Groups are owners only here (subject position):
 * "att samtliga ledamöter informerar" but not "underskrift av samtliga ledamöter".
 */
export function clauseStarts(text: string): number[] {
  const starts = new Set<number>([0]);
  const lead = /^\s*att\s+/iu.exec(text);
  if (lead !== null) starts.add(lead[0].length);
  for (const m of allMatches(text, /[.;!?]\s+(?=\p{Lu})/gu)) starts.add(m.index + m[0].length);
  for (const m of allMatches(text, /(?<![\p{L}])(?:och|samt)\s+att\s+/giu)) starts.add(m.index + m[0].length);
  for (const m of allMatches(text, /,\s*att\s+/giu)) starts.add(m.index + m[0].length);
  return [...starts].sort((a, b) => a - b);
}

/**
 * The text just before `pos`, at most `size` characters, and where it starts. Look-behind
 * rules ("is this date after 'senast'?") only need a few words; testing the whole prefix with
 * an end-anchored regex at every match would make long texts quadratic.
 */
export function before(text: string, pos: number, size = 120): { text: string; offset: number } {
  const offset = Math.max(0, pos - size);
  return { text: text.slice(offset, pos), offset };
}

/** The lowercase word immediately before `pos` (skipping spaces), or ''. */
export function wordBefore(text: string, pos: number): string {
  const m = /(\p{L}+)\s*$/u.exec(before(text, pos).text);
  return m === null ? '' : (m[1] ?? '').toLowerCase();
}
