/**
 * Finding roster people in running text.
 *
 * Protocols write the same person many ways: "Torill Skaar Magnusson", "Torill S Magnusson",
 * "Cecilia G Lang" (for Grefve-Lang), "Kjell I", "Lotta GD", "Karin E", "Rikard F",
 * "Annika Mellqvists" (genitive), "Bodil Sundlöv" (a misspelt Sundlöf), "Annika". The rules
 * below accept these and nothing looser, because a wrong owner is worse than a missing one: the
 * secretary sees a missing owner at once, a wrong one only when the follow-up goes astray.
 *
 * - full-name: every part of the roster name, in order, case-insensitive, hyphen or space
 *   between parts ("Kaj Bevheden" = "Kaj-Bevheden"); the last part may carry a genitive s.
 * - short-name: the first name in full, then each further part in full, as an initial ("G",
 *   "G."), as glued initials ("GD") or left out (middle parts only); the last part must be
 *   there, at least as an initial. Only people active at the meeting count, and the reading
 *   must fit exactly one of them.
 * - spelling: all parts written out, equal to the roster name after a Swedish spelling key
 *   (f/v at the end, ph/f, ck/ch/c/k, w/v, q/k, z/s, double letters single, é/e). Only when no
 *   roster name matches the same words exactly.
 * - first-name: a capitalised first name alone, not followed by another capitalised word
 *   (which would make it someone else's full name: "Annika Magnerot" is not Annika Andersson),
 *   and shared by no other active person. First names that are also common words ("Per",
 *   "Bo", "Lena", …) are not read alone at the start of a sentence, where any word is
 *   capitalised. Surnames alone ("Ivarsson tar med sig") are never read: too many people share
 *   them.
 * Two people fitting the same words equally well are both dropped (ambiguous), never guessed.
 */
import type { Person } from '../bodies/roster';
import { tidyText } from '../bodies/roster';
import { before } from './text';

export type PersonMatchRule = 'full-name' | 'short-name' | 'spelling' | 'first-name';

export interface PersonMatch {
  person: Person;
  start: number;
  end: number;
  text: string;
  rule: PersonMatchRule;
  /** Written in the genitive: "Annika Mellqvists". */
  possessive: boolean;
}

export interface MatchPeopleOptions {
  /** The meeting date: people who had left before it are not read from short forms. */
  date?: string;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

const RANK: Record<PersonMatchRule, number> = { 'full-name': 0, 'short-name': 1, spelling: 2, 'first-name': 3 };

/**
 * First names that are also ordinary Swedish words: capitalised at the start of a sentence
 * they are the word, not the person ("Per person räknas …", "Klara besked saknas").
 */
const COMMON_WORD_NAMES = new Set([
  'per', 'bo', 'lena', 'klara', 'stig', 'sten', 'björn', 'dag', 'tor', 'ros', 'gun', 'rut', 'siv', 'vera', 'mats',
]);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function nameParts(name: string): string[] {
  return tidyText(name)
    .split(/[\s\-‐‑–]+/u)
    .map((p) => p.replace(/[^\p{L}]/gu, ''))
    .filter((p) => p !== '');
}

/**
 * A roster name as parts, and how many of them make the first name: "Anna-Karin Lund" has
 * the two-part first name "Anna-Karin", which is never shortened ("Anna Lund" is someone
 * else) and is the whole first name for the first-name rule ("Anna" alone is not her).
 */
interface NameShape {
  parts: string[];
  firstCount: number;
}

function nameShape(name: string): NameShape {
  const parts = nameParts(name);
  const firstWord = tidyText(name).split(' ')[0] ?? '';
  return { parts, firstCount: Math.max(1, Math.min(parts.length, nameParts(firstWord).length)) };
}

const lower = (s: string): string => s.toLocaleLowerCase('sv');
const isUpper = (ch: string | undefined): boolean => ch !== undefined && /\p{Lu}/u.test(ch);

/**
 * The spelling key: two spellings of one Swedish name get the same key ("Sundlöf" and
 * "Sundlöv", "Karlson" and "Karlsson", "Mellqvist" and "Mellkvist", "Richard" and "Rikard").
 */
export function spellingKey(word: string): string {
  let t = lower(word.normalize('NFC'));
  t = t.replace(/[éè]/gu, 'e').replace(/ü/gu, 'y');
  t = t.replace(/ph/gu, 'f').replace(/q[uv]?/gu, 'kv').replace(/w/gu, 'v').replace(/z/gu, 's').replace(/x/gu, 'ks');
  t = t.replace(/ch/gu, 'k').replace(/ck/gu, 'k').replace(/c(?=[eiyäö])/gu, 's').replace(/c/gu, 'k');
  t = t.replace(/th/gu, 't').replace(/dt/gu, 't').replace(/fv/gu, 'v').replace(/f$/u, 'v');
  t = t.replace(/(\p{L})\1+/gu, '$1');
  return t;
}

/** Between two parts of one name: spaces or a hyphen; after an initial also a dot ("G. Lang"). */
function joins(text: string, a: Token, b: Token, afterInitial: boolean): boolean {
  const sep = text.slice(a.end, b.start);
  if (/^[ \t\u00a0]+$|^[ \t\u00a0]*[-‐‑][ \t\u00a0]*$/u.test(sep)) return true;
  return afterInitial && /^\.[ \t\u00a0]*$/u.test(sep);
}

type Quality = 'full' | 'short' | 'spelling';

interface Alignment {
  lastToken: number;
  quality: Quality;
  possessive: boolean;
}

const worse = (a: Quality, b: Quality): Quality | null => {
  if (a === b) return a;
  if (a === 'full') return b;
  if (b === 'full') return a;
  return null; // a short form of a misspelt name is too loose
};

/**
 * Aligns the parts after the first name (parts[k..]) with the tokens from ti on. Returns every
 * complete reading.
 */
function alignRest(text: string, tokens: Token[], shape: NameShape, k: number, ti: number, quality: Quality, afterInitial: boolean): Alignment[] {
  const out: Alignment[] = [];
  const { parts, firstCount } = shape;
  const n = parts.length;
  const inFirstName = k < firstCount;
  const prev = tokens[ti - 1];
  const tok = tokens[ti];
  const part = parts[k];
  if (part === undefined) return out;
  const last = k === n - 1;
  if (tok !== undefined && prev !== undefined && joins(text, prev, tok, afterInitial)) {
    const w = tok.word;
    const add = (q: Quality | null, nextK: number, initial: boolean, possessive = false) => {
      if (q === null) return;
      if (nextK >= n) out.push({ lastToken: ti, quality: q, possessive });
      else out.push(...alignRest(text, tokens, shape, nextK, ti + 1, q, initial));
    };
    if (lower(w) === lower(part)) add(quality, k + 1, false);
    else if (inFirstName) return out; // the rest of a double first name, in full or not at all
    else if (last && lower(w) === `${lower(part)}s` && !/[sxz]$/iu.test(part)) add(quality, k + 1, false, true);
    else if (w.length > 2 && spellingKey(w) === spellingKey(part)) add(worse(quality, 'spelling'), k + 1, false);
    // An initial: one capital letter, the part's first.
    if (w.length === 1 && isUpper(w) && w === part.charAt(0).toLocaleUpperCase('sv')) add(worse(quality, 'short'), k + 1, true);
    // Glued initials: "GD" for Green Dahlberg.
    if (w.length >= 2 && w.length <= n - k && [...w].every(isUpper)) {
      const initials = parts
        .slice(k, k + w.length)
        .map((p) => p.charAt(0).toLocaleUpperCase('sv'))
        .join('');
      if (initials === w) add(worse(quality, 'short'), k + w.length, true);
    }
  }
  // A middle part may be left out ("Torill Magnusson"); the last part never.
  if (!last && !inFirstName) {
    const q = worse(quality, 'short');
    if (q !== null) out.push(...alignRest(text, tokens, shape, k + 1, ti, q, afterInitial));
  }
  return out;
}

function atSentenceStart(text: string, pos: number): boolean {
  return /(?:^|[.!?:·•]\s*|\n\s*)$/u.test(before(text, pos).text.replace(/[ \t\u00a0]+$/u, ''));
}

function eligible(p: Person, date: string | undefined): boolean {
  if (p.active) return true;
  return date !== undefined && p.leftOn !== null && p.leftOn >= date;
}

interface Candidate extends PersonMatch {
  firstToken: number;
  lastToken: number;
}

/** Every roster person named in `text`, in text order, by the rules at the top of this file. */
export function matchPeople(text: string, roster: readonly Person[], options: MatchPeopleOptions = {}): PersonMatch[] {
  const tokens = tokenize(text);
  const people = roster.map((p) => {
    const shape = nameShape(p.name);
    return { person: p, shape, parts: shape.parts, firstName: lower(shape.parts.slice(0, shape.firstCount).join('-')), eligible: eligible(p, options.date) };
  });
  const firstNameCount = new Map<string, number>();
  for (const p of people) {
    if (!p.eligible || p.parts.length === 0) continue;
    firstNameCount.set(p.firstName, (firstNameCount.get(p.firstName) ?? 0) + 1);
  }
  const candidates: Candidate[] = [];
  const push = (person: Person, i: number, last: number, rule: PersonMatchRule, possessive: boolean) => {
    const start = tokens[i]!.start;
    const end = tokens[last]!.end;
    candidates.push({ person, start, end, text: text.slice(start, end), rule, possessive, firstToken: i, lastToken: last });
  };
  tokens.forEach((tok, i) => {
    for (const { person, shape, parts, firstName, eligible: ok } of people) {
      const first = parts[0];
      if (first === undefined) continue;
      let quality: Quality;
      if (lower(tok.word) === lower(first)) quality = 'full';
      else if (tok.word.length > 2 && spellingKey(tok.word) === spellingKey(first)) quality = 'spelling';
      else continue;
      if (parts.length > 1) {
        for (const a of alignRest(text, tokens, shape, 1, i + 1, quality, false)) {
          if (a.quality === 'short' && !ok) continue;
          push(person, i, a.lastToken, a.quality === 'full' ? 'full-name' : a.quality === 'short' ? 'short-name' : 'spelling', a.possessive);
        }
      }
      if (quality !== 'full' || !ok || !isUpper(tok.word.charAt(0))) continue;
      // The whole first name ("Anna-Karin"), and nothing glued after it: not another part of
      // a longer first name ("Annie-Lie" is not Annie), not a surname ("Annika Magnerot").
      let lastOfFirst = i;
      let whole = true;
      for (let k = 1; k < shape.firstCount; k++) {
        const t = tokens[i + k];
        if (t === undefined || lower(t.word) !== lower(parts[k] ?? '') || !joins(text, tokens[i + k - 1]!, t, false)) whole = false;
        lastOfFirst = i + k;
      }
      if (!whole) continue;
      const end = tokens[lastOfFirst]!;
      const next = tokens[lastOfFirst + 1];
      const sep = next === undefined ? '' : text.slice(end.end, next.start);
      if (next !== undefined && (/^[-‐‑]$/u.test(sep) || (isUpper(next.word.charAt(0)) && /^[ \t\u00a0]+$/u.test(sep)))) continue;
      if (firstNameCount.get(firstName) !== 1) continue;
      if (COMMON_WORD_NAMES.has(firstName) && atSentenceStart(text, tok.start)) continue;
      push(person, i, lastOfFirst, 'first-name', false);
    }
  });

  // Two people read from the same words with the same rule: ambiguous, drop both.
  const key = (c: Candidate) => `${c.start}:${c.end}:${c.rule}`;
  const byKey = new Map<string, Set<string>>();
  for (const c of candidates) {
    const set = byKey.get(key(c)) ?? new Set<string>();
    set.add(c.person.id);
    byKey.set(key(c), set);
  }
  // A short form is also ambiguous when it loosely fits someone else: "Maria A" could be
  // Maria Appelskog or Maria Arvidsson-Karlsson, whose double surname is often cut to its
  // first part. Loosely: same first name, and the written initials found, in order, among
  // the initials of the other person's further name parts.
  const loosely = (c: Candidate): number => {
    const own = people.find((p) => p.person.id === c.person.id);
    if (own === undefined) return 0;
    const afterFirst = c.firstToken + own.shape.firstCount;
    const written = tokens
      .slice(afterFirst, c.lastToken + 1)
      .flatMap((t) => (t.word.length > 1 && [...t.word].every(isUpper) ? [...t.word] : [t.word.charAt(0).toLocaleUpperCase('sv')]));
    return people.filter((p) => {
      if (!p.eligible || p.firstName !== own.firstName) return false;
      const initials = p.parts.slice(p.shape.firstCount).map((x) => x.charAt(0).toLocaleUpperCase('sv'));
      let k = 0;
      for (const ch of initials) if (ch === written[k]) k++;
      return k === written.length;
    }).length;
  };
  const clear = candidates.filter((c) => (byKey.get(key(c))?.size ?? 0) === 1 && (c.rule !== 'short-name' || loosely(c) <= 1));
  // Longest reading first, then the strictest rule; a chosen reading hides those it overlaps.
  clear.sort((a, b) => a.start - b.start || b.end - a.end || RANK[a.rule] - RANK[b.rule]);
  const chosen: Candidate[] = [];
  for (const c of clear) {
    const overlaps = chosen.some((d) => c.start < d.end && d.start < c.end);
    // An ambiguous longer reading also blocks a shorter one inside it ("Maria A" must not
    // become "Maria" read alone).
    const insideAmbiguous = candidates.some(
      (d) => (byKey.get(key(d))?.size ?? 0) > 1 && d.start <= c.start && c.end <= d.end && d.end - d.start > c.end - c.start,
    );
    if (!overlaps && !insideAmbiguous) chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  return chosen.map(({ person, start, end, text: t, rule, possessive }) => ({ person, start, end, text: t, rule, possessive }));
}

/**
 * A list of names as protocols write them: "Helene Bjerstedt och Ingemar Lilja",
 * "Bodil Sundlöf, Kristina Borén, Mats Wennstig", "Torill S Magnusson, Kjell Ivarsson och
 * Mats Wennstig" → one name each, tidied.
 */
export function splitNameList(list: string): string[] {
  return tidyText(list)
    .replace(/[.;]+$/u, '')
    .split(/\s*,\s*|\s+(?:och|samt|&)\s+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The names on an item's "Föredragande:" line, or [] when it has none. */
export function findForedragande(itemText: string): string[] {
  const m = /^[ \t]*Föredragande[ \t]*:[ \t]*(.+)$/imu.exec(itemText);
  return m === null ? [] : splitNameList(m[1] ?? '');
}
