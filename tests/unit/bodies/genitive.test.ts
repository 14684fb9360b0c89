import { describe, expect, it } from 'vitest';
import { fillBodyName, genitive } from '../../../src/bodies';

describe('genitive', () => {
  it.each([
    // Abbreviations and numbers: colon + s.
    ['LSVO', 'LSVO:s'],
    ['SKR', 'SKR:s'],
    ['ABS', 'ABS:s'], // ends in S, but an abbreviation: the colon rule comes first
    ['FoU', 'FoU:s'],
    ['Vårdsamverkan Skåne NV', 'Vårdsamverkan Skåne NV:s'],
    ['Grupp A', 'Grupp A:s'],
    ['Arbetsgrupp H22', 'Arbetsgrupp H22:s'],
    ['Vård-SKR', 'Vård-SKR:s'],
    ['Grupp (LSVO)', 'Grupp (LSVO):s'],
    // Ending in s, x, z: nothing added.
    ['Samordningsförbundet Consensus', 'Samordningsförbundet Consensus'],
    ['Socialnämnden i Kalix', 'Socialnämnden i Kalix'],
    ['Fritz', 'Fritz'],
    // Everything else: s.
    ['Socialnämnden', 'Socialnämndens'],
    ['Region Skåne', 'Region Skånes'],
    ['Delregional tjänstemannaberedning Nordväst', 'Delregional tjänstemannaberedning Nordvästs'],
    ['IT-rådet', 'IT-rådets'],
    ['McDonald', 'McDonalds'], // two capitals but long: a name, not an abbreviation
    [
      'Ledningsgrupp för samordning av länets hälso- och sjukvård och socialtjänst',
      'Ledningsgrupp för samordning av länets hälso- och sjukvård och socialtjänsts',
    ],
  ])('%s → %s', (name, expected) => {
    expect(genitive(name)).toBe(expected);
  });

  it('tidies whitespace and refuses an empty name', () => {
    expect(genitive('  LSVO  ')).toBe('LSVO:s');
    expect(genitive('Region   Blekinge')).toBe('Region Blekinges');
    expect(() => genitive('   ')).toThrow(RangeError);
  });
});

describe('fillBodyName', () => {
  it('fills {namn} and {namn:genitiv}, leaving unknown placeholders visible', () => {
    expect(fillBodyName('{namn:genitiv} ledningsgrupp beslutar', 'LSVO')).toBe('LSVO:s ledningsgrupp beslutar');
    expect(fillBodyName('{namn} beslutar', ' Socialnämnden ')).toBe('Socialnämnden beslutar');
    expect(fillBodyName('{namnn} beslutar', 'LSVO')).toBe('{namnn} beslutar');
  });
});
