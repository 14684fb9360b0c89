/**
 * The real Electron app: isolation of the page, the preload bridge against the real Core,
 * persistence across a restart, and the navigation and sender guards. Needs the Electron
 * binary (see playwright.config.ts); `npm run test:electron` builds the app first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { Transport } from '../../src/api/transport';
import { findElectronBinary } from './electronBinary';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const APP_URL = /^app:\/\/paragraf\//;

test.describe.configure({ mode: 'serial' });

function childEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  // Would make the binary run as plain Node (the packaged app's fuse forbids it anyway).
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const executablePath = findElectronBinary(repoRoot);
  if (!executablePath) throw new Error('Electron binary missing: run this suite through npm run test:electron');
  const app = await electron.launch({
    executablePath,
    // Chromium's --user-data-dir: main.ts moves Paragraf's data folder with it.
    args: [`--user-data-dir=${userData}`, repoRoot],
    cwd: repoRoot,
    env: childEnv(),
    timeout: 30_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page };
}

let userData = '';
let app: ElectronApplication;
let page: Page;

test.beforeAll(async () => {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-electron-'));
  ({ app, page } = await launch(userData));
});

test.afterAll(async () => {
  await app?.close();
  if (userData) fs.rmSync(userData, { recursive: true, force: true });
});

test('the page is isolated: no Node, and a bridge of exactly invoke and on', async () => {
  expect(page.url()).toMatch(APP_URL);
  const seen = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const bridge = w.paragraf as Record<string, unknown> | undefined;
    return {
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      bridge: typeof bridge,
      keys: Object.keys(bridge ?? {}).sort(),
      ipcRenderer: 'ipcRenderer' in w || Object.values(bridge ?? {}).some((v) => typeof v === 'object'),
    };
  });
  expect(seen).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: 'object', keys: ['invoke', 'on'], ipcRenderer: false });
});

test('the app:// scheme sends the CSP, refuses traversal, and inline script does not run', async () => {
  const probe = await page.evaluate(async () => {
    const index = await fetch('app://paragraf/index.html');
    const traversal = await fetch('app://paragraf/..%2f..%2fpackage.json');
    const outside = await fetch('app://paragraf/../../package.json');
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return {
      csp: index.headers.get('content-security-policy') ?? '',
      traversal: traversal.status,
      outside: outside.status,
      inlineRan: (window as unknown as Record<string, unknown>).__inlineRan === true,
    };
  });
  expect(probe.csp).toContain("script-src 'self'");
  expect(probe.csp).toContain("object-src 'none'");
  expect(probe.csp).toContain("frame-ancestors 'none'");
  expect(probe.traversal).toBe(403);
  expect(probe.outside).toBe(404);
  expect(probe.inlineRan).toBe(false);
});

test('creates a body and a meeting through the bridge, with bilingual errors and events', async () => {
  const r = await page.evaluate(async () => {
    const api = (window as unknown as { paragraf: Transport }).paragraf;
    const events: unknown[] = [];
    const off = api.on('meetings.changed', (p) => events.push(p));
    const status = await api.invoke('app.status', {});
    const body = await api.invoke('bodies.create', { name: 'Kommunstyrelsen' });
    const bodyId = body.ok ? (body.value as { id: string }).id : '';
    const meeting = await api.invoke('meetings.create', { bodyId, date: '2025-03-14', title: 'Sammanträde 14 mars' });
    const list = await api.invoke('meetings.list', { bodyId });
    const invalid = await api.invoke('meetings.create', { bodyId, date: '2025-02-30' });
    const unknown = await api.invoke('meetings.delete', {});
    let onRefused = false;
    try {
      api.on('no.such.event', () => undefined);
    } catch {
      onRefused = true;
    }
    await new Promise((res) => setTimeout(res, 200));
    off();
    return { status, body, bodyId, meeting, list, invalid, unknown, onRefused, events };
  });

  expect(r.status.ok).toBe(true);
  const status = r.status.ok ? (r.status.value as { state: string; dataDir: string }) : null;
  expect(status?.state).toBe('ready');
  expect(fs.realpathSync(status?.dataDir ?? '')).toBe(fs.realpathSync(userData));

  expect(r.body).toMatchObject({ ok: true, value: { name: 'Kommunstyrelsen' } });
  expect(r.meeting).toMatchObject({ ok: true, value: { bodyId: r.bodyId, date: '2025-03-14' } });
  const meetingId = r.meeting.ok ? (r.meeting.value as { id: string }).id : 'missing';
  expect(r.list.ok && (r.list.value as Array<{ id: string }>).map((m) => m.id)).toContain(meetingId);
  expect(r.events).toContainEqual({ bodyId: r.bodyId });

  expect(r.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
  expect(r.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  for (const failed of [r.invalid, r.unknown]) {
    if (failed.ok) continue;
    expect(failed.error.message.sv.length).toBeGreaterThan(10);
    expect(failed.error.message.en.length).toBeGreaterThan(10);
  }
  expect(r.onRefused).toBe(true);

  // Quit (closing the Core) and start again on the same folder: the meeting is still there.
  await app.close();
  ({ app, page } = await launch(userData));
  const after = await page.evaluate(
    (bodyId) => (window as unknown as { paragraf: Transport }).paragraf.invoke('meetings.list', { bodyId }),
    r.bodyId,
  );
  expect(after.ok && (after.value as Array<{ id: string }>).map((m) => m.id)).toContain(meetingId);
});

test('navigation and popups are refused; only https links go to the browser', async () => {
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as unknown as { __opened: string[] }).__opened = opened;
    // Record instead of opening a real browser during the test.
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  const before = page.url();
  expect(before).toMatch(APP_URL);

  for (const target of ['https://example.com/', 'file:///etc/passwd', 'app://paragraf.evil/index.html', 'javascript:void(0)']) {
    await page.evaluate((href) => {
      window.location.href = href;
    }, target);
    await page.waitForTimeout(300);
    expect(page.url(), target).toBe(before);
  }
  const popupNull = await page.evaluate(() => window.open('https://example.org/', '_blank') === null);
  expect(popupNull).toBe(true);
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);

  const opened = await app.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened);
  expect(opened).toEqual(['https://example.com/', 'https://example.org/']);
});

test('IPC from any window the app did not create is refused, even on app://paragraf/', async () => {
  const preload = path.join(repoRoot, 'out', 'preload', 'preload.cjs');
  for (const url of ['app://paragraf/index.html', 'data:text/html,<p>rogue</p>']) {
    const [rogue] = await Promise.all([
      app.waitForEvent('window'),
      app.evaluate(
        ({ BrowserWindow }, args) => {
          const w = new BrowserWindow({ show: false, webPreferences: { preload: args.preload, sandbox: true, contextIsolation: true } });
          void w.loadURL(args.url);
        },
        { preload, url },
      ),
    ]);
    await rogue.waitForLoadState('domcontentloaded');
    const result = await rogue.evaluate(() => (window as unknown as { paragraf: Transport }).paragraf.invoke('bodies.list', {}));
    expect(result, url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    await rogue.close();
  }
  // Our own window is still served.
  const mine = await page.evaluate(() => (window as unknown as { paragraf: Transport }).paragraf.invoke('bodies.list', {}));
  expect(mine.ok).toBe(true);
});
