/**
 * Durability: what the secretary typed is on disk once it has left the window, even if the
 * Core dies right after. The Core is SIGKILLed 300 ms after the last keystroke (no flush, no
 * close, no checkpoint), started again on the same data folder, and every character must be
 * there. A second test keeps the page open across the restart: what was typed while the Core
 * was down is kept in the window and saved once it is back. The typing starts at the end of
 * the prefilled agenda (where a newly opened meeting puts the cursor) with a new § item.
 */
import { createBody, createMeeting, editorBlocks, expect, expectSaved, formalAgendaBlocks, HarnessProcess, openApp, openMeeting, test } from './harness';
import { startRelay } from './relay';

const typed: Array<[string, string]> = [
  ['item-title', 'Psykisk hälsa 2021 – budget för gemensamma tjänster'],
  ['paragraph', 'Föredragande: Annika Mellqvist. Förslaget gicks igenom i sin helhet; § 104 bordläggs inte.'],
  ['paragraph', 'att godkänna budgeten för 2021 enligt förslaget 👍'],
  ['item-title', 'Nytt tillnyktringsavtal – hur arbeta fram nytt avtal?'],
  ['paragraph', 'Kjell Ivarsson tar med sig frågan till regionens ledning. Åtgärd följs upp i juni (ÅÄÖ åäö).'],
];

/** Each title after Ctrl+Enter (a new item), each paragraph after Enter. */
async function typeBlocks(page: import('@playwright/test').Page, blocks: Array<[string, string]>) {
  for (const [kind, text] of blocks) {
    await page.keyboard.press(kind === 'item-title' ? 'Control+Enter' : 'Enter');
    await page.keyboard.type(text);
  }
}

/** The agenda, then what was typed after it. */
const expected = [...formalAgendaBlocks, ...typed];

/** The cursor at the end of the document (the last item's empty paragraph). */
async function toTheEnd(page: import('@playwright/test').Page) {
  await page.getByTestId('editor').locator('.paragraph').last().click();
  await page.keyboard.press('Control+End');
}

test('SIGKILL 300 ms after the last keystroke loses nothing', async ({ page, harness, dataDir }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde 7 maj');
  await toTheEnd(page);
  await typeBlocks(page, typed);
  // The last keystroke has been dispatched; the Core gets 300 ms, then dies without warning.
  await page.waitForTimeout(300);
  await harness.kill();

  const restarted = await HarnessProcess.start(dataDir);
  try {
    await openApp(page, restarted);
    await openMeeting(page, 'Sammanträde 7 maj');
    expect(await editorBlocks(page)).toEqual(expected);
  } finally {
    await restarted.kill();
  }
});

test('text typed while the Core is down is kept in the window and saved when it is back', async ({ page, harness, dataDir }) => {
  const relay = await startRelay(harness);
  try {
    await page.goto(relay.url);
    await createBody(page, 'LSVO');
    await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
    await toTheEnd(page);
    await typeBlocks(page, typed.slice(0, 2));
    await expectSaved(page);

    relay.setTarget(null);
    await harness.kill();
    await expect(page.getByTestId('connection')).toContainText('Ingen kontakt med Paragraf');
    await typeBlocks(page, typed.slice(2));
    const status = page.getByTestId('save-status');
    await expect(status).toHaveAttribute('data-state', 'retrying');
    await expect(status).toContainText('Inte sparat – försöker igen');
    // Exporting now would leave out what was just typed: refused, saying why, nothing exported.
    await page.getByTestId('open-export').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByRole('button', { name: 'Exportera', exact: true }).click();
    await expect(page.getByTestId('export-error')).toContainText('Det senaste du skrev är inte sparat än, så det skulle saknas i filen. Inget exporterades.', { timeout: 15_000 });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const restarted = await HarnessProcess.start(dataDir);
    try {
      relay.setTarget(restarted);
      // The transport reconnects by itself; the replica resyncs and sends what was typed.
      await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
      await expectSaved(page);
      expect(await editorBlocks(page)).toEqual(expected);

      // And it is in the Core, not only in the window: a fresh page on the new harness sees it.
      const fresh = await page.context().newPage();
      await openApp(fresh, restarted);
      await openMeeting(fresh, 'Sammanträde');
      expect(await editorBlocks(fresh)).toEqual(expected);
    } finally {
      await restarted.kill();
    }
  } finally {
    await relay.close();
  }
});
