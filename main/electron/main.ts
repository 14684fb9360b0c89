/**
 * Electron entry point (bundled to out/main/main.cjs by vite.main.config.ts). It wires the
 * shell around the Core: one instance per user-data folder, the app:// scheme, the hardened
 * window, the single IPC handler, and a clean close of the database when the app quits.
 * Everything that is not window plumbing lives in the Core (main/core), which runs the same
 * way in plain Node for tests and the harness.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, safeStorage, session, Menu, type BrowserWindow } from 'electron';
import { Core } from '../core/Core';
import type { SecretProtector } from '../sync/SyncManager';
import { unsyncedWarning } from '../sync/quitWarning';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { registerAppSchemePrivileges, serveAppScheme } from './protocol';
import { createMainWindow, denyAllPermissions, installWebContentsGuards, listAppWindows } from './window';

let failed = false;
/** Tells the person why the app cannot start, in both languages, and exits. Shown once. */
function fail(sv: string, en: string, detail?: string): void {
  if (failed) return;
  failed = true;
  dialog.showErrorBox('Paragraf kunde inte starta / Paragraf could not start', `${sv}\n\n${en}${detail ? `\n\n${detail}` : ''}`);
  app.exit(1);
}

// Chromium's --user-data-dir switch also moves our data (the Electron end-to-end suite starts
// each run in a fresh temp folder this way). Set before the single-instance lock, which is
// held per user-data folder.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
if (userDataSwitch) app.setPath('userData', path.resolve(userDataSwitch));

// Before `ready`, as Electron requires.
registerAppSchemePrivileges();
app.enableSandbox();

let core: Core | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one SQLite file and one update log would be two sources of truth.
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = listAppWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  installWebContentsGuards();
  if (process.platform === 'win32') app.setAppUserModelId('se.paragraf.app');

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      fail('Ett oväntat fel inträffade vid start.', 'An unexpected error occurred at start.', err instanceof Error ? err.message : String(err));
    });
}

/**
 * The OS keychain's encryption for the sync token at rest, when there is a real one: on Linux
 * without a secret service Electron falls back to a hard-coded key ('basic_text'), which is no
 * protection, so the token is then stored as is and the settings say so honestly.
 */
function secretProtector(): SecretProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return { encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (sealed) => safeStorage.decryptString(sealed) };
}

function start(): void {
  const appDir = app.getAppPath();
  const rendererDir = path.join(appDir, 'out', 'renderer');
  const preloadPath = path.join(appDir, 'out', 'preload', 'preload.cjs');
  if (!fs.existsSync(path.join(rendererDir, 'index.html')) || !fs.existsSync(preloadPath)) {
    fail(
      'Programmets fönsterfiler saknas. Installera om Paragraf (utvecklare: kör "npm run build").',
      'The app’s window files are missing. Reinstall Paragraf (developers: run "npm run build").',
      rendererDir,
    );
    return;
  }

  const dataDir = app.getPath('userData');
  let opened: Core;
  try {
    // Never throws for a damaged database (the UI then offers a backup); it can still throw
    // when the folder itself cannot be created or written.
    const secrets = secretProtector();
    opened = Core.open({ dataDir, ...(secrets ? { secrets } : {}) });
  } catch (err) {
    fail(
      `Paragraf kan inte använda sin datamapp (${dataDir}). Kontrollera att den finns och att du har skrivrätt.`,
      `Paragraf cannot use its data folder (${dataDir}). Check that it exists and that you may write to it.`,
      err instanceof Error ? err.message : String(err),
    );
    return;
  }
  core = opened;

  const ses = session.defaultSession;
  denyAllPermissions(ses);
  serveAppScheme(ses, rendererDir);
  registerIpc(opened);
  Menu.setApplicationMenu(buildMenu());
  // Quitting with changes the sync server does not have yet asks first (they stay on disk either way).
  const confirmClose = (win: BrowserWindow) => {
    const warning = opened.status().state === 'ready' ? unsyncedWarning(opened.syncManager?.status() ?? { configured: false, docs: [] }) : null;
    if (!warning) return true;
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      buttons: ['Avsluta ändå / Quit anyway', 'Avbryt / Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: warning.sv,
      detail: warning.en,
    });
    return choice === 0;
  };
  createMainWindow({ preloadPath, confirmClose });

  app.on('activate', () => {
    if (listAppWindows().length === 0) createMainWindow({ preloadPath, confirmClose });
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// The database is closed on will-quit rather than before-quit: by then every window has
// closed, so no renderer is still sending its last updates through IPC to a closed Core.
// Each acknowledged update is already in SQLite; close() checkpoints the WAL and releases it.
app.on('will-quit', () => {
  core?.close();
  core = null;
});
