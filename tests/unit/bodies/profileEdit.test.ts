import { describe, expect, it } from 'vitest';
import { type BodyProfile, mergeProfileEdits, newPhraseId, profileFromPreset, validateProfile } from '../../../src/bodies';

const formal = (): BodyProfile => profileFromPreset('sammantradesprotokoll', 'LSVO', { group: 'ledningsgrupp' });

describe('validateProfile', () => {
  it('accepts every preset as it is', () => {
    expect(validateProfile(formal())).toEqual({ ok: true, profile: formal() });
  });

  it('names the field, in Swedish and English, when one is empty, too long or out of range', () => {
    const p = formal();
    p.decision.lead = '   ';
    p.distribution = ['Diariet', 'x'.repeat(201)];
    p.features.justering.deadlineDays = 0;
    const res = validateProfile(p);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['INVALID_FIELD', 'decision.lead'],
      ['INVALID_FIELD', 'features.justering.deadlineDays'],
      ['INVALID_FIELD', 'distribution.1'],
    ]);
    expect(res.issues.map((i) => i.message.sv)).toEqual([
      'Inledning till besluten (decision.lead) får inte vara tom.',
      'Dagar till justering (features.justering.deadlineDays) är utanför det tillåtna intervallet.',
      'Mottagare i sändlistan (distribution.1) är för lång (högst 200 tecken).',
    ]);
    expect(res.issues[0]!.message.en).toBe('Line above the decisions (decision.lead) must not be empty.');
  });

  it('then checks the rules between fields (checkProfile), with their own messages', () => {
    const p = formal();
    p.kommunallagen = true;
    const res = validateProfile(p);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(new Set(res.issues.map((i) => i.code))).toEqual(new Set(['KOMMUNALLAGEN_REQUIRES']));
    expect(res.issues[0]!.message.sv).toMatch(/^Kommunallagen kräver/);
  });

  it('reports a value problem and a rule together, so one save shows every mistake', () => {
    const p = formal();
    p.decision.lead = '';
    p.phrases.push({ id: 'avsla', label: 'Avslå', text: 'avslå motionen' });
    const res = validateProfile(p);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.issues.map((i) => i.code)).toEqual(['INVALID_FIELD', 'PHRASE_NOT_ATT_SATS']);
  });

  it('refuses what is not a profile at all, without throwing', () => {
    for (const bad of [null, 42, 'LSVO', {}, { ...formal(), numbering: { kind: 'roman' } }]) {
      const res = validateProfile(bad);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.issues.length).toBeGreaterThan(0);
    }
  });
});

describe('mergeProfileEdits', () => {
  it('writes what the form changed onto the profile as it is now, keeping changes made meanwhile', () => {
    const base = formal();
    const edited = formal();
    edited.decision.lead = 'Ledningsgruppen beslutar';
    edited.features.votes = true;
    const current = formal();
    current.distribution = [...current.distribution, 'Regionens kansli'];
    current.features.jav = true;
    const merged = mergeProfileEdits(base, edited, current);
    expect(merged.decision.lead).toBe('Ledningsgruppen beslutar');
    expect(merged.features.votes).toBe(true);
    expect(merged.distribution).toEqual(current.distribution);
    expect(merged.features.jav).toBe(true);
    // The inputs are left as they were.
    expect(current.decision.lead).toBe(base.decision.lead);
  });

  it('the form wins where both changed the same setting', () => {
    const base = formal();
    const edited = formal();
    edited.distribution = ['Diariet'];
    const current = formal();
    current.distribution = ['Diariet', 'Ledamöter', 'Kansliet'];
    expect(mergeProfileEdits(base, edited, current).distribution).toEqual(['Diariet']);
  });

  it('changes nothing when the form changed nothing', () => {
    const current = formal();
    current.name = 'LSVO – ny';
    expect(mergeProfileEdits(formal(), formal(), current)).toEqual(current);
  });
});

describe('newPhraseId', () => {
  it('turns a Swedish name into a valid unique id', () => {
    expect(newPhraseId('Återremittera ärendet', new Set())).toBe('aterremittera-arendet');
    expect(newPhraseId('Bordlägga', new Set(['bordlagga', 'bordlagga-2']))).toBe('bordlagga-3');
    expect(newPhraseId('§§ !!', new Set())).toBe('fras');
    const id = newPhraseId('x'.repeat(39) + ' y', new Set());
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
