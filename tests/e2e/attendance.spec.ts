/**
 * Attendance marked from the keyboard while people join the call: type-ahead + Enter, the
 * Alt shortcuts for förhinder, tjänstgörande ersättare and the roles, a guest present at one
 * item only; then a reload, and everything is still there (meeting Y.Doc → SQLite), read back
 * from the page and from the Core's own copy of the document.
 */
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { fromBase64 } from '../../src/api/base64';
import type { ItemRow, Meeting } from '../../src/api/contract';
import type { AttendanceEntry } from '../../src/protocol/attendance';
import { call, createBody, expect, openApp, openMeeting, test } from './harness';
import { lsvoPeople, openBody } from './roster';

/** The LSVO roster with a "Roll" column: the 20 members, and the secretary as an official. */
function rosterCsv(): Buffer {
  const lines = [
    'Namn;Titel;Organisation;Roll',
    ...lsvoPeople.map((p) => [...p, 'Ledamot'].join(';')),
    'Mats Wennstig;Enheten för kvalitet och utveckling;Region Blekinge;Tjänsteperson',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

const search = (page: Page) => page.getByTestId('attendance-search');
const group = (page: Page, status: string) => page.getByTestId(`attendance-group-${status}`);
const names = (page: Page, status: string) => group(page, status).getByTestId('attendance-name');

/** Types part of a name and presses a key, as the secretary does. */
async function mark(page: Page, query: string, key: string): Promise<void> {
  await page.keyboard.type(query);
  await expect(page.getByTestId('attendance-option').first()).toBeVisible();
  await page.keyboard.press(key);
  await expect(search(page)).toHaveValue('');
}

async function expectAttendance(page: Page): Promise<void> {
  await expect(names(page, 'narvarande')).toHaveText(['Bodil Sundlöf', 'Annelie Kjellström', 'Håkan Friberg', 'Kjell Ivarsson', 'Torill Skaar Magnusson']);
  const bodil = group(page, 'narvarande').getByTestId('attendance-row').first();
  await expect(bodil.getByTestId('attendance-roles')).toHaveText('(ordförande)');
  const annelie = group(page, 'narvarande').getByTestId('attendance-row').filter({ hasText: 'Annelie Kjellström' });
  await expect(annelie.getByTestId('attendance-roles')).toHaveText('(justerare)');
  await expect(annelie.getByTestId('attendance-presence')).toHaveText('(ej fm)');
  await expect(names(page, 'ersattare')).toHaveText(['Tobias Ekblad']);
  await expect(group(page, 'ersattare').getByTestId('attendance-replaces')).toHaveText(' – för Thomas Svensson');
  await expect(names(page, 'forhinder')).toHaveText(['Martin Åsman', 'Thomas Svensson']);
  await expect(names(page, 'ovrig')).toHaveText(['Mats Wennstig', 'Lena Danielsson']);
  const mats = group(page, 'ovrig').getByTestId('attendance-row').first();
  await expect(mats.getByTestId('attendance-roles')).toHaveText('(sekreterare)');
  const lena = group(page, 'ovrig').getByTestId('attendance-row').last();
  await expect(lena).toContainText('Lena Danielsson, programledare, Region Blekinge');
  await expect(lena.getByTestId('attendance-presence')).toHaveText('§ 3');
  await expect(page.getByTestId('attendance-warnings')).toBeEmpty();
  await expect(page.getByTestId('attendance-unmarked')).toContainText('Ej markerade (12):');
}

test('attendance by keyboard alone: present, förhinder, a serving substitute, roles, partial presence and a guest; all of it survives a reload', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await openBody(page, 'LSVO');
  await page.getByLabel('Importera deltagare från CSV-fil').setInputFiles({ name: 'lsvo.csv', mimeType: 'text/csv', buffer: rosterCsv() });
  await expect(page.getByTestId('import-result')).toContainText('21 personer importerades');

  const form = page.getByTestId('new-meeting-form');
  await form.getByLabel('Datum').fill('2021-05-07');
  await form.getByLabel('Starttid').fill('12:30');
  await form.getByLabel('Sluttid').fill('15:30');
  await form.getByLabel('Rubrik (valfri)').fill('Sammanträde');
  await form.getByLabel('Rubrik (valfri)').press('Enter');
  await expect(page.getByTestId('meeting-screen')).toBeVisible();

  // Open the panel from the keyboard: the cursor lands in the search field.
  await page.getByTestId('attendance-toggle').focus();
  await page.keyboard.press('Enter');
  await expect(search(page)).toBeFocused();
  await expect(page.getByTestId('attendance-unmarked')).toContainText('Ej markerade (21):');

  await mark(page, 'torill', 'Enter'); // närvarande
  await expect(page.getByTestId('attendance-announcement')).toHaveText('Torill Skaar Magnusson: närvarande.');
  await mark(page, 'bodil', 'Alt+o'); // ordförande (and so present)
  await expect(page.getByTestId('attendance-announcement')).toHaveText('Bodil Sundlöf: närvarande, ordförande.');
  await mark(page, 'wenn', 'Alt+s'); // the secretary, an official: övrig närvarande
  await mark(page, 'annelie', 'Enter');
  await mark(page, 'kjellstr', 'Alt+j'); // justerare
  await mark(page, 'åsman', 'Alt+f'); // förhinder

  // "fri" matches Birgitta and Håkan Friberg: arrow down to the second.
  await page.keyboard.type('fri');
  await expect(page.getByTestId('attendance-option')).toHaveText([/^Birgitta Friberg/, /^Håkan Friberg/]);
  await page.keyboard.press('ArrowDown');
  await expect(search(page)).toHaveAttribute('aria-activedescendant', /.+/);
  await expect(page.getByTestId('attendance-option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  // Alt+E asks whom the ersättare replaces; leaving the field cancels the question, so an
  // Enter there later marks the person present, not replaced.
  await mark(page, 'tobias', 'Alt+e');
  await expect(page.getByTestId('attendance-search-label')).toHaveText('Vem ersätter Tobias Ekblad? Skriv en del av namnet');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('attendance-announcement')).toHaveText('Avbrutet.');
  await search(page).focus();
  await expect(page.getByTestId('attendance-search-label')).toHaveText('Markera närvaro: skriv en del av namnet');

  // A serving substitute: Alt+E, then whom they replace, Enter. The one replaced gets förhinder.
  await mark(page, 'tobias', 'Alt+e');
  await expect(page.getByTestId('attendance-search-label')).toHaveText('Vem ersätter Tobias Ekblad? Skriv en del av namnet');
  await mark(page, 'thomas sv', 'Enter');
  await expect(page.getByTestId('attendance-announcement')).toHaveText('Tobias Ekblad: tjänstgörande ersättare för Thomas Svensson. Thomas Svensson markerades med förhinder.');
  await expect(page.getByTestId('attendance-search-label')).toHaveText('Markera närvaro: skriv en del av namnet');

  // A second chair is a warning, not a refusal; pressing Alt+O again takes the role back.
  await mark(page, 'kjell i', 'Alt+o');
  await expect(page.getByTestId('attendance-warnings')).toHaveText(
    '2 personer är markerade som ordförande: Bodil Sundlöf och Kjell Ivarsson. Ett möte har en ordförande.',
  );
  await mark(page, 'kjell i', 'Alt+o');
  await expect(page.getByTestId('attendance-warnings')).toBeEmpty();
  await expect(search(page)).toBeFocused(); // never lost through all of it

  // Partial presence for Annelie: her "Ändra" button, a note, Enter; "Klar" gives the focus back.
  const edit = page.getByRole('button', { name: 'Ändra – Annelie Kjellström' });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attendance-editor')).toBeVisible();
  await page.getByLabel('Anteckning (valfri)').focus();
  await page.keyboard.type('ej fm');
  await page.keyboard.press('Enter');
  await page.getByTestId('attendance-editor-close').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attendance-editor')).toHaveCount(0);
  await expect(edit).toBeFocused();

  // A guest, not in the roster, present at one item only (the standard agenda's third, § 3).
  await page.getByTestId('guest-toggle').focus();
  await page.keyboard.press('Enter');
  const guest = page.getByTestId('guest-form');
  await expect(guest.getByLabel('Namn')).toBeFocused();
  await page.keyboard.type('Lena Danielsson');
  await page.keyboard.press('Tab');
  await page.keyboard.type('programledare');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Region Blekinge');
  const item = guest.getByRole('checkbox', { name: '§ 3 Föregående sammanträdesprotokoll' });
  await item.focus();
  await page.keyboard.press('Space');
  await expect(item).toBeChecked();
  await guest.getByLabel('Anteckning (valfri)').focus();
  await page.keyboard.press('Enter'); // submits
  await expect(guest.getByLabel('Namn')).toBeFocused();
  await expect(guest.getByLabel('Namn')).toHaveValue('');

  await expectAttendance(page);
  await expect(page.getByTestId('attendance-toggle')).toContainText('(10 markerade)');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // Reload: the app starts over; the attendance comes back from the meeting's document.
  await page.reload();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await openMeeting(page, 'Sammanträde');
  await expect(page.getByTestId('attendance-toggle')).toContainText('(10 markerade)');
  await page.getByTestId('attendance-toggle').click();
  await expectAttendance(page);

  // The Core's copy of the document holds the same entries, valid and linked by id.
  const [meeting] = await call<Meeting[]>(page, 'meetings.list', {});
  const state = await call<{ update: string }>(page, 'docs.open', { docId: meeting!.id });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(state.update));
  const entries = [...doc.getMap<AttendanceEntry>('attendance').values()];
  expect(entries).toHaveLength(10);
  const bodies = await call<Array<{ id: string }>>(page, 'bodies.list');
  const body = await call<{ update: string }>(page, 'docs.open', { docId: bodies[0]!.id });
  const bodyDoc = new Y.Doc();
  Y.applyUpdate(bodyDoc, fromBase64(body.update));
  const idOf = (name: string) => [...bodyDoc.getMap<{ id: string; name: string }>('members').values()].find((p) => p.name === name)!.id;
  const tobias = doc.getMap<AttendanceEntry>('attendance').get(idOf('Tobias Ekblad'));
  expect(tobias).toEqual({ personId: idOf('Tobias Ekblad'), status: 'ersattare', replaces: idOf('Thomas Svensson'), roles: [] });
  const items = await call<ItemRow[]>(page, 'meetings.items', { meetingId: meeting!.id });
  const third = items.find((i) => i.label === '§ 3')!;
  const lena = entries.find((e) => e.guest?.name === 'Lena Danielsson');
  expect(lena).toEqual({ personId: null, guest: { name: 'Lena Danielsson', title: 'programledare', organisation: 'Region Blekinge' }, status: 'ovrig', roles: [], presence: { itemIds: [third.id] } });
  // And the Core's projection counts them (it validates each entry with the same schema).
  expect((await call<{ attendance: number }>(page, 'projections.rebuild')).attendance).toBe(10);
});
