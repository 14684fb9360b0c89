/**
 * The LSVO protocol of 2021-05-07 (../shared/samples/lsvo-2021-05-07-protokoll.txt) re-created
 * by keyboard alone, the way the secretary writes it during the meeting: attendance in the
 * panel (type-ahead and the Alt shortcuts), the standard agenda reshaped into the sample's
 * twelve § (Backspace removes an empty §, Ctrl+Enter adds one, Alt+Shift+G and Enter jump to
 * one), föredragande lines, discussion, a bullet list ("- "), a numbered list ("1. "), a table
 * (Alt+Shift+T, Tab), a Dokument block, decision blocks with several att-satser, names
 * completed into person references (Tab), and Övriga frågor with sub-items a/ b/. Then the
 * document the Core stored is checked through the harness API: item count and titles,
 * att-satser per item, the people referenced, attendance, the list and table elements; and
 * the protocol is exported as PDF and read back with poppler (labels, titles, att-satser in
 * order; fonts embedded; PDF/A structure).
 * The discussion texts are shortened; titles and att-satser are the sample's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import * as Y from 'yjs';
import { fromBase64 } from '../../src/api/base64';
import type { Meeting } from '../../src/api/contract';
import { attSatser, checkContent, outline } from '../../src/protocol/schema';
import { call, createBody, createMeeting, expect, expectSaved, openApp, test } from './harness';
import { lsvoCsv, openBody } from './roster';
import { shape, storedContent } from './stored';
import { bodyText, inOrder, pdfaStructure, run } from '../helpers/pdfTools';

/** Text to type; `{ name, typed }` types `typed` and takes the roster's name with Tab (a person reference). */
type Part = string | { name: string; typed: string };

async function write(page: Page, ...parts: Part[]): Promise<void> {
  for (const part of parts) {
    if (typeof part === 'string') {
      await page.keyboard.type(part);
      continue;
    }
    await page.keyboard.type(part.typed);
    await expect(page.getByTestId('typeahead-option').first()).toContainText(part.name);
    await page.keyboard.press('Tab');
    // The reference ends with an unmarked space: what follows is typed without one.
  }
}

/** One § body from the cursor at the end of its title: föredragande, text, then the decision's att-satser. */
async function body(page: Page, o: { foredragande?: Part[]; text: Part[]; extra?: () => Promise<void>; attSatser: Part[][] }): Promise<void> {
  await page.keyboard.press('Enter');
  if (o.foredragande) {
    await page.keyboard.press('Alt+Shift+F');
    await write(page, ...o.foredragande);
    await page.keyboard.press('Enter');
  }
  await write(page, ...o.text);
  if (o.extra) await o.extra();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Shift+B');
  for (const [i, a] of o.attSatser.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await write(page, ...a);
  }
  // Enter, Enter: out of the decision into a paragraph (the rhythm of the meeting).
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
}

/** Alt+Shift+G: the agenda outline; Home/End and ↓ choose, Enter puts the cursor at the end of that § title. */
async function goToItem(page: Page, index: number | 'last'): Promise<void> {
  await page.keyboard.press('Alt+Shift+G');
  if (index === 'last') await page.keyboard.press('End');
  else {
    await page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  // Wait for the jump to be drawn (the outline marks the item the cursor is in), not only for
  // the focus: a Shift+Home before that render is undone by it (Slate puts the browser's
  // selection back where its own was), which no person typing is fast enough to hit.
  await expect(page.getByTestId('editor')).toBeFocused();
  const options = page.getByTestId('agenda-list').getByRole('option');
  await expect(index === 'last' ? options.last() : options.nth(index)).toContainText('här står markören');
}

const kjell = { name: 'Kjell Ivarsson', typed: 'Kjell Iv' };
const annika = { name: 'Annika Mellqvist', typed: 'Annika Me' };
const patrik = { name: 'Patrik Håkansson', typed: 'Patrik H' };
const bodil = { name: 'Bodil Sundlöf', typed: 'Bodil S' };

const titles = [
  'Godkännande av föredragningslistan',
  'Föregående sammanträdesprotokoll',
  'Uppföljning angående åtgärder utifrån IVOs granskning (se PPT)',
  'Psykisk hälsa 2021 - Budget/gemensamma tjänster (se PPT)',
  'God och nära vård - Rekrytering utvecklingssamordnare',
  'Projektstruktur länsgemensamma projekt',
  'Nytt tillnyktringsavtal - Hur arbeta fram nytt avtal?',
  'LSVOs ledningssystem - Framtagande av verksamhetsplan/handlingsplaner -21, Beredningsgruppen, Samverkansgrupperna',
  'LSVO:s möten - Mötesplan hösten -21/Mötestid, Behov av extra LSVO pga Covid-läget?, Digitalisering av möten (e-meeting)',
  'FoU-avtal 2022 – Utkast',
  'Införande av NCS BoS för Klinisk kemi – Återkoppling (se PPT)',
  'Övriga frågor',
];

test('the LSVO protocol by keyboard alone: 12 §, attendance, föredragande, lists, a table, decisions, Övriga frågor a/ b/', async ({ page, harness }) => {
  test.setTimeout(900_000);
  await openApp(page, harness);
  await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
  await openBody(page, 'LSVO');
  await page.getByLabel('Importera deltagare från CSV-fil').setInputFiles({ name: 'lsvo.csv', mimeType: 'text/csv', buffer: Buffer.from(lsvoCsv(), 'utf8') });
  await expect(page.getByTestId('import-result')).toContainText('20 personer importerades');
  await page.getByTestId('back-to-start').click();
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  await expect(page.getByTestId('item')).toHaveCount(5);

  // Attendance while people join the call.
  await page.getByTestId('attendance-toggle').focus();
  await page.keyboard.press('Enter');
  const search = page.getByTestId('attendance-search');
  await expect(search).toBeFocused();
  for (const [query, key] of [['bodil', 'Alt+o'], ['torill', 'Enter'], ['kjell i', 'Enter'], ['annika', 'Enter'], ['patrik', 'Enter'], ['kjellstr', 'Alt+j'], ['åsman', 'Alt+f']] as const) {
    await page.keyboard.type(query);
    await expect(page.getByTestId('attendance-option').first()).toBeVisible();
    await page.keyboard.press(key);
    await expect(search).toHaveValue('');
  }

  // The standard agenda's first § is not on LSVO's list: empty its title, Backspace removes it.
  await goToItem(page, 0);
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('item')).toHaveCount(4);
  await page.keyboard.press('End');
  await page.keyboard.type('n'); // "föredragningslista" → "föredragningslistan", as the sample writes it

  // § 101
  await body(page, { text: ['Föredragningslistan gicks igenom.'], attSatser: [['att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista']] });

  // § 102 stands in the agenda already.
  await goToItem(page, 1);
  await body(page, {
    text: ['Återkoppling protokoll 2021-04-09: §95 VFU sjuksköterskeprogrammet BTH – en bra dialog med VFU-rådet.'],
    attSatser: [['att godkänna för 2021-04-09 upprättade sammanträdesprotokoll.']],
  });

  // § 103–§ 111: each a new § after the one before (Ctrl+Enter).
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[2]!);
  await body(page, {
    foredragande: ['Helene Bjerstedt och Ingemar Lilja'],
    text: ['Åtgärderna utgår från närsjukvårdsmodellen Mobil närvård och innebär konkret:'],
    extra: async () => {
      await page.keyboard.press('Enter');
      await page.keyboard.type('- Breddinförande av AMP');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Rutin för AMP (syfte, rollfördelning, genomförande etc.)');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Gemensamt sätta plan för hela införandet av mobil närvård');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter'); // out of the list
      await page.keyboard.type('Beslut om svaret till IVO tas den 4 juni.');
    },
    attSatser: [['att lägga informationen till protokollet.']],
  });
  // The item's Dokument block: the presentation it refers to.
  await page.keyboard.press('Alt+Shift+D');
  await page.keyboard.type('PPT Uppföljning IVO:s granskning');

  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[3]!);
  await body(page, {
    foredragande: ['Kristina Borén och ', bodil],
    text: ['En budget för tjänster inom satsningen presenterades.'],
    attSatser: [
      ['att godkänna presenterat förslag till budget för gemensamma tjänster efter justering enligt ovan.'],
      ['att länsamordnarna återkommer till LSVO med förslag till inriktning för 2021 års utvecklingsmedel'],
    ],
  });

  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[4]!);
  await body(page, {
    foredragande: [annika],
    text: ['Det var 23 sökande till tjänsterna som utvecklingssamordnare.'],
    attSatser: [
      ['att ', kjell, 'tar med sig frågan om möjligheten till längre anställningstid för regionens utvecklingssamordnare.'],
      ['att ', annika, 'tar med sig frågan om huruvida rekrytering ska fortsätta enligt plan'],
    ],
  });

  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[5]!);
  await body(page, {
    foredragande: [bodil, ', Kristina Borén, Mats Wennstig'],
    text: ['Det finns behov av en tydlig struktur för större länsgemensamma projekt.'],
    attSatser: [['att föredragande ges i uppdrag att ta fram ett förslag till projektstruktur som presenteras vid LSVO 4 juni']],
  });

  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[6]!);
  await body(page, {
    foredragande: [bodil],
    text: ['Nuvarande avtal gäller till 211231.'],
    attSatser: [['att ', annika, 'ansvarar för att ett underlag och redovisning för 2020 skickas ut inför LSVO 4 juni.']],
  });

  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[7]!);
  await body(page, {
    foredragande: [bodil, 'och Mats Wennstig'],
    text: ['Två inledande steg i arbetet kan vara:'],
    extra: async () => {
      await page.keyboard.press('Enter');
      await page.keyboard.type('1. LSVO ringar in några frågeställningar');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Samverkansgrupperna gör ett grundarbete med analys');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Det är viktigt med en dialog.');
    },
    attSatser: [['att en arbetsgrupp bestående av ', kjell, 'och ', patrik, 'ringar in frågeställningarna enligt ovan.']],
  });

  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[8]!);
  await body(page, {
    text: ['Mötesplan hösten -21:'],
    extra: async () => {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Alt+Shift+T');
      for (const [i, cell] of ['Datum', 'Tid', '3 september', '09.00–12.00', '1 oktober', '09.00–12.00'].entries()) {
        if (i > 0) await page.keyboard.press('Tab');
        await page.keyboard.type(cell);
      }
      await page.keyboard.press('Enter'); // a new row
      await page.keyboard.press('Enter'); // empty: out of the table
      await page.keyboard.type('Mötet önskar effektivare möten.');
    },
    attSatser: [
      ['att samtliga ledamöter informerar sin chef om de inplanerade mötetiderna för hösten 2021.'],
      ['att alla har en beredskap att mötas till extra LSVO när behov uppstår'],
      ['att ställa sig positiva till en utveckling av digitalisering av möten (e-meeting)'],
    ],
  });

  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[9]!);
  await body(page, {
    foredragande: ['Torill S Magnusson, ', kjell, 'och Mats Wennstig'],
    text: ['Några delar som behöver tydliggöras:'],
    extra: async () => {
      await page.keyboard.press('Enter');
      await page.keyboard.type('* Lägga till något om uppsägningstid');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Tydliggöra att skolan är inkluderad i avtalet');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Beslut tas den 4 juni.');
    },
    attSatser: [
      ['att samtliga ledamöter påbörjar en förankringsprocess i sin organisation inför mötet i LSVO 4 juni'],
      ['att ', patrik, 'och Mats Wennstig tar fram ett förslag kring hur skolan kan inkluderas'],
    ],
  });

  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(titles[10]!);
  await body(page, {
    foredragande: ['Cathrine Yankoulofski och Simona Michelsberg'],
    text: ['Införandet är uppskjutet till den 19 oktober.'],
    attSatser: [['att lägga informationen till protokollet.']],
  });

  // The standard agenda's last § is not in the sample: empty, and Backspace removes it.
  await goToItem(page, 'last');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('item')).toHaveCount(12);

  // § 112 Övriga frågor: the cursor is at its end; Ctrl+Shift+Enter gives a/, then b/.
  await page.keyboard.press('Control+Shift+Enter');
  await page.keyboard.type('Vaccinationsmöjligheter för personal HBV-hem.');
  await body(page, { text: ['Frågan lyftes om vaccination i HBV-hem.'], attSatser: [['att ', kjell, 'tar med sig frågan och ger vidare besked till berörda']] });
  await page.keyboard.press('Control+Shift+Enter');
  await page.keyboard.type('Underskrifter LSVO:s ledningssystem');
  await body(page, {
    text: ['Dokumentet Samverkan Blekinge ska skrivas under av samtliga parter.'],
    attSatser: [['att Mats Wennstig skickar ut det beslutade dokumentet Samverkan Blekinge för underskrift av samtliga ledamöter i LSVO']],
  });

  await expect(page.getByTestId('subitem')).toHaveCount(2);
  await expect(page.getByTestId('subitem').first()).toHaveAttribute('data-label', 'a/');
  await expectSaved(page);

  // ---- the stored document ----
  const content = await storedContent(page);
  expect(checkContent(content)).toEqual([]);
  const items = outline(content);
  expect(items).toHaveLength(12);
  expect(items.map((i) => i.title)).toEqual(titles);
  expect(items[11]!.subItems.map((s) => s.title)).toEqual(['Vaccinationsmöjligheter för personal HBV-hem.', 'Underskrifter LSVO:s ledningssystem']);

  const satser = attSatser(content);
  const perItem = items.map((i) => satser.filter((a) => a.itemId === i.id).length);
  expect(perItem).toEqual([1, 1, 1, 2, 2, 1, 1, 1, 3, 2, 1, 2]);
  expect(satser.filter((a) => a.subItemId !== null).map((a) => a.text)).toEqual([
    'att Kjell Ivarsson tar med sig frågan och ger vidare besked till berörda',
    'att Mats Wennstig skickar ut det beslutade dokumentet Samverkan Blekinge för underskrift av samtliga ledamöter i LSVO',
  ]);
  expect(satser[5]!.text).toBe('att Kjell Ivarsson tar med sig frågan om möjligheten till längre anställningstid för regionens utvecklingssamordnare.');

  // People referenced: the roster ids on the names completed with Tab.
  const bodies = await call<Array<{ id: string }>>(page, 'bodies.list');
  const bodyState = await call<{ update: string }>(page, 'docs.open', { docId: bodies[0]!.id });
  const bodyDoc = new Y.Doc();
  Y.applyUpdate(bodyDoc, fromBase64(bodyState.update));
  const nameOf = new Map([...bodyDoc.getMap<{ id: string; name: string }>('members').values()].map((p) => [p.id, p.name]));
  const refs: Array<{ text: string; personId: string }> = [];
  const walk = (n: { text?: string; personId?: string; children?: unknown[] }) => {
    if (n.children) n.children.forEach((c) => walk(c as typeof n));
    else if (n.personId) refs.push({ text: n.text!, personId: n.personId });
  };
  content.forEach((c) => walk(c as never));
  for (const r of refs) expect(nameOf.get(r.personId)).toBe(r.text);
  expect([...new Set(refs.map((r) => r.text))].sort((a, b) => a.localeCompare(b, 'sv'))).toEqual(['Annika Mellqvist', 'Bodil Sundlöf', 'Kjell Ivarsson', 'Patrik Håkansson']);
  expect(refs.filter((r) => r.text === 'Kjell Ivarsson')).toHaveLength(4);

  // Lists, the table and the Dokument block are elements, not "- " text.
  const kinds = (i: number) => (content[i] as { children: unknown[] }).children.map((c) => shape(c)).filter((s) => Array.isArray(s) && ['list', 'list+ordered', 'table', 'documents'].includes(s[0]));
  expect(kinds(2)).toEqual([
    ['list', ['list-item', 'Breddinförande av AMP'], ['list-item', 'Rutin för AMP (syfte, rollfördelning, genomförande etc.)'], ['list-item', 'Gemensamt sätta plan för hela införandet av mobil närvård']],
    ['documents', ['list-item', 'PPT Uppföljning IVO:s granskning']],
  ]);
  expect(kinds(7)).toEqual([['list+ordered', ['list-item', 'LSVO ringar in några frågeställningar'], ['list-item', 'Samverkansgrupperna gör ett grundarbete med analys']]]);
  expect(kinds(8)).toEqual([
    ['table', ['table-row+header', ['table-cell', 'Datum'], ['table-cell', 'Tid']], ['table-row', ['table-cell', '3 september'], ['table-cell', '09.00–12.00']], ['table-row', ['table-cell', '1 oktober'], ['table-cell', '09.00–12.00']]],
  ]);
  expect(kinds(9)).toEqual([['list', ['list-item', 'Lägga till något om uppsägningstid'], ['list-item', 'Tydliggöra att skolan är inkluderad i avtalet']]]);
  const foredragande = content.map((c) => (c as { children: Array<{ type: string }> }).children.filter((b) => b.type === 'foredragande').length);
  expect(foredragande).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0]);

  // Attendance, in the meeting document.
  const [meeting] = await call<Meeting[]>(page, 'meetings.list', {});
  const state = await call<{ update: string }>(page, 'docs.open', { docId: meeting!.id });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(state.update));
  const attendance = [...doc.getMap<{ personId: string; status: string; roles: string[] }>('attendance').values()].map((e) => [nameOf.get(e.personId), e.status, [...e.roles].sort().join()]);
  expect(attendance.sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'sv'))).toEqual([
    ['Annelie Kjellström', 'narvarande', 'justerare'],
    ['Annika Mellqvist', 'narvarande', ''],
    ['Bodil Sundlöf', 'narvarande', 'ordforande'],
    ['Kjell Ivarsson', 'narvarande', ''],
    ['Martin Åsman', 'forhinder', ''],
    ['Patrik Håkansson', 'narvarande', ''],
    ['Torill Skaar Magnusson', 'narvarande', ''],
  ]);
  // The § numbers the page shows run from the body's first meeting: § 1–§ 12.
  await expect(page.getByTestId('item-title').last()).toHaveAttribute('data-label', '§ 12');

  // The protocol as typed, exported (PDF/A-2b, the dialog's default) and read back with
  // poppler: every § label, title and att-sats in order, every font embedded, and the PDF/A
  // structure checks (PDFBox Preflight runs on the same protocol in tests/integration/export).
  const exported = await call<{ pdf: string }>(page, 'export.pdf', { meetingId: meeting!.id });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-lsvo-'));
  try {
    const file = path.join(dir, 'lsvo.pdf');
    fs.writeFileSync(file, fromBase64(exported.pdf));
    const needles = items.flatMap((item, i) => [`§ ${i + 1}`, item.title, ...satser.filter((a) => a.itemId === item.id).map((a) => a.text)]);
    expect(inOrder(bodyText(file), needles)).toEqual({ missing: null });
    const fonts = run('pdffonts', [file]).out.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, 'every font embedded, subset, with a ToUnicode map').toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/u);
    expect(pdfaStructure(file, 2)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
