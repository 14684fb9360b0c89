/**
 * The body's settings on its page: a mistake is named beside its field in Swedish and nothing
 * is written; once right, one save writes the profile, which the next meeting uses (numbering,
 * standard agenda, decision lead, phrase bank); the numbering locks once a meeting has started.
 */
import * as Y from 'yjs';
import { fromBase64 } from '../../src/api/base64';
import type { Body } from '../../src/api/contract';
import type { BodyProfile } from '../../src/bodies';
import { backToStart, call, createBody, createMeeting, expect, expectSaved, openApp, test } from './harness';
import type { Page } from '@playwright/test';
import { openBody } from './roster';
import { seriousViolations } from './axe';

async function storedProfile(page: Page): Promise<BodyProfile> {
  const [body] = await call<Body[]>(page, 'bodies.list');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64((await call<{ update: string }>(page, 'docs.open', { docId: body!.id })).update));
  return doc.getMap('profile').get('profile') as BodyProfile;
}

async function openSettings(page: Page) {
  await openBody(page, 'LSVO');
  await page.getByTestId('settings').locator('summary').click();
  await expect(page.getByTestId('settings-numbering-hint')).toHaveText('Kan ändras så länge inget möte har påbörjats.');
}

test('settings: errors named beside the field and nothing written; a save reaches the next meeting; the numbering locks after a start', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await openSettings(page);
  const before = await storedProfile(page);
  const settings = page.getByTestId('profile-settings');

  // Two mistakes: an empty decision lead, and a phrase that is not an att-sats.
  await page.getByLabel('Inledning till besluten').fill('');
  await page.getByTestId('settings-add-phrase').click();
  const phrase = page.getByTestId('settings-phrase').last();
  await phrase.getByLabel('Namn').fill('Avslå motionen');
  await phrase.getByLabel('Text').fill('avslå motionen');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-error')).toContainText('Inställningarna sparades inte: 2 fel att rätta. Det du skrivit finns kvar.');
  await expect(page.getByLabel('Inledning till besluten')).toHaveAttribute('aria-invalid', 'true');
  await expect(settings).toContainText('Inledning till besluten (decision.lead) får inte vara tom.');
  await expect(phrase.getByLabel('Text')).toHaveAttribute('aria-invalid', 'true');
  await expect(phrase).toContainText('Frasen ”Avslå motionen” ska börja med ”att”: beslut skrivs som att-satser.');
  expect(await storedProfile(page)).toEqual(before);
  // The open form, with its errors shown, passes axe (labels, names, contrast).
  expect(await seriousViolations(page)).toEqual([]);

  // Corrected, plus a numbering with the year, a shorter opening and another recipient.
  await page.getByLabel('Inledning till besluten').fill('Ledningsgruppen beslutar');
  await phrase.getByLabel('Text').fill('att avslå motionen');
  await page.getByTestId('settings-numbering').selectOption({ label: '§ 81/24 – löpande, med årtal' });
  const opening = page.getByTestId('settings-agenda-opening');
  await opening.getByRole('button', { name: 'Ta bort ”Godkännande av föredragningslista”' }).click();
  await opening.getByTestId('settings-agenda-item').first().getByRole('textbox').fill('Val av justerare och tid för justering');
  await page.getByTestId('settings-distribution').fill(`${before.distribution.join('\n')}\nRegionens kansli`);
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-notice')).toHaveText('Inställningarna sparades.');
  await expect(page.getByTestId('settings-error')).toBeHidden();
  await expect(page.getByTestId('settings-save')).toBeDisabled();

  const after = await storedProfile(page);
  expect(after.decision.lead).toBe('Ledningsgruppen beslutar');
  expect(after.numbering).toEqual({ kind: 'yearly', format: 'slash-year' });
  expect(after.distribution).toEqual([...before.distribution, 'Regionens kansli']);
  expect(after.phrases.at(-1)).toEqual({ id: 'avsla-motionen', label: 'Avslå motionen', text: 'att avslå motionen' });
  // Untouched settings are as they were.
  expect(after.features).toEqual(before.features);
  expect(after.agenda.closing).toEqual(before.agenda.closing);

  // After a reload the form shows what was saved.
  await page.reload();
  await openSettings(page);
  await expect(page.getByLabel('Inledning till besluten')).toHaveValue('Ledningsgruppen beslutar');
  await expect(page.getByTestId('settings-phrase').last().getByLabel('Text')).toHaveValue('att avslå motionen');

  // The next meeting: numbered "§ 1/21", starting with the new opening, the new lead on its decisions.
  await page.getByTestId('back-to-start').click();
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  const labels = page.getByTestId('editor').locator('.item-title');
  await expect(labels.first()).toContainText('Val av justerare och tid för justering');
  await expect(page.getByTestId('agenda-list').locator('.agenda-label').first()).toHaveText('§ 1/21');
  await labels.first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+B');
  await expect(page.getByTestId('decision').first()).toHaveAttribute('data-lead', 'Ledningsgruppen beslutar');
  await page.keyboard.type('att avs');
  await expect(page.getByTestId('typeahead-option').first()).toContainText('att avslå motionen');
  await expectSaved(page);

  // Once the meeting has started, the numbering is final.
  await page.getByTestId('start-meeting').click();
  await page.getByTestId('confirm-status').click();
  await expect(page.getByTestId('meeting-status')).toHaveAttribute('data-status', 'pagar');
  await backToStart(page);
  await openBody(page, 'LSVO');
  await page.getByTestId('settings').locator('summary').click();
  await expect(page.getByTestId('settings-numbering')).toBeDisabled();
  await expect(page.getByTestId('settings-numbering-hint')).toHaveText('Numreringen kan inte ändras när ett möte har påbörjats: numren i protokollen är slutliga.');
});
