/**
 * Bodies and rosters: pure domain code for the *organ* whose minutes Paragraf keeps.
 *
 * Design:
 * - **Profile as data** (profile.ts). Everything DOMAIN.md says varies between bodies — genre,
 *   numbering scheme (reused from src/numbering), decision style and lead phrase, legal
 *   features, standard agenda, distribution list, phrase bank — is a field of `BodyProfile`,
 *   validated by `bodyProfileSchema`. Rules between fields (a justerare signs only if there is
 *   justering; anslag needs justering; att-sats phrases start with "att") live in
 *   `checkProfile`, which returns Swedish/English issues for the settings screen and feeds the
 *   schema. The settings screen saves through profileEdit.ts: the whole profile validated first,
 *   then only what the form changed merged onto the profile as it is now.
 * - **Political nämnd is not a genre.** Its document is a sammanträdesprotokoll; what differs
 *   is that Kommunallagen applies. `kommunallagen: true` makes the features the law requires
 *   (justering ≤ 14 days, anslag ≤ 2 days kept ≥ 21, votes, reservations, jäv) mandatory;
 *   a cooperation group may switch each on by choice.
 * - **Presets** (presets.ts) are fresh objects per call, validated on the way out;
 *   `profileFromPreset` fills the body name into the decision lead, using the Swedish
 *   genitive rule in genitive.ts ("LSVO:s", "Socialnämndens", "Consensus").
 * - **Roster** (roster.ts): people are never deleted, only marked as having left
 *   (`active: false`, `leftOn`), because old protocols and follow-ups point at them. Duplicates
 *   (same name + organisation, or same e-mail, case- and whitespace-insensitive) are refused
 *   with a message naming both people.
 * - **CSV** (rosterCsv.ts over csv.ts and textFile.ts): import takes the bytes the user opened,
 *   detects the encoding (BOM → that; valid UTF-8 → UTF-8; otherwise Windows-1252, with a
 *   warning; binary, spreadsheets, Mac Roman and already-garbled text refused) and the
 *   separator, and is all-or-nothing with every error tied to its Excel row. Export is UTF-8
 *   with BOM and ';', which Swedish Excel opens by double-click.
 * - Every message is `{ sv, en }`. Nothing here touches files, clocks or randomness: ids come
 *   from a `newId` the caller passes in.
 */
export { type Bilingual } from './bilingual';
export { isIsoDate } from './isoDate';
export { fillBodyName, genitive } from './genitive';
export {
  type AgendaItemKey,
  type AgendaTemplateItem,
  type BodyFeatures,
  type BodyProfile,
  type DecisionStyle,
  type Genre,
  type Phrase,
  type ProfileIssue,
  type SignatoryRole,
  agendaItemKeySchema,
  agendaItemKeys,
  agendaTemplateItemSchema,
  bodyFeaturesSchema,
  bodyProfileShape,
  bodyProfileSchema,
  checkProfile,
  decisionStyleSchema,
  decisionStyles,
  genreSchema,
  genres,
  phraseSchema,
  signatoryRoleSchema,
  signatoryRoles,
} from './profile';
export { type ProfileValidation, cloneJson, mergeProfileEdits, newPhraseId, profileFieldName, sameJson, validateProfile } from './profileEdit';
export { type PresetId, type ProfileFromPresetOptions, presetIds, presetLabels, profileFromPreset } from './presets';
export {
  type DuplicateMatch,
  type Person,
  type PersonIdentity,
  type PersonRole,
  type RosterError,
  type RosterErrorCode,
  type RosterResult,
  activePeople,
  addPerson,
  checkPersonFields,
  comparisonKey,
  duplicateMessage,
  findDuplicate,
  isValidEmail,
  markLeft,
  personIdSchema,
  personRoleLabels,
  personRoleSchema,
  personRoles,
  personSchema,
  reactivate,
  tidyText,
  updatePerson,
} from './roster';
export {
  type RosterCsvErrorCode,
  type RosterCsvIssue,
  type RosterCsvWarning,
  type RosterCsvWarningCode,
  type RosterImportOptions,
  type RosterImportResult,
  exportRosterCsv,
  formatRosterCsv,
  importRosterCsv,
  rosterCsvHeader,
} from './rosterCsv';
export { type CsvRecord, type CsvSeparator, detectSeparator, formatCsv, formatCsvField, parseCsv } from './csv';
export {
  type DecodeTextResult,
  type TextEncodingName,
  type TextFileErrorCode,
  decodeTextFile,
  decodeUtf8,
  decodeWindows1252,
  encodeUtf8,
} from './textFile';
