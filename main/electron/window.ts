/**
 * The app window and the guards every web page in the process gets. Follows Electron's
 * security checklist: context isolation, the renderer sandbox, no Node in the page, web
 * security on, a strict CSP (protocol.ts), no navigation, no new windows, no webviews, no
 * permissions. The page reaches the Core only through the preload bridge (preload.ts), and
 * ipc.ts accepts calls only from the windows registered here.
 */
import { BrowserWindow, app, shell, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, isSafeExternalUrl } from './urlPolicy';

const appWindows = new Set<BrowserWindow>();

/** Windows the app created, in creation order. */
export function listAppWindows(): BrowserWindow[] {
  return [...appWindows].filter((w) => !w.isDestroyed());
}

/** True when `contents` is the page of one of our windows (not a devtools page, not a popup). */
export function isAppWebContents(contents: WebContents): boolean {
  for (const w of appWindows) if (!w.isDestroyed() && w.webContents.id === contents.id) return true;
  return false;
}

/** A link the person clicked: only https goes to their browser; everything else is dropped. */
function openExternalIfSafe(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  // electronegativity-ok: isSafeExternalUrl admits only https URLs without credentials; the OS opens them in the browser.
  void shell.openExternal(url).catch(() => undefined);
}

/**
 * Guards for every WebContents the process ever creates (our window, devtools, anything a
 * future dependency opens), installed once before the first window.
 */
export function installWebContentsGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    // No popups: window.open and target=_blank never create an Electron window.
    contents.setWindowOpenHandler(({ url }) => {
      openExternalIfSafe(url);
      return { action: 'deny' };
    });
    // The page never leaves app://paragraf/. Reloads and loadURL from main do not pass here.
    contents.on('will-navigate', (event) => {
      event.preventDefault();
      openExternalIfSafe(event.url);
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame) event.preventDefault();
    });
    // Our handler never redirects, so any redirect is someone else's.
    contents.on('will-redirect', (event) => {
      event.preventDefault();
    });
    // webviewTag is off; this also covers a page that got one in anyway.
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
  });
}

/**
 * Minutes need no camera, microphone, location, notifications, MIDI, USB or clipboard
 * reading by script: every permission request and check is refused. Copy and paste by the
 * keyboard or the Redigera menu do not go through permissions and keep working.
 */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

export interface MainWindowOptions {
  preloadPath: string;
  /** Asked before the last window closes (e.g. unsynced changes); false keeps it open. */
  confirmClose?: (win: BrowserWindow) => boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Paragraf',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      // electronegativity-ok: the preload exposes only invoke/on through contextBridge (preload.ts), never ipcRenderer.
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links in new windows outside setWindowOpenHandler's "deny".
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google on Windows and Linux; an
      // offline app for public bodies does not call out unasked. Turn on with bundled
      // dictionaries (session.setSpellCheckerDictionaryDownloadURL) in a later change.
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  appWindows.add(win);
  win.on('closed', () => appWindows.delete(win));
  win.on('close', (event) => {
    if (options.confirmClose && appWindows.size === 1 && !options.confirmClose(win)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());

  // A crashed renderer loses nothing (the Core holds every acknowledged update), so reload it,
  // but not in a loop: after three crashes within a minute the window stays as it is.
  const crashes: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const now = Date.now();
    crashes.push(now);
    while (crashes.length > 0 && now - crashes[0]! > 60_000) crashes.shift();
    console.error(`[paragraf] renderer gone (${details.reason}); ${crashes.length <= 3 ? 'reloading' : 'not reloading again'}`);
    if (crashes.length <= 3 && !win.isDestroyed()) void win.loadURL(APP_ENTRY_URL);
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}
