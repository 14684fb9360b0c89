/**
 * The blocks political bodies need in a protocol (Kommunallagen 5 kap., DOMAIN.md "Political
 * bodies add"): yrkanden, propositionsordning, omröstning by roll call, reservation,
 * protokollsanteckning and jäv. Each is a text block (a line) in an item's or sub-item's body,
 * beside paragraphs and decisions:
 *
 *   body = paragraph | foredragande | decision | political
 *   political = yrkande | propositionsordning | omrostning | reservation | protokollsanteckning | jav
 *
 * Who moves, reserves, notes or declares jäv is a person reference in the text (the roster
 * name completion's `personId` mark), not a second field: the name stays ordinary text for
 * search and export, and there is one place to get it right. The words the layout adds
 * ("Yrkande 2:", "Reservation:", "Skriftlig reservation bifogas.", the vote sums and the result
 * line) are shown and exported, never stored, like the § labels: a yrkande's number is its
 * place among the item's yrkanden; sums are always computed from the votes.
 *
 * Only types, constants and constructors here (no runtime import from schema.ts, which imports
 * this file); the rules are in politics.ts.
 */
import type { TextLeaf } from './schema';

export const VOTES = ['ja', 'nej', 'avstar'] as const;
export type Vote = (typeof VOTES)[number];

/**
 * A roll-call vote is stored as one element property per member, `rost:<personId>`, not as one
 * map: @slate-yjs keeps each property as its own Y attribute, so two devices entering votes of
 * different members into the same omröstning both keep theirs (one map would be replaced whole).
 */
export const VOTE_PREFIX = 'rost:';
export type VoteKey = `rost:${string}`;

/** "Anna Andersson (S): bifall till arbetsutskottets förslag." Numbered 1, 2 … within its item. */
export interface YrkandeElement {
  type: 'yrkande';
  id: string;
  children: TextLeaf[];
}
/** The chair's order of questions, as text: "Ordföranden ställer proposition på … och finner …". */
export interface PropositionsordningElement {
  type: 'propositionsordning';
  id: string;
  children: TextLeaf[];
}
/**
 * An open vote by roll call. The text is the voteringsproposition as the chair put it (may be
 * empty: "Ja för yrkande 1, nej för yrkande 2" is shown from `ja`/`nej`). `ja`/`nej`: the ids of
 * the yrkanden a Ja and a Nej vote stand for, in the same item. The votes: `rost:<personId>`.
 */
export interface OmrostningElement {
  type: 'omrostning';
  id: string;
  ja?: string;
  nej?: string;
  children: TextLeaf[];
  [vote: VoteKey]: Vote | undefined;
}
/**
 * Dissent against the decision: who (a person reference), in favour of which yrkande
 * (`yrkandeId`, in the same item), and the reasons as text. `skriftlig`: written reasons are
 * handed in later (before justering) and attached: "Skriftlig reservation bifogas."
 */
export interface ReservationElement {
  type: 'reservation';
  id: string;
  yrkandeId?: string;
  skriftlig?: boolean;
  children: TextLeaf[];
}
export interface ProtokollsanteckningElement {
  type: 'protokollsanteckning';
  id: string;
  children: TextLeaf[];
}
/** Jäv declared on this item: the people referenced in it take no part (and do not vote). */
export interface JavElement {
  type: 'jav';
  id: string;
  children: TextLeaf[];
}

export type PoliticalElement =
  | YrkandeElement
  | PropositionsordningElement
  | OmrostningElement
  | ReservationElement
  | ProtokollsanteckningElement
  | JavElement;
export type PoliticalType = PoliticalElement['type'];

export const politicalTypes: readonly PoliticalType[] = ['yrkande', 'propositionsordning', 'omrostning', 'reservation', 'protokollsanteckning', 'jav'];

export function isPoliticalType(value: unknown): value is PoliticalType {
  return typeof value === 'string' && (politicalTypes as readonly string[]).includes(value);
}

/** The element properties that belong to one political type only (stripped from any other). */
export const politicalProperties: Record<string, PoliticalType> = { ja: 'omrostning', nej: 'omrostning', yrkandeId: 'reservation', skriftlig: 'reservation' };

/** Whether a property key is one a political type owns (`rost:*` included), and which type. */
export function politicalPropertyOwner(key: string): PoliticalType | null {
  if (key.startsWith(VOTE_PREFIX)) return 'omrostning';
  return Object.hasOwn(politicalProperties, key) ? politicalProperties[key]! : null;
}

export function isVote(value: unknown): value is Vote {
  return typeof value === 'string' && (VOTES as readonly string[]).includes(value);
}

/** A new political line, empty (or with the text given). */
export function newPolitical<T extends PoliticalType>(newId: () => string, type: T, text = ''): Extract<PoliticalElement, { type: T }> {
  return { type, id: newId(), children: [{ text }] } as Extract<PoliticalElement, { type: T }>;
}

/** Labels the editor and every exporter show before a political line (protocol words: Swedish). */
export const politicalPrefix: Record<PoliticalType, string> = {
  yrkande: 'Yrkande',
  propositionsordning: 'Propositionsordning:',
  omrostning: 'Omröstning:',
  reservation: 'Reservation:',
  protokollsanteckning: 'Protokollsanteckning:',
  jav: 'Jäv:',
};
export const SKRIFTLIG_RESERVATION = 'Skriftlig reservation bifogas.';
export const voteLabels: Record<Vote, { sv: string; en: string }> = {
  ja: { sv: 'Ja', en: 'Yes' },
  nej: { sv: 'Nej', en: 'No' },
  avstar: { sv: 'Avstår', en: 'Abstains' },
};
