/**
 * Bodies and their rosters through the real renderer and Core: a formal body with its decision
 * phrase, a roster imported from CSV (Windows-1252 as Swedish Excel saves it, and UTF-8),
 * refusals that change nothing (a file without "Namn", a duplicate typed by hand), people who
 * leave and stay, export, and the meeting form's time rule.
 */
import type { Page } from '@playwright/test';
import type { Meeting } from '../../src/api/contract';
import { bodyCard, call, createBody, expect, openApp, test } from './harness';
import { cp1252, importRoster, lsvoCsv, openBody } from './roster';

const rows = (page: Page) => page.getByTestId('roster-row');

test('a formal body with a group gets its decision phrase; a roster of 20 is imported from Windows-1252, refusals change nothing', async ({ page, harness }) => {
  await openApp(page, harness);
  const form = page.getByTestId('new-body-form');
  await form.getByLabel('Organets namn').fill('LSVO');
  const preset = form.getByLabel('Typ av dokument');
  // The four presets, in Swedish.
  await expect(preset.locator('option')).toHaveText([/^Sammanträdesprotokoll/, /^Mötesanteckningar/, /^Minnesanteckningar/, /^Politisk nämnd/]);
  await expect(page.getByTestId('decision-lead')).toHaveText('LSVO beslutar');
  await form.getByLabel('Beslutande grupp (valfri)').fill('ledningsgrupp');
  await expect(page.getByTestId('decision-lead')).toHaveText('LSVO:s ledningsgrupp beslutar'); // live
  await form.getByRole('button', { name: 'Skapa organ' }).click();
  await expect(bodyCard(page, 'LSVO')).toBeVisible();

  // The Core built the profile with the same phrase.
  const bodies = await call<Array<{ id: string; name: string; preset: string }>>(page, 'bodies.list');
  expect(bodies).toMatchObject([{ name: 'LSVO', preset: 'sammantradesprotokoll' }]);

  await openBody(page, 'LSVO');
  await expect(page.getByTestId('roster-empty')).toBeVisible();

  // Windows-1252, as Swedish Excel saves "CSV (semikolonavgränsad)".
  await importRoster(page, 'deltagare.csv', cp1252(lsvoCsv()));
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('20 personer importerades från deltagare.csv.');
  await expect(page.getByTestId('import-warnings')).toContainText('lästes som Windows-1252');
  await expect(rows(page)).toHaveCount(20);
  // Decoded right: å, ä and ö as written.
  await expect(rows(page).filter({ hasText: 'Håkan Friberg' })).toContainText('medicinsk rådgivare, Hälsovalsavdelningen');
  await expect(rows(page).filter({ hasText: 'Gunilla Råberg' })).toContainText('förvaltningschef Äldreförvaltningen');
  await expect(page.getByRole('table')).toContainText('20 personer, varav 20 aktiva');
  // Sorted by name.
  await expect(rows(page).last().locator('th')).toHaveText('Yvonne Strandh');

  // A file without a "Namn" column: every problem in Swedish, nothing imported.
  await importRoster(page, 'utan-namn.csv', Buffer.from(lsvoCsv('Person;Titel;Organisation'), 'utf8'));
  await expect(result).toContainText('Ingenting importerades från utan-namn.csv');
  await expect(page.getByTestId('import-errors')).toContainText('Kolumnen ”Namn” saknas');
  await expect(rows(page)).toHaveCount(20);

  // The same people again, now in UTF-8: all duplicates, so none of them (all or nothing).
  await importRoster(page, 'igen.csv', Buffer.from('\ufeff' + lsvoCsv(), 'utf8'));
  await expect(result).toContainText('Ingenting importerades från igen.csv');
  await expect(page.getByTestId('import-errors').locator('li')).toHaveCount(20);
  await expect(page.getByTestId('import-errors')).toContainText('Bodil Sundlöf');
  await expect(rows(page)).toHaveCount(20);

  // A duplicate typed by hand (other case and spacing): refused with a clear message, nothing written.
  const add = page.getByTestId('add-person-form');
  await add.getByLabel('Namn').fill('bodil  sundlöf');
  await add.getByLabel('Organisation').fill('Region Blekinge');
  await add.getByLabel('Namn').press('Enter');
  await expect(page.getByTestId('add-person-error')).toHaveText(
    '”bodil sundlöf” (Region Blekinge) finns redan i ledamotslistan (samma namn och organisation). Personen lades inte till.',
  );
  await expect(add.getByLabel('Namn')).toHaveValue('bodil  sundlöf'); // what was typed stays
  await expect(rows(page)).toHaveCount(20);

  // A new person, by keyboard: the fields clear and the cursor is back in "Namn".
  await add.getByLabel('Namn').fill('Mats Wennstig');
  await add.getByLabel('Titel').fill('Enheten för kvalitet och utveckling');
  await add.getByLabel('Roll').selectOption({ label: 'Tjänsteperson' });
  await add.getByLabel('E-post (valfri)').fill('mats.wennstig@regionblekinge.se');
  await add.getByLabel('E-post (valfri)').press('Enter');
  await expect(rows(page)).toHaveCount(21);
  await expect(page.getByTestId('add-person-error')).toBeHidden();
  await expect(add.getByLabel('Namn')).toBeFocused();
  await expect(add.getByLabel('Namn')).toHaveValue('');
  await expect(rows(page).filter({ hasText: 'Mats Wennstig' })).toContainText('Tjänsteperson');

  // Someone leaves: greyed, kept, and can come back. Focus stays on the row's button.
  const martin = rows(page).filter({ hasText: 'Martin Åsman' });
  await martin.getByRole('button', { name: 'Markera som slutat – Martin Åsman' }).click();
  await expect(martin).toHaveAttribute('data-active', 'false');
  await expect(martin.getByTestId('roster-status')).toHaveText(/^Slutade \d{4}-\d{2}-\d{2}$/);
  await expect(martin.getByRole('button', { name: 'Återaktivera – Martin Åsman' })).toBeFocused();
  await expect(rows(page)).toHaveCount(21);
  await expect(page.getByRole('table')).toContainText('21 personer, varav 20 aktiva');

  // A correction: someone else's name and organisation is refused, nothing changes; Esc closes
  // the form and the keyboard is back on that row's Ändra button.
  const mats = rows(page).filter({ hasText: 'Mats Wennstig' });
  await mats.getByRole('button', { name: 'Ändra – Mats Wennstig' }).click();
  const edit = page.getByTestId('edit-person-form');
  await expect(edit.getByLabel('Namn')).toBeFocused();
  await expect(edit.getByLabel('Titel')).toHaveValue('Enheten för kvalitet och utveckling');
  await edit.getByLabel('Namn').fill('Bodil Sundlöf');
  await edit.getByLabel('Organisation').fill('Region Blekinge');
  await edit.getByLabel('Organisation').press('Enter');
  await expect(page.getByTestId('edit-person-error')).toHaveText('”Bodil Sundlöf” (Region Blekinge) finns redan i ledamotslistan (samma namn och organisation). Ingenting ändrades.');
  await expect(rows(page).filter({ hasText: 'Mats Wennstig' })).toHaveCount(1);
  await edit.getByLabel('Namn').press('Escape');
  await expect(edit).toHaveCount(0);
  await expect(mats.getByRole('button', { name: 'Ändra – Mats Wennstig' })).toBeFocused();
  // Then the real correction, by keyboard: Enter on Ändra, the new title, Enter.
  await page.keyboard.press('Enter');
  await expect(edit.getByLabel('Namn')).toBeFocused();
  await edit.getByLabel('Titel').fill('Utvecklingsstrateg');
  await edit.getByLabel('Titel').press('Enter');
  await expect(edit).toHaveCount(0);
  await expect(mats).toContainText('Utvecklingsstrateg');
  await expect(page.getByTestId('roster-notice')).toHaveText('Uppgifterna för Mats Wennstig är ändrade.');
  await expect(mats.getByRole('button', { name: 'Ändra – Mats Wennstig' })).toBeFocused();
  // Correcting someone who left keeps them as having left.
  await martin.getByRole('button', { name: 'Ändra – Martin Åsman' }).click();
  await edit.getByLabel('Titel').fill('Tidigare verksamhetschef');
  await edit.getByLabel('Titel').press('Enter');
  await expect(martin).toContainText('Tidigare verksamhetschef');
  await expect(martin).toHaveAttribute('data-active', 'false');

  // After a reload, everything came from the body's document in SQLite.
  await page.reload();
  await openBody(page, 'LSVO');
  await expect(rows(page)).toHaveCount(21);
  await expect(rows(page).filter({ hasText: 'Martin Åsman' })).toHaveAttribute('data-active', 'false');
  await expect(rows(page).filter({ hasText: 'Mats Wennstig' })).toContainText('Utvecklingsstrateg');
  const stats = await call<{ people: number }>(page, 'projections.rebuild');
  expect(stats.people).toBe(21);

  // Export: UTF-8 with BOM, ';', one line per person, named after the body.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera deltagarlistan som CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('deltagarlista-LSVO.csv');
  const fs = await import('node:fs/promises');
  const bytes = await fs.readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').trim().split(/\r\n/);
  expect(lines).toHaveLength(22);
  expect(lines[0]).toMatch(/^Namn;Titel;Organisation/);
  expect(lines.find((l) => l.startsWith('Martin Åsman;'))).toMatch(/;\d{4}-\d{2}-\d{2}$/);
});

test('a roster in UTF-8 imports without a warning, and the English interface shows the result in English', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Ledningsgrupp för samordning', 'Mötesanteckningar');
  await openBody(page, 'Ledningsgrupp för samordning');
  await page.getByTestId('language-en').click();
  await page.getByLabel('Import people from a CSV file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(lsvoCsv(), 'utf8') });
  await expect(page.getByTestId('import-result')).toContainText('20 people were imported from roster.csv.');
  // No encoding warning this time; only the note that everyone became a member (no "Roll" column).
  await expect(page.getByTestId('import-warnings')).toHaveText('The file has no "Roll" (Role) column: all 20 were added as Ledamot (member).');
  await expect(rows(page)).toHaveCount(20);
  await page.getByLabel('Import people from a CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Vem;Titel\r\nX;Y\r\n', 'utf8') });
  await expect(page.getByTestId('import-errors')).toContainText('The column "Namn" (Name) is missing');
  await expect(rows(page)).toHaveCount(20);
});

test('a meeting that ends before it starts is refused beside the end time, in Swedish; nothing is created and what was typed stays', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await openBody(page, 'LSVO');
  await expect(page.getByTestId('no-meetings')).toBeVisible();
  const form = page.getByTestId('new-meeting-form');
  await expect(form.getByLabel('Plats')).toHaveValue('Digitalt via Teams');
  await form.getByLabel('Datum').fill('2021-05-07');
  await form.getByLabel('Starttid').fill('15:30');
  await form.getByLabel('Sluttid').fill('12:30');
  await form.getByLabel('Diarienummer (valfritt)').fill('Dnr 21RGK153');
  await form.getByLabel('Rubrik (valfri)').fill('Sammanträde');
  await form.getByRole('button', { name: 'Skapa möte' }).click();

  const endError = form.getByTestId('meeting-endTime-error');
  await expect(endError).toHaveText('Sluttiden måste vara efter starttiden');
  await expect(form.getByLabel('Sluttid')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Sluttid')).toHaveAttribute('aria-describedby', await endError.getAttribute('id').then((id) => id!));
  await expect(form.getByRole('alert')).toContainText('Mötet skapades inte. Sluttiden måste vara efter starttiden');
  await expect(form.getByLabel('Starttid')).toHaveValue('15:30');
  await expect(form.getByLabel('Diarienummer (valfritt)')).toHaveValue('Dnr 21RGK153');
  await expect(form.getByLabel('Rubrik (valfri)')).toHaveValue('Sammanträde');
  await expect(page.getByTestId('body-screen')).toBeVisible();
  expect(await call<Meeting[]>(page, 'meetings.list', {})).toEqual([]);

  // Corrected: the meeting is created with its times, place and dnr, and opens.
  await form.getByLabel('Starttid').fill('12:30');
  await form.getByLabel('Sluttid').fill('15:30');
  await form.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByTestId('meeting-screen')).toBeVisible();
  await expect(page.getByTestId('meeting-title')).toHaveText('Sammanträde');
  const [meeting] = await call<Meeting[]>(page, 'meetings.list', {});
  expect(meeting).toMatchObject({ date: '2021-05-07', startTime: '12:30', endTime: '15:30', place: 'Digitalt via Teams', dnr: 'Dnr 21RGK153', title: 'Sammanträde' });

  // Back returns to the body's page, where the meeting is listed with its times.
  await page.getByTestId('back').click();
  await expect(page.getByTestId('body-screen')).toBeVisible();
  await expect(page.getByTestId('meeting')).toHaveText(/2021-05-07\s*kl\. 12\.30 – 15\.30\s*Sammanträde/);
});
