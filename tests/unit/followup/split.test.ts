import { describe, expect, it } from 'vitest';
import { splitAttSatser } from '../../../src/followup';
import { itemsOf, sample } from './helpers';

const texts = (input: string, lead?: string) => splitAttSatser(input, lead === undefined ? {} : { lead }).map((d) => d.text);

describe('att-satser', () => {
  it('one decision per "att" line after the lead, offsets into the input', () => {
    const input = 'Diskussion.\n\nLSVO:s ledningsgrupp beslutar\n\natt godkänna budgeten.\n\natt länsamordnarna återkommer\n';
    const r = splitAttSatser(input);
    expect(r.map((d) => [d.text, d.style])).toEqual([
      ['att godkänna budgeten.', 'att-satser'],
      ['att länsamordnarna återkommer', 'att-satser'],
    ]);
    for (const d of r) expect(input.slice(d.start, d.end)).toBe(d.text);
  });

  it('"att" lines before the lead are discussion', () => {
    expect(texts('att börja med: en bakgrund.\nNämnden beslutar\natt godkänna')).toEqual(['att godkänna']);
  });

  it('a bare decision block (no lead) counts every "att" line', () => {
    expect(texts('att godkänna budgeten\natt Kjell tar med sig frågan')).toEqual(['att godkänna budgeten', 'att Kjell tar med sig frågan']);
  });

  it('joins a line broken mid-sentence (lower-case start) and stops at a blank line', () => {
    const input = 'Nämnden beslutar\n\natt samtliga ledamöter påbörjar en förankringsprocess\ni sin organisation inför mötet\n\nProtokollet skickas till\n';
    const [d] = splitAttSatser(input);
    expect(d?.text).toBe('att samtliga ledamöter påbörjar en förankringsprocess i sin organisation inför mötet');
    expect(input.slice(d!.start, d!.end)).toBe('att samtliga ledamöter påbörjar en förankringsprocess\ni sin organisation inför mötet');
  });

  it('the profile’s lead phrase is recognised even when it does not end in "beslutar"', () => {
    expect(texts('Diskussion\natt ignorera detta\nNämnden fattade följande beslut:\natt godkänna', 'Nämnden fattade följande beslut')).toEqual(['att godkänna']);
  });

  it('a block ends at the next paragraph; a later lead opens another; sub-items are tracked', () => {
    const input = [
      'a/ Verksamhetsplan.',
      'LSVO:s ledningsgrupp beslutar',
      '',
      'att en arbetsgrupp ringar in frågeställningarna.',
      '',
      'b/ Beredningsgruppen består av sammankallande.',
      'att detta är discussion och inte beslut',
      '',
      'c/ De tre samverkansgrupperna.',
      '',
      'LSVO:s ledningsgrupp beslutar',
      '',
      'att lägga informationen till protokollet',
    ].join('\n');
    expect(splitAttSatser(input).map((d) => [d.sub, d.text])).toEqual([
      [1, 'att en arbetsgrupp ringar in frågeställningarna.'],
      [3, 'att lägga informationen till protokollet'],
    ]);
  });

  it('"attityd" and "Att" in the middle of a line do not start decisions', () => {
    expect(texts('attityden diskuterades. Att det blev så\natt godkänna')).toEqual(['att godkänna']);
  });

  it('CRLF line ends', () => {
    expect(texts('Nämnden beslutar\r\n\r\natt godkänna\r\natt avslå\r\n')).toEqual(['att godkänna', 'att avslå']);
  });
});

describe('Beslut: prose and bullets', () => {
  it('"Beslut: …" on one line is one decision without the label', () => {
    const input = 'Föredragande: Magnus\n\nBeslut: Ledningsgruppen beslutar att förlänga uppdraget året ut.\n\n6. Nästa punkt';
    const r = splitAttSatser(input);
    expect(r.map((d) => [d.text, d.style])).toEqual([['Ledningsgruppen beslutar att förlänga uppdraget året ut.', 'beslut-prose']]);
    expect(input.slice(r[0]!.start, r[0]!.end)).toBe(r[0]!.text);
  });

  it('"Beslut:" then bullets: each bullet is a decision, up to the first line that is not one', () => {
    const input = 'Beslut:\n· Programmet är viktigt.  \n· Frågan bordläggs och kommer åter upp\n  vid internatet.\n· Kommunerna diskuterar.\nÖnskemål att det går att anpassa.\n';
    expect(splitAttSatser(input).map((d) => [d.text, d.style])).toEqual([
      ['Programmet är viktigt.', 'beslut-bullets'],
      ['Frågan bordläggs och kommer åter upp vid internatet.', 'beslut-bullets'],
      ['Kommunerna diskuterar.', 'beslut-bullets'],
    ]);
  });

  it('"Beslut:" then a plain paragraph is one prose decision', () => {
    expect(splitAttSatser('Beslut: \nSamtliga tar med frågan hem.  \n \n§ 7. Nästa').map((d) => [d.text, d.style])).toEqual([
      ['Samtliga tar med frågan hem.', 'beslut-prose'],
    ]);
  });

  it('"Beslut:" then att-satser', () => {
    expect(texts('Beslut:\natt godkänna\natt avslå')).toEqual(['att godkänna', 'att avslå']);
  });

  it('prose about a decision is not one ("Beslut om rutinen tas vid mötet i september")', () => {
    expect(texts('Beslut om rutinen tas vid mötet i september.\nBeslut om 3:e dos väntas.')).toEqual([]);
  });

  it('"Beslut:" at the very end gives nothing', () => {
    expect(texts('Beslut:\n\n')).toEqual([]);
  });
});

describe('the samples', () => {
  const count = (file: string, lead?: string) =>
    itemsOf(sample(file)).reduce((n, item) => n + splitAttSatser(item.text, lead === undefined ? {} : { lead }).length, 0);

  it('LSVO: 19 att-satser in 12 items', () => {
    expect(count('lsvo-2021-05-07-protokoll.txt', 'LSVO:s ledningsgrupp beslutar')).toBe(19);
  });

  it('LSVO: the whole protocol at once gives the same 19 (the table of contents has no att-satser)', () => {
    expect(splitAttSatser(sample('lsvo-2021-05-07-protokoll.txt'))).toHaveLength(19);
  });

  it('Kronoberg: 3 "Beslut:" sentences', () => {
    expect(count('kronoberg-2021-06-04-motesanteckningar.txt')).toBe(3);
  });

  it('Skåne: 10 decisions (bullets and one paragraph), none from "Förslag" bullets or bullets without "Beslut:"', () => {
    const all = splitAttSatser(sample('skane-nv-2021-10-15-minnesanteckningar.txt'));
    expect(all).toHaveLength(10);
    expect(all.some((d) => d.text.startsWith('Lotta återkommer'))).toBe(false);
    expect(all.some((d) => d.text.startsWith('Önskemål'))).toBe(false);
  });
});
