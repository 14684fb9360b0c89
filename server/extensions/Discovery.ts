/**
 * Discovery: `GET /v1/documents` with `Authorization: Bearer <token>` answers which documents
 * the token's user may open, so the app finds meetings and bodies created on another device.
 *
 * Why plain HTTP and not a message on the WebSocket: Hocuspocus authenticates per document,
 * and a listing belongs to no document. A stateless request needs no pseudo-document that
 * would have to be kept out of storage, and it passes the same reverse proxy unchanged.
 *
 * The answer is checked like a document connection: the token must be live (same hash
 * lookup), and only names whose body (read from the name) the user holds a grant for are
 * listed (the SQL filters, and `grantedOnly` filters again). An unknown token learns nothing,
 * not even whether any documents exist. Requests are rate-limited per client address.
 */
import type { Extension, onRequestPayload } from '@hocuspocus/server';
import { refusal } from '../messages';
import { RateLimiter } from '../rateLimit';
import type { ServerStore } from '../store/Store';
import { hashToken, looksLikeToken } from '../tokens';
import { clientAddress } from './Limits';

export const DISCOVERY_PATH = '/v1/documents';

/** A falsy rejection tells Hocuspocus "handled, stop here" (see Limits.ts). */
const handled = (): Promise<never> => Promise.reject(undefined);

export class Discovery implements Extension {
  extensionName = 'paragraf-discovery';
  // Before Limits (300), whose onRequest answers 404 for every other path.
  priority = 400;
  private readonly limiter: RateLimiter;

  constructor(
    private readonly store: ServerStore,
    private readonly options: { burst: number; perMinute: number; trustProxy: boolean },
    private readonly log: (line: string) => void,
  ) {
    this.limiter = new RateLimiter(options.burst, options.perMinute);
  }

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== DISCOVERY_PATH) return;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'GET') {
      send(405, { code: 'method-not-allowed' }, { Allow: 'GET' });
      return handled();
    }
    if (!this.limiter.take(clientAddress(request, this.options.trustProxy))) {
      send(429, { code: 'too-many-requests' }, { 'Retry-After': '10' });
      return handled();
    }
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!looksLikeToken(token)) {
      send(401, refusal('unauthorized'));
      return handled();
    }
    try {
      const listing = await this.store.listDocuments(hashToken(token));
      if (!listing) send(401, refusal('unauthorized'));
      else send(200, { bodies: listing.bodies, documents: listing.documents });
    } catch (err) {
      this.log(`discovery: lookup failed / uppslagning misslyckades: ${err instanceof Error ? err.message : String(err)}`);
      send(500, refusal('server-error'));
    }
    return handled();
  }
}
