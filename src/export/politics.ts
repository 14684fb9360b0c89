/**
 * The political lines of an item (src/protocol/politicsSchema.ts) as blocks of the protocol
 * model, with the words the layout adds: "Yrkande 1:", "Reservation: … till förmån för
 * yrkande 2 (Bo Berg). Skriftlig reservation bifogas.", and the omröstning as its named list
 * (the members who could vote on the item, each with Ja / Nej / Avstår), the sums and the
 * result line, all computed here from the votes and the attendance (src/protocol/politics.ts),
 * never taken from typed text. Pure, like the model.
 */
import type { Person } from '../bodies/roster';
import { summarizeOmrostning, yrkandeLabel, type ItemPolitics } from '../protocol/politics';
import { isPoliticalType, isVote, politicalPrefix, SKRIFTLIG_RESERVATION, voteLabels, type PoliticalType } from '../protocol/politicsSchema';
import { isElement, plainText } from '../protocol/schema';
import type { RichModelBlock } from './richBlocks';

/** A yrkande, propositionsordning, reservation, protokollsanteckning or jäv: one labelled line. */
export interface PoliticalLineBlock {
  kind: 'political';
  type: Exclude<PoliticalType, 'omrostning'>;
  /** "Yrkande 1:", "Reservation:" */
  label: string;
  text: string;
  /** What the layout adds after the text: a reservation's yrkande and "Skriftlig reservation bifogas." */
  note: string | null;
}

export interface OmrostningBlock {
  kind: 'omrostning';
  label: string;
  /** The voteringsproposition as typed (may be empty). */
  text: string;
  /** "Ja för yrkande 1 (Anna Andersson), nej för yrkande 2 (Bo Berg)" */
  proposition: string | null;
  /** The roll call: every member who could vote on the item, in the roll call's order. */
  rows: Array<{ name: string; vote: string }>;
  /** Members who did not take part because of jäv. */
  jav: string[];
  /** "1 ja, 2 nej, 1 avstår (4 av 4 tjänstgörande)" */
  sums: string;
  result: string | null;
  /** Why the count does not hold (a missing vote, a tie without the casting vote), in Swedish. */
  problems: string[];
}

export type PoliticalBlock = PoliticalLineBlock | OmrostningBlock;

export interface PoliticsExportContext {
  itemId: string;
  politics: ItemPolitics;
  attendance: ReadonlyArray<readonly [string, unknown]>;
  roster: readonly Person[];
  /** Who decides in the result line: the body's name. */
  body: string;
}

const tidy = (s: string): string => s.replace(/[\s\u00a0]+/gu, ' ').trim();

/** The block of one political element, or null when there is nothing to print (an empty line). */
export function politicalBlock(node: unknown, ctx: PoliticsExportContext): PoliticalBlock | null {
  if (!isElement(node) || !isPoliticalType(node.type)) return null;
  const text = tidy(plainText(node));
  const names = new Map(ctx.roster.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => names.get(id);
  if (node.type === 'omrostning') {
    const s = summarizeOmrostning(ctx.itemId, ctx.politics, node.id, ctx);
    const votes = ctx.politics.omrostningar.find((o) => o.id === node.id)?.votes;
    if (!s || (text === '' && (votes?.size ?? 0) === 0)) return null;
    const { ja, nej, avstar, serving } = s.tally;
    return {
      kind: 'omrostning',
      label: politicalPrefix.omrostning.replace(/:$/u, ''),
      text,
      proposition: s.proposition,
      rows: s.eligibility.voters.map((v) => {
        const vote = votes?.get(v.personId);
        return { name: v.name, vote: isVote(vote) ? voteLabels[vote].sv : '–' };
      }),
      jav: s.eligibility.javiga.map((v) => v.name),
      sums: `${ja} ja, ${nej} nej, ${avstar} avstår (${ja + nej + avstar} av ${serving} tjänstgörande)`,
      result: s.result.line,
      problems: s.problems.map((p) => p.message.sv),
    };
  }
  if (text === '') return null;
  if (node.type === 'yrkande') {
    const n = ctx.politics.yrkanden.find((y) => y.id === node.id)?.number;
    return { kind: 'political', type: 'yrkande', label: n ? `${politicalPrefix.yrkande} ${n}:` : `${politicalPrefix.yrkande}:`, text, note: null };
  }
  if (node.type === 'reservation') {
    const r = ctx.politics.reservations.find((x) => x.id === node.id);
    const y = r?.yrkandeId ? ctx.politics.yrkanden.find((x) => x.id === r.yrkandeId) : undefined;
    const note = [y ? `Till förmån för ${yrkandeLabel(y, nameOf)}.` : null, r?.skriftlig ? SKRIFTLIG_RESERVATION : null].filter(Boolean).join(' ');
    return { kind: 'political', type: 'reservation', label: politicalPrefix.reservation, text, note: note || null };
  }
  return { kind: 'political', type: node.type, label: politicalPrefix[node.type], text, note: null };
}

/** The named list as a table block (drawn by the same code as the minutes' own tables): Ledamot, Röst, the sums last. */
export function rollCallTable(b: OmrostningBlock): Extract<RichModelBlock, { kind: 'table' }> {
  return {
    kind: 'table',
    rows: [{ header: true, cells: ['Ledamot', 'Röst'] }, ...b.rows.map((r) => ({ header: false, cells: [r.name, r.vote] })), { header: false, cells: ['Summa', b.sums] }],
  };
}

/** "Deltar inte på grund av jäv: David Dahl." under an omröstning's list. */
export function javLine(names: readonly string[]): string {
  return `Deltar inte på grund av jäv: ${names.join(', ')}.`;
}

/** The block's lines as a reader meets them (what a PDF's text must contain, in order). */
export function politicalReadingOrder(b: PoliticalBlock): string[] {
  if (b.kind === 'political') return [`${b.label} ${b.text}`, ...(b.note ? [b.note] : [])];
  return [b.label, ...(b.text ? [b.text] : []), ...(b.proposition ? [b.proposition] : []), ...b.rows.map((r) => `${r.name} ${r.vote}`), `Summa ${b.sums}`, ...(b.jav.length ? [javLine(b.jav)] : []), ...(b.result ? [b.result] : [])];
}
