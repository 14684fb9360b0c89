/**
 * # Follow-up: the decision register's detection rules
 *
 * Pure: text and context in, data out; no clock, no storage. Main's projections call it to
 * fill the register (decisions, actions) from the documents; the renderer calls it to show
 * what was read and why (`evidence`).
 *
 * ## The pipeline
 *
 * 1. `splitAttSatser(text, { lead })` cuts a decision block, or a whole item, into single
 *    decisions: att-satser after the lead phrase, "Beslut: …" prose, "Beslut:" + bullets.
 * 2. `detectDecision(text, context)` reads one decision: `kind`, `owners`, `due`,
 *    `needsFollowUp` and the evidence spans. Only the decision's own words are read: dates and
 *    names in the discussion are history, not deadlines or owners.
 * 3. `mergeCorrections(detected, corrections)` lets the secretary's corrections win, field by
 *    field, across re-detection; status (open / done / cancelled) comes only from people.
 * 4. `draftFollowUp(previous, openOlder, { scheme })` drafts the next meeting's
 *    "Föregående sammanträdesprotokoll": "Återkoppling protokoll 2021-04-09:" and one line
 *    per open § ("§95 VFU sjuksköterskeprogrammet BTH – "), older open ones after, tabled
 *    and sent-back decisions offered for the agenda.
 *
 * ## The rules, in short (details at each module)
 *
 * - Kind (kind.ts): bordlagd > återremitterad > uppdrag > information > beslut. uppdrag is a
 *   task phrase ("tar med sig", "ansvarar för", "ges i uppdrag", "återkommer", "tar fram",
 *   "skickar ut", "informerar", …) or "att [owner] [present-tense verb]".
 * - Owners (owners.ts, people.ts): linked references first and always; roster people named
 *   in full, in genitive, by a short form ("Kjell I", "Cecilia G Lang", "Lotta GD", "Rikard
 *   F") or misspelt ("Bodil Sundlöv"); a first name alone only when unique among active people
 *   and not followed by a surname; never someone after "till"/"från"/"hos"; groups
 *   ("samtliga ledamöter", "länssamordnarna") only in subject position; "föredragande" = the
 *   item's presenters. Ambiguous readings are dropped, not guessed: a wrong owner costs more
 *   than a missing one.
 * - Due (due.ts): dates (ISO, "den 4 juni", "den 15/9", "211231"), meetings ("inför LSVO 4
 *   juni", "vid LSVO:s möte i juni", "före nästa LSVO-möte", "vid internatet") and, only
 *   when the decision asks for something back or sets a deadline, periods ("efter
 *   sommaren" → the first month it can mean). Never past dates, validity dates, bare years.
 *   A month before the meeting's month is next year's. The earliest candidate wins.
 * - needsFollowUp: uppdrag, bordlagd, återremitterad; beslut only with a due point.
 *
 * ## Known limits
 *
 * - Decisions are read one sentence-group at a time; actions written in discussion prose
 *   outside a decision ("Greger tar frågan med sig till Ljungby kommun", Skåne § 14 bullets
 *   without "Beslut:") are not register rows until the secretary makes them decisions.
 * - People not in the roster are not owners (add them to the roster, or link them); surnames
 *   alone are never read; a first name shared by two active people gives no owner.
 * - Relative times ("om två veckor", "inom en månad") and weekdays are not read.
 * - "Owners" means everyone the decision names as acting: in "Kontakta Annika för …" the
 *   contact person is the owner; in "att Eva Lindqvists förslag godkänns" the author is read
 *   as an owner too (correct by hand).
 * - First names that are also common words ("Per", "Lena", "Bo", …) are not read alone at the
 *   start of a sentence ("Lena tar fram ett förslag." gives no owner).
 * - Kind: a passive not on the task list ("lyfts på nämndens sammanträde") reads as beslut;
 *   an approval of someone's action ("att godkänna att Sara Öberg deltar …") and verbs that
 *   only state ("utgör") read as uppdrag.
 * - Due: a date after any meeting word is read as a meeting, also someone else's ("deltar i
 *   mötet den 3 oktober"); a month without a report-back verb or deadline word ("behandlas i
 *   oktober") is not a due point; an event's date in an approval ("deltar i konferensen den
 *   12 november") is.
 * Measured (tests/unit/followup): on the samples' 32 decisions owners and due points match the
 * hand-made list exactly (rules fitted to them); on 44 held-out att-satser owners precision
 * 31/33 and recall 31/32, due points precision 18/20 and recall 18/20, kind 41/44.
 */
export {
  decisionKinds,
  decisionStatuses,
  type DecisionKind,
  type DecisionStatus,
  type DetectContext,
  type DetectedDecision,
  type DuePoint,
  type Evidence,
  type KnownMeeting,
  type Owner,
  type OwnerRule,
  type Presenter,
  type Span,
} from './types';
export { detectDecision, needsFollowUp } from './detectDecision';
export { detectOwners } from './owners';
export { detectDue } from './due';
export { detectKind } from './kind';
export { splitAttSatser, type SplitDecision, type SplitOptions } from './splitAttSatser';
export {
  findForedragande,
  matchPeople,
  spellingKey,
  splitNameList,
  type MatchPeopleOptions,
  type PersonMatch,
  type PersonMatchRule,
} from './people';
export {
  correct,
  decisionCorrectionSchema,
  duePointSchema,
  mergeCorrections,
  ownerSchema,
  type CorrectableField,
  type DecisionCorrection,
  type DecisionRecord,
} from './corrections';
export {
  draftFollowUp,
  type AgendaOffer,
  type DraftOptions,
  type FollowUpBlock,
  type FollowUpDraft,
  type FollowUpLine,
  type RegisterDecision,
  type Timing,
} from './draftFollowUp';
