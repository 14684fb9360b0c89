/**
 * Paste, as it comes from Word (HTML full of mso styles), and a 20-page plain-text paste: both
 * end up as blocks of the schema (paragraphs, Word's list paragraphs and <ul> as a list) in the
 * item where the cursor was, bold and italic kept, Word's junk gone, every character stored.
 * Tables and links from Word and Outlook: richBlocks.spec.ts.
 */
import { checkContent } from '../../src/protocol/schema';
import { createBody, createMeeting, endOfTitle, expect, expectSaved, openApp, test } from './harness';
import { paste, shape, storedContent } from './stored';

const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head><body lang=SV>
<p class=MsoNormal><b><span style='font-family:"Calibri",sans-serif'>Föredragande:</span></b><span> Kjell Ivarsson<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>-<span>&nbsp;&nbsp;</span></span>Budgeten för <i>gemensamma tjänster</i> presenterades.</p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<ul><li>Hemsjukvårdsavtalet</li><li>FoU-avtal</li></ul>
<p class=MsoNormal style='mso-hide:all'>dold text</p>
<p style="margin:0"><span style="font-weight:700 !important">Beslut:</span> <span style="font-style: italic">enligt förslaget</span><span style="display: none">gömd text</span></p>
</body></html>`;

test('a paste from Word becomes clean paragraphs with bold and italic; a 20-page paste arrives whole', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');

  await endOfTitle(page, 2);
  await page.keyboard.press('Enter');
  await paste(page, { 'text/html': wordHtml, 'text/plain': 'fallback' });
  const item = page.getByTestId('item').nth(2);
  await expect(item.locator('.paragraph')).toHaveText(['Föredragande: Kjell Ivarsson', 'Beslut: enligt förslaget']);
  // Word's list paragraph and the <ul> after it: one bullet list.
  await expect(item.getByTestId('list-item')).toHaveText(['Budgeten för gemensamma tjänster presenterades.', 'Hemsjukvårdsavtalet', 'FoU-avtal']);
  await expect(item.locator('ul.list')).toHaveCount(1);
  // Bold and italic from tags (Word) and from inline styles (Google Docs, web pages).
  await expect(item.locator('.paragraph strong')).toHaveText(['Föredragande:', 'Beslut:']);
  await expect(item.locator('li em')).toHaveText(['gemensamma tjänster']);
  await expect(item.locator('.paragraph em')).toHaveText(['enligt förslaget']);
  await expect(page.getByTestId('editor')).not.toContainText('dold text');
  await expect(page.getByTestId('editor')).not.toContainText('gömd text');
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
  expect(shape(content[2])).toEqual([
    'item',
    ['item-title', 'Föregående sammanträdesprotokoll'],
    ['paragraph', 'Föredragande: Kjell Ivarsson'],
    ['list', ['list-item', 'Budgeten för gemensamma tjänster presenterades.'], ['list-item', 'Hemsjukvårdsavtalet'], ['list-item', 'FoU-avtal']],
    ['paragraph', 'Beslut: enligt förslaget'],
  ]);
  const fourth = JSON.stringify(content[3]);
  expect(fourth).toContain(JSON.stringify(line(1)));
  expect(fourth).toContain(JSON.stringify(line(600)));
  expect((content[3] as { children: unknown[] }).children).toHaveLength(601);
});
