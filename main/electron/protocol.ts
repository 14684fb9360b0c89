/**
 * The app:// scheme: serves the built renderer (out/renderer) and nothing else, with the CSP
 * and other security headers on every response. See urlPolicy.ts for why a custom scheme and
 * not file://, and for the path rules (unit-tested there).
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, resolveAppRequest } from './urlPolicy';
import { securityHeaders } from './csp';

/**
 * Must run before app `ready`. standard: relative URLs and a real origin; secure: a secure
 * context like https; corsEnabled: Vite emits <script type="module" crossorigin>, which
 * Chromium fetches in CORS mode and refuses from a scheme without it; supportFetchAPI: the
 * renderer may fetch() its own assets (translations, fonts); codeCache: faster starts.
 * Deliberately not bypassCSP, not allowServiceWorkers, not stream.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, corsEnabled: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** Serves `rootDir` on app://paragraf/ for `ses`. GET and HEAD only; the renderer never posts. */
export function serveAppScheme(ses: Session, rootDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const resolved = resolveAppRequest(request.url, rootDir);
    if (!resolved.ok) return textResponse(resolved.status, resolved.reason);
    try {
      const body = await readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: securityHeaders(resolved.mimeType),
      });
    } catch {
      return textResponse(404, 'Not Found');
    }
  });
}
