/**
 * The bodies issue end to end, as a secretary takes over LSVO's minutes in May: a formal body
 * and its roster of 20 from CSV; the April meeting (minuted in Word) ended at § 100, so the
 * May meeting starts at § 101; attendance by keyboard, with a tjänsteperson present at § 103
 * only; two items swapped before the start (numbers follow the order), the start, an item
 * moved afterwards (numbers stay with the items), and Övriga frågor a/ and b/. Checked in the
 * page and in the Core's own rows and document.
 */
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { fromBase64 } from '../../src/api/base64';
import type { ItemRow, Meeting } from '../../src/api/contract';
import type { AttendanceEntry } from '../../src/protocol/attendance';
import { call, createBody, expect, expectSaved, openApp, test } from './harness';
import { lsvoPeople, openBody } from './roster';

/** The 20 people of the LSVO sample; the last, Birgitta Friberg, attends as a tjänsteperson. */
function rosterCsv(): Buffer {
  const rows = lsvoPeople.map((p, i) => [...p, i === lsvoPeople.length - 1 ? 'Tjänsteperson' : 'Ledamot'].join(';'));
  return Buffer.from(['Namn;Titel;Organisation;Roll', ...rows].join('\r\n'), 'utf8');
}

/** The outline's rows as "label title", in order. */
async function outline(page: Page): Promise<string[]> {
  return page
    .getByTestId('agenda-list')
    .locator('[role=option]')
    .evaluateAll((els) => els.map((e) => `${e.querySelector('.agenda-label')?.textContent ?? ''} ${e.querySelector('.agenda-title')?.textContent ?? ''}`));
}

/** Selects an item in the outline by its title (focus only: the roving tab stop follows). */
async function selectInOutline(page: Page, title: string): Promise<void> {
  const row = page.getByTestId('outline-item').filter({ hasText: title });
  await row.focus();
  await expect(row).toHaveAttribute('aria-selected', 'true');
}

test('§ 101 follows an April meeting that ended at § 100; attendance by keyboard; numbers follow the order until the start and stay after it', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await openBody(page, 'LSVO');
  await page.getByLabel('Importera deltagare från CSV-fil').setInputFiles({ name: 'lsvo.csv', mimeType: 'text/csv', buffer: rosterCsv() });
  await expect(page.getByTestId('import-result')).toContainText('20 personer importerades');

  // April 2021 was minuted in Word, §§ 89–100: recorded so this year's numbers continue.
  await page.getByTestId('earlier-meeting').locator('summary').click();
  await page.getByTestId('earlier-date').fill('2021-04-09');
  await page.getByTestId('earlier-firstNumber').fill('89');
  await page.getByTestId('earlier-lastNumber').fill('100');
  await page.getByTestId('earlier-submit').click();
  await expect(page.getByTestId('earlier-notice')).toHaveText('Mötet 2021-04-09 är inlagt; numreringen fortsätter efter § 100.');
  await expect(page.getByTestId('recorded-meeting')).toContainText('2021-04-09§ 89–100protokollfört utanför Paragraf');

  const form = page.getByTestId('new-meeting-form');
  await form.getByLabel('Datum').fill('2021-05-07');
  await form.getByLabel('Starttid').fill('12:30');
  await form.getByLabel('Sluttid').fill('15:30');
  await form.getByLabel('Rubrik (valfri)').fill('Sammanträde');
  await form.getByLabel('Rubrik (valfri)').press('Enter');
  await expect(page.getByTestId('meeting-screen')).toBeVisible();
  await expect.poll(() => outline(page)).toEqual([
    '§ 101 Val av justerare samt tid för justering',
    '§ 102 Godkännande av föredragningslista',
    '§ 103 Föregående sammanträdesprotokoll',
    '§ 104 Övriga frågor',
    '§ 105 Mötets avslutande',
  ]);
  // Nothing to report about this meeting's numbers (the unknown §§ 1–88 concern April's).
  await expect(page.getByTestId('agenda-diagnostic')).toHaveCount(0);

  // Attendance while people join the call: keyboard only.
  await page.getByTestId('attendance-toggle').focus();
  await page.keyboard.press('Enter');
  const search = page.getByTestId('attendance-search');
  await expect(search).toBeFocused();
  for (const [query, key] of [
    ['bodil', 'Alt+o'],
    ['torill', 'Enter'],
    ['annelie', 'Alt+j'],
    ['åsman', 'Alt+f'],
    ['birgitta fr', 'Enter'],
  ] as const) {
    await page.keyboard.type(query);
    await expect(page.getByTestId('attendance-option').first()).toBeVisible();
    await page.keyboard.press(key);
    await expect(search).toHaveValue('');
  }
  // The tjänsteperson attended § 103 only.
  const edit = page.getByRole('button', { name: 'Ändra – Birgitta Friberg' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const box = page.getByTestId('attendance-editor').getByRole('checkbox', { name: '§ 103 Föregående sammanträdesprotokoll' });
  await box.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await page.getByTestId('attendance-editor-close').focus();
  await page.keyboard.press('Enter');
  const birgitta = page.getByTestId('attendance-group-ovrig').getByTestId('attendance-row').filter({ hasText: 'Birgitta Friberg' });
  await expect(birgitta.getByTestId('attendance-presence')).toHaveText('§ 103');
  await expect(page.getByTestId('attendance-group-narvarande').getByTestId('attendance-name')).toHaveText(['Bodil Sundlöf', 'Annelie Kjellström', 'Torill Skaar Magnusson']);
  await expect(page.getByTestId('attendance-group-forhinder').getByTestId('attendance-name')).toHaveText(['Martin Åsman']);

  // Before the start, numbers follow the order: swap the first two items from the keyboard.
  await selectInOutline(page, 'Godkännande av föredragningslista');
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(() => outline(page)).toEqual([
    '§ 101 Godkännande av föredragningslista',
    '§ 102 Val av justerare samt tid för justering',
    '§ 103 Föregående sammanträdesprotokoll',
    '§ 104 Övriga frågor',
    '§ 105 Mötets avslutande',
  ]);

  await page.getByTestId('start-meeting').click();
  await page.getByTestId('confirm-status').click();
  await expect(page.getByTestId('meeting-status')).toHaveAttribute('data-status', 'pagar');

  // After the start, a move keeps every number: what was minuted as § 105 stays § 105.
  await selectInOutline(page, 'Mötets avslutande');
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect.poll(() => outline(page)).toEqual([
    '§ 101 Godkännande av föredragningslista',
    '§ 102 Val av justerare samt tid för justering',
    '§ 103 Föregående sammanträdesprotokoll',
    '§ 105 Mötets avslutande',
    '§ 104 Övriga frågor',
  ]);

  // Övriga frågor a/ and b/, from the outline's button, typed straight into the editor.
  for (const title of ['Vaccinationsmöjligheter för personal HBV', 'Underskrifter LSVO:s ledningssystem']) {
    await page.getByTestId('agenda-new-subitem').click();
    await page.keyboard.type(title);
  }
  await expect.poll(() => outline(page)).toEqual([
    '§ 101 Godkännande av föredragningslista',
    '§ 102 Val av justerare samt tid för justering',
    '§ 103 Föregående sammanträdesprotokoll',
    '§ 105 Mötets avslutande',
    '§ 104 Övriga frågor',
    'a/ Vaccinationsmöjligheter för personal HBV',
    'b/ Underskrifter LSVO:s ledningssystem',
  ]);
  await expectSaved(page);

  // The Core agrees: its projected rows, and Birgitta's presence pointing at the § 103 item.
  const meeting = (await call<Meeting[]>(page, 'meetings.list', {})).find((m) => m.date === '2021-05-07')!;
  const items = await call<ItemRow[]>(page, 'meetings.items', { meetingId: meeting.id });
  expect(items.map((i) => `${i.label} ${i.title}`)).toEqual([
    '§ 101 Godkännande av föredragningslista',
    '§ 102 Val av justerare samt tid för justering',
    '§ 103 Föregående sammanträdesprotokoll',
    '§ 105 Mötets avslutande',
    '§ 104 Övriga frågor',
  ]);
  expect(items.at(-1)!.subItems.map((s) => `${s.label} ${s.title}`)).toEqual(['a/ Vaccinationsmöjligheter för personal HBV', 'b/ Underskrifter LSVO:s ledningssystem']);
  const state = await call<{ update: string }>(page, 'docs.open', { docId: meeting.id });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(state.update));
  const guestLike = [...doc.getMap<AttendanceEntry>('attendance').values()].filter((e) => e.presence?.itemIds);
  expect(guestLike).toEqual([expect.objectContaining({ status: 'ovrig', presence: { itemIds: [items[2]!.id] } })]);
});
