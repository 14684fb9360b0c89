/**
 * The Content-Security-Policy of the app window, sent as a response header by the app://
 * handler (protocol.ts). Pure, so the harness can serve the very same header and the browser
 * end-to-end suite catches a violation before the Electron build does.
 *
 * - script-src 'self': only our bundle runs; no inline script, no eval.
 * - style-src 'self' without 'unsafe-inline': Slate 0.146 and React set styles through the
 *   CSSOM (element.style), which CSP does not govern; only <style> elements and style=""
 *   attributes in markup would need 'unsafe-inline', and the renderer uses neither.
 * - img-src adds data:/blob: for icons and pasted images held in memory, nothing remote.
 * - connect-src 'self': the renderer talks to the Core through IPC, never the network.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every app:// response carries. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
