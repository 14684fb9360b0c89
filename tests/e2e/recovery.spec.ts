/**
 * A damaged database must not look like an empty Paragraf. Meetings are written and a backup
 * taken; the harness stops; the database file is cut in half; on the next start the UI shows
 * the recovery screen with the problem in Swedish and the backup (date, number of meetings);
 * restoring it brings the meetings and their text back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../src/api/contract';
import {
  backToStart,
  bodyCard,
  call,
  createBody,
  createMeeting,
  editorBlocks,
  endOfTitle,
  expect,
  expectSaved,
  formalAgendaBlocks,
  HarnessProcess,
  openApp,
  openMeeting,
  test,
} from './harness';
import { seriousViolations } from './axe';

// The file name is main/core/db.ts's DB_FILE.
const DB_FILE = 'paragraf.sqlite';

test('a truncated database leads to the recovery screen, and the newest backup brings the meetings back', async ({ page, dataDir }) => {
  // No timed backups: the test decides exactly which backups exist.
  const first = await HarnessProcess.start(dataDir, { backupIntervalMs: 0 });
  try {
    await openApp(page, first);
    await createBody(page, 'LSVO');
    await createMeeting(page, 'LSVO', '2021-04-09', 'April');
    await endOfTitle(page, 2);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Uppföljning angående åtgärder utifrån IVO:s granskning');
    await expectSaved(page);
    await backToStart(page);
    await createMeeting(page, 'LSVO', '2021-05-07', 'Maj');
    await backToStart(page);

    const backup = await call<BackupInfo>(page, 'backups.create', {});
    expect(backup.meetings).toBe(2);
    await first.stop();
  } finally {
    await first.kill();
  }

  const dbFile = path.join(dataDir, DB_FILE);
  const size = fs.statSync(dbFile).size;
  expect(size).toBeGreaterThan(8192);
  const truncatedTo = Math.floor(size / 2);
  fs.truncateSync(dbFile, truncatedTo);

  const second = await HarnessProcess.start(dataDir, { backupIntervalMs: 0 });
  try {
    await page.goto(second.url);
    const recovery = page.getByTestId('recovery-screen');
    await expect(recovery).toBeVisible();
    await expect(page.getByTestId('start-screen')).toHaveCount(0);
    await expect(recovery.getByRole('heading', { level: 1 })).toHaveText('Databasen behöver återställas');
    await expect(page.getByTestId('recovery-problem')).toContainText('skadad');

    const options = page.getByTestId('backup-option');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toBeChecked();
    await expect(page.getByTestId('backup-list')).toContainText('2 möten');
    await expect(page.getByTestId('backup-list')).toContainText('senaste');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Återställ från säkerhetskopia' }).click();
    await expect(page.getByTestId('start-screen')).toBeVisible();
    await expect(page.getByTestId('restored-notice')).toContainText('återställdes från säkerhetskopian');
    await expect(bodyCard(page, 'LSVO').getByTestId('meeting')).toHaveText(['2021-05-07Maj', '2021-04-09April']);

    await openMeeting(page, 'April');
    const blocks = await editorBlocks(page);
    expect(blocks).toHaveLength(formalAgendaBlocks.length);
    expect(blocks[5]).toEqual(['paragraph', 'Uppföljning angående åtgärder utifrån IVO:s granskning']);
  } finally {
    await second.kill();
  }

  // The damaged file was moved aside, not deleted: same bytes as we left them.
  const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith(`${DB_FILE}.damaged-`) && !/-(wal|shm)$/.test(f));
  expect(aside).toHaveLength(1);
  expect(fs.statSync(path.join(dataDir, aside[0]!)).size).toBe(truncatedTo);
});
