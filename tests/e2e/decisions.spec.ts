/**
 * The decision block and the föredragande line, typed as a secretary types them, by keyboard
 * alone: Alt+Shift+F under the title, Enter into the discussion, Alt+Shift+B for the decision
 * (the body's lead phrase appears, shown and not typed), Enter between att-satser, Enter on an
 * empty att-sats back to body text. Checked in the page and in the Core's stored document.
 */
import * as Y from 'yjs';
import { yTextToSlateElement } from '@slate-yjs/core';
import { fromBase64 } from '../../src/api/base64';
import type { Meeting } from '../../src/api/contract';
import { attSatser, checkContent } from '../../src/protocol/schema';
import { call, createBody, createMeeting, endOfTitle, expect, expectSaved, openApp, test } from './harness';

test('föredragande, discussion and a decision with two att-satser by keyboard, stored as elements with the lead phrase kept out of the text', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');

  // § 3 Föregående sammanträdesprotokoll: presenter, text, decision.
  await endOfTitle(page, 2);
  await page.keyboard.press('Alt+Shift+F');
  await page.keyboard.type('Kjell Ivarsson');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Återkoppling protokoll 2021-04-09: §95 VFU – klart.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+B');
  await page.keyboard.type('att lägga informationen till protokollet');
  await page.keyboard.press('Enter');
  await page.keyboard.type('att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Mötet fortsatte.');

  const decision = page.getByTestId('decision');
  await expect(decision).toHaveCount(1);
  // The lead phrase is the body's, from its profile, and not part of the editable text.
  await expect(decision).toHaveAttribute('data-lead', 'LSVO:s ledningsgrupp beslutar');
  await expect(page.getByTestId('editor')).not.toContainText('beslutar');
  await expect(decision.getByTestId('att-sats')).toHaveText([
    'att lägga informationen till protokollet',
    'att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni',
  ]);
  await expect(page.getByTestId('foredragande')).toHaveText('Kjell Ivarsson');
  await expect(page.getByTestId('foredragande')).toHaveAttribute('data-prefix', 'Föredragande:');
  await expectSaved(page);

  // The toolbar does the same: a third att-sats after the second.
  await decision.getByTestId('att-sats').nth(1).click();
  await page.keyboard.press('End');
  await page.getByTestId('new-att-sats').click();
  await page.keyboard.type('att frågan följs upp vid LSVO:s möte i juni');
  await expect(decision.getByTestId('att-sats')).toHaveCount(3);
  await expectSaved(page);

  // Read back in large type for the shared screen: the item the cursor is in, its decision.
  await page.keyboard.press('Alt+Shift+V');
  const readback = page.getByTestId('readback');
  await expect(readback.getByRole('heading')).toHaveText('§ 3 Föregående sammanträdesprotokoll');
  await expect(readback).toContainText('LSVO:s ledningsgrupp beslutar');
  await expect(readback.getByTestId('readback-att-sats')).toHaveText([
    'att lägga informationen till protokollet',
    'att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni',
    'att frågan följs upp vid LSVO:s möte i juni',
  ]);
  await expect(page.getByTestId('readback-close')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(readback).toHaveCount(0);
  await expect(page.getByTestId('editor')).toBeFocused();

  // What the Core stored: valid structure, the att-satser in order in § 3's item.
  const [meeting] = await call<Meeting[]>(page, 'meetings.list', {});
  const state = await call<{ update: string }>(page, 'docs.open', { docId: meeting!.id });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(state.update));
  const content = (yTextToSlateElement(doc.get('content', Y.XmlText)) as { children: unknown[] }).children;
  expect(checkContent(content)).toEqual([]);
  const third = content[2] as { id: string; children: Array<{ type: string }> };
  expect(third.children.map((c) => c.type)).toEqual(['item-title', 'foredragande', 'paragraph', 'decision', 'paragraph']);
  expect(attSatser(content).map((a) => [a.itemId, a.text])).toEqual([
    [third.id, 'att lägga informationen till protokollet'],
    [third.id, 'att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni'],
    [third.id, 'att frågan följs upp vid LSVO:s möte i juni'],
  ]);
});
