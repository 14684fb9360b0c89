/** Lists, tables, links, Dokument and skickas-till blocks in the protocol model (src/export/richBlocks.ts). */
import { describe, expect, it } from 'vitest';
import { profileFromPreset } from '../../../src/bodies/presets';
import { bodyBlocks } from '../../../src/export/model';
import { richModelBlock, textWithLinks } from '../../../src/export/richBlocks';

const profile = profileFromPreset('sammantradesprotokoll', 'LSVO', { group: 'ledningsgrupp' });
const li = (text: string, extra: object = {}) => ({ type: 'list-item', id: text, children: [{ text, ...extra }] });
const cell = (text: string) => ({ type: 'table-cell', id: text, children: [{ text }] });
const row = (header: boolean, ...cells: string[]) => ({ type: 'table-row', id: cells.join(), ...(header ? { header: true } : {}), children: cells.map(cell) });

describe('rich blocks in the protocol model', () => {
  it('reads bullet and numbered lists, tables, Dokument and skickas-till blocks in document order', () => {
    const blocks = bodyBlocks(
      [
        { type: 'paragraph', id: 'p', children: [{ text: 'Åtgärderna innebär konkret:' }] },
        { type: 'list', id: 'l', children: [li('Breddinförande av AMP'), li('Rutin för AMP')] },
        { type: 'list', id: 'o', ordered: true, children: [li('Steg 1'), li('Steg 2')] },
        { type: 'table', id: 't', children: [row(true, 'Kommun', 'Antal'), row(false, 'Karlskrona', '12'), { type: 'table-row', id: 'r', children: [cell('Ronneby')] }] },
        { type: 'documents', id: 'd', children: [{ type: 'list-item', id: 'd1', children: [{ text: 'Bilaga 1 ' }, { text: 'PPT', link: 'https://lsvo.se/ppt.pdf' }] }] },
        { type: 'distribution', id: 's', children: [li('Kommunstyrelsen'), li('')] },
        { type: 'list', id: 'empty', children: [li('')] },
      ],
      profile,
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Åtgärderna innebär konkret:' }], text: 'Åtgärderna innebär konkret:' },
      { kind: 'list', entries: ['Breddinförande av AMP', 'Rutin för AMP'] },
      { kind: 'list', entries: ['Steg 1', 'Steg 2'], ordered: true },
      { kind: 'table', rows: [{ header: true, cells: ['Kommun', 'Antal'] }, { header: false, cells: ['Karlskrona', '12'] }, { header: false, cells: ['Ronneby', ''] }] },
      { kind: 'list', entries: ['Bilaga 1 PPT (https://lsvo.se/ppt.pdf)'], heading: 'Dokument' },
      { kind: 'list', entries: ['Kommunstyrelsen'], heading: 'Protokollet skickas till' },
    ]);
  });

  it('older "- " paragraphs are still read as a list', () => {
    const blocks = bodyBlocks([{ type: 'paragraph', id: 'a', children: [{ text: '- Breddinförande' }] }, { type: 'paragraph', id: 'b', children: [{ text: '– Rutin' }] }], profile);
    expect(blocks).toEqual([{ kind: 'list', entries: ['Breddinförande', 'Rutin'] }]);
  });

  it('"Beslut:" followed by a bullet list is one decision per bullet in a beslut-bullets body', () => {
    const minnes = { ...profile, decision: { ...profile.decision, style: 'beslut-bullets' as const, lead: 'Beslut:' } };
    const blocks = bodyBlocks([{ type: 'paragraph', id: 'a', children: [{ text: 'Beslut:' }] }, { type: 'list', id: 'l', children: [li('Greger tar frågan med sig'), li('Ny avstämning i juni')] }], minnes);
    expect(blocks).toEqual([{ kind: 'decision', lead: 'Beslut:', decisions: ['Greger tar frågan med sig', 'Ny avstämning i juni'] }]);
  });

  it('links: the address follows the words unless they are the address; unsafe links are only words; paragraphs keep the link on the run', () => {
    expect(textWithLinks({ children: [{ text: 'Se ' }, { text: 'webben', link: 'https://lsvo.se' }, { text: ' och ' }, { text: 'anna@x.se', link: 'mailto:anna@x.se' }] })).toBe('Se webben (https://lsvo.se) och anna@x.se');
    expect(textWithLinks({ children: [{ text: 'klick', link: 'javascript:alert(1)' }] })).toBe('klick');
    const [p] = bodyBlocks([{ type: 'paragraph', id: 'p', children: [{ text: 'Se ' }, { text: 'webben', link: 'https://lsvo.se' }, { text: 'x', link: 'file:///etc' }] }], profile);
    expect(p).toEqual({ kind: 'paragraph', runs: [{ text: 'Se ' }, { text: 'webben (https://lsvo.se)', link: 'https://lsvo.se' }, { text: 'x' }], text: 'Se webben (https://lsvo.se)x' });
  });

  it('an empty table or list gives no block; a ragged table is padded', () => {
    expect(richModelBlock({ type: 'table', id: 't', children: [row(false, '', '')] })).toBeNull();
    expect(richModelBlock({ type: 'list', id: 'l', children: [] })).toBeNull();
    expect(richModelBlock({ type: 'paragraph', id: 'p', children: [{ text: 'x' }] })).toBeNull();
  });
});
