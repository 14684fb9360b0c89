/** Shared by the bodies and attendance specs: the LSVO roster as CSV bytes, and the body page. */
import type { Page } from '@playwright/test';
import { bodyCard, expect } from './harness';

/** The LSVO sample's attendance (samples/lsvo-2021-05-07-protokoll.txt): the first 20 people. */
export const lsvoPeople: Array<[name: string, title: string, organisation: string]> = [
  ['Bodil Sundlöf', 'Enheten för kvalitet och utveckling', 'Region Blekinge'],
  ['Torill Skaar Magnusson', 'förvaltningschef Omsorgsförvaltningen', 'Karlshamns kommun'],
  ['Thomas Svensson', 'förvaltningschef Arbete och välfärd', 'Karlshamns kommun'],
  ['Annelie Kjellström', 'förvaltningschef Omsorgsförvaltningen', 'Sölvesborgs kommun'],
  ['Elina Tyrberg', 'förvaltningschef, Funktionsstödsförvaltningen', 'Karlskrona kommun'],
  ['Cecilia Grefve-Lang', 'förvaltningschef Socialförvaltningen', 'Karlskrona kommun'],
  ['Birgitta Ratcovich', 'förvaltningschef Socialförvaltningen', 'Ronneby kommun'],
  ['Patrik Håkansson', 'förvaltningschef utbildningsförvaltningen', 'Olofströms kommun'],
  ['Robert Schelin', 'förvaltningschef Socialförvaltningen', 'Olofströms kommun'],
  ['Gunilla Råberg', 'förvaltningschef Äldreförvaltningen', 'Karlskrona kommun'],
  ['Kjell Ivarsson', 'hälso- och sjukvårdsdirektör', 'Region Blekinge'],
  ['Håkan Friberg', 'medicinsk rådgivare, Hälsovalsavdelningen', 'Region Blekinge'],
  ['Annika Mellqvist', 'tf hälso- och sjukvårdschef Nära vård', 'Region Blekinge'],
  ['Carina Andersson', 'Enheten för kvalitet och utveckling', 'Region Blekinge'],
  ['Martin Åsman', 'förvaltningschef Barn- och utbildningsförvaltningen', 'Sölvesborgs kommun'],
  ['Tobias Ekblad', 'förvaltningschef utbildningsförvaltningen', 'Ronneby kommun'],
  ['Maria Appelskog', 'förvaltningschef Vård- och omsorgsförvaltningen', 'Ronneby kommun'],
  ['Yvonne Strandh', 'förvaltningschef kunskapsförvaltningen', 'Karlskrona kommun'],
  ['Tomas Ringberg', 'förvaltningschef utbildningsförvaltningen', 'Karlshamns kommun'],
  ['Birgitta Friberg', 'hälso- och sjukvårdschef Specialiserad vård', 'Region Blekinge'],
];

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

