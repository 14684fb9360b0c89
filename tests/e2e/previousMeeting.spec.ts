/**
 * Looking something up in the previous meeting while typing: Alt+Shift+M from the text opens
 * the body's previous meeting (its items with § labels and the att-satser decided), the
 * filter narrows it, Esc closes it and the cursor is back where the secretary was writing.
 * Alt+Shift+G goes to the agenda to jump to an item.
 */
import { backToStart, createBody, createMeeting, endOfTitle, expect, expectSaved, openApp, test } from './harness';
import { seriousViolations } from './axe';

test('the previous meeting’s items and decisions are looked up by keyboard and the cursor comes back to the text', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');

  // April: one item with a decision of two att-satser.
  await createMeeting(page, 'LSVO', '2021-04-09', 'April');
  await endOfTitle(page, 2);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Uppföljning angående åtgärder utifrån IVO:s granskning');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+B');
  await page.keyboard.type('att lägga informationen till protokollet');
  await page.keyboard.press('Enter');
  await page.keyboard.type('att Maria Wallin återkommer i juni');
  await expectSaved(page);
  await backToStart(page);

  // May: the secretary is writing and looks April up.
  await createMeeting(page, 'LSVO', '2021-05-07', 'Maj');
  await endOfTitle(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Återkoppling: ');
  await page.keyboard.press('Alt+Shift+M');

  const panel = page.getByTestId('previous-meeting');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Föregående möte: April, 2021-04-09');
  await expect(page.getByTestId('previous-meeting-filter')).toBeFocused();
  const ivo = panel.getByTestId('previous-item').filter({ hasText: 'IVO:s granskning' });
  await expect(ivo.getByTestId('previous-decision')).toHaveText(['att lägga informationen till protokollet', 'att Maria Wallin återkommer i juni']);
  const all = await panel.getByTestId('previous-item').count();
  expect(all).toBeGreaterThan(1);
  expect(await seriousViolations(page)).toEqual([]);

  // The filter folds å/ä/ö and needs every word: "atgarder ivo" finds the one item.
  await page.keyboard.type('atgarder ivo');
  await expect(panel.getByTestId('previous-item')).toHaveCount(1);
  await expect(panel.getByTestId('previous-item')).toContainText('IVO:s granskning');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('finns inte');
  await expect(panel.getByTestId('previous-item')).toHaveCount(0);

  // Esc: closed, and the next keystrokes continue the sentence.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('editor')).toBeFocused();
  await page.keyboard.type('klart.');
  await expect(page.getByTestId('editor')).toContainText('Återkoppling: klart.');
  await expectSaved(page);

  // Alt+Shift+G: to the agenda, on the item the cursor is in; Enter jumps back into the text.
  await page.keyboard.press('Alt+Shift+G');
  const focused = page.getByTestId('agenda-list').locator('[role="option"]:focus');
  await expect(focused).toHaveCount(1);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor')).toBeFocused();

  // The first meeting of a body has nothing before it, and says so.
  await backToStart(page);
  await createMeeting(page, 'LSVO', '2021-03-12', 'Mars');
  await page.keyboard.press('Alt+Shift+M');
  await expect(page.getByTestId('previous-meeting-none')).toBeVisible();
  await expect(page.getByTestId('previous-meeting-close')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('previous-meeting')).toHaveCount(0);
});
