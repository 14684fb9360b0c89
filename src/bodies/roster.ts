/**
 * The roster (ledamotslista) of a body: the people who may appear in its attendance lists.
 *
 * A person who leaves is never deleted: old protocols name them, follow-up still points at
 * their att-satser, so they are marked inactive with the date they left (`leftOn`). The roster
 * functions are pure: they return a new array and never change the one given.
 */
import { z } from 'zod';
import { type Bilingual, q } from './bilingual';
import { isIsoDate } from './isoDate';

/**
 * Membership in the body, not the part someone plays at one meeting (ordförande, sekreterare,
 * justerare are chosen per meeting or per term and live with the meeting).
 * ledamot: member · ersattare: substitute · tjansteperson: official (e.g. the secretary, a
 * presenter) · adjungerad: co-opted, takes part without a vote.
 */
export const personRoles = ['ledamot', 'ersattare', 'tjansteperson', 'adjungerad'] as const;
export type PersonRole = (typeof personRoles)[number];
export const personRoleSchema = z.enum(personRoles);

export const personRoleLabels: Record<PersonRole, Bilingual> = {
  ledamot: { sv: 'Ledamot', en: 'Member' },
  ersattare: { sv: 'Ersättare', en: 'Substitute' },
  tjansteperson: { sv: 'Tjänsteperson', en: 'Official' },
  adjungerad: { sv: 'Adjungerad', en: 'Co-opted' },
};

/**
 * An e-mail address as people type it: one "@", a local part without spaces or the characters
 * RFC 5322 reserves, a domain of at least two dot-separated labels (letters, digits, hyphens;
 * å/ä/ö allowed: Swedish IDN domains exist) ending in a top-level domain of two or more letters.
 * Deliberately stricter than RFC 5322 (no quoted local parts, no IP literals): those are typos in
 * a roster, not real addresses.
 */
export function isValidEmail(email: string): boolean {
  if (email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > 64 || !/^[^\s@"(),:;<>[\]\\]+$/u.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const label = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
  if (!labels.every((l) => label.test(l))) return false;
  return /^\p{L}{2,}$/u.test(labels[labels.length - 1]!);
}

/** Same id rule as the API contract: safe in URLs, file names and SQL keys. */
export const personIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'id');

export const personSchema = z
  .object({
    id: personIdSchema,
    /** As the person writes it: "Torill Skaar Magnusson". */
    name: z.string().max(200).refine((s) => s.trim() !== '', 'name must not be empty'),
    /** Free text, as protocols write it: "förvaltningschef Omsorgsförvaltningen". May be empty. */
    title: z.string().max(300),
    /** "Karlshamns kommun", "Region Blekinge". May be empty. */
    organisation: z.string().max(300),
    /** Political bodies: "S", "M", "C" … null where it does not apply. */
    party: z.string().min(1).max(100).nullable(),
    role: personRoleSchema,
    email: z.string().refine(isValidEmail, 'email').nullable(),
    /** False once the person has left; `leftOn` then holds the date. Never deleted. */
    active: z.boolean(),
    leftOn: z.string().refine(isIsoDate, 'YYYY-MM-DD').nullable(),
  })
  .refine((p) => p.active === (p.leftOn === null), {
    message: 'active must be false exactly when leftOn is set',
    path: ['leftOn'],
  });
export type Person = z.infer<typeof personSchema>;

/** The fields that identify a person for duplicate detection. */
export type PersonIdentity = Pick<Person, 'name' | 'organisation' | 'email'>;

/**
 * The comparison form of a name or organisation: Unicode NFC (a name typed on a Mac arrives
 * decomposed, "a" + ring), no-break spaces as spaces, runs of whitespace as one, trimmed,
 * lowercase. Letters are not folded: "Asa" and "Åsa" are different names.
 */
export function comparisonKey(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim().toLowerCase();
}

/** Tidies a cell or form value for storage: NFC, whitespace runs collapsed, trimmed. */
export function tidyText(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();
}

export interface DuplicateMatch {
  reason: 'name-and-organisation' | 'email';
  existing: Person;
}

/**
 * The first person in `roster` that `candidate` duplicates: same name and organisation
 * (compared with comparisonKey), or same e-mail (case-insensitive). People who have left count
 * too: someone coming back should be reactivated, not entered twice. `ignoreId` skips the
 * person being edited.
 */
export function findDuplicate(
  roster: readonly Person[],
  candidate: PersonIdentity,
  ignoreId?: string,
): DuplicateMatch | null {
  const nameKey = comparisonKey(candidate.name);
  const orgKey = comparisonKey(candidate.organisation);
  const emailKey = candidate.email === null ? null : candidate.email.trim().toLowerCase();
  for (const p of roster) {
    if (p.id === ignoreId) continue;
    if (comparisonKey(p.name) === nameKey && comparisonKey(p.organisation) === orgKey) {
      return { reason: 'name-and-organisation', existing: p };
    }
    if (emailKey !== null && p.email !== null && p.email.trim().toLowerCase() === emailKey) {
      return { reason: 'email', existing: p };
    }
  }
  return null;
}

function who(p: PersonIdentity, lang: 'sv' | 'en'): string {
  return p.organisation.trim() === '' ? q(p.name, lang) : `${q(p.name, lang)} (${p.organisation})`;
}

/** The bilingual explanation of a duplicate, naming both people and why they match. */
export function duplicateMessage(candidate: PersonIdentity, match: DuplicateMatch, where?: Bilingual): Bilingual {
  const e = match.existing;
  const place = where ?? { sv: 'i ledamotslistan', en: 'in the roster' };
  const left = e.active ? { sv: '', en: '' } : { sv: ` Personen slutade ${e.leftOn}; återaktivera hen i stället.`, en: ` The person left on ${e.leftOn}; reactivate them instead.` };
  if (match.reason === 'email') {
    return {
      sv: `${who(candidate, 'sv')} har samma e-postadress (${e.email}) som ${who(e, 'sv')}, som redan finns ${place.sv}.${left.sv}`,
      en: `${who(candidate, 'en')} has the same e-mail address (${e.email}) as ${who(e, 'en')}, who is already ${place.en}.${left.en}`,
    };
  }
  return {
    sv: `${who(candidate, 'sv')} finns redan ${place.sv} (samma namn och organisation).${left.sv}`,
    en: `${who(candidate, 'en')} is already ${place.en} (same name and organisation).${left.en}`,
  };
}

export type RosterErrorCode = 'INVALID_PERSON' | 'DUPLICATE_PERSON' | 'NOT_FOUND' | 'ALREADY_LEFT' | 'INVALID_DATE';
export interface RosterError {
  code: RosterErrorCode;
  message: Bilingual;
}
export type RosterResult = { ok: true; roster: Person[] } | { ok: false; error: RosterError };

/**
 * Bilingual problems with one person's fields (empty name, bad e-mail, inconsistent left date),
 * shared by the form and the CSV import so both say the same thing.
 */
export function checkPersonFields(p: Pick<Person, 'name' | 'email' | 'active' | 'leftOn'>): Bilingual[] {
  const problems: Bilingual[] = [];
  if (p.name.trim() === '') problems.push({ sv: 'Namn saknas.', en: 'The name is missing.' });
  if (p.email !== null && !isValidEmail(p.email)) {
    problems.push({
      sv: `${q(p.email, 'sv')} är inte en giltig e-postadress.`,
      en: `${q(p.email, 'en')} is not a valid e-mail address.`,
    });
  }
  if (p.leftOn !== null && !isIsoDate(p.leftOn)) {
    problems.push({
      sv: `${q(p.leftOn, 'sv')} är inte ett datum (ÅÅÅÅ-MM-DD).`,
      en: `${q(p.leftOn, 'en')} is not a date (YYYY-MM-DD).`,
    });
  }
  if (p.active !== (p.leftOn === null)) {
    problems.push({
      sv: 'En person som slutat måste ha ett slutdatum, och en aktiv person får inte ha något.',
      en: 'A person who has left must have a leaving date, and an active person must not.',
    });
  }
  return problems;
}

/** The person as the schema reads it, or the error listing every problem with the fields. */
function validPerson(person: Person): { ok: true; person: Person } | { ok: false; error: RosterError } {
  const problems = checkPersonFields(person);
  const parsed = personSchema.safeParse(person);
  if (problems.length === 0 && parsed.success) return { ok: true, person: parsed.data };
  const list = problems.length > 0 ? problems : [{ sv: 'Ogiltiga uppgifter.', en: 'Invalid details.' }];
  return {
    ok: false,
    error: {
      code: 'INVALID_PERSON',
      message: { sv: list.map((m) => m.sv).join(' '), en: list.map((m) => m.en).join(' ') },
    },
  };
}

/** Adds a person, refusing invalid fields and duplicates (by name + organisation or e-mail). */
export function addPerson(roster: readonly Person[], person: Person): RosterResult {
  const parsed = validPerson(person);
  if (!parsed.ok) return parsed;
  if (roster.some((p) => p.id === person.id)) {
    return {
      ok: false,
      error: {
        code: 'DUPLICATE_PERSON',
        message: { sv: `Id ${person.id} används redan.`, en: `Id ${person.id} is already in use.` },
      },
    };
  }
  const match = findDuplicate(roster, person);
  if (match !== null) return { ok: false, error: { code: 'DUPLICATE_PERSON', message: duplicateMessage(person, match) } };
  return { ok: true, roster: [...roster, parsed.person] };
}

/**
 * Corrects a person's details (a misspelt name, a new title, another e-mail): same id, so
 * meetings and follow-ups that name them follow; minutes already written keep the name as it
 * was typed. Whether they are still in the body is not changed here (markLeft, reactivate).
 * Refuses invalid fields and a duplicate of someone else.
 */
export function updatePerson(roster: readonly Person[], person: Person): RosterResult {
  const existing = roster.find((p) => p.id === person.id);
  if (existing === undefined) return notFound(person.id);
  const parsed = validPerson({ ...person, active: existing.active, leftOn: existing.leftOn });
  if (!parsed.ok) return parsed;
  const match = findDuplicate(roster, person, person.id);
  if (match !== null) return { ok: false, error: { code: 'DUPLICATE_PERSON', message: duplicateMessage(person, match) } };
  return { ok: true, roster: roster.map((p) => (p.id === person.id ? parsed.person : p)) };
}

/** Marks a person as having left on `date` (YYYY-MM-DD). The person stays in the roster. */
export function markLeft(roster: readonly Person[], id: string, date: string): RosterResult {
  if (!isIsoDate(date)) {
    return {
      ok: false,
      error: { code: 'INVALID_DATE', message: { sv: `${q(date, 'sv')} är inte ett datum (ÅÅÅÅ-MM-DD).`, en: `${q(date, 'en')} is not a date (YYYY-MM-DD).` } },
    };
  }
  const person = roster.find((p) => p.id === id);
  if (person === undefined) return notFound(id);
  if (!person.active) {
    return {
      ok: false,
      error: {
        code: 'ALREADY_LEFT',
        message: {
          sv: `${person.name} slutade redan ${person.leftOn}.`,
          en: `${person.name} already left on ${person.leftOn}.`,
        },
      },
    };
  }
  return { ok: true, roster: roster.map((p) => (p.id === id ? { ...p, active: false, leftOn: date } : p)) };
}

/** Brings back a person who had left (a new term, a return from leave): same id, same history. */
export function reactivate(roster: readonly Person[], id: string): RosterResult {
  const person = roster.find((p) => p.id === id);
  if (person === undefined) return notFound(id);
  return { ok: true, roster: roster.map((p) => (p.id === id ? { ...p, active: true, leftOn: null } : p)) };
}

/** The people to offer in a new meeting's attendance list. */
export function activePeople(roster: readonly Person[]): Person[] {
  return roster.filter((p) => p.active);
}

function notFound(id: string): RosterResult {
  return {
    ok: false,
    error: { code: 'NOT_FOUND', message: { sv: `Ingen person med id ${id} finns i ledamotslistan.`, en: `No person with id ${id} is in the roster.` } },
  };
}
