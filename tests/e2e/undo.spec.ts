/**
 * Undo and redo take back one's own changes only (Yjs UndoManager through withYHistory): two
 * windows type in the same meeting; Ctrl+Z in the first removes its own sentence and leaves
 * the other window's, in both windows and in the Core; Ctrl+Y brings it back.
 */
import { createBody, createMeeting, editorBlocks, endOfTitle, expect, expectSaved, openApp, openMeeting, test } from './harness';

test('Ctrl+Z undoes one’s own typing and not the other window’s; Ctrl+Y redoes it', async ({ page, harness, context }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  const other = await context.newPage();
  await openApp(other, harness);
  await openMeeting(other, 'Sammanträde');

  const mine = 'Till justerare valdes Åsa Öberg.';
  const theirs = 'Ordföranden tackade och avslutade mötet.';
  await endOfTitle(page, 0);
  await page.keyboard.press('Enter');
  await page.keyboard.type(mine);
  await expect(other.getByTestId('editor')).toContainText(mine);
  await endOfTitle(other, 4);
  await other.keyboard.press('Enter');
  await other.keyboard.type(theirs);
  await expect(page.getByTestId('editor')).toContainText(theirs);

  // Back in the first window: undo until its sentence is gone (the UndoManager groups typing
  // into a few steps); the other window's sentence stays everywhere.
  await endOfTitle(page, 2);
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Control+z');
        return (await page.getByTestId('editor').textContent()) ?? '';
      },
      { timeout: 20_000 },
    )
    .not.toContain('Till justerare');
  await expect(page.getByTestId('editor')).toContainText(theirs);
  await expect(other.getByTestId('editor')).not.toContainText('Till justerare');
  await expect(other.getByTestId('editor')).toContainText(theirs);
  // One more undo has nothing of the first window's left to take: the other's text stays.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('editor')).toContainText(theirs);

  // Redo brings it back whole.
  await expect
    .poll(
      async () => {
        await page.keyboard.press('Control+y');
        return (await page.getByTestId('editor').textContent()) ?? '';
      },
      { timeout: 20_000 },
    )
    .toContain(mine);
  await expectSaved(page);
  await expect.poll(async () => JSON.stringify(await editorBlocks(other))).toBe(JSON.stringify(await editorBlocks(page)));
  expect((await editorBlocks(page)).map(([, text]) => text)).toEqual(expect.arrayContaining([mine, theirs]));
});
