/**
 * The harness: the real Core behind the same API contract, over a WebSocket on 127.0.0.1,
 * plus a static server for the built renderer. It lets Playwright drive the real renderer
 * and the real Core in Chromium on machines where the Electron binary cannot be fetched,
 * and lets a person try the app in a browser (`npm run web`).
 *
 * Guarded like an IPC channel: loopback only, a random token per run (given to the page in
 * the URL fragment, which is never sent to a server or a log), and an Origin check, so
 * another web page in the same browser cannot drive the Core.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch } from '../../src/api/dispatch';
import { ParagrafError } from '../../src/api/errors';
import type { WireEvent, WireRequest, WireResponse } from '../../src/api/transport';
import { Core, type CoreOptions } from '../core/Core';
import { contentSecurityPolicy } from '../electron/csp';

export interface HarnessOptions extends Omit<CoreOptions, 'dataDir'> {
  dataDir: string;
  rendererDir?: string;
  port?: number;
}

export interface Harness {
  url: string;
  origin: string;
  wsUrl: string;
  token: string;
  core: Core;
  close(): Promise<void>;
}

/** The app window's own policy (main/electron/csp.ts): the browser suite runs under the same rules. */
export const CSP = contentSecurityPolicy;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** 64 MiB: above the contract's largest update, far below what would hurt the machine. */
const MAX_MESSAGE = 64 * 1024 * 1024 + 4096;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { rendererDir = path.resolve('out/renderer'), port = 0, ...coreOptions } = options;
  const core = Core.open(coreOptions);
  const token = randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let origin = '';

  const server = http.createServer((req, res) => serveStatic(rendererDir, req, res));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE });
  const clients = new Map<WebSocket, string>();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const tokenOk = given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
    const originOk = req.headers.origin === origin;
    if (url.pathname !== '/api' || !tokenOk || !originOk) {
      const why = url.pathname !== '/api' ? '404 Not Found' : !tokenOk ? '401 Unauthorized' : '403 Forbidden';
      socket.end(`HTTP/1.1 ${why}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    const clientId = randomUUID();
    clients.set(ws, clientId);
    ws.on('close', () => clients.delete(ws));
    ws.on('message', async (data, isBinary) => {
      let req: WireRequest;
      try {
        if (isBinary) throw new Error('binary frame');
        req = JSON.parse(data.toString()) as WireRequest;
        if (typeof req !== 'object' || req === null || typeof req.id !== 'number') throw new Error('no id');
      } catch {
        // Without an id there is nobody to answer: report on id 0 and carry on.
        const error = new ParagrafError(
          'INVALID_PARAMS',
          'Meddelandet kunde inte läsas (inte JSON med id, method och params). Inget har ändrats.',
          'The message could not be read (not JSON with id, method and params). Nothing was changed.',
        ).toApiError();
        ws.send(JSON.stringify({ id: 0, result: { ok: false, error } } satisfies WireResponse));
        return;
      }
      const result = await dispatch(core.handlers, req.method, req.params, { clientId });
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: req.id, result } satisfies WireResponse));
    });
  });

  const offCore = core.onEvent((event, payload, exceptClientId) => {
    const message = JSON.stringify({ event, payload } satisfies WireEvent);
    for (const [ws, id] of clients) if (id !== exceptClientId && ws.readyState === ws.OPEN) ws.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('harness: no TCP address');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    wsUrl: `ws://127.0.0.1:${address.port}/api?token=${token}`,
    token,
    core,
    async close() {
      offCore();
      for (const ws of clients.keys()) ws.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // close() alone waits for every keep-alive connection the browser still holds, which
      // once kept a CI run's harness alive past its SIGTERM deadline: cut them instead.
      server.closeAllConnections();
      await closed;
      core.close();
    },
  };
}

function serveStatic(root: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const headers = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, headers).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
  // Refuse anything outside the renderer build (path traversal).
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    const missing = !fs.existsSync(path.join(root, 'index.html'));
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(
      missing
        ? 'Gränssnittet är inte byggt: kör "npm run build:renderer". / The UI is not built: run "npm run build:renderer".'
        : 'Hittades inte. / Not found.',
    );
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}
