/**
 * Limits that protect the server from a broken or hostile client:
 * - new WebSockets per client IP (a token bucket, checked at the HTTP upgrade, before any
 *   WebSocket exists: a refused client gets a plain HTTP 429);
 * - documents open on one WebSocket (checked per document, before authentication);
 * - message size is ws' `maxPayload`, set where the server is built (syncServer.ts).
 * Plain HTTP requests get a health check at /healthz and a 404 elsewhere: no document is
 * ever served over HTTP.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { connectedPayload, Extension, onConnectPayload, onDisconnectPayload, onRequestPayload, onUpgradePayload } from '@hocuspocus/server';
import { notASyncEndpoint, RefusalError, tooManyConnections } from '../messages';
import { RateLimiter } from '../rateLimit';

export interface LimitsOptions {
  burst: number;
  perMinute: number;
  maxDocumentsPerConnection: number;
  trustProxy: boolean;
  nodeName: string;
}

/**
 * Hocuspocus' Server rethrows a truthy rejection from onUpgrade/onRequest (an unhandled
 * rejection in its event handler); a falsy one just means "handled, stop here".
 */
const handled = (): Promise<never> => Promise.reject(undefined);

export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; earlier entries are the client's own claims.
    const xff = request.headers['x-forwarded-for'];
    const last = (Array.isArray(xff) ? xff.join(',') : (xff ?? '')).split(',').map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return request.socket.remoteAddress ?? 'unknown';
}

export class Limits implements Extension {
  extensionName = 'paragraf-limits';
  priority = 300;
  private readonly limiter: RateLimiter;
  private readonly open = new Map<string, Set<string>>();

  constructor(private readonly options: LimitsOptions) {
    this.limiter = new RateLimiter(options.burst, options.perMinute);
  }

  async onUpgrade({ request, socket }: onUpgradePayload): Promise<void> {
    const ip = clientAddress(request, this.options.trustProxy);
    if (this.limiter.take(ip)) return;
    const body = `${tooManyConnections.sv}\n${tooManyConnections.en}\n`;
    (socket as Duplex).end(
      `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${Math.max(1, this.limiter.retryAfterSeconds(ip))}\r\n` +
        `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    return handled();
  }

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ ok: true, node: this.options.nodeName }));
    } else {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`${notASyncEndpoint.sv}\n${notASyncEndpoint.en}\n`);
    }
    return handled();
  }

  async onConnect({ socketId }: onConnectPayload): Promise<void> {
    if ((this.open.get(socketId)?.size ?? 0) >= this.options.maxDocumentsPerConnection) {
      throw new RefusalError('too-many-documents', `max ${this.options.maxDocumentsPerConnection}`);
    }
  }

  async connected({ socketId, documentName }: connectedPayload): Promise<void> {
    const set = this.open.get(socketId) ?? new Set<string>();
    set.add(documentName);
    this.open.set(socketId, set);
  }

  async onDisconnect({ socketId, documentName }: onDisconnectPayload): Promise<void> {
    const set = this.open.get(socketId);
    if (!set) return;
    set.delete(documentName);
    if (set.size === 0) this.open.delete(socketId);
  }
}
