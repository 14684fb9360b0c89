/**
 * Type-ahead while typing the minutes: the phrase bank finishes an att-sats (Tab), its gap "…"
 * is selected and typed over; a roster name is completed into a person reference (Tab), and
 * the stored document links the name to the person's id. Esc puts a suggestion away.
 */
import * as Y from 'yjs';
import { yTextToSlateElement } from '@slate-yjs/core';
import { fromBase64 } from '../../src/api/base64';
import type { Meeting } from '../../src/api/contract';
import { call, createBody, createMeeting, endOfTitle, expect, expectSaved, openApp, test } from './harness';
import { lsvoCsv, openBody } from './roster';

test('phrases and names are completed with Tab; the name is stored as a reference to the roster', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await openBody(page, 'LSVO');
  await page.getByLabel('Importera deltagare från CSV-fil').setInputFiles({ name: 'lsvo.csv', mimeType: 'text/csv', buffer: Buffer.from(lsvoCsv(), 'utf8') });
  await expect(page.getByTestId('import-result')).toContainText('20 personer importerades');
  await page.getByTestId('back-to-start').click();
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');

  await endOfTitle(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+B');
  await page.keyboard.type('att bordl');
  await expect(page.getByTestId('typeahead-option')).toHaveCount(1);
  await expect(page.getByTestId('typeahead-option').first()).toContainText('att bordlägga frågan');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('typeahead')).toHaveCount(0);
  await page.keyboard.type('LSVO:s möte i juni');
  const first = page.getByTestId('att-sats').first();
  await expect(first).toHaveText(/^att bordlägga frågan .*LSVO:s möte i juni$/);
  await expect(first).not.toContainText('…');

  // A name: "Kjell Iv" → Kjell Ivarsson, and what follows is plain text.
  await page.keyboard.press('Enter');
  await page.keyboard.type('att Kjell Iv');
  await expect(page.getByTestId('typeahead-option')).toHaveText([/^Kjell Ivarsson/]);
  await expect(page.getByTestId('typeahead-status')).toHaveText('Förslag: Kjell Ivarsson. Tabb infogar.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('tar med sig frågan');
  const second = page.getByTestId('att-sats').nth(1);
  await expect(second).toHaveText('att Kjell Ivarsson tar med sig frågan');
  await expect(second.getByTestId('person-ref')).toHaveText('Kjell Ivarsson');

  // Esc puts a suggestion away; typing on brings new ones.
  await page.keyboard.press('Enter');
  await page.keyboard.type('att Annika');
  await expect(page.getByTestId('typeahead-option')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('typeahead')).toHaveCount(0);
  await page.keyboard.type(' M');
  await expect(page.getByTestId('typeahead-option')).toHaveText([/^Annika Mellqvist/]);
  await expectSaved(page);

  // Stored: the name is text with the person's roster id on it.
  const [meeting] = await call<Meeting[]>(page, 'meetings.list', {});
  const bodies = await call<Array<{ id: string }>>(page, 'bodies.list');
  const bodyState = await call<{ update: string }>(page, 'docs.open', { docId: bodies[0]!.id });
  const bodyDoc = new Y.Doc();
  Y.applyUpdate(bodyDoc, fromBase64(bodyState.update));
  const kjell = [...bodyDoc.getMap<{ id: string; name: string }>('members').values()].find((p) => p.name === 'Kjell Ivarsson')!;
  const state = await call<{ update: string }>(page, 'docs.open', { docId: meeting!.id });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(state.update));
  const leaves: Array<{ text?: string; personId?: string }> = [];
  const walk = (n: { text?: string; personId?: string; children?: unknown[] }) => (n.children ? n.children.forEach((c) => walk(c as typeof n)) : leaves.push(n));
  walk(yTextToSlateElement(doc.get('content', Y.XmlText)) as never);
  expect(leaves.filter((l) => l.personId !== undefined)).toEqual([{ text: 'Kjell Ivarsson', personId: kjell.id }]);
});
