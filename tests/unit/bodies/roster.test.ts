import { describe, expect, it } from 'vitest';
import {
  type Person,
  activePeople,
  addPerson,
  comparisonKey,
  findDuplicate,
  isValidEmail,
  markLeft,
  personSchema,
  reactivate,
  updatePerson,
} from '../../../src/bodies';

function person(over: Partial<Person> = {}): Person {
  return {
    id: 'p1',
    name: 'Torill Skaar Magnusson',
    title: 'förvaltningschef Omsorgsförvaltningen',
    organisation: 'Karlshamns kommun',
    party: null,
    role: 'ledamot',
    email: 'torill.skaar.magnusson@karlshamn.example',
    active: true,
    leftOn: null,
    ...over,
  };
}

function added(roster: Person[], p: Person): Person[] {
  const r = addPerson(roster, p);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.roster;
}

describe('isValidEmail', () => {
  it.each([
    'mats.wennstig@regionblekinge.se',
    'Annika.Mellqvist@RegionBlekinge.SE',
    'kjell+lsvo@region-blekinge.example',
    'asa@hälsa.se',
  ])('accepts %s', (e) => expect(isValidEmail(e)).toBe(true));

  it.each([
    'mats.wennstig@regionblekinge',
    'mats wennstig@regionblekinge.se',
    'mats@@regionblekinge.se',
    '@regionblekinge.se',
    'mats.@regionblekinge.se',
    'mats..w@regionblekinge.se',
    'mats@-region.se',
    'mats@region.s',
    'mats@region.123',
    'Mats Wennstig <mats@region.se>',
  ])('refuses %s', (e) => expect(isValidEmail(e)).toBe(false));
});

describe('person schema', () => {
  it('accepts a person and refuses an inconsistent leaving date', () => {
    expect(personSchema.safeParse(person()).success).toBe(true);
    expect(personSchema.safeParse(person({ active: false, leftOn: '2024-06-30' })).success).toBe(true);
    expect(personSchema.safeParse(person({ leftOn: '2024-06-30' })).success).toBe(false);
    expect(personSchema.safeParse(person({ active: false })).success).toBe(false);
    expect(personSchema.safeParse(person({ active: false, leftOn: '2024-02-30' })).success).toBe(false);
    expect(personSchema.safeParse(person({ role: 'ordforande' as Person['role'] })).success).toBe(false);
    expect(personSchema.safeParse(person({ id: 'p 1' })).success).toBe(false);
  });
});

describe('duplicates', () => {
  it('same name and organisation match whatever the case, spacing or Unicode form', () => {
    const roster = [person()];
    // "Karlshamns" typed on a Mac arrives decomposed; a double space and capitals are typos.
    const candidate = { name: '  torill  SKAAR magnusson', organisation: 'KARLSHAMNS\u00a0kommun', email: null };
    expect(comparisonKey('A\u030angelholm')).toBe(comparisonKey('Ångelholm'));
    expect(findDuplicate(roster, candidate)?.reason).toBe('name-and-organisation');
  });

  it('same name in another organisation is a different person', () => {
    expect(findDuplicate([person()], { name: 'Torill Skaar Magnusson', organisation: 'Region Blekinge', email: null })).toBeNull();
  });

  it('same e-mail matches case-insensitively, even under another name', () => {
    const m = findDuplicate([person()], { name: 'T. Magnusson', organisation: '', email: 'TORILL.skaar.magnusson@Karlshamn.example' });
    expect(m?.reason).toBe('email');
  });

  it('addPerson refuses a duplicate with a message naming both, in Swedish and English', () => {
    const roster = added([], person());
    const r = addPerson(roster, person({ id: 'p2', email: null, name: 'Torill  Skaar Magnusson' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('DUPLICATE_PERSON');
    expect(r.error.message.sv).toContain('finns redan i ledamotslistan');
    expect(r.error.message.en).toContain('is already in the roster');
    expect(r.error.message.sv).toContain('Karlshamns kommun');
  });

  it('addPerson refuses an id already in use', () => {
    const roster = added([], person());
    const r = addPerson(roster, person({ name: 'Thomas Svensson', email: null }));
    expect(r.ok ? null : r.error.code).toBe('DUPLICATE_PERSON');
  });
});

describe('addPerson', () => {
  it('returns a new roster and leaves the old one alone', () => {
    const before: Person[] = [];
    const after = added(before, person());
    expect(before).toHaveLength(0);
    expect(after.map((p) => p.id)).toEqual(['p1']);
  });

  it('refuses an empty name and a bad e-mail, bilingually', () => {
    const r = addPerson([], person({ name: '  ', email: 'torill@karlshamn' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_PERSON');
    expect(r.error.message.sv).toContain('Namn saknas');
    expect(r.error.message.sv).toContain('inte en giltig e-postadress');
    expect(r.error.message.en).toContain('The name is missing');
    expect(r.error.message.en).toContain('not a valid e-mail address');
  });
});

describe('leaving keeps the history', () => {
  it('markLeft keeps the person, inactive, with the date; duplicates still see them', () => {
    const roster = added(added([], person()), person({ id: 'p2', name: 'Thomas Svensson', email: null }));
    const r = markLeft(roster, 'p1', '2024-06-30');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.roster).toHaveLength(2);
    expect(r.roster[0]).toMatchObject({ id: 'p1', active: false, leftOn: '2024-06-30' });
    expect(activePeople(r.roster).map((p) => p.id)).toEqual(['p2']);
    expect(roster[0]!.active).toBe(true); // the old array is untouched

    const again = addPerson(r.roster, person({ id: 'p3' }));
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error.message.sv).toContain('slutade 2024-06-30');
    expect(again.error.message.en).toContain('reactivate them instead');
  });

  it('refuses leaving twice, a bad date, an unknown id; reactivate brings them back', () => {
    const roster = added([], person());
    const left = markLeft(roster, 'p1', '2024-06-30');
    if (!left.ok) throw new Error('markLeft failed');
    const twice = markLeft(left.roster, 'p1', '2024-07-01');
    expect(twice.ok ? null : twice.error.code).toBe('ALREADY_LEFT');
    const bad = markLeft(roster, 'p1', '30/6/2024');
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_DATE');
    const unknown = markLeft(roster, 'nobody', '2024-06-30');
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
    const back = reactivate(left.roster, 'p1');
    expect(back.ok ? back.roster[0] : null).toMatchObject({ active: true, leftOn: null });
  });
});

describe('updatePerson', () => {
  const other = person({ id: 'p2', name: 'Bodil Sundlöf', email: 'bodil.sundlof@example.se', organisation: 'Region Blekinge' });

  it('corrects the details under the same id and keeps whether the person has left', () => {
    const roster = markLeftOk(added(added([], person()), other), 'p1', '2024-01-31');
    const r = updatePerson(roster, person({ name: 'Torill Skaar-Magnusson', title: 'socialchef', active: true, leftOn: null }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.roster.find((p) => p.id === 'p1')).toMatchObject({ name: 'Torill Skaar-Magnusson', title: 'socialchef', active: false, leftOn: '2024-01-31' });
    expect(r.roster.find((p) => p.id === 'p2')).toEqual(other);
  });

  it('keeps their own e-mail and name without calling it a duplicate, but refuses someone else’s', () => {
    const roster = added(added([], person()), other);
    expect(updatePerson(roster, person({ title: 'ny titel' })).ok).toBe(true);
    const r = updatePerson(roster, person({ email: 'Bodil.Sundlof@example.se' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DUPLICATE_PERSON');
      expect(r.error.message.sv).toContain('Bodil Sundlöf');
    }
  });

  it('refuses an empty name or a bad e-mail, and an unknown id', () => {
    const roster = added([], person());
    const bad = updatePerson(roster, person({ name: ' ', email: 'inte-en-adress' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_PERSON');
      expect(bad.error.message.sv).toMatch(/^Namn saknas\. .*inte en giltig e-postadress/);
    }
    const missing = updatePerson(roster, person({ id: 'p9' }));
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });
});

function markLeftOk(roster: Person[], id: string, date: string): Person[] {
  const r = markLeft(roster, id, date);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.roster;
}
