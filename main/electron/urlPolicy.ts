/**
 * Which URLs the shell treats as its own, which it may hand to the operating system, and how
 * an app:// request maps to a file. Pure (node:path only, no `electron`), so every rule here
 * is unit-tested in plain Node with hostile input (tests/unit/electron/urlPolicy.test.ts).
 *
 * Why a custom scheme and not file://: a page loaded from file:// shares the "file" origin with
 * every file on the disk, so a single injected script could read local files with fetch(), and
 * an IPC sender check could not tell our page from any other local HTML file. `app://paragraf/`
 * is a real, unique origin: CSP 'self' means exactly our bundle, the sender check compares one
 * string, and the handler below serves only files under out/renderer. It also lets us turn the
 * grantFileProtocolExtraPrivileges fuse off in production.
 */
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'paragraf';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is on exactly our origin. `new URL(...).origin` is "null" for non-special
 * schemes, so scheme and host are compared by hand; userinfo and ports are refused because
 * our pages never have them (`app://evil@paragraf/`, `app://paragraf:1/`).
 */
export function isSameOrigin(url: string, origin: string = APP_ORIGIN): boolean {
  let u: URL;
  let o: URL;
  try {
    u = new URL(url);
    o = new URL(origin);
  } catch {
    return false;
  }
  if (o.host === '' || o.protocol === 'file:') return false;
  return u.protocol === o.protocol && u.host === o.host && u.username === '' && u.password === '' && u.port === '';
}

export const isAppUrl = (url: string): boolean => isSameOrigin(url, APP_ORIGIN);

/**
 * Links a person may follow out of the app, opened in their browser by the OS. Only https:
 * (no http: to avoid handing unencrypted links on, no file:, smb:, ms-*, custom handlers or
 * javascript:, which the OS would happily run or open), and no credentials in the URL.
 */
export function isSafeExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && u.hostname !== '' && u.username === '' && u.password === '' && url.length <= 2048;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppRequestResolution =
  | { ok: true; filePath: string; mimeType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// request URL to a file under `rootDir`, or says why not. Every decision is
 * lexical (the served tree is our own build output, inside app.asar when packaged), and the
 * final containment test runs on the resolved path, so whatever the URL parser or the percent
 * decoding did (`..`, `%2e%2e`, `%2F`, `%5C`), nothing outside `rootDir` can come out.
 */
export function resolveAppRequest(requestUrl: string, rootDir: string): AppRequestResolution {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparsable URL' };
  }
  if (!isAppUrl(requestUrl)) return { ok: false, status: 403, reason: 'not our origin' };

  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  // NUL ends a C path; a backslash is a separator on Windows. Neither appears in our bundle.
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400, reason: 'forbidden character' };
  if (!pathname.startsWith('/')) pathname = `/${pathname}`;
  if (pathname.endsWith('/')) pathname += 'index.html';

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, `.${pathname}`);
  const rel = path.relative(root, filePath);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    return { ok: false, status: 403, reason: 'outside the app folder' };
  }
  const ext = path.extname(filePath).toLowerCase();
  const mimeType = mimeTypes[ext];
  // Serving only known types keeps a stray file (a .node addon, a database) from being readable.
  if (mimeType === undefined) return { ok: false, status: 404, reason: `unknown file type "${ext}"` };
  return { ok: true, filePath, mimeType };
}
