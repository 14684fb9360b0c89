/**
 * The optional per-item clock: off until turned on; the planned time is set in the agenda by
 * keyboard; while the meeting is in progress the clock of an item starts when the secretary
 * first writes in it, turns red past the plan (said once to a screen reader), and is kept in the
 * document across a reload. The page's clock is Playwright's, so minutes pass in an instant.
 */
import { createBody, createMeeting, endOfTitle, expect, expectSaved, openApp, openMeeting, test } from './harness';
import { seriousViolations } from './axe';

test('the per-item clock counts the item under discussion against its planned time', async ({ page, harness }) => {
  await page.clock.install({ time: new Date('2021-04-09T09:00:00') });
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await createMeeting(page, 'LSVO', '2021-04-09', 'April');

  // Off by default: no clock.
  await expect(page.getByTestId('item-clock')).toHaveCount(0);

  // Plan 5 minutes for item 3 from the agenda, by keyboard: Alt+Shift+G, down to it, Shift+Tab to the field.
  await endOfTitle(page, 0);
  await page.keyboard.press('Alt+Shift+G');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Tab');
  const planned = page.getByTestId('agenda-planned-minutes');
  await expect(planned).toBeFocused();
  await expect(page.locator(`label[for="${await planned.getAttribute('id')}"]`)).toHaveText('Planerad tid för § 3 (min)');
  await page.keyboard.type('5');
  await expect(page.getByTestId('outline-item').nth(2)).toContainText('5 min');
  // 5000 minutes is no plan: said so, with the plan that stands (the last valid one, 500).
  await page.keyboard.type('000');
  await expect(page.getByTestId('agenda-planned-error')).toHaveText('Skriv hela minuter, 1–600. Det som står nu sparas inte; planen är 500 min.');
  await expect(planned).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('outline-item').nth(2)).toContainText('500 min');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await expect(page.getByTestId('agenda-planned-error')).toHaveCount(0);
  await expect(page.getByTestId('outline-item').nth(2)).toContainText('5 min');

  await page.getByTestId('item-clock-toggle').check();
  await expect(page.getByTestId('item-clock')).toHaveText('Klockan går medan mötet pågår.');
  await page.getByTestId('start-meeting').click();
  await page.getByTestId('confirm-status').click();
  await expect(page.getByTestId('meeting-status')).toHaveAttribute('data-status', 'pagar');

  // Into item 3: its clock starts.
  await endOfTitle(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Återkoppling från föregående möte.');
  const clock = page.getByTestId('item-clock');
  await expect(clock).toHaveAttribute('data-item-id', /.+/);
  await expect(clock).toContainText('§ 3 · 0:');
  await expect(clock).toContainText('av 5 min');
  await expect(clock).not.toHaveAttribute('data-over', 'true');
  expect(await seriousViolations(page)).toEqual([]);

  await page.clock.fastForward('06:00');
  await expect(clock).toHaveAttribute('data-over', 'true');
  await expect(clock).toContainText('§ 3 · 6:');
  await expect(page.getByTestId('item-clock-announcement')).toHaveText('§ 3 har passerat den planerade tiden, 5 min.');

  // Item 4 (no plan) starts when she writes in it; the cursor passing through does not.
  const item3 = await clock.getAttribute('data-item-id');
  await endOfTitle(page, 3);
  await expect(clock).toHaveAttribute('data-item-id', item3!);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Inga övriga frågor.');
  await expect(clock).toContainText('§ 4 · 0:');
  await expect(clock).not.toContainText('av');
  const item4 = await clock.getAttribute('data-item-id');

  // Going back to item 3 to fix a word neither restarts it nor moves the clock there.
  await endOfTitle(page, 2);
  await page.keyboard.type('!');
  await expect(clock).toHaveAttribute('data-item-id', item4!);
  await expectSaved(page);

  // Kept in the document: after a reload (which puts the cursor at the end of the text) the
  // plan and the clock of item 4 are still there.
  await page.reload();
  await openMeeting(page, 'April');
  await expect(page.getByTestId('outline-item').nth(2)).toContainText('5 min');
  await expect(page.getByTestId('item-clock')).toHaveAttribute('data-item-id', item4!);
});
