/**
 * Lists, tables, links and the Dokument / "Protokollet skickas till" blocks, by keyboard alone
 * as the secretary types them ("- " and "1. " start lists, Enter on an empty item ends one,
 * Alt+Shift+T and Tab for a table, Ctrl+K for a link, Alt+Shift+D and Alt+Shift+S for the two
 * blocks), and pasted from Word and Outlook (lists, a table, links, an unsafe link). Checked in
 * the page (ul/ol/li, table/th/td, a with rel=noreferrer that never navigates the app) and in
 * the document the Core stored; axe with the table and the link dialog on screen.
 */
import { checkContent } from '../../src/protocol/schema';
import { seriousViolations } from './axe';
import { createBody, createMeeting, endOfTitle, expect, expectSaved, openApp, test } from './harness';
import { paste, shape, storedContent } from './stored';

test('lists, a table, a link, Dokument and skickas-till by keyboard, stored as elements', async ({ page, harness }) => {
  // About 600 keystrokes and two axe runs: 70 s on two quiet cores, past 120 s under a load of 25.
  test.setTimeout(300_000);
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');

  await endOfTitle(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Åtgärderna innebär konkret:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Breddinförande av AMP');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Rutin för AMP');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. Steg ett');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Steg två');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+T');
  for (const [i, cell] of ['Kommun', 'Antal', 'Karlskrona', '12', 'Ronneby', '3'].entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(cell);
  }
  // Enter at the end of the last cell: a new row; Enter on that empty row: out of the table.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Se ');

  // Ctrl+K: the link dialog. An unsafe address is refused, in Swedish; a bare domain is https.
  await page.keyboard.press('Control+k');
  const dialog = page.getByTestId('link-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('link-url')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.type('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-error')).toContainText('kan inte länkas');
  await page.getByTestId('link-url').fill('www.lsvo.se');
  await page.getByTestId('link-text').fill('LSVO:s webbplats');
  await page.getByTestId('link-text').press('Enter');
  await expect(dialog).toHaveCount(0);
  await page.keyboard.type('.');

  await page.keyboard.press('Alt+Shift+D');
  await page.keyboard.type('Bilaga 1 Presentation');
  await page.keyboard.press('Alt+Shift+S');
  await page.keyboard.type('Kommunstyrelsen');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Regionstyrelsen');

  const item = page.getByTestId('item').nth(2);
  await expect(item.locator('ul.list > li').first()).toHaveText('Breddinförande av AMP');
  await expect(item.locator('ol > li')).toHaveText(['Steg ett', 'Steg två']);
  await expect(item.locator('table th')).toHaveText(['Kommun', 'Antal']);
  await expect(item.locator('table td')).toHaveText(['Karlskrona', '12', 'Ronneby', '3']);
  await expect(item.getByTestId('documents')).toHaveAttribute('data-lead', 'Dokument');
  await expect(item.getByTestId('distribution').getByTestId('list-item')).toHaveText(['Kommunstyrelsen', 'Regionstyrelsen']);
  const link = item.getByTestId('link');
  await expect(link).toHaveText('LSVO:s webbplats');
  await expect(link).toHaveAttribute('href', 'https://www.lsvo.se');
  await expect(link).toHaveAttribute('rel', /noreferrer/);
  await expectSaved(page);

  // A click in a link only places the cursor: the app never navigates away.
  const url = page.url();
  await link.click();
  await page.keyboard.type('!');
  expect(page.url()).toBe(url);
  await page.keyboard.press('Backspace');
  expect(await seriousViolations(page)).toEqual([]);
  await expectSaved(page);

  const content = await storedContent(page);
  expect(checkContent(content)).toEqual([]);
  expect(shape(content[2])).toEqual([
    'item',
    ['item-title', 'Föregående sammanträdesprotokoll'],
    ['paragraph', 'Åtgärderna innebär konkret:'],
    ['list', ['list-item', 'Breddinförande av AMP'], ['list-item', 'Rutin för AMP']],
    ['list+ordered', ['list-item', 'Steg ett'], ['list-item', 'Steg två']],
    ['table', ['table-row+header', ['table-cell', 'Kommun'], ['table-cell', 'Antal']], ['table-row', ['table-cell', 'Karlskrona'], ['table-cell', '12']], ['table-row', ['table-cell', 'Ronneby'], ['table-cell', '3']]],
    ['paragraph', 'Se LSVO:s webbplats<https://www.lsvo.se>.'],
    ['documents', ['list-item', 'Bilaga 1 Presentation']],
    ['distribution', ['list-item', 'Kommunstyrelsen'], ['list-item', 'Regionstyrelsen']],
  ]);
});

const outlookHtml = `<html><body>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>Första steget</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span>Andra steget</p>
<table class=MsoTableGrid border=1><thead><tr><td><b>Kommun</b></td><td><b>Antal</b></td></tr></thead>
<tbody><tr><td><p>Karlskrona</p><p>centrum</p></td><td>12</td></tr><tr><td>Ronneby</td></tr></tbody></table>
<p>Läs <a href="https://www.ivo.se/beslut">IVO:s beslut</a> och <a href="javascript:alert(1)">det här</a>, skriv till <a href="mailto:anna@kommun.se">Anna</a>.</p>
<ol><li>Ett<ul><li>Ett a</li></ul></li><li>Två</li></ol>
</body></html>`;

test('a paste from Outlook: numbered list, table with header row, safe links kept and an unsafe one stripped', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  await endOfTitle(page, 2);
  await page.keyboard.press('Enter');
  await paste(page, { 'text/html': outlookHtml, 'text/plain': 'fallback' });
  const item = page.getByTestId('item').nth(2);
  await expect(item.locator('table th')).toHaveText(['Kommun', 'Antal']);
  await expect(item.getByTestId('link')).toHaveCount(2);
  await expectSaved(page);

  const content = await storedContent(page);
  expect(checkContent(content)).toEqual([]);
  expect(shape(content[2])).toEqual([
    'item',
    ['item-title', 'Föregående sammanträdesprotokoll'],
    ['list+ordered', ['list-item', 'Första steget'], ['list-item', 'Andra steget']],
    ['table', ['table-row+header', ['table-cell', 'Kommun'], ['table-cell', 'Antal']], ['table-row', ['table-cell', 'Karlskrona\ncentrum'], ['table-cell', '12']], ['table-row', ['table-cell', 'Ronneby'], ['table-cell', '']]],
    ['paragraph', 'Läs IVO:s beslut<https://www.ivo.se/beslut> och det här, skriv till Anna<mailto:anna@kommun.se>.'],
    // The nested list is flattened into its list.
    ['list+ordered', ['list-item', 'Ett'], ['list-item', 'Ett a'], ['list-item', 'Två']],
  ]);
});
