/**
 * The export dialog on the meeting screen, by keyboard where a person would use it: the
 * protocol exported as a PDF (a real download, read with pdftotext), then signed twice in
 * the dialog with a PKCS#12 file chosen in its file input, then marked justerat with the signed
 * file (the last signature's automatic lock is in tests/integration/export/justering.test.ts);
 * the meeting then shows read-only, and a rättelse made in the dialog is in the next export.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createBody, createMeeting, expect, expectSaved, openApp, test } from './harness';
import { seriousViolations } from './axe';

const PASSWORD = 'Hemligt lösenord';

function makeP12(dir: string): string {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '30', '-utf8', '-subj', '/C=SE/CN=Märta Sekreterare'], { stdio: 'ignore' });
  const file = path.join(dir, 'signer.p12');
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', path.join(dir, 'k.pem'), '-in', path.join(dir, 'c.pem'), '-out', file, '-passout', `pass:${PASSWORD}`], { stdio: 'ignore' });
  return file;
}

async function download(page: Page, action: () => Promise<void>, file: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), action()]);
  await d.saveAs(file);
  return d.suggestedFilename();
}

test('exports the protocol as a PDF from the dialog, signs it there, marks it justerat, and the meeting then opens read-only with a rättelse in the next export', async ({ page, harness }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-e2e-export-'));
  const p12 = makeP12(dir);
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  await page.keyboard.type(' med tillägg');
  await expectSaved(page);

  // Opened by keyboard: focus on the button, Enter.
  await page.getByTestId('open-export').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Exportera, skriv under och kontrollera' })).toBeVisible();
  // The § of the standard agenda, to choose for a protokollsutdrag (loaded when the dialog opens).
  await expect(dialog.getByRole('group', { name: /Protokollsutdrag/u }).getByRole('checkbox').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const pdf = path.join(dir, 'protokoll.pdf');
  const name = await download(page, () => dialog.getByRole('button', { name: 'Exportera', exact: true }).click(), pdf);
  expect(name).toBe('LSVO-sammantradesprotokoll-2021-05-07.pdf');
  await expect(page.getByTestId('export-done')).toContainText('Klar: LSVO-sammantradesprotokoll-2021-05-07.pdf');
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  expect(text).toContain('LSVO');
  expect(text).toContain('med tillägg');
  expect(text).toContain('Elektroniska underskrifter');

  // A wrong password: a Swedish error, nothing saved.
  await dialog.getByLabel('Certifikatfil (.p12 eller .pfx)').setInputFiles(p12);
  await dialog.getByLabel('Lösenord till certifikatet').fill('fel');
  await dialog.getByRole('button', { name: 'Skriv under' }).click();
  await expect(page.getByTestId('export-error')).toContainText('Fel lösenord');

  // Two of three signatures in turn, each on the file the last one produced: not justerat yet.
  let signed = '';
  for (let i = 0; i < 2; i++) {
    await dialog.getByLabel('Certifikatfil (.p12 eller .pfx)').setInputFiles(p12);
    await dialog.getByLabel('Lösenord till certifikatet').fill(PASSWORD);
    signed = path.join(dir, `signed-${i}.pdf`);
    await download(page, () => dialog.getByRole('button', { name: 'Skriv under' }).click(), signed);
    await expect(page.getByTestId('export-done')).toContainText('Underskrivet av Märta Sekreterare');
    await expect(page.getByTestId('export-done')).not.toContainText('justerat');
    // Emptied for the next signer: never the last one's certificate or password.
    await expect(dialog.getByLabel('Lösenord till certifikatet')).toHaveValue('');
    expect(await dialog.getByLabel('Certifikatfil (.p12 eller .pfx)').evaluate((el) => (el as HTMLInputElement).files?.length ?? 0)).toBe(0);
  }
  const sig = execFileSync('pdfsig', [signed], { encoding: 'utf8' });
  expect(sig.match(/Signature is Valid/gu)).toHaveLength(2);
  // The justerare signed on paper: the secretary marks the signed PDF as justerat.
  await dialog.getByLabel('Underskriven PDF-fil av protokollet').setInputFiles(signed);
  await dialog.getByRole('button', { name: 'Markera som justerat' }).click();
  await expect(page.getByTestId('export-done')).toContainText('Protokollet är justerat och låst.');

  // Verify in the dialog.
  await dialog.getByLabel('Underskriven PDF-fil').setInputFiles(signed);
  await dialog.getByRole('button', { name: 'Kontrollera' }).click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-intact', 'true');
  await expect(page.getByTestId('verify-result')).toContainText('Dokumentet är oförändrat sedan underskrifterna.');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('open-export')).toBeFocused();
  await expect(page.getByTestId('meeting-status')).toHaveAttribute('data-status', 'justerat');
  await expect(page.getByTestId('locked-banner')).toContainText('justerat och låst');
  await expect(page.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByTestId('editor')).toContainText('med tillägg');
  expect(await seriousViolations(page)).toEqual([]);

  // A rättelse from the dialog, then the next export prints it after the protocol.
  await page.getByTestId('open-export').click();
  await dialog.getByLabel('Vad ändras').fill('Tillägget ska stå i § 1, inte i rubriken.');
  await dialog.getByLabel('Varför').fill('Felskrivning');
  await dialog.getByLabel('Vem gör rättelsen').fill('Märta Sekreterare');
  await dialog.getByRole('button', { name: 'Spara rättelsen' }).click();
  await expect(page.getByTestId('export-done')).toContainText('Rättelsen är sparad');
  await expect(dialog.getByLabel('Vad ändras')).toHaveValue('');
  const corrected = path.join(dir, 'rattad.pdf');
  await download(page, () => dialog.getByRole('button', { name: 'Exportera', exact: true }).click(), corrected);
  const after = execFileSync('pdftotext', [corrected, '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
  expect(after).toMatch(/Rättelser .*Märta Sekreterare.*Ändring: Tillägget ska stå i § 1, inte i rubriken\. Skäl: Felskrivning/u);
});

test('exports the kallelse with its föredragningslista from the dialog, by keyboard, before the meeting', async ({ page, harness }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-e2e-kallelse-'));
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  await expectSaved(page);

  await page.getByTestId('open-export').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('export-dialog');
  const extract = dialog.getByRole('group', { name: /Protokollsutdrag/u });
  await expect(extract.getByRole('checkbox').first()).toBeVisible();
  // The agenda's items as the dialog lists them ("§ 1 Val av justerare …"), in order.
  const agenda = (await extract.locator('label').allInnerTexts()).map((t) => t.trim());
  expect(agenda.length).toBeGreaterThanOrEqual(3);

  // Choose the kallelse by keyboard: the radio group moves with the arrow keys.
  await dialog.getByRole('radio', { name: 'Protokoll (eller protokollsutdrag)' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Kallelse med föredragningslista' })).toBeChecked();
  // A kallelse has the whole agenda: no § to choose.
  await expect(extract).toBeHidden();
  expect(await seriousViolations(page)).toEqual([]);

  const pdf = path.join(dir, 'kallelse.pdf');
  const name = await download(page, () => dialog.getByRole('button', { name: 'Exportera', exact: true }).press('Enter'), pdf);
  expect(name).toBe('LSVO-kallelse-2021-05-07.pdf');
  await expect(page.getByTestId('export-done')).toContainText('Klar: LSVO-kallelse-2021-05-07.pdf');
  // Compared without whitespace: pdftotext may join "§ 1" or break a long title anywhere.
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/gu, '');
  expect(text).toContain('Kallelse');
  let at = text.indexOf('Föredragningslista');
  expect(at).toBeGreaterThan(0);
  for (const line of agenda) {
    const next = text.indexOf(line.replace(/\s+/gu, ''), at);
    expect(next, line).toBeGreaterThan(at);
    at = next;
  }
  expect(text).not.toContain('Elektroniskaunderskrifter');
});
