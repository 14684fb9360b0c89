/**
 * Editing a body's profile on the settings screen: what a save may write, and how.
 *
 * - validateProfile: the whole candidate is checked before anything is written, and every
 *   problem comes back in Swedish and English with the field's name, so the screen can say
 *   what to change. Nothing of an invalid profile reaches the document.
 * - mergeProfileEdits: the profile is one value in the body's Y.Doc (last writer wins). A
 *   save writes only what this form changed since it was opened onto the profile as it is
 *   now, so a change made meanwhile on another device (a new phrase, another recipient) is
 *   kept unless this form changed the same setting.
 */
import type { z } from 'zod';
import type { Bilingual } from './bilingual';
import { type BodyProfile, type ProfileIssue, bodyProfileShape, checkProfile } from './profile';

/** The settings a person can see on the screen, by their place in the profile. */
const FIELD_NAMES: Array<[RegExp, Bilingual]> = [
  [/^name$/, { sv: 'Namn', en: 'Name' }],
  [/^documentTitle$/, { sv: 'Dokumentets rubrik', en: 'Document title' }],
  [/^decision\.lead$/, { sv: 'Inledning till besluten', en: 'Line above the decisions' }],
  [/^features\.justering\.deadlineDays$/, { sv: 'Dagar till justering', en: 'Days until justering' }],
  [/^features\.anslag\.publishWithinDays$/, { sv: 'Anslag senast, dagar efter justering', en: 'Notice within, days after justering' }],
  [/^features\.anslag\.keepDays$/, { sv: 'Anslaget sitter uppe, dagar', en: 'Notice kept up, days' }],
  [/^signing\.recordedBy$/, { sv: 'Rad före sekreterarens namn', en: 'Line before the secretary’s name' }],
  [/^agenda\.(opening|closing)\.\d+\.title$/, { sv: 'Punkt på standarddagordningen', en: 'Standard agenda item' }],
  [/^distribution\.\d+$/, { sv: 'Mottagare i sändlistan', en: 'Recipient in the distribution list' }],
  [/^phrases\.\d+\.label$/, { sv: 'Frasens namn', en: 'Phrase name' }],
  [/^phrases\.\d+\.text$/, { sv: 'Frasens text', en: 'Phrase text' }],
];

export function profileFieldName(path: readonly PropertyKey[]): Bilingual {
  const key = path.map(String).join('.');
  return FIELD_NAMES.find(([re]) => re.test(key))?.[1] ?? { sv: `Inställningen ${key}`, en: `The setting ${key}` };
}

function shapeIssue(issue: z.core.$ZodIssue): ProfileIssue {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  const field = profileFieldName(path);
  const place = path.map(String).join('.');
  let what: Bilingual;
  if (issue.code === 'too_big' && issue.origin === 'string') what = { sv: `är för lång (högst ${String(issue.maximum)} tecken)`, en: `is too long (at most ${String(issue.maximum)} characters)` };
  else if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') what = { sv: 'är utanför det tillåtna intervallet', en: 'is out of the allowed range' };
  else if (issue.code === 'too_big') what = { sv: 'har för många rader', en: 'has too many rows' };
  else if (issue.code === 'custom') what = { sv: 'får inte vara tom', en: 'must not be empty' };
  else what = { sv: 'har ett ogiltigt värde', en: 'has an invalid value' };
  return {
    code: 'INVALID_FIELD',
    path,
    message: { sv: `${field.sv} (${place}) ${what.sv}.`, en: `${field.en} (${place}) ${what.en}.` },
  };
}

export type ProfileValidation = { ok: true; profile: BodyProfile } | { ok: false; issues: ProfileIssue[] };

/** Problems with a value (empty, too long, out of range), not with its type. */
const VALUE_PROBLEMS = new Set(['custom', 'too_big', 'too_small']);

/**
 * The fields (types, empty, length) and the rules between them (checkProfile), all at once:
 * she corrects every mistake in one go, not one per save. The rules are checked only when
 * every field has the right type (a wrong type can come only from a broken document).
 */
export function validateProfile(candidate: unknown): ProfileValidation {
  const parsed = bodyProfileShape.safeParse(candidate);
  if (parsed.success) {
    const issues = checkProfile(parsed.data);
    return issues.length > 0 ? { ok: false, issues } : { ok: true, profile: parsed.data };
  }
  const shape = parsed.error.issues.map(shapeIssue);
  const typesRight = parsed.error.issues.every((i) => VALUE_PROBLEMS.has(i.code));
  return { ok: false, issues: typesRight ? [...shape, ...checkProfile(candidate as BodyProfile)] : shape };
}

/** Equal as JSON data: a profile is JSON (it lives in a Y.Doc as such), key order included. */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
/** A deep copy of JSON data (a JSON round trip). */
export const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * `current` with every setting `edited` changed relative to `base`. A setting is a top-level
 * field, or one feature (justering, anslag, votes…): two people turning on two different
 * features both keep theirs. Lists (agenda, distribution, phrases) are one setting each.
 */
export function mergeProfileEdits(base: BodyProfile, edited: BodyProfile, current: BodyProfile): BodyProfile {
  const merged: BodyProfile = cloneJson(current);
  for (const key of Object.keys(edited) as Array<keyof BodyProfile>) {
    if (key === 'features') continue;
    if (!sameJson(base[key], edited[key])) (merged as Record<string, unknown>)[key] = cloneJson(edited[key]);
  }
  for (const key of Object.keys(edited.features) as Array<keyof BodyProfile['features']>) {
    if (!sameJson(base.features[key], edited.features[key])) (merged.features as Record<string, unknown>)[key] = cloneJson(edited.features[key]);
  }
  return merged;
}

/**
 * A phrase id for a new phrase: its name in kebab-case, ASCII only (the schema's id rule),
 * made unique among `taken`.
 */
export function newPhraseId(label: string, taken: ReadonlySet<string>): string {
  const stem =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'fras';
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
