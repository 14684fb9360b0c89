import { describe, expect, it } from 'vitest';
import type { RegisterDecisionRow } from '../../../src/api/registerContract';
import { exportRegisterCsv, formatRegisterCsv } from '../../../src/register/registerCsv';

const row = (extra: Partial<RegisterDecisionRow> = {}): RegisterDecisionRow => ({
  id: 'd1',
  meetingId: 'm1',
  meetingDate: '2021-04-09',
  meetingTitle: 'LSVO 2021-04-09',
  bodyId: 'b',
  itemId: 'i',
  subItemId: null,
  label: '§ 95',
  itemTitle: 'VFU sjuksköterskeprogrammet BTH',
  text: 'att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni',
  kind: 'uppdrag',
  owners: [{ personId: 'p', name: 'Annika Mellqvist', how: 'roster', kind: 'person', rule: 'full-name' }],
  due: { kind: 'meeting', meetingDate: '2021-06-04', text: 'inför LSVO 4 juni' },
  dueDay: '2021-06-04',
  status: 'open',
  statusNote: null,
  needsFollowUp: true,
  overdue: true,
  source: { kind: 'detected', owners: 'detected', due: 'detected', status: 'default' },
  stale: [],
  reportedIn: [],
  ...extra,
});

describe('register CSV', () => {
  it('has one ;-separated row per decision with Swedish words, quoted where needed', () => {
    const csv = formatRegisterCsv([
      row(),
      row({ id: 'd2', text: 'att godkänna; med "tillägg"', status: 'done', overdue: false, owners: [], due: null, dueDay: null, reportedIn: [{ meetingId: 'm2', meetingDate: '2021-06-04', itemId: 'i2', label: '§ 104' }] }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Möte;Paragraf;Rubrik;Beslut;Typ;Ansvariga;Senast;Status;Försenad;Kommentar;Återrapporterat');
    expect(lines[1]).toBe('2021-04-09;§ 95;VFU sjuksköterskeprogrammet BTH;att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni;Uppdrag;Annika Mellqvist;inför LSVO 4 juni (2021-06-04);Öppen;Ja;;');
    expect(lines[2]).toBe('2021-04-09;§ 95;VFU sjuksköterskeprogrammet BTH;"att godkänna; med ""tillägg""";Uppdrag;;;Klar;;;§ 104 2021-06-04');
  });

  it('never lets typed text become a spreadsheet formula, and starts with a BOM for Excel', () => {
    expect(formatRegisterCsv([row({ statusNote: '=HYPERLINK("x")' })])).toContain(`;"'=HYPERLINK(""x"")"`);
    expect([...exportRegisterCsv([]).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
