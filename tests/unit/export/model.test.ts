/** The protocol model: pure, from document content, attendance, profile and labels. */
import { describe, expect, it } from 'vitest';
import { profileFromPreset } from '../../../src/bodies/presets';
import type { Person } from '../../../src/bodies/roster';
import { buildProtocolModel, modelReadingOrder, swedishLongDate, toBlocks, type ProtocolInput } from '../../../src/export/model';

const profile = profileFromPreset('sammantradesprotokoll', 'LSVO', { group: 'ledningsgrupp' });
const person = (id: string, name: string, title: string, organisation: string): Person => ({ id, name, title, organisation, party: null, role: 'ledamot', email: null, active: true, leftOn: null });
const roster = [
  person('p1', 'Torill Skaar Magnusson', 'förvaltningschef Omsorgsförvaltningen', 'Karlshamns kommun'),
  person('p2', 'Bodil Sundlöf', 'Enheten för kvalitet och utveckling', 'Region Blekinge'),
  person('p3', 'Mats Wennstig', 'Enheten för kvalitet och utveckling', 'Region Blekinge'),
  person('p4', 'Martin Åsman', 'förvaltningschef', 'Sölvesborgs kommun'),
];
const p = (id: string, text: string) => ({ type: 'paragraph', id, children: [{ text }] });
const content = [
  { type: 'item', id: 'i1', children: [{ type: 'item-title', id: 't1', children: [{ text: 'Godkännande av föredragningslista' }] }, p('a', 'LSVO:s ledningsgrupp beslutar'), p('b', 'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista'), p('c', '')] },
  {
    type: 'item',
    id: 'i2',
    children: [
      { type: 'item-title', id: 't2', children: [{ text: 'Uppföljning  IVO' }] },
      p('d', 'Föredragande: Helene Bjerstedt'),
      p('e', '- Breddinförande av AMP'),
      p('f', '- Rutin för AMP'),
      { type: 'paragraph', id: 'g', children: [{ text: 'Mötet ' }, { text: 'framhåller', bold: true }, { text: ' vikten.' }] },
      p('h', 'LSVO:s ledningsgrupp beslutar'),
      p('i', 'att Kjell Ivarsson tar med sig frågan'),
      p('j', 'till regionledningen'),
      p('k', 'att lägga informationen till protokollet'),
      p('l', 'Efter beslutet fortsatte diskussionen.'),
    ],
  },
  {
    type: 'item',
    id: 'i3',
    children: [{ type: 'item-title', id: 't3', children: [{ text: 'Övriga frågor' }] }, { type: 'subitem', id: 's1', children: [{ type: 'subitem-title', id: 'st1', children: [{ text: 'Vaccination' }] }, p('m', 'Information.')] }],
  },
];
const input = (over: Partial<ProtocolInput> = {}): ProtocolInput => ({
  meeting: { id: 'm1', title: '', date: '2021-05-07', startTime: '12:30', endTime: '15:30', place: 'via Teams', dnr: '21RGK153' },
  profile,
  roster,
  content,
  attendance: [
    ['p1', { personId: 'p1', status: 'narvarande', roles: ['justerare'] }],
    ['p2', { personId: 'p2', status: 'narvarande', roles: ['ordforande'] }],
    ['p3', { personId: 'p3', status: 'narvarande', roles: ['sekreterare'] }],
    ['p4', { personId: 'p4', status: 'forhinder', roles: [] }],
    ['guest-1', { personId: null, guest: { name: 'Lena Danielsson', title: 'programledare', organisation: '' }, status: 'ovrig', roles: [], presence: { itemIds: ['i2'] } }],
    ['bad', { personId: 'p9', status: 'nonsense', roles: [] }],
  ],
  labels: [
    { id: 'i1', label: '§ 101', subItems: [] },
    { id: 'i2', label: '§ 102', subItems: [] },
    { id: 'i3', label: '§ 103', subItems: [{ id: 's1', label: 'a/' }] },
  ],
  ...over,
});

describe('protocol model', () => {
  it('writes the date and time as Swedish protocols do', () => {
    expect(swedishLongDate('2021-05-07')).toBe('Fredagen den 7 maj 2021');
    expect(swedishLongDate('2024-10-01')).toBe('Tisdagen den 1 oktober 2024');
    expect(buildProtocolModel(input()).timeAndPlace).toBe('Fredagen den 7 maj 2021 kl. 12.30 – 15.30 via Teams');
  });

  it('recognises decision blocks, att-satser with continuation lines, lists and presenters', () => {
    const m = buildProtocolModel(input());
    const [first, second] = m.items;
    expect(first!.blocks).toEqual([{ kind: 'decision', lead: 'LSVO:s ledningsgrupp beslutar', decisions: ['att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista'] }]);
    expect(second!.title).toBe('Uppföljning IVO');
    expect(second!.blocks.map((b) => b.kind)).toEqual(['presenters', 'list', 'paragraph', 'decision', 'paragraph']);
    expect(second!.blocks[1]).toEqual({ kind: 'list', entries: ['Breddinförande av AMP', 'Rutin för AMP'] });
    expect(second!.blocks[2]).toMatchObject({ text: 'Mötet framhåller vikten.', runs: [{ text: 'Mötet ' }, { text: 'framhåller', bold: true }, { text: ' vikten.' }] });
    expect(second!.blocks[3]).toEqual({ kind: 'decision', lead: 'LSVO:s ledningsgrupp beslutar', decisions: ['att Kjell Ivarsson tar med sig frågan till regionledningen', 'att lägga informationen till protokollet'] });
  });

  it('labels come from the numbering engine; the span covers first to last', () => {
    const m = buildProtocolModel(input());
    expect(m.items.map((i) => i.label)).toEqual(['§ 101', '§ 102', '§ 103']);
    expect(m.items[2]!.subItems[0]).toMatchObject({ label: 'a/', title: 'Vaccination' });
    expect(m.span).toBe('§ 101–§ 103');
    expect(buildProtocolModel(input({ labels: [] })).span).toBeNull();
  });

  it('groups attendance with titles, organisations, roles and partial presence; the chair first', () => {
    const m = buildProtocolModel(input());
    expect(m.attendance.map((g) => g.heading)).toEqual(['Närvarande ledamöter', 'Övriga närvarande', 'Frånvarande']);
    expect(m.attendance[0]!.people.map((x) => x.name)).toEqual(['Bodil Sundlöf', 'Torill Skaar Magnusson', 'Mats Wennstig']);
    expect(m.attendance[0]!.people[0]).toMatchObject({ description: 'Enheten för kvalitet och utveckling, Region Blekinge', roles: ['Ordförande'] });
    expect(m.attendance[1]!.people[0]).toMatchObject({ name: 'Lena Danielsson', description: 'programledare', notes: ['§ 102'] });
    expect(m.attendance[2]!.people[0]!.name).toBe('Martin Åsman');
  });

  it('signature lines follow the profile order, with names from the meeting roles', () => {
    const m = buildProtocolModel(input());
    expect(m.signatures.map((s) => [s.roleLabel, s.name])).toEqual([
      ['Sekreterare', 'Mats Wennstig'],
      ['Ordförande', 'Bodil Sundlöf'],
      ['Justerare', 'Torill Skaar Magnusson'],
    ]);
    expect(m.justerare).toEqual(['Torill Skaar Magnusson']);
    // An empty role still gets a line to sign on.
    const noRoles = buildProtocolModel(input({ attendance: [] }));
    expect(noRoles.signatures.map((s) => s.name)).toEqual([null, null, null]);
  });

  it('justering: the secretary’s text wins, else the profile’s deadline', () => {
    expect(buildProtocolModel(input()).justering).toBeNull();
    const deadline = { ...profile, features: { ...profile.features, justering: { ...profile.features.justering, deadlineDays: 14 } } };
    expect(buildProtocolModel(input({ profile: deadline })).justering).toBe('Justering senast 2021-05-21');
    const typed = input();
    typed.meeting = { ...typed.meeting, justering: 'Digital justering senast 2021-05-14 kl. 16.00' };
    expect(buildProtocolModel(typed).justering).toBe('Digital justering senast 2021-05-14 kl. 16.00');
  });

  it('reading order lists every label, title and att-sats', () => {
    const order = modelReadingOrder(buildProtocolModel(input()));
    expect(order.slice(0, 4)).toEqual(['§ 101', 'Godkännande av föredragningslista', 'LSVO:s ledningsgrupp beslutar', 'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista']);
    expect(order).toContain('a/ Vaccination');
  });

  it('Beslut: genres become decision blocks too', () => {
    const notes = profileFromPreset('minnesanteckningar', 'Ledningsgrupp');
    const blocks = toBlocks([{ runs: [{ text: 'Beslut:' }] }, { runs: [{ text: '• Rutinen antas' }] }, { runs: [{ text: '• Uppföljning i juni' }] }, { runs: [{ text: 'Önskemål att …' }] }], notes);
    expect(blocks[0]).toEqual({ kind: 'decision', lead: 'Beslut:', decisions: ['Rutinen antas', 'Uppföljning i juni'] });
    expect(blocks[1]).toMatchObject({ kind: 'paragraph', text: 'Önskemål att …' });
  });
});

describe('structured decision and föredragande elements', () => {
  it('takes a decision element’s att-satser with the profile’s lead, and föredragande with its word', () => {
    const structured = [
      {
        type: 'item',
        id: 'i9',
        children: [
          { type: 'item-title', id: 't9', children: [{ text: 'Projektstruktur' }] },
          { type: 'foredragande', id: 'f9', children: [{ text: 'Bodil Sundlöf' }] },
          p('q9', 'Diskussion.'),
          { type: 'decision', id: 'd9', children: [{ type: 'att-sats', id: 'a1', children: [{ text: 'att ta fram ett förslag' }] }, { type: 'att-sats', id: 'a2', children: [{ text: '' }] }] },
        ],
      },
    ];
    const m = buildProtocolModel(input({ content: structured, labels: [{ id: 'i9', label: '§ 106', subItems: [] }] }));
    expect(m.items[0]!.blocks).toEqual([
      { kind: 'presenters', text: 'Föredragande: Bodil Sundlöf' },
      { kind: 'paragraph', runs: [{ text: 'Diskussion.' }], text: 'Diskussion.' },
      { kind: 'decision', lead: 'LSVO:s ledningsgrupp beslutar', decisions: ['att ta fram ett förslag'] },
    ]);
  });
});
