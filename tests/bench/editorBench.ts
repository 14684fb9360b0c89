/**
 * Keystroke latency in the real editor: the built renderer in Debian's Chromium, Slate bound
 * to the meeting's Y.Doc through @slate-yjs/core, every keystroke sent to the real Core
 * behind the harness. Measured in the page from the keydown event's timestamp to the first
 * task after the next animation frame (i.e. after the frame that shows the character).
 */
import * as Y from 'yjs';
import { chromium, type Page } from 'playwright-core';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Node as SlateNode } from 'slate';
import { startHarness } from '../../main/harness/harnessServer';
import { createTypedApi, unwrap } from '../../src/api/client';
import { fromBase64, toBase64 } from '../../src/api/base64';
import { coreTransport, tempDir } from '../helpers/coreTransport';
import { summarize, type BenchRow } from './stats';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const sentence =
  'Föredragande gav en beskrivning av svaren på IVO:s granskning i Blekinge som ska vara inlämnade senast den 15/9. ';

/**
 * `items` § items (src/protocol/schema.ts: an item element holding its title and paragraphs)
 * with `blocksPerItem` blocks each: the title and `blocksPerItem − 1` paragraphs.
 */
export function protocolNodes(items: number, blocksPerItem: number): SlateNode[] {
  const nodes: SlateNode[] = [];
  for (let i = 0; i < items; i++) {
    const children: SlateNode[] = [{ type: 'item-title', id: `t${i}`, children: [{ text: `Ärende ${i + 1} – Psykisk hälsa, budget och gemensamma tjänster` }] } as SlateNode];
    for (let b = 1; b < blocksPerItem; b++) {
      children.push({ type: 'paragraph', id: `p${i}-${b}`, children: [{ text: sentence.repeat(2) }] } as SlateNode);
    }
    nodes.push({ type: 'item', id: `i${i}`, children } as SlateNode);
  }
  return nodes;
}

const typedText = 'att godkänna presenterat förslag till budget för gemensamma tjänster efter justering enligt ovan ';

/** Types `keys` characters where the caret is and returns keydown → next-frame latencies. */
async function typeAndSample(page: Page, keys: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
      },
      true,
    );
  });
  // Warm-up: the first keystrokes pay for JIT and layout caches.
  await page.keyboard.type(typedText.slice(0, 20), { delay: 30 });
  await page.evaluate(() => ((window as unknown as { __lat: number[] }).__lat = []));
  let typed = 0;
  while (typed < keys) {
    const chunk = typedText.slice(0, Math.min(typedText.length, keys - typed));
    await page.keyboard.type(chunk, { delay: 30 });
    typed += chunk.length;
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

/**
 * The floor: the same text in a plain contenteditable, no React, no Slate, no Yjs, measured the
 * same way in the same browser on the same machine. The editor's rows divided by this one say
 * what Paragraf adds, whatever the machine's own frame time is.
 */
async function plainFloor(items: number, blocksPerItem: number, keys: number): Promise<BenchRow> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const paragraphs = Array.from({ length: items * blocksPerItem }, (_, k) => (k % blocksPerItem === 0 ? `<h2>Ärende ${k / blocksPerItem + 1}</h2>` : `<p>${sentence.repeat(2)}</p>`)).join('');
    await page.setContent(`<main contenteditable="true" style="font: 16px sans-serif; max-width: 50rem">${paragraphs}</main>`);
    const mid = page.locator('p').nth(Math.floor((items * (blocksPerItem - 1)) / 2));
    await mid.scrollIntoViewIfNeeded();
    await mid.click();
    await page.keyboard.press('End');
    const samples = await typeAndSample(page, keys);
    return { name: `floor: plain contenteditable, ${items * blocksPerItem} blocks`, summary: summarize(samples), note: 'same browser and measurement, no React/Slate/Yjs' };
  } finally {
    await browser.close();
  }
}

/** `allItemsLaidOut`: the same run with the items' content-visibility turned off (the comparison row). */
async function measure(items: number, blocksPerItem: number, keys: number, allItemsLaidOut = false): Promise<BenchRow> {
  const harness = await startHarness({ dataDir: tempDir('paragraf-bench-'), backupIntervalMs: 0 });
  const api = createTypedApi(coreTransport(harness.core));
  const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO' }));
  const meeting = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: '2021-05-07' }));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(unwrap(await api.invoke('docs.open', { docId: meeting.id })).update));
  const before = Y.encodeStateVector(doc);
  // The protocol replaces the standard agenda, so the item count is exactly `items`.
  const content = doc.get('content', Y.XmlText);
  doc.transact(() => {
    content.delete(0, content.length);
    content.applyDelta(slateNodesToInsertDelta(protocolNodes(items, blocksPerItem)));
  });
  unwrap(await api.invoke('docs.applyUpdate', { docId: meeting.id, update: toBase64(Y.encodeStateAsUpdate(doc, before)) }));

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(harness.url);
    await page.locator(`[data-meeting-id="${meeting.id}"]`).click();
    // Through the CSSOM: the page's CSP refuses an inline <style>.
    if (allItemsLaidOut) await page.evaluate(() => document.styleSheets[0]!.insertRule('.item { content-visibility: visible !important; contain-intrinsic-size: none !important; }', document.styleSheets[0]!.cssRules.length));
    const titles = page.locator('[data-testid="item-title"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="item-title"]').length === n, items, { timeout: 60_000 });
    // Type at the end of a paragraph in the middle of the protocol, where typing happens.
    const mid = titles.nth(Math.floor(items / 2));
    await mid.scrollIntoViewIfNeeded();
    const para = page.locator(`[data-block-id="p${Math.floor(items / 2)}-1"]`);
    await (await para.count() ? para : mid).click();
    await page.keyboard.press('End');
    const samples = await typeAndSample(page, keys);
    // The keystrokes reached SQLite, too: otherwise the number would flatter a broken binding.
    await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 10_000 });
    const stored = new Y.Doc();
    Y.applyUpdate(stored, fromBase64(unwrap(await api.invoke('docs.open', { docId: meeting.id })).update));
    if (!stored.get('content', Y.XmlText).toString().includes(typedText.slice(0, 24))) throw new Error('bench: typed text not stored');
    return {
      name: `keystroke → next frame, ${items} items / ${items * blocksPerItem} blocks${allItemsLaidOut ? ', every item laid out' : ''}`,
      summary: summarize(samples),
      ...(allItemsLaidOut ? {} : { goal: { p95: items * blocksPerItem <= 600 ? 16 : 33 } }),
      note: allItemsLaidOut ? 'comparison: the row above without content-visibility on items' : 'Chromium headless, real Yjs binding and Core',
    };
  } finally {
    await browser.close();
    await harness.close();
  }
}

/**
 * The bodies issue's row: from the click on "Skapa möte" (a formal body's template: the
 * standard agenda prefilled) until the editor shows the meeting's items and can be typed in.
 * Timed in Node around the click and the wait, so Playwright's round trips (a few ms) are in.
 */
async function createAndOpen(runs: number): Promise<BenchRow> {
  const harness = await startHarness({ dataDir: tempDir('paragraf-bench-'), backupIntervalMs: 0 });
  const api = createTypedApi(coreTransport(harness.core));
  unwrap(await api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const samples: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(harness.url);
    for (let i = 0; i < runs + 2; i++) {
      const form = page.getByTestId('new-meeting-form').first();
      await form.getByLabel('Datum').fill(`2021-05-${String(i + 1).padStart(2, '0')}`);
      const t0 = performance.now();
      await form.getByRole('button', { name: 'Skapa möte' }).click();
      await page.waitForFunction(() => {
        const editor = document.querySelector('[data-testid="editor"]');
        return editor?.getAttribute('contenteditable') === 'true' && document.querySelectorAll('[data-testid="item-title"]').length === 5;
      });
      // The first two pay for JIT and caches: not counted.
      if (i >= 2) samples.push(performance.now() - t0);
      await page.getByTestId('back').click();
      await page.getByTestId('start-screen').waitFor();
    }
    return { name: 'create a meeting from the template and open it, until the editor is ready', summary: summarize(samples), note: 'formal preset, 5 standard items; Chromium headless through the harness' };
  } finally {
    await browser.close();
    await harness.close();
  }
}

/**
 * 20 pages of minutes as Word puts them on the clipboard: about 600 paragraphs of 100
 * characters in mso-styled HTML, with bold and italic runs, a Word list paragraph every tenth.
 */
export function wordPages(pages: number): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < pages * 30; i++) {
    paragraphs.push(
      i % 10 === 9
        ? `<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>-<span>&nbsp;&nbsp;</span></span>Punkt ${i}: uppföljning av <i>gemensamma tjänster</i> – åäö §</p>`
        : `<p class=MsoNormal><span style='font-family:"Calibri",sans-serif'>Rad ${i}: <b>Föredragande</b> gav en beskrivning av svaren på IVO:s granskning i Blekinge – åäö § 🎉<o:p></o:p></span></p>`,
    );
  }
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head><body lang=SV>${paragraphs.join('\n')}</body></html>`;
}

/**
 * The paste goal: 20 pages from Word into a meeting (the formal template), measured in
 * the page from the paste (the beforeinput Chromium sends on Ctrl+V, as tests/e2e/paste.spec.ts
 * sends it) to the first task after the frame that shows the last pasted block (a Word list
 * paragraph, so it is looked for by its text, whatever element it became). A fresh
 * meeting per run, so every paste lands in the same document size. Checked: all of it shown.
 */
async function pasteTwentyPages(runs: number): Promise<BenchRow> {
  const harness = await startHarness({ dataDir: tempDir('paragraf-bench-'), backupIntervalMs: 0 });
  const api = createTypedApi(coreTransport(harness.core));
  const body = unwrap(await api.invoke('bodies.create', { name: 'LSVO', preset: 'sammantradesprotokoll', group: 'ledningsgrupp' }));
  const html = wordPages(20);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  const samples: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (let i = 0; i < runs + 2; i++) {
      const meeting = unwrap(await api.invoke('meetings.create', { bodyId: body.id, date: `2021-06-${String(i + 1).padStart(2, '0')}` }));
      // A fresh page each run (goto of the same URL with a #fragment would not reload it).
      await page.goto('about:blank');
      await page.goto(harness.url);
      await page.locator(`[data-meeting-id="${meeting.id}"]`).click();
      await page.locator('[data-testid="editor"][contenteditable="true"]').waitFor();
      // No named functions inside: tsx's keepNames would put a __name helper into the page.
      const ms = await page.getByTestId('editor').evaluate(
        async (el, { html: h, want }) => {
          const dt = new DataTransfer();
          dt.setData('text/html', h);
          dt.setData('text/plain', 'fallback');
          const t0 = performance.now();
          el.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertFromPaste', dataTransfer: dt, bubbles: true, cancelable: true }));
          for (;;) {
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            if (el.textContent?.includes(want)) return performance.now() - t0;
            if (performance.now() - t0 > 30_000) throw new Error('bench: the paste did not appear in 30 s');
          }
        },
        { html, want: `Punkt ${20 * 30 - 1}:` },
      );
      // The first two pay for JIT and caches: not counted.
      if (i >= 2) samples.push(ms);
      await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout: 30_000 });
    }
    return { name: 'paste 20 pages from Word (600 paragraphs, 60 000 characters) → shown', summary: summarize(samples), goal: { median: 500 }, note: 'Chromium headless, formal template, real Yjs binding and Core' };
  } finally {
    await browser.close();
    await harness.close();
  }
}

export async function editorBenchmarks(): Promise<BenchRow[]> {
  return [
    await plainFloor(60, 10, 300),
    await measure(60, 10, 300),
    await plainFloor(250, 10, 300),
    await measure(250, 10, 300),
    await measure(250, 10, 300, true),
    await createAndOpen(20),
    await pasteTwentyPages(10),
  ];
}
