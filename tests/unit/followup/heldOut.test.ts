/**
 * Text the rules were not built from (fixtures/heldOut.ts). Numbers measured, asserted so a
 * change in the rules shows up here, and each miss named.
 *
 * Batch 1 (24 att-satser, written before the rules were coded, by the same author, so still
 * optimistic):
 *   owners precision 15/16 = 0.94, recall 15/15 = 1.00 · due 10/10, 10/10 · kind 24/24.
 *   Miss: H12 "att Eva Lindqvists förslag till yttrande godkänns" reads the author as owner.
 * Batch 2 (20 harder att-satser, written after the rules to break them), first run:
 *   owners 16/17 = 0.94, recall 16/17 = 0.94 · due precision 8/11 = 0.73, recall 8/10 = 0.80
 *   · kind 17/20. One of the misses was a bug in a documented rule ("gäller till och med
 *   2025-12-31" was not read as a validity date), fixed; after the fix due precision is
 *   8/10 = 0.80. The rest are known limits, listed below and in src/followup/index.ts.
 */
import { describe, expect, it } from 'vitest';
import { detectDecision } from '../../../src/followup';
import {
  adversarial,
  adversarialLeft,
  adversarialRoster,
  heldOut,
  heldOutBodyNames,
  heldOutMeetingDate,
  heldOutRoster,
  heldOutUpcoming,
} from './fixtures/heldOut';
import { person, roster, score } from './helpers';

const base = { bodyNames: heldOutBodyNames, meetingDate: heldOutMeetingDate, upcomingMeetings: heldOutUpcoming };

describe('held-out batch 1: phrasings from nämnd protocols', () => {
  const r = roster(heldOutRoster);
  const pairs = heldOut.map((e) => ({
    expected: e,
    detected: detectDecision(e.text, { ...base, roster: r, foredragande: (e.foredragande ?? []).map((name) => ({ name })) }),
  }));
  const s = score(pairs);

  it('owners precision 15/16 = 0.94, recall 15/15 = 1.00; due 10/10 both; kind 24/24', () => {
    expect(s.owners).toEqual({ tp: 15, fp: 1, fn: 0 });
    expect(s.due).toEqual({ tp: 10, fp: 0, fn: 0 });
    expect(s.kindCorrect).toBe(24);
  });

  it('the one miss is the possessive author (known limit)', () => {
    expect(s.misses).toEqual(['H12: extra owner Eva Lindqvist']);
  });
});

describe('held-out batch 2: written to break the rules', () => {
  const r = [...roster(adversarialRoster), person(adversarialLeft.name, { active: false, leftOn: adversarialLeft.leftOn })];
  const pairs = adversarial.map((e) => ({ expected: e, detected: detectDecision(e.text, { ...base, roster: r }) }));
  const s = score(pairs);

  it('owners precision 16/17 = 0.94, recall 16/17 = 0.94; due precision 8/10 = 0.80, recall 8/10 = 0.80; kind 17/20', () => {
    expect(s.owners).toEqual({ tp: 16, fp: 1, fn: 1 });
    expect(s.due).toEqual({ tp: 8, fp: 2, fn: 2 });
    expect(s.kindCorrect).toBe(17);
  });

  it('the misses are the known limits', () => {
    expect(s.misses).toEqual([
      // Any date after a meeting word is read as a meeting, also someone else's meeting.
      'A7: due meeting:2024-10-03 (expected date:2024-10-03)',
      // Approving that someone takes part: the date is the event's, and "Sara Öberg deltar"
      // reads as a task.
      'A9: due date:2024-11-12 (expected null)',
      'A9: kind uppdrag (expected beslut)',
      // "Lena" is also an adjective: never read alone at the start of a sentence.
      'A12: missing owner Lena Bergqvist',
      // "lyfts" (passive of lyfta) is not a task phrase.
      'A13: kind beslut (expected uppdrag)',
      // The author of a proposal, in the genitive, is read as an owner.
      'A14: extra owner Johan Ek',
      // "behandlas i oktober": a month without a report-back verb or deadline word is not due.
      'A17: due null (expected meeting:2024-10-18)',
      // "utgör" (constitutes) is read as a task verb.
      'A18: kind uppdrag (expected beslut)',
    ]);
  });

  it('reads shared first names as nobody and people who left only by full name', () => {
    const by = (item: string) => pairs.find((p) => p.expected.item === item)!.detected;
    expect(by('A1').owners).toEqual([]);
    expect(by('A3').owners.map((o) => o.name)).toEqual(['Åsa Nilsson']);
    expect(by('A4').owners).toEqual([]);
  });
});
