/**
 * Test data for the follow-up rules: the samples (verbatim), their rosters (the attendance
 * lists plus the presenters, exactly as written there), contexts, and the scoring used to
 * report precision and recall.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Person } from '../../../src/bodies';
import { parseHeading } from '../../../src/numbering';
import {
  detectDecision,
  findForedragande,
  splitAttSatser,
  type DetectContext,
  type DetectedDecision,
  type DuePoint,
  type KnownMeeting,
  type Owner,
} from '../../../src/followup';
import { subItemLetter } from '../../../src/numbering';
import type { ExpectedDecision } from './fixtures/expected';

export function sample(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

const slug = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/ +/g, '-');

export function person(name: string, extra: Partial<Person> = {}): Person {
  return {
    id: slug(name),
    name,
    title: '',
    organisation: '',
    party: null,
    role: 'ledamot',
    email: null,
    active: true,
    leftOn: null,
    ...extra,
  };
}

export const roster = (names: readonly string[]): Person[] => names.map((n) => person(n));

/** LSVO 2021-05-07: present, absent, the secretary, and presenters not in the list. */
export const lsvoRoster = roster([
  'Bodil Sundlöf',
  'Torill Skaar Magnusson',
  'Thomas Svensson',
  'Annelie Kjellström',
  'Elina Tyrberg',
  'Cecilia Grefve-Lang',
  'Birgitta Ratcovich',
  'Patrik Håkansson',
  'Robert Schelin',
  'Gunilla Råberg',
  'Kjell Ivarsson',
  'Håkan Friberg',
  'Annika Mellqvist',
  'Carina Andersson',
  'Martin Åsman',
  'Tobias Ekblad',
  'Maria Appelskog',
  'Yvonne Strandh',
  'Tomas Ringberg',
  'Birgitta Friberg',
  'Maria Arvidsson-Karlsson',
  'Mats Wennstig',
  'Helene Bjerstedt',
  'Ingemar Lilja',
  'Kristina Borén',
  'Cathrine Yankoulofski',
  'Simona Michelsberg',
]);

/** Kronoberg 2021-06-04: the attendance list (every presenter is in it). */
export const kronobergRoster = roster([
  'Gunilla Kaj-Bevheden',
  'Hanna Svensson',
  'Magnus Frithiof',
  'Sofia Kumlin Rylov',
  'Martin Hansson',
  'Annika Fröberg',
  'Jenny Smedberg',
  'Ewa Ekman',
  'Annelie Loberg',
  'Greger Larsson',
  'Annie-Lie Jarhult',
  'Per Sandberg',
  'Johan Rutgersmark',
  'Roger O Nilsson',
  'Annika Magnerot',
  'Jenny Folkesson',
  'Åsa Karlsson',
]);

/** Skåne NV 2021-10-15: present ("Karlegärd Stefan" in name order) and invited. */
export const skaneRoster = roster([
  'Lotta Green Dahlberg',
  'Annika Andersson',
  'Christin Johansson',
  'Karin Ekelund',
  'Filippa Kurdve',
  'Jessica Alfredson',
  'Johan Lindberg',
  'Lena Landin',
  'Maria Holst',
  'Maria Weiler',
  'Viweca Thoresson',
  'Stefan Karlegärd',
  'Cecilia Andersson',
  'Håkan Strömberg',
  'Rickard Claesson',
  'Anna Jonsson',
  'Rikard Frobell',
]);

export interface SampleSpec {
  file: string;
  roster: Person[];
  meetingDate: string;
  bodyNames: string[];
  upcomingMeetings: KnownMeeting[];
  lead?: string;
}

export const samples: Record<'lsvo' | 'kronoberg' | 'skane', SampleSpec> = {
  lsvo: {
    file: 'lsvo-2021-05-07-protokoll.txt',
    roster: lsvoRoster,
    meetingDate: '2021-05-07',
    bodyNames: ['LSVO', 'LSVO:s ledningsgrupp', 'ledningsgruppen'],
    upcomingMeetings: [{ date: '2021-06-04' }],
    lead: 'LSVO:s ledningsgrupp beslutar',
  },
  kronoberg: {
    file: 'kronoberg-2021-06-04-motesanteckningar.txt',
    roster: kronobergRoster,
    meetingDate: '2021-06-04',
    bodyNames: ['Ledningsgrupp för samordning', 'ledningsgruppen'],
    upcomingMeetings: [],
  },
  skane: {
    file: 'skane-nv-2021-10-15-minnesanteckningar.txt',
    roster: skaneRoster,
    meetingDate: '2021-10-15',
    bodyNames: ['Delregional tjänstemannaberedning Nordväst', 'tjänstemannaberedningen', 'beredningen'],
    upcomingMeetings: [{ date: '2021-11-22', name: 'Internatet' }],
  },
};

export interface SampleItem {
  label: string;
  text: string;
}

/**
 * The items of a sample, by their headings ("§ 101", "§109", "1. …", "§ 6.”Börja …"). Table of
 * contents lines ("- §101 …") are not items.
 */
export function itemsOf(doc: string): SampleItem[] {
  const out: SampleItem[] = [];
  let current: SampleItem | null = null;
  let last = 0;
  for (const line of doc.split('\n')) {
    const h = /^[-•·*–]\s/u.test(line) ? null : parseHeading(line);
    const n = h !== null && h.kind === 'item' ? (h.label.refs[0]?.number ?? 0) : null;
    // Items only go forward: "§95 VFU …" inside § 102's follow-up is a reference, not an item.
    if (n !== null && n >= last) {
      last = n;
      current = { label: h?.kind === 'item' && h.label.kind === 'point' ? `punkt ${n}` : `§${n}`, text: '' };
      out.push(current);
    }
    if (current !== null) current.text += `${line}\n`;
  }
  return out;
}

export interface SampleDecision {
  item: string;
  sub?: string;
  text: string;
  foredragande: string[];
}

export function decisionsOf(spec: SampleSpec): SampleDecision[] {
  const out: SampleDecision[] = [];
  for (const item of itemsOf(sample(spec.file))) {
    const foredragande = findForedragande(item.text);
    for (const d of splitAttSatser(item.text, spec.lead === undefined ? {} : { lead: spec.lead })) {
      out.push({ item: item.label, ...(d.sub === undefined ? {} : { sub: subItemLetter(d.sub) }), text: d.text, foredragande });
    }
  }
  return out;
}

export function contextFor(spec: SampleSpec, foredragande: readonly string[] = []): DetectContext {
  return {
    roster: spec.roster,
    bodyNames: spec.bodyNames,
    meetingDate: spec.meetingDate,
    upcomingMeetings: spec.upcomingMeetings,
    foredragande: foredragande.map((name) => ({ name })),
  };
}

export function ownerKeys(owners: readonly Owner[]): string[] {
  return owners.map((o) => (o.kind === 'group' ? `group:${o.name.toLocaleLowerCase('sv')}` : o.name));
}

export function dueKey(due: DuePoint | null): string | null {
  if (due === null) return null;
  switch (due.kind) {
    case 'date':
      return `date:${due.date}`;
    case 'period':
      return `period:${due.month}`;
    case 'meeting':
      if (due.meetingDate !== undefined) return `meeting:${due.meetingDate}`;
      if (due.month !== undefined) return `meeting:${due.month}`;
      if (due.next === true) return 'meeting:next';
      return `meeting:?${due.name ?? due.text}`;
  }
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export const precision = (s: Score): number => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: Score): number => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));

export interface Scores {
  owners: Score;
  due: Score;
  kindCorrect: number;
  total: number;
  misses: string[];
}

/**
 * Owners: each (decision, owner) pair is one item. Due points: each decision with a due
 * point, expected or detected, is one item; a detected one is right only when equal.
 */
export function score(pairs: readonly { expected: ExpectedDecision; detected: DetectedDecision }[]): Scores {
  const s: Scores = { owners: { tp: 0, fp: 0, fn: 0 }, due: { tp: 0, fp: 0, fn: 0 }, kindCorrect: 0, total: pairs.length, misses: [] };
  for (const { expected, detected } of pairs) {
    const got = ownerKeys(detected.owners);
    for (const o of got) {
      if (expected.owners.includes(o)) s.owners.tp++;
      else {
        s.owners.fp++;
        s.misses.push(`${expected.item}: extra owner ${o}`);
      }
    }
    for (const o of expected.owners) {
      if (!got.includes(o)) {
        s.owners.fn++;
        s.misses.push(`${expected.item}: missing owner ${o}`);
      }
    }
    const due = dueKey(detected.due);
    if (due !== null && due === expected.due) s.due.tp++;
    else {
      if (due !== null) s.due.fp++;
      if (expected.due !== null) s.due.fn++;
      if (due !== expected.due) s.misses.push(`${expected.item}: due ${due} (expected ${expected.due})`);
    }
    if (detected.kind === expected.kind) s.kindCorrect++;
    else s.misses.push(`${expected.item}: kind ${detected.kind} (expected ${expected.kind})`);
  }
  return s;
}

export function detectSample(spec: SampleSpec, d: SampleDecision): DetectedDecision {
  return detectDecision(d.text, contextFor(spec, d.foredragande));
}
