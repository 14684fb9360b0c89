/**
 * Presence end to end: a real sync server (its own process, SQLite), two harnesses (two
 * computers) each with a page. Anna turns presence on in the sync settings and opens the
 * meeting; Bo, on his computer, opens it too: each sees "Också här: …" with the other's name,
 * Anna sees Bo's caret where he clicked, and the line empties when Bo goes back.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import type { Descendant } from 'slate';
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../../src/api/base64';
import { seriousViolations } from './axe';
import { call, createBody, createMeeting, expect, HarnessProcess, openApp, openMeeting, repoRoot, test } from './harness';

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

test('with presence on, each sees who else is in the protocol and where their cursor is', async ({ page, harness, browser }) => {
  test.setTimeout(180_000);
  const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-e2e-server-'));
  const port = await freePort();
  const env = { ...process.env, PARAGRAF_SERVER_DATA: serverDir, PARAGRAF_SERVER_PORT: String(port) };
  const cli = (...args: string[]) => execFileSync(tsx, ['server/cli.ts', ...args], { cwd: repoRoot, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  cli('migrate');
  cli('user', 'add', 'anna');
  cli('user', 'add', 'bo');
  const annaToken = cli('token', 'create', 'anna');
  const boToken = cli('token', 'create', 'bo');
  const server = spawn(tsx, ['server/cli.ts', 'serve'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverOut = '';
  server.stdout.on('data', (d: Buffer) => (serverOut += d.toString()));
  server.stderr.on('data', (d: Buffer) => (serverOut += d.toString()));
  const bosDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-e2e-bo-'));
  let bosHarness: HarnessProcess | null = null;
  try {
    await expect.poll(() => serverOut, { timeout: 30_000 }).toContain('listening on');
    const url = `ws://127.0.0.1:${port}`;

    // Anna's computer: a body and a meeting, synced, presence turned on in the settings.
    await openApp(page, harness);
    await createBody(page, 'LSVO', 'Sammanträdesprotokoll', 'ledningsgrupp');
    await createMeeting(page, 'LSVO', '2026-05-07', 'LSVO-möte');
    await page.getByTestId('back').click();
    // A long protocol (40 items), so that most items are off screen, where the browser skips
    // their layout (content-visibility) until they are scrolled to.
    const [meeting] = await call<Array<{ id: string }>>(page, 'meetings.list');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, fromBase64((await call<{ update: string }>(page, 'docs.open', { docId: meeting!.id })).update));
    const before = Y.encodeStateVector(doc);
    const content = doc.get('content', Y.XmlText);
    const extra = Array.from({ length: 35 }, (_, i) => ({
      type: 'item',
      id: `extra-${i}`,
      children: [
        { type: 'item-title', id: `extra-t${i}`, children: [{ text: `Ärende ${i + 6}` }] },
        ...Array.from({ length: 4 }, (_, b) => ({ type: 'paragraph', id: `extra-p${i}-${b}`, children: [{ text: 'Föredragande redogjorde för ärendet och svarade på frågor. '.repeat(3) }] })),
      ],
    }));
    content.applyDelta([{ retain: content.length }, ...slateNodesToInsertDelta(extra as Descendant[])]);
    await call(page, 'docs.applyUpdate', { docId: meeting!.id, update: toBase64(Y.encodeStateAsUpdate(doc, before)) });
    const [body] = await call<Array<{ id: string }>>(page, 'bodies.list');
    cli('grant', 'anna', body!.id, '--read-write');
    cli('grant', 'bo', body!.id, '--read-write');
    await call(page, 'sync.configure', { server: { url, token: annaToken } });
    const settings = page.getByTestId('sync-settings');
    await settings.locator('summary').click();
    await expect(page.getByTestId('sync-token-storage')).toHaveText('Token sparas okrypterat i den här miljön.');
    await expect(page.getByTestId('presence-toggle')).not.toBeChecked();
    await settings.getByLabel('Namn som andra ser').fill('Anna Andersson');
    await page.getByTestId('presence-toggle').check();
    await expect.poll(async () => (await call<{ presence: unknown }>(page, 'sync.status')).presence, { timeout: 20_000 }).toEqual({ enabled: true, name: 'Anna Andersson' });
    await expect(page.getByTestId('presence-toggle')).toBeChecked();
    expect(await seriousViolations(page)).toEqual([]);
    const meetings = await call<Array<{ id: string }>>(page, 'meetings.list');
    await expect
      .poll(async () => (await call<{ docs: Array<{ state: string }> }>(page, 'sync.status', { docId: meetings[0]!.id })).docs[0]?.state, { timeout: 30_000 })
      .toBe('synced');

    // Bo's computer: finds the meeting on the server; presence on, his name from his account.
    bosHarness = await HarnessProcess.start(bosDir);
    const bosPage = await browser.newPage();
    await openApp(bosPage, bosHarness);
    await call(bosPage, 'sync.configure', { server: { url, token: boToken } });
    await call(bosPage, 'sync.setPresence', { enabled: true });
    await expect(async () => {
      await bosPage.reload();
      await expect(bosPage.getByTestId('meeting').filter({ hasText: 'LSVO-möte' })).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 45_000 });

    await openMeeting(page, 'LSVO-möte');
    await openMeeting(bosPage, 'LSVO-möte');
    await expect(page.getByTestId('presence-line')).toHaveText('Också här: bo', { timeout: 20_000 });
    await expect(bosPage.getByTestId('presence-line')).toHaveText('Också här: Anna Andersson', { timeout: 20_000 });

    // Bo clicks into the first title: Anna sees his caret, with his name, on that line.
    await bosPage.getByTestId('editor').locator('.item-title').first().click();
    const caret = page.getByTestId('remote-cursor').filter({ has: page.locator('.remote-caret') });
    await expect(caret).toHaveAttribute('data-name', 'bo', { timeout: 20_000 });
    // His caret is first shared where opening the meeting put it (the end of the text); the
    // move from his click arrives a moment later (throttled in his window, then the server):
    // polled, not measured once.
    const title = page.getByTestId('editor').locator('.item-title').first();
    const caretMiddleInTitle = async () => {
      const c = await caret.locator('.remote-caret').boundingBox();
      const t = await title.boundingBox();
      if (!c || !t) return false;
      const middle = c.y + c.height / 2;
      return middle > t.y && middle < t.y + t.height;
    };
    await expect.poll(caretMiddleInTitle, { timeout: 20_000 }).toBe(true);

    // Bo moves to an item far down, off Anna's screen: once she scrolls there, his caret is
    // in that title (measured again when the skipped items get their real heights).
    await bosPage.getByTestId('editor').locator('.item-title').nth(30).click();
    const far = page.getByTestId('editor').locator('.item-title').nth(30);
    await far.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => {
        const c = await caret.locator('.remote-caret').boundingBox();
        const t = await far.boundingBox();
        return !!c && !!t && c.y + c.height / 2 > t.y && c.y + c.height / 2 < t.y + t.height;
      }, { timeout: 20_000 })
      .toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Bo goes back to the start screen: he is no longer "here" for Anna.
    await bosPage.getByTestId('back').click();
    await expect(page.getByTestId('presence-line')).toHaveText('', { timeout: 20_000 });
    await expect(page.getByTestId('remote-cursor')).toHaveCount(0);
    await bosPage.close();
  } finally {
    await bosHarness?.kill();
    server.kill('SIGTERM');
    fs.rmSync(bosDir, { recursive: true, force: true });
    fs.rmSync(serverDir, { recursive: true, force: true });
  }
});
