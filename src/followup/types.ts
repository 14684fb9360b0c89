/**
 * The shapes of the decision register: what detection reads out of one decision (an att-sats,
 * a "Beslut:" sentence or bullet), and what it needs to know to do so.
 */
import type { Person } from '../bodies/roster';

/**
 * informationen-till-protokollet: "att lägga informationen till protokollet" (nothing to follow).
 * bordlagd: tabled ("att bordlägga …", "Frågan bordläggs"); must come back on an agenda.
 * aterremitterad: sent back ("att återremittera ärendet …"); must come back on an agenda.
 * uppdrag: someone is to do something ("tar med sig", "ansvarar för", "ges i uppdrag", …).
 * beslut: everything else: approvals, positions, appointments.
 */
export const decisionKinds = ['uppdrag', 'informationen-till-protokollet', 'beslut', 'bordlagd', 'aterremitterad'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** open until a person (or the follow-up walk) says otherwise; detection never closes. */
export const decisionStatuses = ['open', 'done', 'cancelled'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

/** A stretch of the decision text (offsets into `DetectedDecision.text`). */
export interface Span {
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
}

/** Why a span was read the way it was, for the "why does it say that?" tooltip. */
export interface Evidence extends Span {
  field: 'kind' | 'owner' | 'due';
  rule: string;
}

/**
 * How an owner's name was read:
 * - reference: linked by the secretary with name completion (always wins);
 * - full-name: the roster name as written, or its genitive ("Annika Mellqvists");
 * - short-name: first name + initials / dropped middle names ("Kjell I", "Cecilia G Lang",
 *   "Torill S Magnusson", "Lotta GD"), unique among the people active at the meeting;
 * - spelling: the roster name in another spelling ("Bodil Sundlöv" for Sundlöf, "Karlson" for
 *   Karlsson): equal after a Swedish spelling key, never for a name that is itself in the roster;
 * - first-name: a first name alone ("Annika tar upp punkten"), unique among active people;
 * - foredragande: the word "föredragande", meaning the item's presenters;
 * - group: "samtliga ledamöter", "länssamordnarna", "förvaltningen" (no person id).
 */
export type OwnerRule = 'reference' | 'full-name' | 'short-name' | 'spelling' | 'first-name' | 'foredragande' | 'group';

export interface Owner {
  /** The roster person, when the owner is one. */
  personId?: string;
  /** The roster name for a roster person; otherwise the text as written ("samtliga ledamöter"). */
  name: string;
  /**
   * reference: linked by name completion · roster: a roster person found by detection ·
   * text: a group, or a presenter who is not in the roster, known only by the words.
   */
  how: 'reference' | 'roster' | 'text';
  kind: 'person' | 'group';
  rule: OwnerRule;
}

/**
 * When a decision is due:
 * - date: a calendar date ("senast den 30 september", "2024-10-11", "den 15/9", "241011");
 * - meeting: a meeting of the body: by date ("inför LSVO 4 juni"), by month ("vid LSVO:s möte i
 *   juni": `meetingDate` filled when the body has a known meeting that month), the next one
 *   ("före nästa LSVO-möte": `next`), or by name ("vid internatet");
 * - period: a vague time ("efter sommaren", "under hösten", "i juni"): `month` is the first
 *   month it can mean (YYYY-MM), for sorting and reminders, never shown as a deadline.
 */
export type DuePoint =
  | { kind: 'date'; date: string; text: string }
  | { kind: 'meeting'; meetingDate?: string; month?: string; next?: boolean; name?: string; text: string }
  | { kind: 'period'; month: string; text: string };

/** A known future meeting of the body, from its meeting plan. */
export interface KnownMeeting {
  /** YYYY-MM-DD (the first day, for a two-day internat). */
  date: string;
  /** What people call it, if not just "mötet": "Internatet", "Planeringsdag". */
  name?: string;
}

/** A presenter of the item, as written under "Föredragande:", linked to the roster if known. */
export interface Presenter {
  name: string;
  personId?: string;
}

export interface DetectContext {
  /** The body's roster, including people who have left (old text still names them). */
  roster: readonly Person[];
  /**
   * What the body is called in running text, including its own short names: "LSVO",
   * "ledningsgruppen", "nämnden". Used to read "inför LSVO 4 juni" as a meeting, and to keep
   * the body itself from being an owner ("Ledningsgruppen ställer sig bakom …").
   */
  bodyNames: readonly string[];
  /** The meeting the decision was taken at (YYYY-MM-DD): resolves years and "nästa möte". */
  meetingDate: string;
  /** The body's planned meetings; those after `meetingDate` resolve "nästa möte", "i juni". */
  upcomingMeetings?: readonly KnownMeeting[];
  /** The item's presenters: what "föredragande" in the decision means. */
  foredragande?: readonly Presenter[];
  /** People the secretary linked in this decision with name completion: owners, always. */
  referencedPersonIds?: readonly string[];
}

export interface DetectedDecision {
  /** The decision text as read: tidied (NFC, one space between words). Evidence indexes it. */
  text: string;
  kind: DecisionKind;
  owners: Owner[];
  due: DuePoint | null;
  /** uppdrag, bordlagd and återremitterad always; beslut when it has a due point. */
  needsFollowUp: boolean;
  evidence: Evidence[];
}
