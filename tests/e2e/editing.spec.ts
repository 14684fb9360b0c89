/**
 * The everyday path: create a body and a meeting (its agenda prefilled from the body's
 * profile), type the minutes under the items (text with å ä ö, § and an emoji), add an item,
 * see "Sparat", reload, and find everything again.
 */
import type { Meeting } from '../../src/api/contract';
import { storedContent } from './stored';
import {
  backToStart,
  call,
  bodyCard,
  createBody,
  createMeeting,
  editorBlocks,
  editorItems,
  endOfTitle,
  expect,
  expectSaved,
  formalAgenda,
  formalAgendaBlocks,
  itemLabels,
  openApp,
  openMeeting,
  test,
} from './harness';

const minutes: Array<[string, string]> = [
  ['item-title', 'Val av justerare samt tid för justering'],
  ['paragraph', ''],
  ['item-title', 'Godkännande av föredragningslista'],
  ['paragraph', 'att med tillägg under övriga frågor godkänna för sammanträdet upprättad föredragningslista'],
  ['item-title', 'Föregående sammanträdesprotokoll'],
  ['paragraph', 'Återkoppling protokoll 2021-04-09: §95 VFU sjuksköterskeprogrammet BTH – klart 🎉'],
  ['paragraph', 'Ärendet följs upp vid LSVO:s möte i juni.'],
  ['item-title', 'Uppföljning angående åtgärder utifrån IVO:s granskning'],
  ['paragraph', 'Föredragande: Helene Bjerstedt och Ingemar Lilja'],
  ['item-title', 'Övriga frågor'],
  ['paragraph', ''],
  ['item-title', 'Mötets avslutande'],
  ['paragraph', ''],
];

test('type a meeting’s minutes, see them saved, reload and find them all', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO:s ledningsgrupp');
  await createMeeting(page, 'LSVO:s ledningsgrupp', '2021-05-07', 'Sammanträde');
  await expect(page.getByTestId('meeting-title')).toHaveText('Sammanträde');

  // A new meeting of a formal body starts with the profile's standard agenda, § 1 onwards
  // (the body's first meeting of the year), each item with an empty paragraph.
  expect(await editorBlocks(page)).toEqual(formalAgendaBlocks);
  expect(await itemLabels(page)).toEqual(['§ 1', '§ 2', '§ 3', '§ 4', '§ 5']);

  // Enter at the end of a title goes into the item's paragraph; Enter in a paragraph gives
  // another; Ctrl+Enter starts a new § item after the current one.
  await endOfTitle(page, 1);
  await page.keyboard.press('Enter');
  await page.keyboard.type(minutes[3]![1]);
  await endOfTitle(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.type(minutes[5]![1]);
  await page.keyboard.press('Enter');
  await page.keyboard.type(minutes[6]![1]);
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type(minutes[7]![1]);
  await page.keyboard.press('Enter');
  await page.keyboard.type(minutes[8]![1]);

  expect(await editorBlocks(page)).toEqual(minutes);
  expect(await itemLabels(page)).toEqual(['§ 1', '§ 2', '§ 3', '§ 4', '§ 5', '§ 6']);
  // The number is shown, not typed: it is not part of the text.
  await expect(page.getByTestId('editor')).not.toContainText('§ 1');
  await expectSaved(page);

  await page.reload();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await expect(bodyCard(page, 'LSVO:s ledningsgrupp').getByTestId('meeting')).toHaveText(['2021-05-07Sammanträde']);
  await openMeeting(page, 'Sammanträde');
  await expect(page.getByTestId('item-title')).toHaveCount(6);
  expect(await editorBlocks(page)).toEqual(minutes);
  expect(await itemLabels(page)).toEqual(['§ 1', '§ 2', '§ 3', '§ 4', '§ 5', '§ 6']);
});

test('a § inserted in the middle renumbers the items after it', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Socialnämnden');
  await createMeeting(page, 'Socialnämnden', '2024-10-01');

  // Into § 1's title, then the toolbar button (the same command as Ctrl+Enter).
  await endOfTitle(page, 0);
  await page.getByTestId('new-item').click();
  await page.keyboard.type('Anmälan om jäv');

  const items = await editorItems(page);
  expect(items.map((i) => i.title)).toEqual([formalAgenda[0], 'Anmälan om jäv', ...formalAgenda.slice(1)]);
  expect(items.map((i) => i.label)).toEqual(['§ 1', '§ 2', '§ 3', '§ 4', '§ 5', '§ 6']);
  await expectSaved(page);
});

test('keys typed right after a jump from the agenda land in the text, at the end of that title', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Socialnämnden');
  await createMeeting(page, 'Socialnämnden', '2024-10-01');
  await endOfTitle(page, 0);
  // No waiting between the keys: a fast typist does not wait for the caret to appear, on a
  // laptop busy with the Teams call (the CPU slowed 8×, as Chromium's DevTools do it).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  for (const round of ['x', 'y']) {
    await page.keyboard.press('Alt+Shift+G');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.type(` ${round}`);
  }
  const titles = (await editorItems(page)).map((i) => i.title);
  expect(titles.slice(0, 3)).toEqual([formalAgenda[0], `${formalAgenda[1]} x`, `${formalAgenda[2]} y`]);
});

test('the outline\'s new-item and new-sub-item buttons give the new title the focus before the next key', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Socialnämnden');
  await createMeeting(page, 'Socialnämnden', '2024-10-01');
  await endOfTitle(page, 0);
  // Where the focus is in the first task after the click (a key she presses at once would be
  // handled no earlier): it must be in the new title. Slate's own focus comes on a 10 ms timer;
  // on a loaded CI machine a whole word went to the button before it (numbering.spec).
  const focusAfterClick = (testId: string) =>
    page.getByTestId(testId).evaluate(
      (button) =>
        new Promise<string>((resolve) => {
          button.addEventListener(
            'click',
            () => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const anchor = document.getSelection()?.anchorNode;
                const block = (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest('.item-title, .subitem-title, .paragraph');
                const editorFocused = document.activeElement?.getAttribute('data-testid') === 'editor';
                resolve(`${editorFocused ? 'editor' : (document.activeElement?.tagName ?? '-')} ${block?.className.split(' ')[0] ?? '-'} "${block?.textContent?.replace(/\uFEFF/g, '') ?? ''}"`);
              };
              channel.port2.postMessage(0);
            },
            { once: true, capture: true },
          );
        }),
    );
  for (const word of ['Alfa', 'Beta']) {
    const [itemFocus] = await Promise.all([focusAfterClick('agenda-new-item'), page.getByTestId('agenda-new-item').click()]);
    expect(itemFocus).toBe('editor item-title ""');
    await page.keyboard.type(word);
    const [subFocus] = await Promise.all([focusAfterClick('agenda-new-subitem'), page.getByTestId('agenda-new-subitem').click()]);
    expect(subFocus).toBe('editor subitem-title ""');
    await page.keyboard.type(`${word} a`);
  }
  const typed = (await editorBlocks(page)).filter(([, text]) => /^(Alfa|Beta)/.test(text));
  expect(typed.map(([kind, text]) => `${kind} ${text}`).sort()).toEqual(['item-title Alfa', 'item-title Beta', 'subitem-title Alfa a', 'subitem-title Beta a']);
  await expectSaved(page);
});

test('after "Starta mötet" the keys go into the text where the caret was, not onto the button that now ends the meeting', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Socialnämnden');
  await createMeeting(page, 'Socialnämnden', '2024-10-01');
  await endOfTitle(page, 0);
  await page.getByTestId('start-meeting').click();
  await page.getByTestId('confirm-status').click();
  // Typed as soon as the Core has answered: a space on the button ("Avsluta mötet" by now)
  // would open the end dialog, and the next one confirm it.
  await expect(page.getByTestId('meeting-status')).toHaveAttribute('data-status', 'pagar');
  await page.keyboard.type(' – mötet öppnat ');
  await expect(page.getByTestId('status-dialog')).not.toBeVisible();
  await expect(page.getByTestId('meeting-status')).toHaveAttribute('data-status', 'pagar');
  await expect(page.getByTestId('editor')).toBeFocused();
  await expect.poll(async () => (await editorItems(page))[0]!.title).toBe(`${formalAgenda[0]} – mötet öppnat `);
  // Cancelled, the focus goes back to the button.
  await page.getByTestId('end-meeting').click();
  await page.getByTestId('cancel-status').click();
  await expect(page.getByTestId('end-meeting')).toBeFocused();
  await expectSaved(page);
});

test('a search hit opened from inside a meeting opens the other meeting as it is, after what was typed is saved', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Socialnämnden');
  await createMeeting(page, 'Socialnämnden', '2024-09-03', 'September');
  await endOfTitle(page, 0);
  await page.keyboard.type(' – Vårdbyte');
  await expectSaved(page);
  await backToStart(page);
  await createMeeting(page, 'Socialnämnden', '2024-10-01', 'Oktober');
  await page.getByTestId('start-meeting').click();
  await page.getByTestId('confirm-status').click();
  await expect(page.getByTestId('meeting-status')).toHaveAttribute('data-status', 'pagar');
  await page.keyboard.type(' Sista ordet');

  await page.getByTestId('search-input').fill('Vårdbyte');
  await page.getByTestId('search-hit').first().click();
  await expect(page.getByTestId('meeting-title')).toHaveText('September');
  // Its own status, not the one answered for October a moment ago.
  await expect(page.getByTestId('meeting-status')).toHaveAttribute('data-status', 'planerat');
  // October's last words reached the Core before its screen went away.
  const october = (await call<Meeting[]>(page, 'meetings.list', {})).find((m) => m.title === 'Oktober')!;
  expect(JSON.stringify(await storedContent(page, october.id))).toContain('Sista ordet');
});

test('a move that cannot happen (the first § up) is not announced later, when the outline changes for another reason', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Socialnämnden');
  await createMeeting(page, 'Socialnämnden', '2024-10-01');
  await endOfTitle(page, 0);
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await page.keyboard.type(' och protokollets justering');
  await expect.poll(async () => (await editorItems(page))[0]!.title).toBe(`${formalAgenda[0]} och protokollets justering`);
  await expect(page.getByTestId('agenda-announcement')).toHaveText('');
  // A real move is still announced.
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await expect(page.getByTestId('agenda-announcement')).toContainText('flyttades');
});

test('meetings are listed newest first, under their own body', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'Ledningsgrupp för samordning', 'Mötesanteckningar');
  await createBody(page, 'Delregional tjänstemannaberedning Nordväst', 'Minnesanteckningar');
  for (const [date, title] of [
    ['2021-06-04', 'Juni'],
    ['2021-02-05', 'Februari'],
    ['2021-10-15', 'Oktober'],
  ] as const) {
    await createMeeting(page, 'Ledningsgrupp för samordning', date, title);
    await backToStart(page);
  }
  const samordning = bodyCard(page, 'Ledningsgrupp för samordning');
  await expect(samordning.getByTestId('meeting')).toHaveText(['2021-10-15Oktober', '2021-06-04Juni', '2021-02-05Februari']);
  await expect(samordning).toContainText('Mötesanteckningar');
  await expect(bodyCard(page, 'Delregional tjänstemannaberedning Nordväst').getByTestId('meeting')).toHaveCount(0);
});

test('the language switch turns the interface to English and back, and is remembered', async ({ page, harness }) => {
  await openApp(page, harness);
  await page.getByTestId('language-en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bodies and meetings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bodies and meetings');
  await page.getByTestId('language-sv').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organ och möten');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('an error from the Core is shown in Swedish', async ({ page, harness }) => {
  await openApp(page, harness);
  // A name of only spaces passes the browser's `required` check but not the contract's trim().min(1);
  // the contract's Swedish message is shown beside the name field.
  const form = page.getByTestId('new-body-form');
  await form.getByLabel('Organets namn').fill('   ');
  await form.getByRole('button', { name: 'Skapa organ' }).click();
  await expect(form.getByRole('alert')).toHaveText('Namnet får inte vara tomt');
  await expect(form.getByLabel('Organets namn')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('no-bodies')).toBeVisible();
});

test('two windows on the same meeting see each other’s text', async ({ page, harness, context }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  await endOfTitle(page, 0);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Till justerare valdes Åsa Öberg.');

  const other = await context.newPage();
  await openApp(other, harness);
  await openMeeting(other, 'Sammanträde');
  await expect(other.getByTestId('editor')).toContainText('Till justerare valdes Åsa Öberg.');

  // A change in the second window reaches the first through the Core's docs.updated event.
  await endOfTitle(other, 4);
  await other.keyboard.press('Enter');
  await other.keyboard.type('Ordföranden tackade och avslutade mötet.');
  await expect(page.getByTestId('editor')).toContainText('Ordföranden tackade och avslutade mötet.');
  const expected = formalAgenda.flatMap((t, i): Array<[string, string]> => [
    ['item-title', t],
    ['paragraph', i === 0 ? 'Till justerare valdes Åsa Öberg.' : i === 4 ? 'Ordföranden tackade och avslutade mötet.' : ''],
  ]);
  expect(await editorBlocks(page)).toEqual(expected);
  await expectSaved(other);
});

test('two windows typing in the same paragraph at the same time end with the same text, holding both', async ({ page, harness, context }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  const other = await context.newPage();
  await openApp(other, harness);
  await openMeeting(other, 'Sammanträde');

  // Both go into § 2's (empty) paragraph and type at once.
  for (const p of [page, other]) {
    await endOfTitle(p, 1);
    await p.keyboard.press('Enter');
  }
  const mine = 'Ordföranden föreslog att föredragningslistan godkänns. ';
  const theirs = 'Kjell Ivarsson önskade en punkt under övriga frågor. ';
  await Promise.all([page.keyboard.type(mine, { delay: 15 }), other.keyboard.type(theirs, { delay: 15 })]);
  await expectSaved(page);
  await expectSaved(other);

  // Converged: the same blocks in both windows, each sentence whole (Yjs keeps one person's
  // consecutive characters together), and the Core's stored document says the same.
  const paragraphOf = async (p: typeof page) => (await editorBlocks(p))[3]![1];
  await expect.poll(async () => (await paragraphOf(page)) === (await paragraphOf(other))).toBe(true);
  const text = await paragraphOf(page);
  expect(text).toContain(mine.trim());
  expect(text).toContain(theirs.trim());
  expect(text.length).toBe(mine.length + theirs.length);
  expect(await editorBlocks(page)).toEqual(await editorBlocks(other));
  await page.reload();
  await openMeeting(page, 'Sammanträde');
  expect(await paragraphOf(page)).toBe(text);
});
