import { describe, expect, it } from 'vitest';
import { draftFollowUp, mergeCorrections, type DecisionKind, type DuePoint, type RegisterDecision } from '../../../src/followup';
import type { NumberingScheme } from '../../../src/numbering';
import { decisionsOf, detectSample, samples } from './helpers';

const nospace: NumberingScheme = { kind: 'yearly', format: 'nospace' };

let n = 0;
function decision(meetingDate: string, number: number, title: string, kind: DecisionKind, extra: Partial<RegisterDecision> = {}): RegisterDecision {
  return {
    id: `d${++n}`,
    meetingDate,
    item: { number, title },
    text: 'att …',
    kind,
    owners: [],
    due: null,
    status: 'open',
    needsFollowUp: kind === 'uppdrag' || kind === 'bordlagd' || kind === 'aterremitterad',
    ...extra,
  };
}

describe('the LSVO sample’s own follow-up (§ 102 of 2021-05-07)', () => {
  it('drafts "Återkoppling protokoll 2021-04-09:" with §95 and §100c', () => {
    const previous = [
      decision('2021-04-09', 95, 'VFU sjuksköterskeprogrammet BTH', 'uppdrag'),
      decision('2021-04-09', 100, 'Ökad samverkan pga. brist på fysioterapeuter', 'uppdrag', { item: { number: 100, sub: 3, title: 'Ökad samverkan pga. brist på fysioterapeuter' } }),
      decision('2021-04-09', 94, 'Godkännande av föredragningslistan', 'beslut'),
      decision('2021-04-09', 96, 'Information', 'informationen-till-protokollet'),
    ];
    const draft = draftFollowUp(previous, [], { scheme: nospace });
    expect(draft.lines).toEqual([
      'Återkoppling protokoll 2021-04-09:',
      '§95 VFU sjuksköterskeprogrammet BTH – ',
      '§100c Ökad samverkan pga. brist på fysioterapeuter – ',
    ]);
    expect(draft.agenda).toEqual([]);
  });
});

describe('from the register of LSVO 2021-05-07, for the meeting of 2021-06-04', () => {
  const spec = samples.lsvo;
  const titles: Record<string, string> = {
    '101': 'Godkännande av föredragningslistan',
    '102': 'Föregående sammanträdesprotokoll',
    '103': 'Uppföljning angående åtgärder utifrån IVOs granskning',
    '104': 'Psykisk hälsa 2021 - Budget/gemensamma tjänster',
    '105': 'God och nära vård - Rekrytering utvecklingsamordnare',
    '106': 'Projektstruktur länsgemensamma projekt',
    '107': 'Nytt tillnyktringsavtal - Hur arbeta fram nytt avtal?',
    '108a': 'Verksamhetsplan/handlingsplaner -21',
    '108c': 'Samverkansgrupperna',
    '109a': 'Mötesplan hösten -21',
    '109b': 'Behov av extra LSVO pga Covid-läget',
    '109c': 'Digitalisering av möten (e-meeting)',
    '110': 'FoU-avtal 2022 – Utkast',
    '111': 'Införande av NCS BoS för Klinisk kemi – Återkoppling',
    '112a': 'Vaccinationsmöjligheter för personal HBV-hem',
    '112b': 'Underskrifter LSVO:s ledningssystem',
  };
  const register: RegisterDecision[] = decisionsOf(spec).map((d, i) => {
    const number = Number(d.item.slice(1));
    const sub = d.sub === undefined ? undefined : d.sub.charCodeAt(0) - 96;
    const merged = mergeCorrections(detectSample(spec, d), []);
    return {
      id: `lsvo-${i + 1}`,
      meetingDate: spec.meetingDate,
      item: { number, ...(sub === undefined ? {} : { sub }), title: titles[`${number}${d.sub ?? ''}`]! },
      text: merged.text,
      kind: merged.kind,
      owners: merged.owners,
      due: merged.due,
      status: merged.status,
      needsFollowUp: merged.needsFollowUp,
    };
  });
  const draft = draftFollowUp(register, [], { scheme: nospace, meetingDate: '2021-06-04' });

  it('one line per § with open follow-up, in § order', () => {
    expect(draft.lines).toEqual([
      'Återkoppling protokoll 2021-05-07:',
      '§104 Psykisk hälsa 2021 - Budget/gemensamma tjänster – ',
      '§105 God och nära vård - Rekrytering utvecklingsamordnare – ',
      '§106 Projektstruktur länsgemensamma projekt – ',
      '§107 Nytt tillnyktringsavtal - Hur arbeta fram nytt avtal? – ',
      '§108a Verksamhetsplan/handlingsplaner -21 – ',
      '§109a Mötesplan hösten -21 – ',
      '§110 FoU-avtal 2022 – Utkast – ',
      '§112a Vaccinationsmöjligheter för personal HBV-hem – ',
      '§112b Underskrifter LSVO:s ledningssystem – ',
    ]);
  });

  it('a § with two open att-satser has one line with both ids and all owners', () => {
    const line = draft.blocks[0]!.lines.find((l) => l.label === '§105')!;
    expect(line.decisionIds).toHaveLength(2);
    expect(line.owners.map((o) => o.name)).toEqual(['Kjell Ivarsson', 'Annika Mellqvist']);
  });

  it('lines due at the meeting being prepared say so', () => {
    const timing = Object.fromEntries(draft.blocks[0]!.lines.map((l) => [l.label, l.timing]));
    expect(timing).toMatchObject({ '§106': 'due', '§107': 'due', '§110': 'due' });
    expect(timing['§105']).toBeUndefined();
  });
});

describe('older open decisions, closed ones, and the agenda', () => {
  const previous = [
    decision('2021-05-07', 105, 'Rekrytering', 'uppdrag'),
    decision('2021-05-07', 106, 'Projektstruktur', 'uppdrag', { status: 'done' }),
    decision('2021-05-07', 107, 'Tillnyktringsavtal', 'bordlagd', { due: { kind: 'meeting', next: true, text: 'nästa möte' } }),
    decision('2021-05-07', 108, 'Ledningssystem', 'uppdrag', { status: 'cancelled' }),
  ];
  const older = [
    decision('2021-03-12', 80, 'Läkarbilen', 'uppdrag', { due: { kind: 'date', date: '2021-04-30', text: 'senast den 30 april' } }),
    decision('2021-04-09', 95, 'VFU', 'uppdrag'),
    decision('2021-04-09', 97, 'Samverkansavtal', 'aterremitterad'),
    decision('2021-04-09', 98, 'Avslutat', 'uppdrag', { status: 'done' }),
    // Already in the previous meeting's list: not repeated.
    decision('2021-05-07', 105, 'Rekrytering', 'uppdrag'),
  ];
  const draft = draftFollowUp(previous, older, { scheme: nospace, meetingDate: '2021-06-04' });

  it('previous meeting first, then older meetings newest first; done and cancelled left out', () => {
    expect(draft.lines).toEqual([
      'Återkoppling protokoll 2021-05-07:',
      '§105 Rekrytering – ',
      'Återkoppling protokoll 2021-04-09:',
      '§95 VFU – ',
      'Återkoppling protokoll 2021-03-12:',
      '§80 Läkarbilen – ',
    ]);
    expect(draft.blocks.at(-1)?.lines[0]?.timing).toBe('overdue');
  });

  it('bordlagda and återremitterade are offered for the agenda, not as follow-up lines', () => {
    expect(draft.agenda.map((a) => [a.kind, a.label, a.text, a.timing])).toEqual([
      ['bordlagd', '§107', 'Tillnyktringsavtal (bordlagd 2021-05-07, §107)', 'due'],
      ['aterremitterad', '§97', 'Samverkansavtal (återremitterad 2021-04-09, §97)', undefined],
    ]);
  });

  it('a closed bordlagd is not offered', () => {
    const closed = decision('2021-05-07', 109, 'Klar', 'bordlagd', { status: 'done' });
    expect(draftFollowUp([closed], [], { scheme: nospace }).agenda).toEqual([]);
  });

  it('nothing open: no blocks, no lines', () => {
    expect(draftFollowUp([], [], { scheme: nospace })).toEqual({ blocks: [], lines: [], agenda: [] });
  });
});

describe('labels follow the body’s scheme', () => {
  it.each([
    [{ kind: 'yearly', format: 'space' } as NumberingScheme, '§ 81c Titel – '],
    [{ kind: 'yearly', format: 'slash-year' } as NumberingScheme, '§ 81c/24 Titel – '],
    [{ kind: 'per-meeting', format: 'paragraph' } as NumberingScheme, '§ 81c Titel – '],
    [{ kind: 'points' } as NumberingScheme, 'punkt 81c Titel – '],
  ])('%o', (scheme, line) => {
    const d = decision('2024-05-24', 81, 'Titel', 'uppdrag', { item: { number: 81, sub: 3, title: 'Titel' } });
    expect(draftFollowUp([d], [], { scheme }).lines[1]).toBe(line);
  });
});

describe('timing against the meeting being prepared', () => {
  const at = (due: DuePoint, fromPrevious = true) => {
    const d = decision(fromPrevious ? '2021-05-07' : '2021-03-12', 1, 'X', 'uppdrag', { due });
    const draft = fromPrevious ? draftFollowUp([d], [], { scheme: nospace, meetingDate: '2021-06-04' }) : draftFollowUp([], [d], { scheme: nospace, meetingDate: '2021-06-04' });
    return draft.blocks[0]?.lines[0]?.timing;
  };
  it.each([
    [{ kind: 'date', date: '2021-05-30', text: '' }, 'overdue'],
    [{ kind: 'date', date: '2021-06-04', text: '' }, 'due'],
    [{ kind: 'meeting', meetingDate: '2021-09-10', text: '' }, 'later'],
    [{ kind: 'meeting', month: '2021-06', text: '' }, 'due'],
    [{ kind: 'period', month: '2021-09', text: '' }, 'later'],
    [{ kind: 'period', month: '2021-05', text: '' }, 'overdue'],
    [{ kind: 'meeting', name: 'internatet', text: '' }, undefined],
  ] as [DuePoint, string | undefined][])('%o → %s', (due, expected) => {
    expect(at(due)).toBe(expected);
  });

  it('"next meeting" is this one from the previous meeting, overdue from older ones', () => {
    const next: DuePoint = { kind: 'meeting', next: true, text: 'nästa möte' };
    expect(at(next, true)).toBe('due');
    expect(at(next, false)).toBe('overdue');
  });
});
