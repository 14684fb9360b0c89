/** The kallelse model: pure, from the same input as the protocol model. */
import { describe, expect, it } from 'vitest';
import { profileFromPreset } from '../../../src/bodies/presets';
import type { Person } from '../../../src/bodies/roster';
import { buildKallelseModel, kallelseReadingOrder } from '../../../src/export/kallelse';
import type { ProtocolInput } from '../../../src/export/model';

const profile = profileFromPreset('sammantradesprotokoll', 'Socialnämnden', { group: 'namnd' });
const person = (id: string, name: string, role: Person['role'], extra: Partial<Person> = {}): Person => ({ id, name, title: '', organisation: '', party: null, role, email: null, active: true, leftOn: null, ...extra });
const title = (id: string, text: string) => ({ type: 'item-title', id, children: [{ text }] });
const p = (id: string, text: string) => ({ type: 'paragraph', id, children: [{ text }] });
const content = [
  { type: 'item', id: 'i1', children: [title('t1', 'Val av justerare'), p('a', '')] },
  { type: 'item', id: 'i2', children: [title('t2', 'Budget 2027'), { type: 'foredragande', id: 'f', children: [{ text: 'Karin Ek' }] }, p('b', 'Underlag bifogas.')] },
  { type: 'item', id: 'i3', children: [title('t3', 'Övriga frågor'), { type: 'subitem', id: 's1', children: [{ type: 'subitem-title', id: 'st', children: [{ text: 'Lokaler' }] }] }] },
];
const input = (over: Partial<ProtocolInput> = {}): ProtocolInput => ({
  meeting: { id: 'm1', title: '', date: '2027-02-03', startTime: '09:00', endTime: null, place: 'Sessionssalen', dnr: null },
  profile,
  roster: [
    person('p1', 'Anna Berg', 'ledamot', { party: 'S', title: 'ordförande' }),
    person('p2', 'Bo Dahl', 'ersattare', { party: 'M' }),
    person('p3', 'Cia Ek', 'ledamot', { active: false, leftOn: '2026-12-31' }),
    person('p4', 'Dan Fors', 'tjansteperson', { title: 'nämndsekreterare' }),
    person('p5', 'Eva Gran', 'adjungerad'),
  ],
  content,
  attendance: [['p4', { personId: 'p4', status: 'ovrig', roles: ['sekreterare'] }]],
  labels: [],
  ...over,
});

describe('buildKallelseModel', () => {
  it('numbers the items 1., 2., 3. before the numbering engine has given them § numbers', () => {
    const m = buildKallelseModel(input());
    expect(m.items.map((i) => i.number)).toEqual(['1.', '2.', '3.']);
    expect(m.items[1]).toMatchObject({ title: 'Budget 2027', presenters: ['Föredragande: Karin Ek'], subItems: [] });
    expect(m.items[2]!.subItems).toEqual(['Lokaler']);
    expect(kallelseReadingOrder(m)).toEqual(['1.', 'Val av justerare', '2.', 'Budget 2027', 'Föredragande: Karin Ek', '3.', 'Övriga frågor', 'Lokaler']);
  });

  it('uses the § labels when known, and never prints the text of an item', () => {
    const m = buildKallelseModel(input({ labels: [{ id: 'i1', label: '§ 1', subItems: [] }, { id: 'i2', label: '§ 2', subItems: [] }, { id: 'i3', label: '§ 3', subItems: [{ id: 's1', label: 'a/' }] }] }));
    expect(m.items.map((i) => i.number)).toEqual(['§ 1', '§ 2', '§ 3']);
    expect(m.items[2]!.subItems).toEqual(['a/ Lokaler']);
    expect(JSON.stringify(m)).not.toContain('Underlag bifogas');
  });

  it('calls the active members, substitutes and co-opted from the roster, in its order, and names the secretary', () => {
    const m = buildKallelseModel(input());
    expect(m.called).toEqual([
      { role: 'ledamot', heading: 'Ledamöter', people: ['Anna Berg (S), ordförande'] },
      { role: 'ersattare', heading: 'Ersättare', people: ['Bo Dahl (M)'] },
      { role: 'adjungerad', heading: 'Adjungerade', people: ['Eva Gran'] },
    ]);
    expect(m.forhinder).toBe('Förhinder anmäls till sekreteraren Dan Fors, som kallar ersättare.');
    expect(m.timeAndPlace).toBe('Onsdagen den 3 februari 2027 kl. 09.00, Sessionssalen');
    expect(m.documentTitle).toBe('Kallelse');
    expect(m.pageBoxes).toEqual({ justerandesSignatur: false, utdragsbestyrkande: false });
  });

  it('has no secretary to name and no one to call when the roster is empty', () => {
    const m = buildKallelseModel(input({ roster: [], attendance: [] }));
    expect(m.called).toEqual([]);
    expect(m.forhinder).toBe('Förhinder anmäls till sekreteraren, som kallar ersättare.');
  });
});
