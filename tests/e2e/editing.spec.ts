/**
 * The everyday path: create a body and a meeting, type the minutes (§ titles and text with
 * å ä ö, § and an emoji), see "Sparat", reload, and find everything again.
 */
import { backToStart, bodyCard, createBody, createMeeting, editorBlocks, expect, expectSaved, itemLabels, openApp, openMeeting, test } from './harness';

const minutes: Array<[string, string]> = [
  ['item-title', 'Godkännande av föredragningslistan'],
  ['paragraph', 'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista'],
  ['item-title', 'Föregående sammanträdesprotokoll'],
  ['paragraph', 'Återkoppling protokoll 2021-04-09: §95 VFU sjuksköterskeprogrammet BTH – klart 🎉'],
  ['paragraph', 'Ärendet följs upp vid LSVO:s möte i juni.'],
  ['item-title', 'Övriga frågor: a/ Vaccinationsmöjligheter för personal HBV'],
];

test('type a meeting’s minutes, see them saved, reload and find them all', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO:s ledningsgrupp');
  await createMeeting(page, 'LSVO:s ledningsgrupp', '2021-05-07', 'Sammanträde');
  await expect(page.getByTestId('meeting-title')).toHaveText('Sammanträde');

  // A new meeting starts with one empty § title, labelled § 1.
  expect(await editorBlocks(page)).toEqual([['item-title', '']]);
  expect(await itemLabels(page)).toEqual(['§ 1']);

  const editor = page.getByTestId('editor');
  await editor.click();
  for (let i = 0; i < minutes.length; i++) {
    const [kind, text] = minutes[i]!;
    if (i > 0) {
      // After a title, Enter gives body text; after body text, Enter gives another paragraph;
      // Ctrl+Enter starts a new § item.
      await page.keyboard.press(kind === 'item-title' ? 'Control+Enter' : 'Enter');
    }
    await page.keyboard.type(text);
  }

  expect(await editorBlocks(page)).toEqual(minutes);
  expect(await itemLabels(page)).toEqual(['§ 1', '§ 2', '§ 3']);
  // The number is shown, not typed: it is not part of the text.
  await expect(editor).not.toContainText('§ 1');
  await expectSaved(page);

  await page.reload();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(bodyCard(page, 'LSVO:s ledningsgrupp').getByTestId('meeting')).toHaveText(['2021-05-07Sammanträde']);
  await openMeeting(page, 'Sammanträde');
  await expect(page.getByTestId('item-title')).toHaveCount(3);
  expect(await editorBlocks(page)).toEqual(minutes);
  expect(await itemLabels(page)).toEqual(['§ 1', '§ 2', '§ 3']);
});

test('a § inserted in the middle renumbers the items after it', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Socialnämnden');
  await createMeeting(page, 'Socialnämnden', '2024-10-01');
  await page.getByTestId('editor').click();
  await page.keyboard.type('Val av justerare');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Mötets avslutande');

  // Back into § 1's title, then the toolbar button (same command as Ctrl+Enter).
  await page.getByTestId('item-title').first().click();
  await page.keyboard.press('End');
  await page.getByTestId('new-item').click();
  await page.keyboard.type('Godkännande av föredragningslista');

  expect(await editorBlocks(page)).toEqual([
    ['item-title', 'Val av justerare'],
    ['item-title', 'Godkännande av föredragningslista'],
    ['item-title', 'Mötets avslutande'],
  ]);
  expect(await itemLabels(page)).toEqual(['§ 1', '§ 2', '§ 3']);
  await expectSaved(page);
});

test('meetings are listed newest first, under their own body', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Ledningsgrupp för samordning', 'Mötesanteckningar');
  await createBody(page, 'Delregional tjänstemannaberedning Nordväst', 'Minnesanteckningar');
  for (const [date, title] of [
    ['2021-06-04', 'Juni'],
    ['2021-02-05', 'Februari'],
    ['2021-10-15', 'Oktober'],
  ] as const) {
    await createMeeting(page, 'Ledningsgrupp för samordning', date, title);
    await backToStart(page);
  }
  const samordning = bodyCard(page, 'Ledningsgrupp för samordning');
  await expect(samordning.getByTestId('meeting')).toHaveText(['2021-10-15Oktober', '2021-06-04Juni', '2021-02-05Februari']);
  await expect(samordning).toContainText('Mötesanteckningar');
  await expect(bodyCard(page, 'Delregional tjänstemannaberedning Nordväst').getByTestId('meeting')).toHaveCount(0);
});

test('the language switch turns the interface to English and back, and is remembered', async ({ page, harness }) => {
  await openApp(page, harness);
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bodies and meetings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bodies and meetings');
  await page.getByTestId('language-sv').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organ och möten');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('an error from the Core is shown in Swedish', async ({ page, harness }) => {
  await openApp(page, harness);
  // A name of only spaces passes the browser's `required` check but not the contract's trim().min(1).
  const form = page.getByTestId('new-body-form');
  await form.getByLabel('Organets namn').fill('   ');
  await form.getByRole('button', { name: 'Skapa organ' }).click();
  await expect(form.getByRole('alert')).toContainText('Ogiltiga uppgifter');
  await expect(page.getByTestId('no-bodies')).toBeVisible();
});

test('two windows on the same meeting see each other’s text', async ({ page, harness, context }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  await page.getByTestId('editor').click();
  await page.keyboard.type('Val av justerare');

  const other = await context.newPage();
  await openApp(other, harness);
  await openMeeting(other, 'Sammanträde');
  await expect(other.getByTestId('item-title')).toHaveText(['Val av justerare']);

  // A change in the second window reaches the first through the Core's docs.updated event.
  await other.keyboard.press('Enter');
  await other.keyboard.type('Till justerare valdes Åsa Öberg.');
  await expect(page.getByTestId('editor')).toContainText('Till justerare valdes Åsa Öberg.');
  expect(await editorBlocks(page)).toEqual([
    ['item-title', 'Val av justerare'],
    ['paragraph', 'Till justerare valdes Åsa Öberg.'],
  ]);
  await expectSaved(other);
});
