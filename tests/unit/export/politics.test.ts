/**
 * The political lines as protocol-model blocks (src/export/politics.ts): labels and notes the
 * layout adds, empty lines left out, and their text kept even without the item's context.
 */
import { describe, expect, test } from 'vitest';
import { politicalBlock, politicalReadingOrder } from '../../../src/export/politics';
import { bodyBlocks } from '../../../src/export/model';
import { itemPolitics } from '../../../src/protocol/politics';
import { profileFromPreset } from '../../../src/bodies/presets';

const nodes = [
  { type: 'yrkande', id: 'y1', children: [{ text: 'Anna yrkar bifall.' }] },
  { type: 'yrkande', id: 'y2', children: [{ text: '' }] },
  { type: 'reservation', id: 'r', yrkandeId: 'y1', skriftlig: true, children: [{ text: 'Bo reserverar sig.' }] },
  { type: 'omrostning', id: 'o', children: [{ text: '' }] },
  { type: 'jav', id: 'j', children: [{ text: 'Cecilia anmäler jäv.' }] },
];
const ctx = { itemId: 'i', politics: itemPolitics({ children: nodes }), attendance: [], roster: [], body: 'nämnden' };

describe('politicalBlock', () => {
  test('labels, numbers and the reservation’s note; empty lines and an empty omröstning are left out', () => {
    expect(nodes.map((n) => politicalBlock(n, ctx))).toEqual([
      { kind: 'political', type: 'yrkande', label: 'Yrkande 1:', text: 'Anna yrkar bifall.', note: null },
      null,
      { kind: 'political', type: 'reservation', label: 'Reservation:', text: 'Bo reserverar sig.', note: 'Till förmån för yrkande 1. Skriftlig reservation bifogas.' },
      null,
      { kind: 'political', type: 'jav', label: 'Jäv:', text: 'Cecilia anmäler jäv.', note: null },
    ]);
    expect(politicalBlock({ type: 'paragraph', id: 'p', children: [{ text: 'x' }] }, ctx)).toBeNull();
  });

  test('an omröstning with votes but nobody serving: sums against zero, and the problem said', () => {
    const o = { type: 'omrostning', id: 'o2', 'rost:x': 'ja', children: [{ text: 'Proposition' }] };
    const b = politicalBlock(o, { ...ctx, politics: itemPolitics({ children: [o] }) });
    expect(b).toMatchObject({ kind: 'omrostning', text: 'Proposition', rows: [], sums: '0 ja, 0 nej, 0 avstår (0 av 0 tjänstgörande)', result: null });
    expect(b && b.kind === 'omrostning' && b.problems[0]).toContain('x tjänstgör inte vid ärendet');
    expect(politicalReadingOrder(b!)).toEqual(['Omröstning', 'Proposition', 'Summa 0 ja, 0 nej, 0 avstår (0 av 0 tjänstgörande)']);
  });

  test('bodyBlocks without the item’s context still keeps the lines', () => {
    const blocks = bodyBlocks(nodes, profileFromPreset('politisk-namnd', 'Socialnämnden'));
    expect(blocks.map((b) => b.kind)).toEqual(['political', 'political', 'political']);
  });
});
