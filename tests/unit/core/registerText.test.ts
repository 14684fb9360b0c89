/**
 * How the register finds decisions in a meeting document and names them: the ids must stay
 * put while the secretary types elsewhere, or corrections would come loose from their att-sats.
 */
import { describe, expect, it } from 'vitest';
import { dueDay, findDecisions, itemTexts } from '../../../main/core/register';

const p = (id: string, text: string) => ({ type: 'paragraph', id, children: [{ text }] });
const title = (id: string, text: string) => ({ type: 'item-title', id, children: [{ text }] });

describe('finding decisions in a document', () => {
  const content = [
    {
      type: 'item',
      id: 'i1',
      children: [
        title('t1', 'VFU'),
        p('p1', 'Diskussion.'),
        // A soft line break (Shift+Enter) keeps several att-satser in one paragraph.
        p('p2', 'LSVO:s ledningsgrupp beslutar\natt Kjell Ivarsson tar med sig frågan\natt lägga informationen till protokollet'),
        { type: 'foredragande', id: 'f1', children: [{ text: 'Annika Mellqvist' }] },
        {
          type: 'subitem',
          id: 's1',
          children: [
            { type: 'subitem-title', id: 'st1', children: [{ text: 'Ökad samverkan' }] },
            { type: 'decision', id: 'd1', children: [{ type: 'att-sats', id: 'a1', children: [{ text: 'att frågan följs upp i juni' }] }] },
          ],
        },
      ],
    },
    { type: 'paragraph', id: 'stray', children: [{ text: 'att inte ett beslut: inte i ett item' }] },
  ];

  it('names text decisions by their paragraph (and _n), structured ones by their att-sats, in document order', () => {
    const found = findDecisions(itemTexts(content), 'LSVO:s ledningsgrupp beslutar');
    expect(found.map((f) => [f.id, f.subItemId, f.title, f.text])).toEqual([
      ['p2', null, 'VFU', 'att Kjell Ivarsson tar med sig frågan'],
      ['p2_1', null, 'VFU', 'att lägga informationen till protokollet'],
      ['a1', 's1', 'Ökad samverkan', 'att frågan följs upp i juni'],
    ]);
  });

  it('gives search the title, the text, the sub-item and "Föredragande:" as the layout prints it', () => {
    const [item] = itemTexts(content);
    expect(item!.text.split('\n')).toEqual([
      'VFU',
      'Diskussion.',
      'LSVO:s ledningsgrupp beslutar',
      'att Kjell Ivarsson tar med sig frågan',
      'att lägga informationen till protokollet',
      'Föredragande: Annika Mellqvist',
      'Ökad samverkan',
      'att frågan följs upp i juni',
    ]);
  });

  it('sorts due points by a day: dates, meetings, months, and "next meeting" only when one is known', () => {
    expect(dueDay({ kind: 'date', date: '2021-09-30', text: 'senast 30 september' }, null)).toBe('2021-09-30');
    expect(dueDay({ kind: 'meeting', month: '2021-06', text: 'i juni' }, null)).toBe('2021-06-01');
    expect(dueDay({ kind: 'meeting', next: true, text: 'nästa möte' }, '2021-06-04')).toBe('2021-06-04');
    expect(dueDay({ kind: 'meeting', next: true, text: 'nästa möte' }, null)).toBeNull();
    expect(dueDay({ kind: 'meeting', name: 'Internatet', text: 'vid internatet' }, '2021-06-04')).toBeNull();
  });
});

describe('lists and tables in the register and search text', () => {
  const li = (id: string, text: string, personId?: string) => ({ type: 'list-item', id, children: [{ text, ...(personId ? { personId } : {}) }] });
  const content = [
    {
      type: 'item',
      id: 'i1',
      children: [
        title('t1', 'Samverkan'),
        p('p1', 'Beslut:'),
        { type: 'list', id: 'l1', children: [li('b1', 'Greger tar frågan med sig till Ljungby kommun', 'greger'), li('b2', 'Ny avstämning i juni')] },
        {
          type: 'table',
          id: 'tb',
          children: [{ type: 'table-row', id: 'r1', header: true, children: [{ type: 'table-cell', id: 'c1', children: [{ text: 'Hemsjukvårdsavtalet' }] }] }],
        },
        { type: 'documents', id: 'dk', children: [li('d1', 'Bilaga FoU-avtal')] },
        { type: 'distribution', id: 'ds', children: [li('s1', 'Kommunstyrelsen')] },
      ],
    },
  ];

  it('"Beslut:" followed by a real bullet list is one decision per bullet, named by its list item', () => {
    const found = findDecisions(itemTexts(content), undefined);
    expect(found.map((f) => [f.id, f.text])).toEqual([
      ['b1', 'Greger tar frågan med sig till Ljungby kommun'],
      ['b2', 'Ny avstämning i juni'],
    ]);
    expect(found[0]!.referencedPersonIds).toEqual(['greger']);
  });

  it('list items, table cells, Dokument and skickas-till lines are in the searchable text', () => {
    const [item] = itemTexts(content);
    for (const s of ['Greger tar frågan', 'Hemsjukvårdsavtalet', 'Bilaga FoU-avtal', 'Kommunstyrelsen']) expect(item!.text).toContain(s);
  });
});

describe('political lines', () => {
  it('are searchable with their word, and never read as decisions', () => {
    const content = [
      {
        type: 'item',
        id: 'i',
        children: [
          title('t', 'Budget'),
          { type: 'yrkande', id: 'y', children: [{ text: 'Anna Andersson yrkar bifall.' }] },
          { type: 'reservation', id: 'r', yrkandeId: 'y', children: [{ text: 'att notera att Bo reserverar sig' }] },
          { type: 'omrostning', id: 'o', children: [{ text: '' }] },
          p('p1', 'LSVO:s ledningsgrupp beslutar'),
          p('p2', 'att fastställa budgeten'),
        ],
      },
    ];
    const [item] = itemTexts(content);
    expect(item!.text.split('\n')).toEqual(['Budget', 'Yrkande: Anna Andersson yrkar bifall.', 'Reservation: att notera att Bo reserverar sig', 'LSVO:s ledningsgrupp beslutar', 'att fastställa budgeten']);
    expect(findDecisions([item!], 'LSVO:s ledningsgrupp beslutar').map((f) => f.text)).toEqual(['att fastställa budgeten']);
  });
});

