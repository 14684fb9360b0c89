/**
 * The follow-up issue end to end: meeting 1 of LSVO minutes two att-satser giving work to two
 * roster members and tables one item; creating meeting 2 drafts its "Föregående
 * sammanträdesprotokoll" with exactly that § and offers the tabled item; marking one decision
 * done while the återkoppling is typed shows in the body's register. Typed in the editor as
 * the secretary types, checked on the page and in the Core's rows.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { call, createBody, editorBlocks, endOfTitle, expect, expectSaved, openApp, test } from './harness';
import { lsvoCsv, openBody } from './roster';
import { seriousViolations } from './axe';
import type { RegisterDecisionRow } from '../../src/api/registerContract';

async function typeLines(page: Page, lines: string[]): Promise<void> {
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

async function newMeetingFromBodyPage(page: Page, date: string): Promise<void> {
  const form = page.getByTestId('new-meeting-form');
  await form.getByLabel('Datum').fill(date);
  await form.getByRole('button', { name: 'Skapa möte' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
}

test('meeting 2 drafts the follow-up of meeting 1’s decisions, offers the tabled item, and a decision marked done shows in the register', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await openBody(page, 'LSVO');
  await page.getByLabel('Importera deltagare från CSV-fil').setInputFiles({ name: 'lsvo.csv', mimeType: 'text/csv', buffer: Buffer.from(lsvoCsv(), 'utf8') });
  await expect(page.getByTestId('import-result')).toContainText('20 personer importerades');
  await expect(page.getByTestId('register-empty')).toBeVisible();

  // Meeting 1: § 4 with two uppdrag for two roster members, § 5 tabled.
  await newMeetingFromBodyPage(page, '2021-04-09');
  await endOfTitle(page, 2);
  await page.keyboard.press('Control+Enter');
  await typeLines(page, ['VFU sjuksköterskeprogrammet BTH']);
  await page.keyboard.press('Enter');
  await typeLines(page, ['Diskussion om platserna för VFU.']);
  // The decision block (the lead phrase is shown, not typed), one att-sats per line.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+B');
  await typeLines(page, [
    'att Kjell Ivarsson tar med sig frågan till regionledningen',
    'att Annika Mellqvist ansvarar för att ett underlag skickas ut inför LSVO 4 juni',
  ]);
  await page.keyboard.press('Control+Enter');
  await typeLines(page, ['Länsgemensam rutin för hjälpmedel']);
  await page.keyboard.press('Enter');
  await typeLines(page, ['Frågan hann inte behandlas.']);
  const row = page.getByTestId('outline-item').filter({ hasText: 'Länsgemensam rutin för hjälpmedel' });
  await row.focus();
  await page.getByTestId('agenda-bordlagd').click();
  await expect(row).toHaveAttribute('data-bordlagd', 'true');
  await expectSaved(page);
  await page.getByTestId('back').click();
  await expect(page.getByTestId('body-screen')).toBeVisible();

  // The register shows both uppdrag, by owner; Annika's (due 4 June 2021) is overdue by now.
  const register = page.getByTestId('register');
  await expect(register.getByTestId('register-row')).toHaveCount(2);
  await expect(register.getByRole('heading', { name: 'Kjell Ivarsson' })).toBeVisible();
  await expect(register.getByRole('heading', { name: 'Annika Mellqvist' })).toBeVisible();
  await expect(register.getByTestId('register-row').filter({ hasText: 'Annika Mellqvist ansvarar' })).toContainText('Försenad');
  expect(await seriousViolations(page)).toEqual([]);

  // Meeting 2: the follow-up item is drafted with exactly § 4, and § 5 is offered.
  await newMeetingFromBodyPage(page, '2021-05-07');
  const blocks = await editorBlocks(page);
  const at = blocks.findIndex(([kind, text]) => kind === 'item-title' && text === 'Föregående sammanträdesprotokoll');
  expect(blocks.slice(at + 1, at + 3)).toEqual([
    ['paragraph', 'Återkoppling protokoll 2021-04-09:'],
    ['paragraph', '§ 4 VFU sjuksköterskeprogrammet BTH – '],
  ]);
  expect(blocks[at + 3]).toEqual(['item-title', 'Övriga frågor']);
  const followUp = page.getByTestId('follow-up');
  await expect(followUp.getByTestId('follow-up-decision')).toHaveCount(2);
  await expect(followUp.getByTestId('offered-item')).toHaveText(['Länsgemensam rutin för hjälpmedel (bordlagd 2021-04-09, § 5) Lägg till på dagordningen Länsgemensam rutin för hjälpmedel']);
  expect(await seriousViolations(page)).toEqual([]);

  // While typing the återkoppling: Kjell's decision is done.
  await page.getByTestId('editor').getByText('§ 4 VFU sjuksköterskeprogrammet BTH –').click();
  await page.keyboard.press('End');
  await page.keyboard.type('Kjell har tagit frågan till regionledningen.');
  const kjell = followUp.getByTestId('follow-up-decision').filter({ hasText: 'Kjell Ivarsson tar med sig' });
  // A click, not check(): the box follows the Core's answer, a moment after the click.
  await kjell.getByTestId('follow-up-done').focus();
  await page.keyboard.press('Space');
  await expect(kjell).toHaveAttribute('data-status', 'done');
  await expectSaved(page);

  // Taking the tabled item up puts it on the agenda before Övriga frågor, and it is no longer offered.
  await followUp.getByTestId('take-up').click();
  await expect.poll(async () => (await editorBlocks(page)).filter(([k]) => k === 'item-title').map(([, t]) => t)).toEqual([
    'Val av justerare samt tid för justering',
    'Godkännande av föredragningslista',
    'Föregående sammanträdesprotokoll',
    'Länsgemensam rutin för hjälpmedel',
    'Övriga frågor',
    'Mötets avslutande',
  ]);
  await expectSaved(page);

  await page.getByTestId('back').click();
  await expect(page.getByTestId('body-screen')).toBeVisible();
  await expect(register.getByTestId('register-row')).toHaveCount(1);
  await expect(register.getByTestId('register-row')).toContainText('Annika Mellqvist ansvarar');
  await register.getByTestId('register-status-filter').selectOption('all');
  const done = register.getByTestId('register-row').filter({ hasText: 'Kjell Ivarsson tar med sig' });
  await expect(done).toHaveAttribute('data-status', 'done');
  await expect(done.getByTestId('register-status')).toHaveText('Klar');
  // Where it was reported back: meeting 2's follow-up §, a link to it.
  await expect(done.getByTestId('register-reported')).toHaveText(/^återrapporterat § \d+, \d{4}-\d{2}-\d{2}$/);
  // The list for the chair, as a PDF.
  const [pdf] = await Promise.all([page.waitForEvent('download'), register.getByTestId('register-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/^Beslutsregister .+\.pdf$/);
  expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Correcting what was read: a new due date (no longer overdue) and a second owner.
  const annika = register.getByTestId('register-row').filter({ hasText: 'Annika Mellqvist ansvarar' });
  await annika.getByTestId('register-correct').click();
  const form = annika.getByTestId('correction-form');
  await form.getByTestId('correction-due').fill('2099-12-31');
  await form.getByLabel('Bodil Sundlöf').check();
  await form.getByTestId('correction-save').click();
  await expect(register.getByRole('heading', { name: 'Bodil Sundlöf' })).toBeVisible();
  await expect(annika).toHaveCount(2); // under each owner
  await expect(annika.first()).not.toContainText('Försenad');
  await expect(annika.first()).toContainText('rättat för hand');

  // The Core agrees: the status is in meeting 1's document, so a rebuild keeps it.
  await call(page, 'projections.rebuild');
  const rows = await call<RegisterDecisionRow[]>(page, 'register.list', { status: 'done' });
  expect(rows.map((r) => [r.label, r.owners.map((o) => o.name)])).toEqual([['§ 4', ['Kjell Ivarsson']]]);
  const corrected = (await call<RegisterDecisionRow[]>(page, 'register.list', { status: 'open' })).find((r) => r.text.includes('Annika Mellqvist ansvarar'))!;
  expect(corrected).toMatchObject({ dueDay: '2099-12-31', overdue: false, source: { due: 'corrected', owners: 'corrected' } });
  expect(corrected.owners.map((o) => o.name).sort()).toEqual(['Annika Mellqvist', 'Bodil Sundlöf']);
  const offers = await call<unknown[]>(page, 'meetings.offeredItems', { meetingId: rows[0]!.meetingId });
  expect(offers).toEqual([]);

  // Search finds the § by a part of a word, from the header.
  await page.getByTestId('search-input').fill('sjuksköterske');
  // Newest first: meeting 2's follow-up line, then the § itself.
  await expect(page.getByTestId('search-hit')).toHaveCount(2);
  await expect(page.getByTestId('search-hit').first()).toContainText('Föregående sammanträdesprotokoll · 2021-05-07 · LSVO');
  const hit = page.getByTestId('search-hit').nth(1);
  await expect(hit).toContainText('§ 4 VFU sjuksköterskeprogrammet BTH · 2021-04-09 · LSVO');
  await expect(hit.locator('mark')).toHaveText(['sjuksköterske']);
  expect(await seriousViolations(page)).toEqual([]);
  await hit.click();
  await expect(page.getByTestId('meeting-title')).toHaveText('LSVO 2021-04-09');
  // The § itself is brought into view and marked.
  await expect(page.locator('[data-testid=item][data-revealed=true]')).toContainText('VFU sjuksköterskeprogrammet BTH');
});
