/**
 * # § numbering
 *
 * Pure: data in, data out; no clock, no storage, no randomness. Main's projections and the
 * editor call it with what they hold; every device that holds the same documents computes
 * the same numbers.
 *
 * ## Why numbers are computed
 *
 * A displayed number ("§ 103", "3.") is never text in the document. It is computed from the
 * body's profile (the scheme), the body's meetings in the year, and the order of the items.
 * If numbers were typed or stored as editable text, two devices inserting an item while
 * offline would each write "§ 3" and the merge would keep both. Computed from one merged
 * order, both devices show the same, unique labels.
 *
 * ## Schemes (the body's profile)
 *
 * - `yearly`: one counter per body and calendar year. Formats "§ 101" (space), "§101"
 *   (nospace), "§ 81/24" (slash-year: number / the meeting's two-digit year).
 * - `per-meeting`: "§ 1" restarting every meeting (minnesanteckningar).
 * - `points`: "1." restarting every meeting (mötesanteckningar).
 * Sub-items are letters: "a/", "b/" … "z/", then "aa/", "ab/" (spreadsheet style, a–z only).
 * A citation glues the letter to the number: "§100c", "§ 81c/24", "punkt 3c".
 *
 * ## Where a meeting's numbers start (yearly)
 *
 * One more than the highest number used so far in the same calendar year by the body's
 * earlier meetings. "Earlier" is a total order shared by every device: by date, then by
 * `sortKey` (give the start time, "09:00", when a body meets twice in a day; a missing key
 * sorts first), then by meeting id. Two meetings on one day without distinct keys are
 * reported (`ambiguous-order`) since the id tie-break is deterministic but arbitrary.
 * "Highest used" equals "the last § of the previous meeting" in every normal year; it
 * differs only when an earlier meeting is already broken, and then it avoids adding a
 * duplicate to the one already reported. In a started meeting, the numbers of items
 * deleted after the start count as used (`MeetingNumbers.highest`).
 * The first meeting of a calendar year starts at 1: the restart on 1 January is the year
 * in the date, nothing else. A meeting with no items uses no numbers. Meetings imported
 * from old minutes enter as `recorded` numbers, taken exactly as written.
 * Per-meeting and points schemes start at 1 in every meeting; no year logic applies.
 *
 * ## Freezing (the meeting has started)
 *
 * Before the start, numbers follow the item order: reordering the agenda renumbers it.
 * At the start the caller stores `freezeNumbers(...)`: item id → number and sub-item →
 * letter (a Y.Map, entries only ever added). From then on:
 * - an item keeps its number wherever it is moved; the document may then show § 103
 *   before § 102, reported as an `out-of-order` note, not an error;
 * - an item added after the start gets one more than the highest number the meeting has
 *   ever used (deleted items included), never a reused one; the caller stores it from
 *   `toFreeze` so that it, too, stays put when moved;
 * - a deleted item leaves a gap, reported as `gap` ("togs bort efter att mötet startat");
 * - if two devices gave the same number to two items (both added an item while offline,
 *   or both pressed start with different orders), the item standing first keeps it and
 *   the other gets the next free number (`conflict`), the same result on every device;
 *   the fix is in `toFreeze` to store. This is the one case where a number changes after
 *   the start: otherwise the two devices would show two "§ 113".
 * Sub-item letters freeze the same way, within their item. A started meeting is not
 * renumbered when an earlier meeting changes later: the mismatch is reported instead.
 *
 * ## Reports, never fixes
 *
 * `checkYear` reads any series (Paragraf's or imported) and reports gaps, duplicates,
 * out-of-order numbers, meetings that do not continue from the previous one, and yearly
 * series that do not restart on 1 January. Each report has a code, a severity and a
 * Swedish and an English message. Nothing is renumbered to make a report go away: a gap
 * in a signed protocol is a fact about that protocol.
 *
 * ## Reading old labels
 *
 * `parseLabel`, `parseHeading` and `findReferences` read what people typed ("§ 101",
 * "§101", "§ 81/24", "1.", "§ 1.", "§100c", "§§ 87–89", "§87, 88 och 89") for import and
 * for follow-up references.
 */
export { numberingSchemeSchema, yearOf, twoDigitYear, isYearly, type NumberingScheme } from './scheme';
export {
  formatLabel,
  formatReference,
  formatRange,
  subItemLetter,
  subItemIndex,
  subItemLabel,
  describeNumber,
  describeRun,
} from './labels';
export {
  numberYear,
  numberMeeting,
  freezeNumbers,
  subItemKey,
  type FrozenNumbers,
  type ItemInput,
  type SubItemInput,
  type ManagedMeeting,
  type RecordedMeeting,
  type MeetingInput,
  type NumberedItem,
  type NumberedSubItem,
  type MeetingNumbers,
  type YearNumbers,
} from './engine';
export { checkYear, compareMeetings, type SeriesMeeting } from './check';
export { type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics';
export {
  parseLabel,
  parseHeading,
  findReferences,
  type ParsedLabel,
  type ParsedRef,
  type ParsedHeading,
  type FoundReference,
} from './parse';
