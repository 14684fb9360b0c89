/** Attendance as the panel writes it into the meeting Y.Doc: marking, roles, grouping, partial presence. */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Person } from '../../../src/bodies';
import { attendanceEntrySchema, type AttendanceEntry } from '../../../src/protocol/attendance';
import {
  attendanceOf,
  attendanceWarnings,
  entriesIn,
  fold,
  groupAttendance,
  guestEntry,
  itemsText,
  matchPeople,
  presenceText,
  removeEntry,
  unmarked,
  withPresence,
  withRole,
  withStatus,
  writeEntry,
  type ItemChoice,
} from '../../../renderer/attendance/attendanceModel';

function person(id: string, name: string, extra: Partial<Person> = {}): Person {
  return { id, name, title: '', organisation: 'Region Blekinge', party: null, role: 'ledamot', email: null, active: true, leftOn: null, ...extra };
}

const bodil = person('bodil', 'Bodil Sundlöf', { title: 'Enheten för kvalitet och utveckling' });
const torill = person('torill', 'Torill Skaar Magnusson', { organisation: 'Karlshamns kommun' });
const thomas = person('thomas', 'Thomas Svensson', { organisation: 'Karlshamns kommun' });
const asa = person('asa', 'Åsa Öberg');
const gunilla = person('gunilla', 'Gunilla Kaj-Bevheden');
const mats = person('mats', 'Mats Wennstig', { role: 'tjansteperson' });
const martin = person('martin', 'Martin Åsman', { active: false, leftOn: '2021-01-01' });
const people = [bodil, torill, thomas, asa, gunilla, mats, martin];

describe('type-ahead', () => {
  test('folds case and diacritics, so "oberg" finds Åsa Öberg', () => {
    expect(fold('  Åsa  ÖBERG ')).toBe('asa oberg');
    expect(matchPeople(people, 'oberg').map((p) => p.id)).toEqual(['asa']);
  });

  test('a name that starts with the query ranks before a word that does, before a substring', () => {
    expect(matchPeople(people, 'th').map((p) => p.id)).toEqual(['thomas']);
    // "s" starts Sundlöf, Skaar, Svensson (word starts) and is inside other names.
    const ids = matchPeople(people, 'sv').map((p) => p.id);
    expect(ids[0]).toBe('thomas');
    expect(matchPeople(people, 'bo su').map((p) => p.id)).toEqual(['bodil']);
    expect(matchPeople(people, 'bev').map((p) => p.id)).toEqual(['gunilla']); // after the hyphen
    expect(matchPeople(people, 'agnus').map((p) => p.id)).toEqual(['torill']); // substring
  });

  test('an empty query offers nobody, and the limit holds', () => {
    expect(matchPeople(people, '   ')).toEqual([]);
    expect(matchPeople(people, 'a', 2)).toHaveLength(2);
  });
});

describe('marking', () => {
  test('a status change keeps roles and partial presence, and drops roles for förhinder', () => {
    const present = withRole(undefined, bodil, 'justerare');
    expect(present).toEqual({ personId: 'bodil', status: 'narvarande', roles: ['justerare'] });
    const partial = withPresence(present, ['i1'], 'ej fm');
    const sub = withStatus(partial, bodil, 'ersattare', 'torill');
    expect(sub).toEqual({ personId: 'bodil', status: 'ersattare', replaces: 'torill', roles: ['justerare'], presence: { itemIds: ['i1'], note: 'ej fm' } });
    expect(withStatus(sub, bodil, 'forhinder')).toEqual({ personId: 'bodil', status: 'forhinder', roles: [] });
    // replaces belongs to a serving substitute only (the schema refuses it otherwise).
    expect(withStatus(sub, bodil, 'narvarande').replaces).toBeUndefined();
  });

  test('roles toggle, keep the canonical order, and make an absent person present', () => {
    const absent = withStatus(undefined, bodil, 'forhinder');
    const chair = withRole(absent, bodil, 'ordforande');
    expect(chair.status).toBe('narvarande');
    const both = withRole(withRole(chair, bodil, 'justerare'), bodil, 'sekreterare');
    expect(both.roles).toEqual(['ordforande', 'sekreterare', 'justerare']);
    expect(withRole(both, bodil, 'sekreterare').roles).toEqual(['ordforande', 'justerare']);
    expect(withRole(both, bodil, 'ordforande', true).roles).toEqual(both.roles);
    // An official gets a role as "övrig närvarande", not as a member.
    expect(withRole(undefined, mats, 'sekreterare')).toEqual({ personId: 'mats', status: 'ovrig', roles: ['sekreterare'] });
  });

  test('every entry the helpers build passes the schema the Core projects with', () => {
    const built: AttendanceEntry[] = [
      withStatus(undefined, bodil, 'narvarande'),
      withStatus(undefined, torill, 'ersattare', 'thomas'),
      withStatus(undefined, torill, 'ersattare'),
      withRole(undefined, mats, 'sekreterare'),
      withPresence(withStatus(undefined, asa, 'ovrig'), [], ''),
      guestEntry({ name: ' Lena Danielsson ', title: 'programledare', organisation: '' }, ['i3'], ''),
    ];
    for (const e of built) expect(attendanceEntrySchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
    expect(built[4]!.presence).toBeUndefined();
    expect(built[5]!.guest).toEqual({ name: 'Lena Danielsson', title: 'programledare', organisation: '' });
  });
});

describe('the Y.Doc', () => {
  test('entries are written whole and read back; an invalid one is refused and not written', () => {
    const doc = new Y.Doc();
    expect(writeEntry(doc, 'bodil', withRole(undefined, bodil, 'ordforande'))).toEqual({ ok: true });
    const bad = { personId: 'x', status: 'narvarande', roles: [], replaces: 'y' } as AttendanceEntry;
    const res = writeEntry(doc, 'x', bad);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.sv).toMatch(/^Närvaron kunde inte sparas/);
    expect([...entriesIn(attendanceOf(doc)).keys()]).toEqual(['bodil']);
    removeEntry(doc, 'bodil');
    expect(entriesIn(attendanceOf(doc)).size).toBe(0);
  });

  test('a marking on one replica reaches another through Yjs updates', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    writeEntry(a, 'thomas', withStatus(undefined, thomas, 'forhinder'));
    expect(entriesIn(attendanceOf(b)).get('thomas')?.status).toBe('forhinder');
  });

  test('garbage written by another client is skipped, not shown', () => {
    const doc = new Y.Doc();
    attendanceOf(doc).set('junk', { status: 'maybe' });
    expect(entriesIn(attendanceOf(doc)).size).toBe(0);
  });
});

describe('reading as minutes do', () => {
  const entries = new Map<string, AttendanceEntry>([
    ['torill', withStatus(undefined, torill, 'narvarande')],
    ['bodil', withRole(undefined, bodil, 'ordforande')],
    ['asa', withRole(undefined, asa, 'justerare')],
    ['thomas', withStatus(undefined, thomas, 'forhinder')],
    ['gunilla', withStatus(undefined, gunilla, 'ersattare', 'thomas')],
    ['mats', withRole(undefined, mats, 'sekreterare')],
    ['guest-1', guestEntry({ name: 'Lena Danielsson', title: 'programledare', organisation: 'Region Blekinge' }, ['i3'], '')],
  ]);

  test('groups with the chair first, then roles, then by name', () => {
    const g = groupAttendance(entries, people);
    expect(g.narvarande.map((r) => r.name)).toEqual(['Bodil Sundlöf', 'Åsa Öberg', 'Torill Skaar Magnusson']);
    expect(g.ersattare.map((r) => [r.name, r.entry.replaces])).toEqual([['Gunilla Kaj-Bevheden', 'thomas']]);
    expect(g.forhinder.map((r) => r.name)).toEqual(['Thomas Svensson']);
    expect(g.ovrig.map((r) => r.name)).toEqual(['Mats Wennstig', 'Lena Danielsson']);
    expect(g.ovrig[1]!.detail).toBe('programledare, Region Blekinge');
    expect(g.narvarande[0]!.detail).toBe('Enheten för kvalitet och utveckling, Region Blekinge');
  });

  test('unmarked: active people without an entry (not those who left)', () => {
    const fewer = new Map([...entries].filter(([k]) => k !== 'torill'));
    expect(unmarked(fewer, people).map((p) => p.id)).toEqual(['torill']);
  });

  test('no warnings for a consistent list; two chairs, an absent role holder and a substitute for someone present are flagged', () => {
    expect(attendanceWarnings(entries, people)).toEqual([]);
    const messy = new Map(entries);
    messy.set('torill', withRole(undefined, torill, 'ordforande'));
    messy.set('thomas', { personId: 'thomas', status: 'forhinder', roles: ['justerare'] });
    messy.set('asa', withStatus(undefined, asa, 'ersattare', 'bodil'));
    // Map order decides the order of the per-person warnings: compare as a set.
    const sv = attendanceWarnings(messy, people).map((w) => w.sv).sort();
    expect(sv).toEqual([
      '2 personer är markerade som ordförande: Bodil Sundlöf och Torill Skaar Magnusson. Ett möte har en ordförande.',
      'Thomas Svensson har förhinder men är markerad som justerare.',
      'Åsa Öberg är tjänstgörande ersättare för Bodil Sundlöf, som är markerad som närvarande.',
    ].sort());
  });
});

describe('partial presence', () => {
  const items: ItemChoice[] = [101, 102, 103, 104, 105, 106].map((n) => ({ id: `i${n}`, label: `§ ${n}`, title: `Ärende ${n}` }));

  test('as minutes write it: one §, a list, a range', () => {
    expect(itemsText(['i103'], items, 'sv')).toBe('§ 103');
    expect(itemsText(['i104', 'i101', 'i106'], items, 'sv')).toBe('§ 101, 104 och 106');
    expect(itemsText(['i101', 'i102', 'i103', 'i104', 'i106'], items, 'sv')).toBe('§§ 101–104 och 106');
    expect(itemsText(['i101', 'i102'], items, 'en')).toBe('§ 101 and 102');
    expect(itemsText(['gone'], items, 'sv')).toBe('');
  });

  test('titles stand in when there are no numbers yet', () => {
    const unnumbered: ItemChoice[] = [
      { id: 'a', label: null, title: 'Psykisk hälsa' },
      { id: 'b', label: '1.', title: 'Incheckning' },
    ];
    expect(itemsText(['a', 'b'], unnumbered, 'sv')).toBe('”Psykisk hälsa” och 1.');
  });

  test('with the note, and nothing for someone present throughout', () => {
    const e = withPresence(withStatus(undefined, bodil, 'narvarande'), ['i103'], 'till och från');
    expect(presenceText(e, items, 'sv')).toBe('§ 103 (till och från)');
    expect(presenceText(withPresence(e, [], 'ej fm'), items, 'sv')).toBe('(ej fm)');
    expect(presenceText(withStatus(undefined, bodil, 'narvarande'), items, 'sv')).toBe('');
  });
});
