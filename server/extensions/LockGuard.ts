/**
 * A justerat (signed and locked) protocol is not changed on the server either: least privilege
 * beside the app's own lock (main/export/justering.ts). Once a meeting document's `meta` holds
 * the lock record (src/export/lock.ts), an update from a client that would change anything but
 * what may change after justering (rättelser, register corrections, frozen § numbers) is refused
 * as a read-only user's is: Hocuspocus answers SyncStatus false and neither applies, broadcasts
 * nor stores it (Persistence, below this extension, does not log it). The client keeps its
 * change locally, where the app shows it as a change after justering to record as a rättelse.
 *
 * The update that sets the lock passes (the document is not locked yet); a later one that
 * changes or removes the lock is refused like any other meta change, so the first lock to
 * reach the server stands.
 *
 * Its own extension, so the access-control and persistence code stays as it is: the refusal
 * uses Hocuspocus' read-only path for the one message (the flag is put back after it).
 */
import type { afterHandleMessagePayload, beforeSyncPayload, Connection, Extension } from '@hocuspocus/server';
import { refusedAfterLock } from '../../src/export/lock';
import { parseDocumentName } from '../../src/sync/docNames';
import type { ConnectionContext } from './AccessControl';

/** y-protocols/sync message types. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export class LockGuard implements Extension {
  extensionName = 'paragraf-lock-guard';
  // After access control (200) has set read-only users, before persistence (100) logs the update.
  priority = 150;
  /** Connections made read-only for the message being handled, and only for it. */
  private readonly refusing = new WeakSet<Connection>();

  constructor(private readonly log: (line: string) => void) {}

  async beforeSync({ type, payload, connection, document, documentName }: beforeSyncPayload): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    if (connection.readOnly) return;
    if (parseDocumentName(documentName)?.kind !== 'meeting') return;
    const refused = refusedAfterLock(document, payload);
    if (!refused || refused.length === 0) return;
    this.log(`lock: refused a change to justerat ${documentName} (${refused.join(', ')}) / vägrade en ändring i ett justerat protokoll`);
    this.refusing.add(connection);
    connection.readOnly = true;
  }

  async afterHandleMessage({ connection }: afterHandleMessagePayload): Promise<void> {
    if (!this.refusing.delete(connection)) return;
    // Writable again only if its grant still says so: a grant downgraded while this message
    // was refused (AccessControl's re-check writes it into the context) stays read-only.
    if ((connection.context as Partial<ConnectionContext> | undefined)?.mode !== 'read-only') connection.readOnly = false;
  }
}
