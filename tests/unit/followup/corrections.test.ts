import { describe, expect, it } from 'vitest';
import {
  correct,
  decisionCorrectionSchema,
  detectDecision,
  mergeCorrections,
  type DecisionCorrection,
  type DetectContext,
  type Owner,
} from '../../../src/followup';
import { lsvoRoster, ownerKeys } from './helpers';

const c: DetectContext = {
  roster: lsvoRoster,
  bodyNames: ['LSVO'],
  meetingDate: '2021-05-07',
  upcomingMeetings: [{ date: '2021-06-04' }, { date: '2021-09-10' }],
};
const original = detectDecision('att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni.', c);
const kristina: Owner = { personId: 'kristina-boren', name: 'Kristina Borén', how: 'reference', kind: 'person', rule: 'reference' };
const at = (n: number) => `2021-05-1${n}T09:00:00Z`;

describe('mergeCorrections', () => {
  it('without corrections: detection, status open', () => {
    const r = mergeCorrections(original, []);
    expect([r.kind, ownerKeys(r.owners), r.due?.kind, r.status, r.needsFollowUp]).toEqual(['uppdrag', ['Annika Mellqvist'], 'meeting', 'open', true]);
    expect(r.source).toEqual({ kind: 'detected', owners: 'detected', due: 'detected', status: 'default' });
    expect(r.stale).toEqual([]);
  });

  it('a correction wins for its field only', () => {
    const r = mergeCorrections(original, [correct(original, { field: 'owners', value: [kristina] }, 'mats', at(1))]);
    expect(ownerKeys(r.owners)).toEqual(['Kristina Borén']);
    expect(r.due).toEqual(original.due);
    expect(r.source).toEqual({ kind: 'detected', owners: 'corrected', due: 'detected', status: 'default' });
  });

  it('survives re-detection after the text changes, and reports it as stale', () => {
    const corrections = [correct(original, { field: 'owners', value: [kristina] }, 'mats', at(1))];
    const edited = detectDecision('att Kjell Ivarsson ansvarar för att ett underlag skickas ut före nästa LSVO-möte.', c);
    const r = mergeCorrections(edited, corrections);
    expect(ownerKeys(r.owners)).toEqual(['Kristina Borén']);
    expect(r.stale).toEqual(['owners']);
    // Fields nobody corrected follow the new text.
    expect(r.due).toEqual(edited.due);
    expect(r.text).toBe(edited.text);
  });

  it('is not stale when only the wording of an uncorrected field changed', () => {
    const corrections = [correct(original, { field: 'owners', value: [kristina] }, 'mats', at(1))];
    const edited = detectDecision('att Annika Mellqvist ansvarar för att underlaget skickas ut inför LSVO 4 juni.', c);
    expect(mergeCorrections(edited, corrections).stale).toEqual([]);
  });

  it('the latest correction of a field wins, whatever the order in the list', () => {
    const a = correct(original, { field: 'kind', value: 'beslut' }, 'mats', at(2));
    const b = correct(original, { field: 'kind', value: 'bordlagd' }, 'bodil', at(1));
    expect(mergeCorrections(original, [a, b]).kind).toBe('beslut');
    expect(mergeCorrections(original, [b, a]).kind).toBe('beslut');
  });

  it('needsFollowUp follows the corrected kind and due', () => {
    const info = detectDecision('att lägga informationen till protokollet', c);
    expect(info.needsFollowUp).toBe(false);
    const asTask = mergeCorrections(info, [correct(info, { field: 'kind', value: 'uppdrag' }, 'mats', at(1))]);
    expect(asTask.needsFollowUp).toBe(true);
    const beslut = detectDecision('att godkänna budgeten', c);
    const withDue = mergeCorrections(beslut, [
      correct(beslut, { field: 'due', value: { kind: 'date', date: '2021-09-30', text: '30 september' } }, 'mats', at(1)),
    ]);
    expect([withDue.kind, withDue.needsFollowUp]).toEqual(['beslut', true]);
  });

  it('a due point can be corrected to none', () => {
    const r = mergeCorrections(original, [correct(original, { field: 'due', value: null }, 'mats', at(1))]);
    expect([r.due, r.source.due]).toEqual([null, 'corrected']);
  });

  it('status is open until a person or the follow-up walk closes it; never from detection', () => {
    const done = detectDecision('att Kjell Ivarsson har slutfört uppdraget och frågan är klar', c);
    expect(mergeCorrections(done, []).status).toBe('open');
    const closed = mergeCorrections(original, [
      correct(original, { field: 'status', value: 'done', note: 'Underlaget skickat 2021-05-28' }, 'mats', at(3), 'follow-up'),
    ]);
    expect([closed.status, closed.statusNote, closed.source.status]).toEqual(['done', 'Underlaget skickat 2021-05-28', 'corrected']);
    const reopened = mergeCorrections(original, [
      correct(original, { field: 'status', value: 'done' }, 'mats', at(3)),
      correct(original, { field: 'status', value: 'open' }, 'bodil', at(4)),
    ]);
    expect(reopened.status).toBe('open');
  });

  it('a correction without a recorded detection is never stale', () => {
    const plain: DecisionCorrection = { field: 'kind', value: 'beslut', by: 'mats', at: at(1) };
    expect(mergeCorrections(original, [plain]).stale).toEqual([]);
  });
});

describe('decisionCorrectionSchema: stored corrections are checked on the way in', () => {
  it('accepts what correct() makes', () => {
    const made = [
      correct(original, { field: 'owners', value: [kristina] }, 'mats', at(1)),
      correct(original, { field: 'due', value: { kind: 'meeting', month: '2021-09', text: 'i september' } }, 'mats', at(1)),
      correct(original, { field: 'kind', value: 'bordlagd' }, 'mats', at(1)),
      correct(original, { field: 'status', value: 'cancelled' }, 'mats', at(1), 'follow-up'),
    ];
    for (const m of made) expect(decisionCorrectionSchema.parse(JSON.parse(JSON.stringify(m)))).toEqual(JSON.parse(JSON.stringify(m)));
  });

  it.each([
    [{ field: 'status', value: 'klar', by: 'mats', at: at(1) }],
    [{ field: 'kind', value: 'uppgift', by: 'mats', at: at(1) }],
    [{ field: 'due', value: { kind: 'date', date: '2021-02-30', text: 'x' }, by: 'mats', at: at(1) }],
    [{ field: 'due', value: { kind: 'period', month: '2021-13', text: 'x' }, by: 'mats', at: at(1) }],
    [{ field: 'owners', value: [{ name: '', how: 'text', kind: 'group', rule: 'group' }], by: 'mats', at: at(1) }],
    [{ field: 'title', value: 'x', by: 'mats', at: at(1) }],
    [{ field: 'kind', value: 'beslut', by: '', at: at(1) }],
  ])('refuses %o', (bad) => {
    expect(decisionCorrectionSchema.safeParse(bad).success).toBe(false);
  });
});
