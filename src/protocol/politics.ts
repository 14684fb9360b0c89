/**
 * The rules of the political blocks (politicsSchema.ts), pure so the editor, the roll call and
 * every exporter agree: which yrkande is number 1, who may vote on an item, the vote sums and
 * their check against that list, and the result line.
 *
 * Who may vote on an item (Kommunallagen 5 kap.): the members who serve at the meeting and are
 * present at that item — a ledamot marked present, or a tjänstgörande ersättare — minus a
 * ledamot whose serving substitute is present at the item (only one of them serves), minus
 * everyone who declared jäv on the item. Guests, officials, co-opted members and substitutes who
 * do not serve have no vote.
 */
import type { Bilingual } from '../bodies/bilingual';
import { joinList } from '../bodies/bilingual';
import type { Person } from '../bodies/roster';
import { attendanceEntrySchema, type AttendanceEntry } from './attendance';
import { isVote, VOTE_PREFIX } from './politicsSchema';
import { isElement, plainText } from './schema';

type Tree = { children: readonly unknown[] };

/** The roster people a block refers to (its person references), in text order, each once. */
export function personRefs(node: Tree): string[] {
  const out: string[] = [];
  const walk = (n: Tree) => {
    for (const c of n.children) {
      if (isElement(c)) walk(c);
      else if (typeof c === 'object' && c !== null) {
        const id = (c as { personId?: unknown }).personId;
        if (typeof id === 'string' && id !== '' && !out.includes(id)) out.push(id);
      }
    }
  };
  walk(node);
  return out;
}

/** The votes stored on an omröstning element (`rost:<personId>`), values as found (maybe invalid). */
export function votesOf(node: object): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith(VOTE_PREFIX) && key.length > VOTE_PREFIX.length && value !== undefined && value !== null) out.set(key.slice(VOTE_PREFIX.length), value);
  }
  return out;
}

export interface YrkandeRef {
  id: string;
  /** 1, 2 …: its place among the item's yrkanden (sub-items included), in document order. */
  number: number;
  personIds: string[];
  text: string;
}
export interface OmrostningRef {
  id: string;
  ja: string | null;
  nej: string | null;
  votes: Map<string, unknown>;
  text: string;
}
export interface ReservationRef {
  id: string;
  yrkandeId: string | null;
  skriftlig: boolean;
  personIds: string[];
  text: string;
}
/** A reference to a yrkande that is not in the item (deleted, or the block was moved or pasted). */
export interface DanglingRef {
  /** Path under the item. */
  path: number[];
  key: 'ja' | 'nej' | 'yrkandeId';
}
export interface ItemPolitics {
  yrkanden: YrkandeRef[];
  /** People who declared jäv on the item, each once. */
  javiga: string[];
  omrostningar: OmrostningRef[];
  reservations: ReservationRef[];
  dangling: DanglingRef[];
}

/** The political blocks of one item (its sub-items included). Tolerant of any tree. */
export function itemPolitics(item: Tree): ItemPolitics {
  const out: ItemPolitics = { yrkanden: [], javiga: [], omrostningar: [], reservations: [], dangling: [] };
  const refs: Array<{ path: number[]; key: DanglingRef['key']; target: string }> = [];
  const visit = (children: readonly unknown[], base: number[], nested: boolean) => {
    children.forEach((c, i) => {
      if (!isElement(c)) return;
      const path = [...base, i];
      const n = c as unknown as Record<string, unknown> & { type: string; id: string; children: unknown[] };
      switch (n.type) {
        case 'subitem':
          if (!nested) visit(n.children, path, true);
          break;
        case 'yrkande':
          out.yrkanden.push({ id: n.id, number: out.yrkanden.length + 1, personIds: personRefs(n), text: plainText(n).trim() });
          break;
        case 'jav':
          for (const p of personRefs(n)) if (!out.javiga.includes(p)) out.javiga.push(p);
          break;
        case 'omrostning': {
          const ja = typeof n.ja === 'string' ? n.ja : null;
          const nej = typeof n.nej === 'string' ? n.nej : null;
          if (ja) refs.push({ path, key: 'ja', target: ja });
          if (nej) refs.push({ path, key: 'nej', target: nej });
          out.omrostningar.push({ id: n.id, ja, nej, votes: votesOf(n), text: plainText(n).trim() });
          break;
        }
        case 'reservation': {
          const yrkandeId = typeof n.yrkandeId === 'string' ? n.yrkandeId : null;
          if (yrkandeId) refs.push({ path, key: 'yrkandeId', target: yrkandeId });
          out.reservations.push({ id: n.id, yrkandeId, skriftlig: n.skriftlig === true, personIds: personRefs(n), text: plainText(n).trim() });
          break;
        }
      }
    });
  };
  visit(item.children, [], false);
  const ids = new Set(out.yrkanden.map((y) => y.id));
  for (const r of refs) if (!ids.has(r.target)) out.dangling.push({ path: r.path, key: r.key });
  // A dangling side counts as unset for the result.
  for (const o of out.omrostningar) {
    if (o.ja && !ids.has(o.ja)) o.ja = null;
    if (o.nej && !ids.has(o.nej)) o.nej = null;
  }
  for (const r of out.reservations) if (r.yrkandeId && !ids.has(r.yrkandeId)) r.yrkandeId = null;
  return out;
}

/** "yrkande 2 (Anna Andersson)": how a yrkande is named in a proposition, a result or a reservation. */
export function yrkandeLabel(y: Pick<YrkandeRef, 'number' | 'personIds'>, nameOf: (personId: string) => string | undefined): string {
  const names = y.personIds.map(nameOf).filter((n): n is string => !!n);
  return names.length > 0 ? `yrkande ${y.number} (${joinList(names, 'sv')})` : `yrkande ${y.number}`;
}

export interface Voter {
  personId: string;
  name: string;
  party: string | null;
  /** A tjänstgörande ersättare: the name of the member they serve for. */
  servesFor: string | null;
  chair: boolean;
}
export interface Eligibility {
  /** Who may vote, in the order of the roll call: the roster's order, the chair last (as votes are taken). */
  voters: Voter[];
  /** Serving and present, but jäviga on the item: they do not take part. */
  javiga: Voter[];
}

export interface EligibilityInput {
  /** The meeting's `attendance` map as entries; invalid entries are skipped. */
  attendance: Iterable<readonly [string, unknown]>;
  roster: readonly Person[];
  itemId: string;
  /** Person ids who declared jäv on the item (ItemPolitics.javiga). */
  javiga: Iterable<string>;
}

function presentAt(entry: AttendanceEntry, itemId: string): boolean {
  const ids = entry.presence?.itemIds;
  return ids === undefined || ids.length === 0 || ids.includes(itemId);
}

/** Who may vote on an item: serving members present at the item, minus jäviga (see above). */
export function eligibleVoters(input: EligibilityInput): Eligibility {
  const byId = new Map(input.roster.map((p, i) => [p.id, { p, i }]));
  const serving: Array<{ entry: AttendanceEntry; person: Person; order: number }> = [];
  for (const [, raw] of input.attendance) {
    const parsed = attendanceEntrySchema.safeParse(raw);
    if (!parsed.success) continue;
    const entry = parsed.data;
    const found = entry.personId ? byId.get(entry.personId) : undefined;
    if (!found) continue;
    const serves = entry.status === 'ersattare' || (entry.status === 'narvarande' && found.p.role === 'ledamot');
    if (serves && presentAt(entry, input.itemId)) serving.push({ entry, person: found.p, order: found.i });
  }
  const replacedHere = new Set(serving.filter((s) => s.entry.status === 'ersattare' && s.entry.replaces).map((s) => s.entry.replaces!));
  const jav = new Set(input.javiga);
  const rows = serving
    .filter((s) => !(s.entry.status === 'narvarande' && replacedHere.has(s.person.id)))
    .map((s) => ({
      voter: {
        personId: s.person.id,
        name: s.person.name,
        party: s.person.party,
        servesFor: s.entry.replaces ? (byId.get(s.entry.replaces)?.p.name ?? null) : null,
        chair: s.entry.roles.includes('ordforande'),
      },
      order: s.order,
    }))
    .sort((a, b) => Number(a.voter.chair) - Number(b.voter.chair) || a.order - b.order)
    .map((r) => r.voter);
  return { voters: rows.filter((v) => !jav.has(v.personId)), javiga: rows.filter((v) => jav.has(v.personId)) };
}

export interface VoteProblem {
  code: 'not-serving' | 'jav' | 'invalid' | 'sums' | 'tie';
  personIds: string[];
  message: Bilingual;
}
export interface Tally {
  ja: number;
  nej: number;
  avstar: number;
  /** The number of members who may vote on the item. */
  serving: number;
  /** Voters who have not answered yet. */
  missing: string[];
  problems: VoteProblem[];
}

/**
 * The sums of an omröstning, counted from the votes of those who may vote (never typed), and
 * checked: a vote by someone not serving or jävig is reported and not counted, an invalid value
 * is reported, and the sums must add up to the number of serving members.
 */
export function tallyVotes(votes: ReadonlyMap<string, unknown>, eligibility: Eligibility, nameOf: (personId: string) => string | undefined): Tally {
  const voters = new Set(eligibility.voters.map((v) => v.personId));
  const jav = new Set(eligibility.javiga.map((v) => v.personId));
  const t: Tally = { ja: 0, nej: 0, avstar: 0, serving: voters.size, missing: [], problems: [] };
  const notServing: string[] = [];
  const javVotes: string[] = [];
  const name = (id: string) => nameOf(id) ?? id;
  for (const [personId, value] of votes) {
    if (jav.has(personId)) javVotes.push(personId);
    else if (!voters.has(personId)) notServing.push(personId);
    else if (!isVote(value)) {
      t.problems.push({
        code: 'invalid',
        personIds: [personId],
        message: {
          sv: `Ogiltig röst för ${name(personId)} (${String(value)}): bara Ja, Nej eller Avstår räknas.`,
          en: `Invalid vote for ${name(personId)} (${String(value)}): only Yes, No or Abstains count.`,
        },
      });
    } else t[value] += 1;
  }
  if (javVotes.length > 0) {
    const names = javVotes.map(name);
    t.problems.push({
      code: 'jav',
      personIds: javVotes,
      message: {
        sv: `${joinList(names, 'sv')} har anmält jäv i ärendet och får inte rösta; rösten räknas inte.`,
        en: `${joinList(names, 'en')} declared a conflict of interest (jäv) on this item and may not vote; the vote is not counted.`,
      },
    });
  }
  if (notServing.length > 0) {
    const names = notServing.map(name);
    t.problems.push({
      code: 'not-serving',
      personIds: notServing,
      message: {
        sv: `${joinList(names, 'sv')} tjänstgör inte vid ärendet; rösten räknas inte.`,
        en: `${joinList(names, 'en')} is not serving on this item; the vote is not counted.`,
      },
    });
  }
  t.missing = eligibility.voters.filter((v) => !isVote(votes.get(v.personId))).map((v) => v.personId);
  const sum = t.ja + t.nej + t.avstar;
  if (sum !== t.serving) {
    const names = t.missing.map(name);
    t.problems.push({
      code: 'sums',
      personIds: t.missing,
      message: {
        sv: `Rösterna (${t.ja} ja, ${t.nej} nej, ${t.avstar} avstår = ${sum}) stämmer inte med antalet tjänstgörande ledamöter (${t.serving}). Saknas: ${joinList(names, 'sv')}.`,
        en: `The votes (${t.ja} yes, ${t.nej} no, ${t.avstar} abstaining = ${sum}) do not add up to the number of serving members (${t.serving}). Missing: ${joinList(names, 'en')}.`,
      },
    });
  }
  return t;
}

export interface VoteResult {
  /** The side that won; null on a tie without the chair's casting vote, or before any vote. */
  winner: 'ja' | 'nej' | null;
  /** The chair's casting vote decided a tie. */
  casting: boolean;
  /** "Med 6 ja-röster mot 4 nej-röster och 1 som avstod beslutar nämnden enligt yrkande 1 (Anna Andersson)." */
  line: string | null;
  problem: VoteProblem | null;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The result of an omröstning as the protocol writes it. On equal ja and nej the chair has the
 * casting vote (utslagsröst): the side the chair voted for wins; when the chair abstained or did
 * not vote, the result is open and reported.
 *
 * `body`: who decides ("nämnden", or the body's name). `ja`/`nej`: what each side stands for
 * ("yrkande 1 (Anna Andersson)"); null gives "ja-propositionen" / "nej-propositionen".
 */
export function voteResult(tally: Pick<Tally, 'ja' | 'nej' | 'avstar'>, o: { body: string; ja: string | null; nej: string | null; chairVote?: unknown }): VoteResult {
  if (tally.ja + tally.nej + tally.avstar === 0) return { winner: null, casting: false, line: null, problem: null };
  const head = `${count(tally.ja, 'ja-röst', 'ja-röster')} mot ${count(tally.nej, 'nej-röst', 'nej-röster')}`;
  const extras = tally.avstar > 0 ? [`${tally.avstar} som avstod`] : [];
  let winner: 'ja' | 'nej' | null = tally.ja > tally.nej ? 'ja' : tally.nej > tally.ja ? 'nej' : null;
  let casting = false;
  if (winner === null && (o.chairVote === 'ja' || o.chairVote === 'nej')) {
    winner = o.chairVote;
    casting = true;
    extras.push('ordförandens utslagsröst');
  }
  if (winner === null) {
    return {
      winner,
      casting,
      line: `Med ${head}${extras.length ? ` och ${extras[0]}` : ''} är röstetalet lika; ordförandens utslagsröst avgör.`,
      problem: {
        code: 'tie',
        personIds: [],
        message: {
          sv: 'Röstetalet är lika och ordföranden har inte röstat ja eller nej: ordförandens utslagsröst saknas.',
          en: 'The vote is tied and the chair has not voted yes or no: the chair’s casting vote is missing.',
        },
      },
    };
  }
  const side = (winner === 'ja' ? o.ja : o.nej) ?? `${winner}-propositionen`;
  const tail = extras.length === 0 ? '' : extras.length === 1 ? ` och ${extras[0]}` : `, ${extras.slice(0, -1).join(', ')} och ${extras[extras.length - 1]}`;
  return { winner, casting, line: `Med ${head}${tail} beslutar ${o.body} enligt ${side}.`, problem: null };
}

/** "Ja för yrkande 1 (Anna Andersson), nej för yrkande 2 (Bo Berg)": what each answer means. */
export function propositionLine(ja: string | null, nej: string | null): string | null {
  if (!ja && !nej) return null;
  return [ja ? `Ja för ${ja}` : null, nej ? `${ja ? 'nej' : 'Nej'} för ${nej}` : null].filter(Boolean).join(', ');
}

/** Everything a roll call, a view or an export needs of one omröstning, computed once. */
export interface OmrostningSummary {
  eligibility: Eligibility;
  tally: Tally;
  result: VoteResult;
  proposition: string | null;
  /** Problems to show: vote problems, then the result's (a tie without casting vote). */
  problems: VoteProblem[];
}

export interface SummaryContext {
  attendance: Iterable<readonly [string, unknown]>;
  roster: readonly Person[];
  /** Who decides, in the result line. */
  body: string;
}

export function summarizeOmrostning(itemId: string, politics: ItemPolitics, omrostningId: string, ctx: SummaryContext): OmrostningSummary | null {
  const o = politics.omrostningar.find((x) => x.id === omrostningId);
  if (!o) return null;
  const names = new Map(ctx.roster.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => names.get(id);
  const eligibility = eligibleVoters({ attendance: ctx.attendance, roster: ctx.roster, itemId, javiga: politics.javiga });
  const tally = tallyVotes(o.votes, eligibility, nameOf);
  const label = (id: string | null) => {
    const y = id ? politics.yrkanden.find((x) => x.id === id) : undefined;
    return y ? yrkandeLabel(y, nameOf) : null;
  };
  const chair = eligibility.voters.find((v) => v.chair);
  const result = voteResult(tally, { body: ctx.body, ja: label(o.ja), nej: label(o.nej), chairVote: chair ? o.votes.get(chair.personId) : undefined });
  return {
    eligibility,
    tally,
    result,
    proposition: propositionLine(label(o.ja), label(o.nej)),
    problems: result.problem ? [...tally.problems, result.problem] : tally.problems,
  };
}

/**
 * The yrkande that lost the item's last decided omröstning: where a new reservation most likely
 * points (those who voted for it reserve themselves against the decision). Null when unknown.
 */
export function losingYrkande(itemId: string, politics: ItemPolitics, ctx: SummaryContext): string | null {
  for (let i = politics.omrostningar.length - 1; i >= 0; i--) {
    const o = politics.omrostningar[i]!;
    const s = summarizeOmrostning(itemId, politics, o.id, ctx);
    if (s?.result.winner) return (s.result.winner === 'ja' ? o.nej : o.ja) ?? null;
  }
  return null;
}

/** Political blocks that name nobody: a yrkande, reservation, protokollsanteckning or jäv needs a person reference. */
export function missingPersonProblems(item: Tree): Array<{ id: string; message: Bilingual }> {
  const out: Array<{ id: string; message: Bilingual }> = [];
  const what: Record<string, Bilingual> = {
    yrkande: { sv: 'yrkandet', en: 'the motion (yrkande)' },
    reservation: { sv: 'reservationen', en: 'the dissent (reservation)' },
    protokollsanteckning: { sv: 'protokollsanteckningen', en: 'the minuted statement (protokollsanteckning)' },
    jav: { sv: 'jävet', en: 'the conflict of interest (jäv)' },
  };
  const visit = (children: readonly unknown[]) => {
    for (const c of children) {
      if (!isElement(c)) continue;
      const type = (c as { type: string }).type;
      if (type === 'subitem') visit(c.children);
      else if (what[type] && personRefs(c).length === 0) {
        out.push({
          id: c.id,
          message: {
            sv: `Ingen person angiven i ${what[type]!.sv}: skriv namnet och välj det i listan (Tab).`,
            en: `Nobody is named in ${what[type]!.en}: type the name and pick it from the list (Tab).`,
          },
        });
      }
    }
  };
  visit(item.children);
  return out;
}
