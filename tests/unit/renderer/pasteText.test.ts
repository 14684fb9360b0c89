import { describe, expect, test } from 'vitest';
import { blocksFromText } from '../../../renderer/editor/withPaste';

const texts = (s: string) => blocksFromText(s).map((b) => b.children.map((c) => c.text).join(''));

describe('plain-text paste', () => {
  test('one paragraph per line, Windows and old Mac line ends too; tabs and no-break spaces become spaces', () => {
    expect(texts('Föredragande: Kjell\r\natt godkänna\rSista\traden\u00a0här')).toEqual(['Föredragande: Kjell', 'att godkänna', 'Sista raden här']);
  });

  test('runs of blank lines are one break; none at the start or the end', () => {
    expect(texts('\n\nEtt\n\n\n\nTvå\n\n')).toEqual(['Ett', '', 'Två']);
  });

  test('every block is a paragraph with its own id; å ä ö, § and emoji survive', () => {
    const blocks = blocksFromText('§ 95 VFU – klart 🎉\nÅsa Öberg är här');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(new Set(blocks.map((b) => b.id)).size).toBe(2);
    expect(texts('§ 95 VFU – klart 🎉\nÅsa Öberg är här')).toEqual(['§ 95 VFU – klart 🎉', 'Åsa Öberg är här']);
  });

  test('nothing pasted gives nothing', () => {
    expect(blocksFromText('')).toEqual([]);
    expect(blocksFromText('\n \n')).toEqual([]);
  });
});
