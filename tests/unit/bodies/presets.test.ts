import { describe, expect, it } from 'vitest';
import { presetIds, presetLabels, profileFromPreset } from '../../../src/bodies';
import { formatLabel } from '../../../src/numbering/labels';

const titles = (items: { title: string }[]) => items.map((i) => i.title);

describe('profileFromPreset', () => {
  it('formal protocol like LSVO: "LSVO:s ledningsgrupp beslutar", § through the year, justering', () => {
    const p = profileFromPreset('sammantradesprotokoll', 'LSVO', { group: 'ledningsgrupp' });
    expect(p.name).toBe('LSVO');
    expect(p.decision).toEqual({ style: 'att-satser', lead: 'LSVO:s ledningsgrupp beslutar' });
    expect(p.genre).toBe('sammantradesprotokoll');
    expect(p.kommunallagen).toBe(false);
    expect(formatLabel(p.numbering, 101, '2021-05-07')).toBe('§ 101');
    expect(p.features.justering.enabled).toBe(true);
    expect(p.features.pageBoxes).toEqual({ justerandesSignatur: true, utdragsbestyrkande: true });
    expect(p.features.protokollsutdrag).toBe(true);
    expect(p.features.anslag.enabled).toBe(false);
    expect(p.signing.signatories).toEqual(['sekreterare', 'ordforande', 'justerare']);
    expect(titles(p.agenda.opening)).toEqual([
      'Val av justerare samt tid för justering',
      'Godkännande av föredragningslista',
      'Föregående sammanträdesprotokoll',
    ]);
    expect(titles(p.agenda.closing)).toEqual(['Övriga frågor', 'Mötets avslutande']);
    expect(p.distribution).toEqual(['Diariet', 'Ledamöter']);
  });

  it('formal phrase bank holds the standard phrases, all att-satser', () => {
    const p = profileFromPreset('sammantradesprotokoll', 'LSVO');
    const texts = p.phrases.map((ph) => ph.text);
    for (const expected of [
      'att lägga informationen till protokollet',
      'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista',
      'att bordlägga frågan och ta upp denna igen vid …',
      'att återremittera ärendet för …',
      'att godkänna … upprättat sammanträdesprotokoll',
    ]) {
      expect(texts).toContain(expected);
    }
    expect(texts.every((t) => t.startsWith('att '))).toBe(true);
    const dagordning = p.agenda.opening.find((i) => i.key === 'godkannande-av-foredragningslista')!;
    expect(p.phrases.find((ph) => ph.id === dagordning.phraseIds[0])!.text).toBe(
      'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista',
    );
  });

  it('without a group the lead is "[name] beslutar"', () => {
    expect(profileFromPreset('sammantradesprotokoll', '  Region   Blekinge ').decision.lead).toBe('Region Blekinge beslutar');
    expect(profileFromPreset('politisk-namnd', 'Socialnämnden').decision.lead).toBe('Socialnämnden beslutar');
    expect(profileFromPreset('politisk-namnd', 'Region Skåne', { group: 'regionstyrelse' }).decision.lead).toBe(
      'Region Skånes regionstyrelse beslutar',
    );
  });

  it('mötesanteckningar like Kronoberg: points, "Beslut:" prose, no justering, "förda av"', () => {
    const p = profileFromPreset('motesanteckningar', 'Ledningsgrupp för samordning', { group: 'ledningsgrupp' });
    expect(p.decision).toEqual({ style: 'beslut-prose', lead: 'Beslut:' });
    expect(formatLabel(p.numbering, 3, '2021-06-04')).toBe('3.');
    expect(p.features.justering.enabled).toBe(false);
    expect(p.features.pageBoxes).toEqual({ justerandesSignatur: false, utdragsbestyrkande: false });
    expect(p.signing).toEqual({ signatories: [], recordedBy: 'Mötesanteckningar förda av' });
    expect(p.phrases.some((ph) => ph.text.startsWith('att '))).toBe(false);
    expect(p.agenda.closing.map((i) => i.key)).toEqual(['ovriga-fragor', 'avslutande']);
  });

  it('minnesanteckningar like Skåne Nordväst: "§ 1" per meeting, "Beslut:" bullets, ordförande + processledare', () => {
    const p = profileFromPreset('minnesanteckningar', 'Delregional tjänstemannaberedning Nordväst');
    expect(p.numbering).toEqual({ kind: 'per-meeting', format: 'paragraph' });
    expect(formatLabel(p.numbering, 1, '2021-10-15')).toBe('§ 1');
    expect(p.decision).toEqual({ style: 'beslut-bullets', lead: 'Beslut:' });
    expect(p.signing).toEqual({ signatories: ['ordforande', 'processledare'], recordedBy: null });
    expect(titles(p.agenda.opening)).toEqual([
      'Mötets öppnande',
      'Genomgång av minnesanteckningarna från föregående sammanträde',
    ]);
  });

  it('political nämnd: Kommunallagen features on, justering within 14 days, anslag 2 days / 3 weeks', () => {
    const p = profileFromPreset('politisk-namnd', 'Socialnämnden');
    expect(p.genre).toBe('sammantradesprotokoll');
    expect(p.kommunallagen).toBe(true);
    expect(p.features).toMatchObject({
      justering: { enabled: true, deadlineDays: 14, omedelbar: true },
      anslag: { enabled: true, publishWithinDays: 2, keepDays: 21 },
      votes: true,
      reservations: true,
      jav: true,
      protokollsanteckning: true,
    });
    expect(p.agenda.opening.map((i) => i.key)).toContain('jav');
    expect(p.phrases.map((ph) => ph.text)).toContain('att förklara paragrafen omedelbart justerad');
    expect(p.distribution).toContain('Ersättare');
  });

  it('returns fresh objects: editing one body never changes another', () => {
    const a = profileFromPreset('sammantradesprotokoll', 'LSVO');
    a.phrases[0]!.text = 'att ändrat';
    a.agenda.opening.pop();
    a.features.justering.enabled = false;
    a.distribution.push('Extra');
    const b = profileFromPreset('sammantradesprotokoll', 'LSVO');
    expect(b.phrases[0]!.text).not.toBe('att ändrat');
    expect(b.agenda.opening).toHaveLength(3);
    expect(b.features.justering.enabled).toBe(true);
    expect(b.distribution).toEqual(['Diariet', 'Ledamöter']);
  });

  it('refuses an empty name; every preset has a bilingual label', () => {
    expect(() => profileFromPreset('sammantradesprotokoll', '  ')).toThrow(RangeError);
    for (const id of presetIds) {
      expect(presetLabels[id].sv).not.toBe(presetLabels[id].en);
    }
  });
});
