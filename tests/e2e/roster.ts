/** Shared by the bodies and attendance specs: the LSVO roster as CSV bytes, and the body page. */
import type { Page } from '@playwright/test';
import { bodyCard, expect } from './harness';

import { lsvoPeople } from '../fixtures/lsvoPeople';

export { lsvoPeople };

export function lsvoCsv(header = 'Namn;Titel;Organisation'): string {
  return [header, ...lsvoPeople.map((p) => p.join(';'))].join('\r\n') + '\r\n';
}

/** Windows-1252 as Swedish Excel writes "CSV (semikolonavgränsad)": å ä ö are one byte each (0xE5, 0xE4, 0xF6). */
export function cp1252(text: string): Buffer {
  // Every character used here is in Latin-1, where Windows-1252 and ISO 8859-1 agree.
  expect([...text].every((c) => c.charCodeAt(0) < 0x80 || (c.charCodeAt(0) >= 0xa0 && c.charCodeAt(0) <= 0xff))).toBe(true);
  return Buffer.from(text, 'latin1');
}

export async function openBody(page: Page, name: string): Promise<void> {
  await bodyCard(page, name).getByTestId('open-body').click();
  await expect(page.getByTestId('body-screen')).toBeVisible();
  await expect(page.getByTestId('body-name')).toHaveText(name);
}

export async function importRoster(page: Page, fileName: string, bytes: Buffer): Promise<void> {
  await page.getByLabel('Importera deltagare från CSV-fil').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: bytes });
}

