/**
 * Accessibility smoke test with axe-core on each screen a secretary uses: no serious or
 * critical violations. (Not a full audit: axe finds about a third of WCAG problems; the
 * keyboard checks below cover some of the rest.)
 */
import { createBody, createMeeting, expect, openApp, test } from './harness';
import { seriousViolations } from './axe';

test('start screen, editor and the English interface have no serious or critical axe violations', async ({ page, harness }) => {
  await openApp(page, harness);
  expect(await seriousViolations(page)).toEqual([]); // empty start screen

  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  await page.getByTestId('editor').click();
  await page.keyboard.type('Val av justerare');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Till justerare valdes Bodil Sundlöf.');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Övriga frågor');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect(await seriousViolations(page)).toEqual([]); // editor

  await page.getByTestId('back').click();
  await expect(page.getByTestId('meeting')).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]); // start screen with a body and a meeting

  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the start screen works from the keyboard alone', async ({ page, harness }) => {
  await openApp(page, harness);
  const name = page.getByLabel('Organets namn');
  await name.focus();
  await page.keyboard.type('Socialnämnden');
  await page.keyboard.press('Enter'); // submits the form
  const card = page.getByTestId('body').filter({ hasText: 'Socialnämnden' });
  await expect(card).toBeVisible();

  // (Tab inside a date field walks its year/month/day parts, so focus the title directly.)
  await card.getByLabel('Rubrik (valfri)').focus();
  await page.keyboard.type('Extra sammanträde');
  await page.keyboard.press('Enter'); // creates the meeting and opens it
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('meeting-title')).toHaveText('Extra sammanträde');

  // The text's description is one short line naming the main shortcut and where the rest are;
  // the full list opens from the keyboard.
  const described = await page.getByTestId('editor').getAttribute('aria-describedby');
  const line = page.locator(`[id="${described}"]`);
  await expect(line).toContainText('Ctrl+Enter');
  expect((await line.textContent())!.length).toBeLessThan(200);
  const shortcuts = page.getByTestId('shortcuts');
  await expect(shortcuts.getByText('Alt+Shift+G går till dagordningen', { exact: false })).toBeHidden();
  await shortcuts.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(shortcuts.getByText('Alt+Shift+G går till dagordningen', { exact: false })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('role', 'status');
});
