import { describe, expect, it } from 'vitest';
import { genre as contractGenre } from '../../../src/api/contract';
import {
  type BodyProfile,
  type ProfileIssue,
  bodyProfileSchema,
  checkProfile,
  genreSchema,
  presetIds,
  profileFromPreset,
} from '../../../src/bodies';

function codes(issues: ProfileIssue[]): string[] {
  return issues.map((i) => i.code);
}

function expectBilingual(issues: ProfileIssue[]): void {
  for (const i of issues) {
    expect(i.message.sv.length).toBeGreaterThan(10);
    expect(i.message.en.length).toBeGreaterThan(10);
    expect(i.message.sv).not.toBe(i.message.en);
  }
}

const formal = (): BodyProfile => profileFromPreset('sammantradesprotokoll', 'LSVO', { group: 'ledningsgrupp' });
const political = (): BodyProfile => profileFromPreset('politisk-namnd', 'Socialnämnden');

describe('body profile schema', () => {
  it('uses the same genres as the API contract', () => {
    expect([...genreSchema.options]).toEqual([...contractGenre.options]);
  });

  it.each(presetIds)('preset %s is valid and has no issues', (id) => {
    const p = profileFromPreset(id, 'Testgruppen');
    expect(checkProfile(p)).toEqual([]);
    expect(bodyProfileSchema.safeParse(p).success).toBe(true);
  });

  it('takes its numbering scheme from src/numbering', () => {
    const p = formal();
    expect(bodyProfileSchema.safeParse({ ...p, numbering: { kind: 'yearly', format: 'slash-year' } }).success).toBe(true);
    expect(bodyProfileSchema.safeParse({ ...p, numbering: { kind: 'yearly', format: 'dash' } }).success).toBe(false);
    expect(bodyProfileSchema.safeParse({ ...p, numbering: { kind: 'per-meeting' } }).success).toBe(false);
  });

  it('refuses an empty name, lead or recipient', () => {
    const p = formal();
    expect(bodyProfileSchema.safeParse({ ...p, name: '  ' }).success).toBe(false);
    expect(bodyProfileSchema.safeParse({ ...p, decision: { ...p.decision, lead: '' } }).success).toBe(false);
    expect(bodyProfileSchema.safeParse({ ...p, distribution: ['Diariet', ' '] }).success).toBe(false);
  });
});

describe('checkProfile', () => {
  it('an LSVO-like protocol without justering must drop the justerare, its box and its agenda item', () => {
    const p = formal();
    p.features.justering.enabled = false;
    const issues = checkProfile(p);
    expect(codes(issues)).toEqual(['JUSTERING_INCONSISTENT', 'FEATURE_REQUIRES', 'FEATURE_REQUIRES']);
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'signing.signatories',
      'features.pageBoxes.justerandesSignatur',
      'agenda.opening.0.key',
    ]);
    expectBilingual(issues);

    // As in the sample: ordförande and sekreterare sign, no justering.
    p.signing.signatories = ['ordforande', 'sekreterare'];
    p.features.pageBoxes.justerandesSignatur = false;
    p.agenda.opening = p.agenda.opening.filter((i) => i.key !== 'val-av-justerare');
    expect(checkProfile(p)).toEqual([]);
  });

  it('a justerare signing without justering is inconsistent too', () => {
    const p = profileFromPreset('minnesanteckningar', 'Delregional tjänstemannaberedning Nordväst');
    p.signing.signatories = ['ordforande', 'justerare'];
    expect(codes(checkProfile(p))).toEqual(['JUSTERING_INCONSISTENT']);
  });

  it('Kommunallagen makes justering within 14 days, anslag, votes, reservations and jäv mandatory', () => {
    const p = political();
    p.features.justering.deadlineDays = 30;
    p.features.anslag.keepDays = 14;
    p.features.votes = false;
    p.features.reservations = false;
    p.features.jav = false;
    p.agenda.opening = p.agenda.opening.filter((i) => i.key !== 'jav');
    const issues = checkProfile(p);
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'features.justering',
      'features.anslag',
      'features.votes',
      'features.reservations',
      'features.jav',
    ]);
    expect(new Set(codes(issues))).toEqual(new Set(['KOMMUNALLAGEN_REQUIRES']));
    expectBilingual(issues);
    expect(issues[0]!.message.sv).toContain('14 dagar');
  });

  it('the same features are optional for a cooperation group', () => {
    const p = political();
    p.kommunallagen = false;
    p.features.votes = false;
    p.features.anslag.enabled = false;
    expect(checkProfile(p)).toEqual([]);
  });

  it('Kommunallagen needs a sammanträdesprotokoll; a jäv item needs the jäv feature', () => {
    const p = political();
    p.genre = 'motesanteckningar';
    expect(codes(checkProfile(p))).toEqual(['KOMMUNALLAGEN_REQUIRES']);
    const q = political();
    q.kommunallagen = false;
    q.features.jav = false;
    expect(checkProfile(q).map((i) => i.path.join('.'))).toEqual(['agenda.opening.4.key']);
  });

  it('anslag, omedelbar justering and utdragsbestyrkande need what they certify', () => {
    const p = profileFromPreset('motesanteckningar', 'Ledningsgrupp för samordning');
    p.features.anslag.enabled = true;
    p.features.justering.omedelbar = true;
    p.features.pageBoxes.utdragsbestyrkande = true;
    expect(checkProfile(p).map((i) => i.path.join('.'))).toEqual([
      'features.justering.omedelbar',
      'features.anslag.enabled',
      'features.pageBoxes.utdragsbestyrkande',
    ]);
  });

  it('att-satser phrases must start with "att"; prose phrases need not', () => {
    const p = formal();
    p.phrases.push({ id: 'prosa', label: 'Prosa', text: 'Informationen läggs till handlingarna.' });
    const issues = checkProfile(p);
    expect(codes(issues)).toEqual(['PHRASE_NOT_ATT_SATS']);
    expect(issues[0]!.message.sv).toContain('”att”');
    p.decision.style = 'beslut-prose';
    expect(checkProfile(p)).toEqual([]);
  });

  it('finds duplicate phrases, agenda items, signatories and recipients, and dangling phrase ids', () => {
    const p = formal();
    p.phrases.push({ ...p.phrases[0]! });
    p.agenda.closing.push({ key: 'ovriga-fragor', title: 'Övriga frågor igen', phraseIds: ['finns-inte'] });
    p.agenda.closing.push({ key: 'annan', title: 'Egen punkt A', phraseIds: [] });
    p.agenda.closing.push({ key: 'annan', title: 'Egen punkt B', phraseIds: [] });
    p.signing.signatories.push('ordforande');
    p.distribution.push('diariet');
    const issues = checkProfile(p);
    expect(codes(issues).sort()).toEqual(
      ['DUPLICATE_AGENDA_ITEM', 'DUPLICATE_PHRASE', 'DUPLICATE_RECIPIENT', 'DUPLICATE_SIGNATORY', 'UNKNOWN_PHRASE'].sort(),
    );
    expectBilingual(issues);
  });

  it('the schema reports the same issues, so an inconsistent profile cannot be stored', () => {
    const p = political();
    p.features.anslag.enabled = false;
    const r = bodyProfileSchema.safeParse(p);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['features.anslag']);
    expect(r.error!.issues[0]!.message).toMatch(/notice of the justering/);
  });
});
