/**
 * Splitting a decision block (or a whole item's text) into single decisions, in the three
 * genres of DOMAIN.md:
 * - att-satser: after the lead phrase ("LSVO:s ledningsgrupp beslutar", any line ending in
 *   "beslutar", or the profile's lead), every line starting with "att" is one decision. A
 *   line right after it that starts in lower case continues it (text pasted from a PDF
 *   breaks lines anywhere); a blank line, or any other line, ends the block. When the text
 *   has no lead phrase at all it is a bare decision block and every "att" line counts.
 * - beslut-prose: "Beslut: Ledningsgruppen beslutar att förlänga …" is one decision (the
 *   text after "Beslut:"); so is "Beslut:" followed by a plain paragraph.
 * - beslut-bullets: "Beslut:" followed by bullets ("·", "•", "-", "–", "*"): each bullet is
 *   one decision, up to the first line that is not a bullet ("Önskemål att …" after the
 *   bullets of Skåne § 10 is discussion again).
 * "Beslut om rutinen tas vid mötet i september" and "Beslutades att …" are prose about a
 * decision, not a "Beslut:" block, and are not split out. Sub-item headings ("a/ …") are
 * tracked so each decision knows its sub-item (§ 108a).
 */
import { tidyText } from '../bodies/roster';
import type { DecisionStyle } from '../bodies/profile';
import { parseHeading } from '../numbering/parse';

export interface SplitDecision {
  /** The decision as read: tidied, without "Beslut:" or the bullet sign. */
  text: string;
  /** Offsets of the decision in the input (continuation lines included). */
  start: number;
  end: number;
  style: DecisionStyle;
  /** The sub-item it stands under, 1 = a/, when the input has sub-item headings. */
  sub?: number;
}

export interface SplitOptions {
  /** The body's decision lead phrase ("LSVO:s ledningsgrupp beslutar"), matched case-insensitively. */
  lead?: string;
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function lines(input: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of input.split('\n')) {
    const text = raw.replace(/\r$/u, '');
    out.push({ text, start: pos, end: pos + text.length });
    pos += raw.length + 1;
  }
  return out;
}

const ATT = /^\s*att(?=\s)/iu;
const BULLET = /^\s*[·•\-–*]\s+/u;
const BESLUT = /^\s*Beslut\s*:\s*/iu;
const blank = (l: Line | undefined): boolean => l === undefined || l.text.trim() === '';
/** A line that continues the one before: starts with a lower-case letter, is not a new "att". */
const continues = (l: Line | undefined): boolean => l !== undefined && /^\s*\p{Ll}/u.test(l.text) && !ATT.test(l.text);

export function splitAttSatser(input: string, options: SplitOptions = {}): SplitDecision[] {
  const ls = lines(input);
  const lead = options.lead === undefined ? null : tidyText(options.lead).toLocaleLowerCase('sv');
  const isLead = (l: Line): boolean => {
    const t = tidyText(l.text).toLocaleLowerCase('sv').replace(/:$/u, '');
    return (lead !== null && t === lead.replace(/:$/u, '')) || /(?:^|\s)beslutar$/u.test(t);
  };
  const hasLead = ls.some(isLead);
  const out: SplitDecision[] = [];
  let sub: number | undefined;
  const push = (first: Line, last: Line, skip: number, style: DecisionStyle) => {
    const start = first.start + skip;
    const text = tidyText(input.slice(start, last.end));
    if (text === '') return;
    out.push(sub === undefined ? { text, start, end: last.end, style } : { text, start, end: last.end, style, sub });
  };
  /** Extends a decision starting at line i over its continuation lines; returns the last index. */
  const extend = (i: number): number => {
    let j = i;
    while (continues(ls[j + 1]) && !blank(ls[j + 1])) j++;
    return j;
  };

  let inBlock = !hasLead;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    const heading = parseHeading(l.text);
    if (heading !== null && !ATT.test(l.text)) {
      if (heading.kind === 'sub-item' && /^\S/u.test(l.text)) sub = heading.sub;
      if (heading.kind === 'item') sub = undefined;
      inBlock = !hasLead;
      continue;
    }
    if (isLead(l)) {
      inBlock = true;
      continue;
    }
    const beslut = BESLUT.exec(l.text);
    if (beslut !== null) {
      const rest = l.text.slice(beslut[0].length);
      if (rest.trim() !== '') {
        const last = extend(i);
        push(l, ls[last]!, beslut[0].length, 'beslut-prose');
        i = last;
        continue;
      }
      // "Beslut:" alone: bullets, att-satser or one paragraph follow.
      let j = i + 1;
      while (j < ls.length && blank(ls[j])) j++;
      const next = ls[j];
      if (next === undefined) continue;
      if (ATT.test(next.text)) {
        inBlock = true;
        i = j - 1;
        continue;
      }
      if (BULLET.test(next.text)) {
        while (j < ls.length && BULLET.test(ls[j]!.text)) {
          const b = ls[j]!;
          const last = extend(j);
          push(b, ls[last]!, (BULLET.exec(b.text)?.[0] ?? '').length, 'beslut-bullets');
          j = last + 1;
        }
        i = j - 1;
        continue;
      }
      const last = extend(j);
      push(next, ls[last]!, 0, 'beslut-prose');
      i = last;
      continue;
    }
    if (ATT.test(l.text)) {
      if (!inBlock) continue;
      const last = extend(i);
      push(l, ls[last]!, (/^\s*/u.exec(l.text)?.[0] ?? '').length, 'att-satser');
      i = last;
      continue;
    }
    if (!blank(l) && hasLead) inBlock = false;
  }
  return out;
}
