/**
 * The body document as the body page reads and writes it. The Core owns the body Y.Doc;
 * the renderer edits its replica: `profile` (key "profile" → BodyProfile JSON) and `members`
 * (person id → Person JSON). Every write goes through the rules of src/bodies first (addPerson:
 * fields and duplicates; markLeft: nobody is ever deleted; validateProfile for the settings),
 * and writes nothing when they refuse, so an invalid profile or person never reaches the
 * document.
 */
import * as Y from 'yjs';
import {
  type Bilingual,
  type BodyProfile,
  type Person,
  type PersonRole,
  type RosterResult,
  type ProfileIssue,
  addPerson,
  bodyProfileSchema,
  markLeft,
  mergeProfileEdits,
  personSchema,
  reactivate,
  tidyText,
  updatePerson,
  validateProfile,
} from '../../src/bodies';

export const MEMBERS = 'members';

export function membersOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(MEMBERS);
}

/**
 * Everyone in the roster, valid entries only (another device or an older version may have
 * written something else: skipped, as the Core's projection does), sorted by name. People
 * who left keep their place in the order: re-sorting a row when someone is marked as having
 * left would move the focused button out from under the keyboard.
 */
export function readPeople(doc: Y.Doc): Person[] {
  return peopleIn(membersOf(doc));
}

export function peopleIn(members: Y.Map<unknown>): Person[] {
  const people: Person[] = [];
  members.forEach((value, key) => {
    const p = personSchema.safeParse(value);
    if (p.success && p.data.id === key) people.push(p.data);
  });
  return people.sort(byName);
}

export function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'sv') || a.name.localeCompare(b.name);
}

export function readBodyProfile(doc: Y.Doc): BodyProfile | null {
  return profileIn(doc.getMap('profile'));
}

export function profileIn(map: Y.Map<unknown>): BodyProfile | null {
  const parsed = bodyProfileSchema.safeParse(map.get('profile'));
  return parsed.success ? parsed.data : null;
}

export type ProfileSaveResult = { ok: true; profile: BodyProfile } | { ok: false; issues: ProfileIssue[] };

/**
 * Saves the settings form: what it changed since `base` (the profile when the form was
 * filled) goes onto the profile as it is now (another device may have changed it meanwhile),
 * the result is checked whole, and written in one transaction, or not at all.
 */
export function saveProfile(doc: Y.Doc, base: BodyProfile, edited: BodyProfile): ProfileSaveResult {
  const current = readBodyProfile(doc) ?? base;
  const checked = validateProfile(mergeProfileEdits(base, edited, current));
  if (!checked.ok) return checked;
  doc.transact(() => doc.getMap('profile').set('profile', checked.profile));
  return checked;
}

/** An id for a person or a guest: safe for the contract's id rule ([A-Za-z0-9_-]). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface PersonForm {
  name: string;
  title: string;
  organisation: string;
  role: PersonRole;
  email: string;
  party: string;
}

export function personFromForm(form: PersonForm, id: string): Person {
  const email = form.email.trim();
  const party = tidyText(form.party);
  return {
    id,
    name: tidyText(form.name),
    title: tidyText(form.title),
    organisation: tidyText(form.organisation),
    party: party === '' ? null : party,
    role: form.role,
    email: email === '' ? null : email,
    active: true,
    leftOn: null,
  };
}

export type WriteResult = { ok: true; person: Person } | { ok: false; message: Bilingual };

function write(doc: Y.Doc, result: RosterResult, id: string): WriteResult {
  if (!result.ok) return { ok: false, message: result.error.message };
  const person = result.roster.find((p) => p.id === id)!;
  // One transaction, one update to the Core: the person arrives whole or not at all.
  doc.transact(() => membersOf(doc).set(id, person));
  return { ok: true, person };
}

/** Adds a person after the roster rules (fields, duplicates by name + organisation or e-mail). */
export function savePerson(doc: Y.Doc, person: Person): WriteResult {
  return write(doc, addPerson(readPeople(doc), person), person.id);
}

/** Corrects a person's details (same id); whether they have left stays as it is. */
export function editPerson(doc: Y.Doc, person: Person): WriteResult {
  return write(doc, updatePerson(readPeople(doc), person), person.id);
}

/** Marks a person as having left on `date`; they stay in the roster (old protocols name them). */
export function personLeft(doc: Y.Doc, id: string, date: string): WriteResult {
  return write(doc, markLeft(readPeople(doc), id, date), id);
}

export function personBack(doc: Y.Doc, id: string): WriteResult {
  return write(doc, reactivate(readPeople(doc), id), id);
}

/** "deltagarlista-LSVO.csv": the body's name, without what Windows forbids in a file name. */
export function rosterFileName(bodyName: string): string {
  const safe = Array.from(bodyName.normalize('NFC'))
    .filter((c) => c.charCodeAt(0) >= 0x20 && !'\\/:*?"<>|'.includes(c))
    .join('')
    .trim()
    .replace(/\s+/gu, '-');
  return `deltagarlista-${safe === '' ? 'organ' : safe}.csv`;
}
