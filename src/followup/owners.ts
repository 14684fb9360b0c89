/**
 * Who is to act on a decision.
 *
 * - People the secretary linked with name completion (`referencedPersonIds`) are owners first
 *   and always (how: 'reference').
 * - Roster people named anywhere in the decision (matchPeople's rules), except right after
 *   "till", "från" or "hos", where they receive something rather than do it ("skicka
 *   yttrandet till Per Nyström").
 * - Groups only where a clause starts (subject position), or as the one given a task
 *   ("uppdra åt förvaltningen", "ge förvaltningen i uppdrag", "återremittera ärendet till
 *   förvaltningen"): "samtliga ledamöter", "alla", and definite role and group words
 *   ("länssamordnarna", "kommunerna", "nätverken", "socialchefen", "arbetsgruppen"). Not the
 *   body itself ("Ledningsgruppen ställer sig bakom …"): a group followed by a decision verb,
 *   or named in `bodyNames`, is the one deciding. Not a thing in the passive ("kommunerna
 *   informeras").
 * - "föredragande" in subject position means the item's presenters (`foredragande`), each a
 *   roster person when the name can be read as one, otherwise a text owner; without presenters
 *   in the context it stays a group owner "föredragande".
 */
import type { Person } from '../bodies/roster';
import { matchPeople } from './people';
import { allMatches, clauseStarts, wordBefore } from './text';
import type { DetectContext, Evidence, Owner } from './types';

/** Definite group and role words, also as the end of a compound ("läns|samordnarna"). */
const GROUP_WORD =
  /(?:ledamoten|ledamöterna|samordnaren|samordnarna|ledaren|ledarna|chefen|cheferna|direktören|direktörerna|gruppen|grupperna|nätverket|nätverken|förvaltningen|förvaltningarna|kommunen|kommunerna|parterna|deltagarna|representanten|representanterna|beredningen|kansliet|sekretariatet|ordföranden|sekreteraren|presidiet|styrelsen|nämnden|utskottet|rådet|regionen|handläggaren|handläggarna|enheten|avdelningen|teamet|verksamheten|verksamheterna|huvudmännen|medlemmarna)$/u;

/** What may follow "samtliga" / "alla" as part of the group. */
const PLURAL_GROUP =
  /(?:ledamöter|ledamöterna|parter|parterna|kommuner|kommunerna|deltagare|deltagarna|medlemmar|medlemmarna|representanter|organisationer|förvaltningar|chefer|verksamheter|huvudmän|berörda|närvarande)$/u;

/** Verbs of deciding: a group before them is the body, not an owner. */
const DECISION_VERBS = new Set([
  'beslutar', 'beslöt', 'beslutade', 'ställer', 'ställde', 'godkänner', 'godkände', 'antar', 'antog', 'fastställer',
  'noterar', 'konstaterar', 'utser', 'utsåg', 'enas', 'enades', 'tillstyrker', 'avstyrker', 'avslår', 'bifaller',
  'uppdrar', 'ger', 'lägger', 'tackar', 'framhåller',
]);

/** The people who receive, not act: "till Per Nyström", "från Kjell", "hos Annika". */
const RECIPIENT_BEFORE = new Set(['till', 'från', 'hos']);

const lower = (s: string): string => s.toLocaleLowerCase('sv');

interface Found {
  owner: Owner;
  start: number;
  end: number;
  rule: string;
}

/** Where an owner may stand that is not a clause start: the one given the task. */
function taskPositions(text: string): number[] {
  const out: number[] = [];
  for (const m of allMatches(text, /(?<![\p{L}])uppdra(?:r|s)?\s+åt\s+/giu)) out.push(m.index + m[0].length);
  for (const m of allMatches(text, /(?<![\p{L}])ge(?:r)?\s+(?=[^.;]{1,80}?\si\s+uppdrag)/giu)) out.push(m.index + m[0].length);
  for (const m of allMatches(text, /(?<![\p{L}])återremitt\p{L}*\s+(?:\p{L}+\s+){0,2}?till\s+/giu)) out.push(m.index + m[0].length);
  return out;
}

function isBodyName(word: string, bodyNames: readonly string[]): boolean {
  const w = lower(word);
  return bodyNames.some((b) => {
    const n = lower(b.trim());
    return n !== '' && (w === n || w === `${n}s` || w === `${n}:s`);
  });
}

/** A group at `pos`, or null. */
function groupAt(text: string, pos: number, ctx: DetectContext): Found | null {
  const rest = text.slice(pos);
  const fore = /^(föredragande(?:na|n)?)(?![\p{L}])/iu.exec(rest);
  if (fore !== null) {
    const word = fore[1] ?? '';
    return { owner: { name: word, how: 'text', kind: 'group', rule: 'foredragande' }, start: pos, end: pos + word.length, rule: 'foredragande' };
  }
  const all = /^(samtliga|alla)(?:\s+(\p{L}+))?(?![\p{L}])/iu.exec(rest);
  if (all !== null) {
    const noun = all[2];
    const label = noun !== undefined && PLURAL_GROUP.test(lower(noun)) ? all[0] : (all[1] ?? '');
    return { owner: { name: label, how: 'text', kind: 'group', rule: 'group' }, start: pos, end: pos + label.length, rule: 'group' };
  }
  const word = /^(\p{L}+(?:-\p{L}+)?)(?![\p{L}])/u.exec(rest);
  if (word === null) return null;
  const w = word[1] ?? '';
  if (!GROUP_WORD.test(lower(w)) || isBodyName(w, ctx.bodyNames)) return null;
  // Skip one prepositional phrase ("Nätverken i NV provar"), then look at the verb.
  const after = rest.slice(w.length).replace(/^\s+(?:i|inom|på|från|för)\s+[\p{L}\p{N}-]+/u, '');
  const verb = lower(/^\s+(\p{L}+)/u.exec(after)?.[1] ?? '');
  if (DECISION_VERBS.has(verb)) return null;
  const passive = verb.length > 3 && verb.endsWith('s') && !/^\s+\p{L}+\s+i\s+uppdrag/iu.test(after);
  if (passive) return null;
  return { owner: { name: w, how: 'text', kind: 'group', rule: 'group' }, start: pos, end: pos + w.length, rule: 'group' };
}

function personOwner(p: Person, how: Owner['how'], rule: Owner['rule']): Owner {
  return { personId: p.id, name: p.name, how, kind: 'person', rule };
}

/** The presenters as owners: roster people where the name reads as one, text otherwise. */
function presenters(ctx: DetectContext): Owner[] {
  const out: Owner[] = [];
  for (const f of ctx.foredragande ?? []) {
    const byId = f.personId === undefined ? undefined : ctx.roster.find((p) => p.id === f.personId);
    if (byId !== undefined) {
      out.push(personOwner(byId, 'roster', 'foredragande'));
      continue;
    }
    const name = f.name.trim();
    const whole = matchPeople(name, ctx.roster, { date: ctx.meetingDate }).find((m) => m.start === 0 && m.end === name.length);
    out.push(whole === undefined ? { name, how: 'text', kind: 'person', rule: 'foredragande' } : personOwner(whole.person, 'roster', 'foredragande'));
  }
  return out;
}

export function detectOwners(text: string, ctx: DetectContext): { owners: Owner[]; evidence: Evidence[] } {
  const found: Found[] = [];
  for (const m of matchPeople(text, ctx.roster, { date: ctx.meetingDate })) {
    if (RECIPIENT_BEFORE.has(wordBefore(text, m.start))) continue;
    found.push({ owner: personOwner(m.person, 'roster', m.rule), start: m.start, end: m.end, rule: m.rule });
  }
  const taken = (pos: number) => found.some((f) => f.start <= pos && pos < f.end);
  for (const pos of [...clauseStarts(text), ...taskPositions(text)]) {
    if (taken(pos)) continue;
    const g = groupAt(text, pos, ctx);
    if (g !== null) found.push(g);
  }
  found.sort((a, b) => a.start - b.start);

  const owners: Owner[] = [];
  const evidence: Evidence[] = [];
  const seen = new Set<string>();
  const add = (o: Owner): boolean => {
    const k = o.personId !== undefined ? `id:${o.personId}` : `${o.kind}:${lower(o.name)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    owners.push(o);
    return true;
  };
  for (const id of ctx.referencedPersonIds ?? []) {
    const p = ctx.roster.find((r) => r.id === id);
    add(p === undefined ? { personId: id, name: id, how: 'reference', kind: 'person', rule: 'reference' } : personOwner(p, 'reference', 'reference'));
  }
  for (const f of found) {
    const span = { start: f.start, end: f.end, text: text.slice(f.start, f.end) };
    if (f.owner.rule === 'foredragande' && (ctx.foredragande?.length ?? 0) > 0) {
      for (const o of presenters(ctx)) add(o);
      evidence.push({ ...span, field: 'owner', rule: 'foredragande' });
      continue;
    }
    if (add(f.owner)) evidence.push({ ...span, field: 'owner', rule: f.rule });
  }
  return { owners, evidence };
}
