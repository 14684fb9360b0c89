/**
 * Documents in and out of the store, with the two promises of this server:
 *
 * - **Acknowledged means stored.** Hocuspocus acknowledges a client's update (SyncStatus)
 *   right after applying it, and calls onStoreDocument only later (debounced). So every
 *   update that carries changes is appended to the store's log in `beforeSync`, which
 *   Hocuspocus awaits *before* applying and acknowledging the message. If the process dies
 *   a moment later, the update is in the log; if the append fails, the message throws, the
 *   connection is closed, nothing is acknowledged and the client sends it again.
 * - **A document that failed to load is never stored.** If loading throws, Hocuspocus
 *   refuses the connection (the reason is sent to the client, no document data is) and
 *   never runs the store hooks for that document; besides, `storeDocument` merges into the
 *   stored snapshot rather than replacing it, so even an empty document could not erase one.
 */
import type { beforeSyncPayload, Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { RefusalError } from '../messages';
import { isEmptyUpdate } from '../store/docState';
import type { ServerStore } from '../store/Store';

/** y-protocols/sync message types. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export class Persistence implements Extension {
  extensionName = 'paragraf-persistence';
  // Below the Redis extension (1000), whose onStoreDocument takes a lock first.
  priority = 100;

  constructor(
    private readonly store: ServerStore,
    private readonly log: (line: string) => void,
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    let state: Uint8Array | null;
    try {
      state = await this.store.loadDocument(documentName);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.log(`load failed / kunde inte läsa ${documentName}: ${detail}`);
      throw new RefusalError('load-failed', documentName);
    }
    if (state) Y.applyUpdate(document, state);
  }

  async beforeSync({ type, payload, connection, documentName }: beforeSyncPayload): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
    // A read-only connection's changes are refused by Hocuspocus right after this hook.
    if (connection.readOnly) return;
    if (isEmptyUpdate(payload)) return;
    await this.store.appendUpdate(documentName, payload);
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.store.storeDocument(documentName, Y.encodeStateAsUpdate(document));
  }
}
