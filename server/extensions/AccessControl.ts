/**
 * Who may open which document. Every document connection (Hocuspocus authenticates each
 * document on a socket separately) passes here before anything is loaded or sent:
 *
 * 1. the name must follow the naming contract (src/sync/docNames.ts), which gives the body;
 * 2. the token must belong to a user and not be revoked;
 * 3. the user must hold a grant for that body; a read-only grant sets
 *    `connectionConfig.readOnly`, and Hocuspocus then refuses (SyncStatus false) every
 *    update and sync step 2 that carries changes, so nothing from that connection is applied,
 *    broadcast or stored.
 *
 * Grants and tokens are re-checked on open connections every PARAGRAF_ACCESS_RECHECK_MS: a
 * revoked grant or token closes the document connection, a downgrade makes it read-only.
 */
import type { Connection, Extension, Hocuspocus, onAuthenticatePayload, onConfigurePayload } from '@hocuspocus/server';
import { parseDocumentName } from '../../src/sync/docNames';
import { RefusalError, refusal } from '../messages';
import type { AccessMode, ServerStore } from '../store/Store';
import { hashToken, looksLikeToken } from '../tokens';

/** What a connection carries after authentication (Hocuspocus' `context`). */
export interface ConnectionContext {
  tokenId: number;
  userId: number;
  userName: string;
  bodyId: string;
  mode: AccessMode;
}

export class AccessControl implements Extension {
  extensionName = 'paragraf-access';
  priority = 200;
  private instance: Hocuspocus | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private rechecking = false;

  constructor(
    private readonly store: ServerStore,
    private readonly recheckMs: number,
    private readonly log: (line: string) => void,
  ) {}

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
    this.timer ??= setInterval(() => void this.recheck(), this.recheckMs);
    this.timer.unref();
  }

  async onAuthenticate(data: onAuthenticatePayload): Promise<ConnectionContext> {
    const name = parseDocumentName(data.documentName);
    if (!name) throw new RefusalError('bad-document-name', JSON.stringify(data.documentName.slice(0, 200)));
    if (!looksLikeToken(data.token)) throw new RefusalError('unauthorized', 'no token or malformed token');
    let access;
    try {
      access = await this.store.authenticate(hashToken(data.token), name.bodyId);
    } catch (err) {
      this.log(`access: lookup failed / uppslagning misslyckades: ${err instanceof Error ? err.message : String(err)}`);
      throw new RefusalError('server-error');
    }
    if (!access) throw new RefusalError('unauthorized', 'unknown or revoked token');
    if (!access.mode) throw new RefusalError('forbidden', `user ${access.userName}, body ${name.bodyId}`);
    if (access.mode === 'read-only') data.connectionConfig.readOnly = true;
    return { tokenId: access.tokenId, userId: access.userId, userName: access.userName, bodyId: name.bodyId, mode: access.mode };
  }

  /** Applies revocations and downgrades to open connections. Returns how many were closed. */
  async recheck(): Promise<number> {
    if (!this.instance || this.rechecking) return 0;
    this.rechecking = true;
    try {
      const byKey = new Map<string, { tokenId: number; bodyId: string; connections: Connection[] }>();
      for (const document of this.instance.documents.values()) {
        for (const connection of document.connections.keys()) {
          const ctx = connection.context as Partial<ConnectionContext> | undefined;
          if (ctx?.tokenId === undefined || ctx.bodyId === undefined) continue;
          const key = `${ctx.tokenId}|${ctx.bodyId}`;
          const entry = byKey.get(key) ?? { tokenId: ctx.tokenId, bodyId: ctx.bodyId, connections: [] };
          entry.connections.push(connection);
          byKey.set(key, entry);
        }
      }
      let closed = 0;
      for (const { tokenId, bodyId, connections } of byKey.values()) {
        const mode = await this.store.accessFor(tokenId, bodyId);
        for (const connection of connections) {
          if (mode === null) {
            connection.close({ code: 4403, reason: JSON.stringify(refusal('access-revoked')) });
            closed++;
          } else if (mode === 'read-only') {
            // Only downgrades apply live; an upgrade takes effect when the app reconnects. The
            // context says so too: LockGuard, which makes a connection read-only for one refused
            // message, must not make a downgraded one writable again afterwards.
            (connection.context as ConnectionContext).mode = 'read-only';
            connection.readOnly = true;
          }
        }
      }
      if (closed > 0) this.log(`access: closed ${closed} connection(s) after a revocation / stängde ${closed} anslutning(ar) efter återkallelse`);
      return closed;
    } catch (err) {
      this.log(`access: re-check failed / omkontroll misslyckades: ${err instanceof Error ? err.message : String(err)}`);
      return 0;
    } finally {
      this.rechecking = false;
    }
  }

  async onDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
