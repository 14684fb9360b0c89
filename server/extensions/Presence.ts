/**
 * Awareness (who is in a protocol, where their cursor is) as the server relays it. Hocuspocus
 * relays awareness only among the authenticated connections of one document, so access
 * control already decides who sees whom: a user without a grant for the body never gets a
 * connection to relay to or from. This extension adds what the app relies on:
 *
 * - a size limit per state: anything bigger than PARAGRAF_MAX_AWARENESS_BYTES (as JSON) is
 *   replaced by an empty state, i.e. "connected, shows nothing", so one client cannot make
 *   every other one hold and resend megabytes every 15 s;
 * - the account name, stamped by the server into every non-empty state (`account`), so the
 *   name others see falls back to who really connected and cannot be borrowed for it.
 *
 * States relayed from another node (Redis) were checked on that node and pass unchanged.
 */
import type { beforeHandleAwarenessPayload, Extension } from '@hocuspocus/server';
import type { ConnectionContext } from './AccessControl';

export class Presence implements Extension {
  extensionName = 'paragraf-presence';

  constructor(private readonly maxStateBytes: number) {}

  async beforeHandleAwareness({ states, connection, context }: beforeHandleAwarenessPayload<Partial<ConnectionContext>>): Promise<void> {
    if (!connection) return;
    const account = context?.userName;
    for (const [clientId, state] of states) {
      if (!state || typeof state !== 'object' || Object.keys(state).length === 0) continue;
      if (Buffer.byteLength(JSON.stringify(state)) > this.maxStateBytes || account === undefined) {
        states.set(clientId, {});
        continue;
      }
      state.account = account;
    }
  }
}
