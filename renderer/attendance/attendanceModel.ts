/**
 * Attendance of one meeting, as the panel reads and writes it: the meeting Y.Doc's
 * `attendance` Y.Map, key = roster person id or "guest-<id>", value = one AttendanceEntry
 * (src/protocol/attendance.ts). Every entry is validated before it is written and replaced
 * whole, so two devices marking two people merge, and the last mark of one person wins.
 * Everything here is pure (or touches only the Y.Doc given) so it is tested without a browser.
 */
import * as Y from 'yjs';
import type { Bilingual } from '../../src/bodies/bilingual';
import { joinList } from '../../src/bodies/bilingual';
import type { Person } from '../../src/bodies';
import {
  attendanceEntrySchema,
  meetingRoleLabels,
  meetingRoles,
  type AttendanceEntry,
  type AttendanceStatus,
  type MeetingRole,
} from '../../src/protocol/attendance';

export const ATTENDANCE = 'attendance';
export type Entries = ReadonlyMap<string, AttendanceEntry>;

export function attendanceOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ATTENDANCE);
}

/** The valid entries (something written by a newer or broken client is skipped, as the Core's projection does). */
export function entriesIn(map: Y.Map<unknown>): Map<string, AttendanceEntry> {
  const out = new Map<string, AttendanceEntry>();
  map.forEach((value, key) => {
    const e = attendanceEntrySchema.safeParse(value);
    if (e.success) out.set(key, e.data);
  });
  return out;
}

export const guestKey = (id: string) => `guest-${id}`;

export type WriteResult = { ok: true } | { ok: false; error: Bilingual };

export function writeEntry(doc: Y.Doc, key: string, entry: AttendanceEntry): WriteResult {
  const parsed = attendanceEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => i.message).join('; ');
    return { ok: false, error: { sv: `Närvaron kunde inte sparas: ${detail}.`, en: `The attendance could not be saved: ${detail}.` } };
  }
  doc.transact(() => attendanceOf(doc).set(key, parsed.data));
  return { ok: true };
}

export function removeEntry(doc: Y.Doc, key: string): void {
  doc.transact(() => attendanceOf(doc).delete(key));
}

/* ---------- type-ahead ---------- */

/** Compared form for type-ahead: "oberg" finds "Öberg", "kaj" finds "Kaj-Bevheden". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Roster people matching what was typed, best first: the name starts with it; every typed
 * word starts a word of the name ("bo su" → Bodil Sundlöf); the name contains it.
 */
export function matchPeople(people: readonly Person[], query: string, limit = 8): Person[] {
  const q = fold(query);
  if (q === '') return [];
  const tokens = q.split(' ');
  const ranked: Array<{ p: Person; rank: number }> = [];
  for (const p of people) {
    const name = fold(p.name);
    const words = name.split(/[\s-]+/u);
    let rank: number;
    if (name.startsWith(q)) rank = 0;
    else if (tokens.every((t) => words.some((w) => w.startsWith(t)))) rank = 1;
    else if (name.includes(q)) rank = 2;
    else continue;
    ranked.push({ p, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.p.name.localeCompare(b.p.name, 'sv'));
  return ranked.slice(0, limit).map((r) => r.p);
}

/* ---------- marking ---------- */

/** Members are närvarande ledamöter; officials, substitutes and co-opted are övriga närvarande. */
export function defaultStatus(person: Person): AttendanceStatus {
  return person.role === 'ledamot' ? 'narvarande' : 'ovrig';
}

/**
 * The entry for `person` with a new status. Roles and partial presence already marked are
 * kept (correcting "närvarande" to "tjänstgörande ersättare" must not lose "justerare");
 * `replaces` exists only for a serving substitute, and an absent person holds no role.
 */
export function withStatus(existing: AttendanceEntry | undefined, person: Person, status: AttendanceStatus, replaces?: string): AttendanceEntry {
  const entry: AttendanceEntry = {
    personId: person.id,
    status,
    roles: status === 'forhinder' ? [] : (existing?.roles ?? []),
  };
  if (status === 'ersattare' && replaces) entry.replaces = replaces;
  if (existing?.presence && status !== 'forhinder') entry.presence = existing.presence;
  return entry;
}

/** Turns a role on or off; someone given a role is present (an absent chair makes no sense). */
export function withRole(existing: AttendanceEntry | undefined, person: Person, role: MeetingRole, on?: boolean): AttendanceEntry {
  const present = existing && existing.status !== 'forhinder' ? existing : withStatus(existing, person, defaultStatus(person));
  const has = present.roles.includes(role);
  const want = on ?? !has;
  const roles = want ? (has ? present.roles : [...present.roles, role]) : present.roles.filter((r) => r !== role);
  return { ...present, roles: meetingRoles.filter((r) => roles.includes(r)) };
}

/** Guest entries and roles/presence edits for anyone: the same object, built in one place. */
export function guestEntry(guest: { name: string; title: string; organisation: string }, itemIds: string[], note: string): AttendanceEntry {
  const entry: AttendanceEntry = {
    personId: null,
    guest: { name: guest.name.trim(), title: guest.title.trim(), organisation: guest.organisation.trim() },
    status: 'ovrig',
    roles: [],
  };
  const presence = presenceOf(itemIds, note);
  if (presence) entry.presence = presence;
  return entry;
}

export function presenceOf(itemIds: readonly string[], note: string): AttendanceEntry['presence'] {
  const n = note.trim();
  if (itemIds.length === 0 && n === '') return undefined;
  return { ...(itemIds.length > 0 ? { itemIds: [...itemIds] } : {}), ...(n !== '' ? { note: n } : {}) };
}

export function withPresence(entry: AttendanceEntry, itemIds: readonly string[], note: string): AttendanceEntry {
  const next: AttendanceEntry = { ...entry };
  const presence = presenceOf(itemIds, note);
  if (presence) next.presence = presence;
  else delete next.presence;
  return next;
}

/* ---------- reading ---------- */

export interface AttendanceRow {
  key: string;
  entry: AttendanceEntry;
  name: string;
  /** "förvaltningschef Omsorgsförvaltningen, Karlshamns kommun" */
  detail: string;
  person: Person | null;
}

export interface AttendanceGroups {
  narvarande: AttendanceRow[];
  ersattare: AttendanceRow[];
  forhinder: AttendanceRow[];
  ovrig: AttendanceRow[];
}

export function describe(title: string, organisation: string): string {
  return [title.trim(), organisation.trim()].filter((s) => s !== '').join(', ');
}

export function rowOf(key: string, entry: AttendanceEntry, byId: ReadonlyMap<string, Person>): AttendanceRow {
  if (entry.guest) return { key, entry, name: entry.guest.name, detail: describe(entry.guest.title, entry.guest.organisation), person: null };
  const person = entry.personId ? (byId.get(entry.personId) ?? null) : null;
  // A person removed from the roster document (by another device, an old version) keeps their line.
  return { key, entry, name: person?.name ?? entry.personId ?? key, detail: person ? describe(person.title, person.organisation) : '', person };
}

const roleOrder = (e: AttendanceEntry) => {
  const i = meetingRoles.findIndex((r) => e.roles.includes(r));
  return i < 0 ? meetingRoles.length : i;
};

/** As minutes list them: the chair first, then the other roles, then everyone else by name. */
export function groupAttendance(entries: Entries, people: readonly Person[]): AttendanceGroups {
  const byId = new Map(people.map((p) => [p.id, p]));
  const groups: AttendanceGroups = { narvarande: [], ersattare: [], forhinder: [], ovrig: [] };
  for (const [key, entry] of entries) groups[entry.status].push(rowOf(key, entry, byId));
  for (const list of Object.values(groups) as AttendanceRow[][]) {
    list.sort((a, b) => roleOrder(a.entry) - roleOrder(b.entry) || a.name.localeCompare(b.name, 'sv'));
  }
  return groups;
}

/** Active roster people with no mark yet: who has not been seen on the call. */
export function unmarked(entries: Entries, people: readonly Person[]): Person[] {
  const marked = new Set<string>();
  for (const e of entries.values()) if (e.personId) marked.add(e.personId);
  return people.filter((p) => p.active && !marked.has(p.id));
}

export function rolesText(roles: readonly MeetingRole[], lang: 'sv' | 'en'): string {
  return roles.map((r) => meetingRoleLabels[r][lang].toLowerCase()).join(', ');
}

/**
 * Warnings, not refusals (the secretary may be halfway through correcting): two chairs or
 * two secretaries; an absent person holding a role; a substitute serving for someone marked
 * present.
 */
export function attendanceWarnings(entries: Entries, people: readonly Person[]): Bilingual[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const name = (key: string, e: AttendanceEntry) => rowOf(key, e, byId).name;
  const warnings: Bilingual[] = [];
  for (const role of ['ordforande', 'sekreterare'] as const) {
    const holders = [...entries].filter(([, e]) => e.roles.includes(role)).map(([k, e]) => name(k, e));
    if (holders.length > 1) {
      const label = meetingRoleLabels[role];
      warnings.push({
        sv: `${holders.length} personer är markerade som ${label.sv.toLowerCase()}: ${joinList(holders.sort((a, b) => a.localeCompare(b, 'sv')), 'sv')}. Ett möte har en ${label.sv.toLowerCase()}.`,
        en: `${holders.length} people are marked as ${label.en.toLowerCase()}: ${joinList(holders.sort(), 'en')}. A meeting has one ${label.en.toLowerCase()}.`,
      });
    }
  }
  for (const [key, e] of entries) {
    if (e.status === 'forhinder' && e.roles.length > 0) {
      warnings.push({
        sv: `${name(key, e)} har förhinder men är markerad som ${rolesText(e.roles, 'sv')}.`,
        en: `${name(key, e)} is absent but marked as ${rolesText(e.roles, 'en')}.`,
      });
    }
    if (e.status === 'ersattare' && e.replaces) {
      const replaced = entries.get(e.replaces);
      const replacedName = byId.get(e.replaces)?.name ?? e.replaces;
      if (replaced && replaced.status === 'narvarande') {
        warnings.push({
          sv: `${name(key, e)} är tjänstgörande ersättare för ${replacedName}, som är markerad som närvarande.`,
          en: `${name(key, e)} serves as substitute for ${replacedName}, who is marked present.`,
        });
      }
    }
  }
  return warnings;
}

/* ---------- partial presence: "§ 103", "§ 87, 88 och 89", "§§ 150–160" ---------- */

export interface ItemChoice {
  id: string;
  /** "§ 103" when the numbering is known; null before (then the title stands alone). */
  label: string | null;
  title: string;
}

/** How one item is named in attendance: its number if known, else its title. */
export function itemName(item: ItemChoice): string {
  return item.label ?? (item.title.trim() === '' ? '–' : `”${item.title.trim()}”`);
}

/**
 * The items someone attended, in agenda order, as minutes write them. Runs of three or more
 * consecutive § numbers become a range ("§§ 150–160"); otherwise numbers are listed after one
 * "§" ("§ 87, 88 och 89"). Labels that are not "§ n" (points "1.", no number yet) are listed.
 */
export function itemsText(itemIds: readonly string[], items: readonly ItemChoice[], lang: 'sv' | 'en'): string {
  const chosen = items.filter((i) => itemIds.includes(i.id));
  if (chosen.length === 0) return '';
  const numbers = chosen.map((i) => (i.label ? /^§\s?(\d+)$/u.exec(i.label.trim()) : null));
  if (numbers.every((m) => m !== null)) {
    const ns = numbers.map((m) => Number(m![1]));
    const parts: string[] = [];
    let range = false;
    for (let i = 0; i < ns.length; ) {
      let j = i;
      while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
      if (j - i >= 2) {
        parts.push(`${ns[i]}–${ns[j]}`);
        range = true;
      } else for (let k = i; k <= j; k++) parts.push(String(ns[k]));
      i = j + 1;
    }
    return `${range ? '§§' : '§'} ${joinList(parts, lang)}`;
  }
  return joinList(chosen.map(itemName), lang);
}

/** "§ 103", "(ej fm)", "§ 103 (till och från)"; empty for someone present throughout. */
export function presenceText(entry: AttendanceEntry, items: readonly ItemChoice[], lang: 'sv' | 'en'): string {
  const parts: string[] = [];
  const ids = entry.presence?.itemIds ?? [];
  if (ids.length > 0) parts.push(itemsText(ids, items, lang));
  if (entry.presence?.note) parts.push(`(${entry.presence.note})`);
  return parts.filter((p) => p !== '').join(' ');
}
