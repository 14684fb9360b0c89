/**
 * Paste, as it comes from Word (HTML full of mso styles), and a 20-page plain-text paste: both
 * end up as paragraphs of the schema in the item where the cursor was, bold and italic kept,
 * Word's junk gone, every character stored.
 */
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { yTextToSlateElement } from '@slate-yjs/core';
import { fromBase64 } from '../../src/api/base64';
import type { Meeting } from '../../src/api/contract';
import { checkContent } from '../../src/protocol/schema';
import { call, createBody, createMeeting, endOfTitle, expect, expectSaved, openApp, test } from './harness';

const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head><body lang=SV>
<p class=MsoNormal><b><span style='font-family:"Calibri",sans-serif'>Föredragande:</span></b><span> Kjell Ivarsson<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>-<span>&nbsp;&nbsp;</span></span>Budgeten för <i>gemensamma tjänster</i> presenterades.</p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<ul><li>Hemsjukvårdsavtalet</li><li>FoU-avtal</li></ul>
<p class=MsoNormal style='mso-hide:all'>dold text</p>
</body></html>`;

async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await page.getByTestId('editor').evaluate((el, data) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(data)) dt.setData(type, value);
    // What Chromium does on Ctrl+V in a contenteditable: a beforeinput "insertFromPaste"
    // carrying the clipboard (a synthetic paste event alone does not reach Slate's handler).
    el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: dt, bubbles: true, cancelable: true }));
  }, data);
}

async function storedContent(page: Page): Promise<unknown[]> {
  const [meeting] = await call<Meeting[]>(page, 'meetings.list', {});
  const state = await call<{ update: string }>(page, 'docs.open', { docId: meeting!.id });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(state.update));
  return (yTextToSlateElement(doc.get('content', Y.XmlText)) as { children: unknown[] }).children;
}

test('a paste from Word becomes clean paragraphs with bold and italic; a 20-page paste arrives whole', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');

  await endOfTitle(page, 2);
  await page.keyboard.press('Enter');
  await paste(page, { 'text/html': wordHtml, 'text/plain': 'fallback' });
  const item = page.getByTestId('item').nth(2);
  await expect(item.locator('.paragraph')).toHaveText([
    'Föredragande: Kjell Ivarsson',
    '– Budgeten för gemensamma tjänster presenterades.',
    '– Hemsjukvårdsavtalet',
    '– FoU-avtal',
  ]);
  await expect(item.locator('.paragraph strong')).toHaveText(['Föredragande:']);
  await expect(item.locator('.paragraph em')).toHaveText(['gemensamma tjänster']);
  await expect(page.getByTestId('editor')).not.toContainText('dold text');
  await expect(page.getByTestId('editor')).not.toContainText('mso');

  // 20 pages of minutes as plain text (about 60,000 characters, 600 lines) into § 4.
  const line = (i: number) => `Rad ${i}: Föredragande gav en beskrivning av svaren på IVO:s granskning i Blekinge – åäö § 🎉`;
  const big = Array.from({ length: 600 }, (_, i) => line(i + 1)).join('\n');
  await endOfTitle(page, 3);
  await page.keyboard.press('Enter');
  await paste(page, { 'text/plain': big });
  await expect(page.getByTestId('item').nth(3).locator('.paragraph')).toHaveCount(600);
  await expectSaved(page);

  const content = await storedContent(page);
  expect(checkContent(content)).toEqual([]);
  const fourth = JSON.stringify(content[3]);
  expect(fourth).toContain(JSON.stringify(line(1)));
  expect(fourth).toContain(JSON.stringify(line(600)));
  expect((content[3] as { children: unknown[] }).children).toHaveLength(601);
});
