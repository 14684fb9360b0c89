/**
 * A replica of one Core document, for the renderer (and for tests in Node). The Core holds
 * the authoritative Y.Doc; the replica sends every local change to `docs.applyUpdate`, which
 * answers only once the change is in SQLite, and keeps each change queued until that answer.
 * Nothing is dropped on an error: the queue is retried with backoff, and after a reconnect
 * `resync()` re-sends the whole local state (Yjs updates are idempotent) and fetches what the
 * Core has that the replica lacks. The one exception is a refusal no retry can change (the
 * protocol was justerat and locked meanwhile, CONFLICT): retrying forever would keep "Inte
 * sparat – försöker igen" up and the meeting impossible to leave, so the change is set aside
 * (`refused`), stays in this window's document, and the status says it was not saved and why.
 */
import * as Y from 'yjs';
import type { TypedApi } from '../api/transport';
import { fromBase64, toBase64 } from '../api/base64';

/** Origin of updates that came from the Core: they must not be sent back. */
export const REMOTE_ORIGIN = Symbol('paragraf-remote');

export type ReplicaState = 'loading' | 'saved' | 'saving' | 'retrying' | 'error';
export interface ReplicaStatus {
  state: ReplicaState;
  savedAt: string | null;
  pending: number;
  /** Changes the Core refused for good (see the header); never retried. */
  refused: number;
  error?: { sv: string; en: string };
}

/** Error codes after which a retry cannot succeed. */
const PERMANENT_REFUSALS: ReadonlySet<string> = new Set(['CONFLICT']);

type Timer = unknown;
interface Scheduler {
  setTimeout(fn: () => void, ms: number): Timer;
  clearTimeout(t: Timer): void;
}
// src/ may use neither DOM nor Node types; both environments have these two functions.
const defaultScheduler = globalThis as unknown as Scheduler;

export interface DocReplicaOptions {
  scheduler?: Scheduler;
  /** First retry delay; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export class DocReplica {
  readonly doc = new Y.Doc();
  private queue: Uint8Array[] = [];
  private refused: Uint8Array[] = [];
  private sending = false;
  /** Bumped by resync(), which replaces the queue while a send may be in flight. */
  private generation = 0;
  private retryTimer: Timer | null = null;
  private retryDelay: number;
  private status: ReplicaStatus = { state: 'loading', savedAt: null, pending: 0, refused: 0 };
  private readonly statusListeners = new Set<(s: ReplicaStatus) => void>();
  private unsubscribe: (() => void) | null = null;
  private destroyed = false;
  private readonly scheduler: Scheduler;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;

  constructor(
    private readonly api: TypedApi,
    readonly docId: string,
    options: DocReplicaOptions = {},
  ) {
    this.scheduler = options.scheduler ?? defaultScheduler;
    this.retryMs = options.retryMs ?? 250;
    this.maxRetryMs = options.maxRetryMs ?? 5_000;
    this.retryDelay = this.retryMs;
  }

  /** Loads the Core's state. Local edits are only accepted after this resolves. */
  async open(): Promise<void> {
    const res = await this.api.invoke('docs.open', { docId: this.docId });
    if (!res.ok) {
      this.setStatus({ state: 'error', error: res.error.message });
      throw new Error(res.error.message.en);
    }
    // destroy() may have run while the Core answered: then subscribe to nothing.
    if (this.destroyed) return;
    Y.applyUpdate(this.doc, fromBase64(res.value.update), REMOTE_ORIGIN);
    this.unsubscribe = this.api.on('docs.updated', (p) => {
      if (p.docId !== this.docId || this.destroyed) return;
      Y.applyUpdate(this.doc, fromBase64(p.update), REMOTE_ORIGIN);
    });
    this.doc.on('update', this.onUpdate);
    this.setStatus({ state: 'saved', savedAt: null });
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === REMOTE_ORIGIN || this.destroyed) return;
    this.queue.push(update);
    this.setStatus({ state: this.status.state === 'retrying' ? 'retrying' : 'saving' });
    void this.flush();
  };

  /** Sends the queue, one request at a time, merging what piled up while the last was in flight. */
  private async flush(): Promise<void> {
    if (this.sending || this.destroyed) return;
    this.sending = true;
    try {
      while (this.queue.length > 0 && !this.destroyed) {
        const count = this.queue.length;
        const generation = this.generation;
        const batch = count === 1 ? this.queue[0]! : Y.mergeUpdates(this.queue.slice(0, count));
        let res;
        try {
          res = await this.api.invoke('docs.applyUpdate', { docId: this.docId, update: toBase64(batch) });
        } catch (err) {
          res = {
            ok: false as const,
            error: { code: 'STORE_FAILED' as const, message: { sv: 'Ingen kontakt med lagringen.', en: 'No contact with the store.' }, detail: String(err) },
          };
        }
        if (generation !== this.generation) continue;
        if (res.ok) {
          this.queue.splice(0, count);
          this.retryDelay = this.retryMs;
          this.setStatus({ state: this.queue.length > 0 ? 'saving' : 'saved', savedAt: res.value.savedAt });
        } else if (PERMANENT_REFUSALS.has(res.error.code)) {
          this.refused.push(...this.queue.splice(0, count));
          this.setStatus({ state: 'error', error: res.error.message });
        } else {
          this.setStatus({ state: 'retrying', error: res.error.message });
          this.scheduleRetry();
          return;
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.destroyed) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.retryDelay * 2, this.maxRetryMs);
    this.retryTimer = this.scheduler.setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  /**
   * After the transport reconnected (the Core may have restarted): fetch what we lack, then
   * make sure the Core has everything we have, whether or not it was acknowledged before.
   */
  async resync(): Promise<void> {
    if (this.destroyed) return;
    const res = await this.api.invoke('docs.sync', { docId: this.docId, stateVector: toBase64(Y.encodeStateVector(this.doc)) });
    if (res.ok) Y.applyUpdate(this.doc, fromBase64(res.value.update), REMOTE_ORIGIN);
    this.generation++;
    // The whole state, refused changes included: asked again, the Core answers for all of it.
    this.queue = [Y.encodeStateAsUpdate(this.doc)];
    this.refused = [];
    if (this.retryTimer !== null) {
      this.scheduler.clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.retryDelay = this.retryMs;
    this.setStatus({ state: 'saving' });
    await this.flush();
  }

  /**
   * Resolves when every local change so far is answered: saved, or refused for good (nothing
   * left to wait for); rejects after `timeoutMs`.
   */
  whenSaved(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0 && !this.sending) return resolve();
      const timer = this.scheduler.setTimeout(() => {
        off();
        reject(new Error('not saved in time'));
      }, timeoutMs);
      const off = this.onStatus((s) => {
        if (s.pending === 0 && (s.state === 'saved' || s.state === 'error')) {
          this.scheduler.clearTimeout(timer);
          off();
          resolve();
        }
      });
    });
  }

  getStatus(): ReplicaStatus {
    return this.status;
  }

  onStatus(listener: (s: ReplicaStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(patch: Partial<ReplicaStatus>): void {
    const next: ReplicaStatus = { ...this.status, ...patch, pending: this.queue.length, refused: this.refused.length };
    if (patch.state && patch.state !== 'retrying' && patch.state !== 'error') delete next.error;
    this.status = next;
    for (const l of this.statusListeners) l(next);
  }

  /** Unsent changes stay counted in `getStatus().pending`; the caller decides whether to warn. */
  destroy(): void {
    this.destroyed = true;
    if (this.retryTimer !== null) this.scheduler.clearTimeout(this.retryTimer);
    this.unsubscribe?.();
    this.doc.off('update', this.onUpdate);
    this.statusListeners.clear();
    this.doc.destroy();
  }
}
