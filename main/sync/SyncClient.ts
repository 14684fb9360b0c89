/**
 * The sync client: keeps the Core's documents in step with a Paragraf sync server (server/)
 * over ONE WebSocket, one Hocuspocus provider per document, names per the naming contract
 * (src/sync/docNames.ts). Node only: no `electron`, so tests run it in plain Node.
 *
 * Why each provider gets a *shadow* Y.Doc and not the Core's own document: the promise of
 * the product is that nothing counts before it is in the SQLite log. A provider applies what
 * the server sends to its document straight away; here that is the shadow, and each update
 * it receives goes through the host (the Core), which logs it, applies it to the
 * authoritative document and tells the renderer replicas, in that order. Local changes flow
 * the other way: every update of the authoritative document that did not come from the
 * server is applied to the shadow (after the Core has logged it: a microtask later), and the
 * provider sends it. The shadow is built from the stored state, so after a restart Yjs'
 * state-vector handshake sends whatever the server lacks: offline edits need no queue of
 * their own, the SQLite log is the queue.
 *
 * While the socket is down, local updates are applied to the shadow *silently* (as if from
 * the provider, so it neither sends nor counts them) and the next handshake carries them;
 * otherwise each would wait in the socket's queue and its late acknowledgement would be
 * mistaken for the handshake's, showing "synced" too early.
 *
 * "Synced" means: the handshake is done and the provider's `unsyncedChanges` is 0, i.e. the
 * server acknowledged (= stored, server/README.md) every local change made so far. The last
 * such point is kept per document as a log sequence number (`clean` seq), so after a restart
 * a document whose log grew since then is known to have changes the server may lack.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readLockRecord } from '../../src/export/lock';
import { parseDocumentName, type DocumentName } from '../../src/sync/docNames';
import { parseRefusal, problem, type SyncProblem } from './messages';

export type DocSyncState = 'saved-locally' | 'synced' | 'offline' | 'error';
export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface DocSyncStatus {
  docId: string;
  name: string;
  state: DocSyncState;
  /** Local changes the server has not acknowledged yet (they are safe in the local log). */
  pending: boolean;
  readOnly: boolean;
  error: SyncProblem | null;
}

export interface SyncClientStatus {
  connection: ConnectionState;
  /** A problem of the whole connection (e.g. the token is refused), else null. */
  error: SyncProblem | null;
  docs: DocSyncStatus[];
}

/** Another user's presence in a document (Yjs awareness), as the Core reports it. */
export interface PresencePeer {
  /** The peer's awareness client id: stable while its document stays open there. */
  clientId: number;
  /** The name the peer chose, else the account name the server stamped. */
  name: string;
  /** The server account (stamped by the server, not by the peer). */
  account: string | null;
  /** The peer's selection as base64-encoded Yjs relative positions in the meeting's `content`. */
  cursor: PresenceCursor | null;
}
export interface PresenceCursor {
  anchor: string;
  focus: string;
}
export interface PresenceSettings {
  enabled: boolean;
  /** Shown to others; null: the account name on the server. */
  name: string | null;
}

/** Longest relative position (base64) and name taken from a peer; anything longer is dropped. */
const MAX_POSITION_CHARS = 200;
const MAX_NAME_CHARS = 100;

export type AdoptResult = { ok: true; docId: string } | { ok: false; wait: true } | { ok: false; wait: false; problem: SyncProblem };

/** What the client needs from the Core. Every method is synchronous (better-sqlite3). */
export interface SyncHost {
  /** Every local document that can sync, with its server name. */
  localDocuments(): Array<{ docId: string; name: string }>;
  /** The Core's authoritative document. */
  doc(docId: string): Y.Doc;
  /** The document's last log sequence number. */
  savedSeq(docId: string): number;
  /**
   * Log an update from the server, apply it, tell the replicas. Throws if it could not be logged.
   * The bytes are what the shadow document emitted: Yjs' own encoding of what it applied.
   */
  applyRemote(docId: string, update: Uint8Array): void;
  /** Create a document first seen on the server from its full state (never over a stored one). */
  adoptRemote(name: DocumentName, state: Uint8Array): AdoptResult;
  /** Per document, the log seq at which the server last had every local change. */
  loadClean(): Map<string, number>;
  saveClean(entries: Array<[string, number]>): void;
}

export interface SyncClientOptions {
  url: string;
  token: string;
  host: SyncHost;
  /** Called (coalesced) with the documents whose status changed, and the whole status. */
  onChange?: (changed: DocSyncStatus[], status: SyncClientStatus) => void;
  /** Reconnect backoff (ms): first delay, jitter floor, ceiling. Defaults 1 s, 1 s, 30 s. */
  reconnect?: { delay?: number; minDelay?: number; maxDelay?: number };
  /** Ask the server which documents exist this often while online (ms). Default 30 s. */
  discoverEveryMs?: number;
  /** Awareness (who else is here, their cursors): off unless enabled. */
  presence?: PresenceSettings;
  /** Called (coalesced) when the peers of a document this computer has open changed. */
  onPresence?: (docId: string, peers: PresencePeer[]) => void;
  log?: (line: string) => void;
}

/** Origin of local updates forwarded to a shadow: the provider sends these. */
const LOCAL = Symbol('paragraf-sync-local');

/** Refusals after which a document is tried again once discovery says its body is granted. */
const RETRYABLE = new Set(['forbidden', 'access-revoked', 'server-error', 'load-failed', 'too-many-documents', 'refused', 'store-failed']);

class DocLink {
  shadow = new Y.Doc();
  provider: HocuspocusProvider | null = null;
  /** The Core's document, once one exists locally (always, except for a discovered one not yet adopted). */
  authDoc: Y.Doc | null = null;
  offAuth: (() => void) | null = null;
  queue: Uint8Array[] = [];
  scope: 'read-write' | 'readonly' | null = null;
  error: SyncProblem | null = null;
  /** Local changes seen / acknowledged by the server (counts in this run). */
  localVersion = 0;
  ackedVersion = 0;
  /** The log grew after the last clean point of an earlier run. */
  dirtyAtStart = false;
  /** Local changes were not forwarded (read-only, or an error): catch up before counting as clean. */
  skipped = false;
  /**
   * The server refused a change from here in this run (SyncStatus false: a justerat meeting
   * there). Local and server now differ for good, so nothing counts as acknowledged again.
   */
  refused = false;
  lastEmitted = '';
  lastPeers = '[]';

  constructor(
    readonly name: string,
    readonly parsed: DocumentName,
    readonly docId: string,
  ) {}

  get adopted(): boolean {
    return this.authDoc !== null;
  }
}

function docIdOf(name: DocumentName): string {
  return name.kind === 'body' ? name.bodyId : name.meetingId;
}

export function discoveryUrl(wsUrl: string): string {
  const u = new URL(wsUrl);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/v1/documents`;
  u.search = '';
  u.hash = '';
  return u.toString();
}

export class SyncClient {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly links = new Map<string, DocLink>();
  private connection: ConnectionState = 'connecting';
  private overallError: SyncProblem | null = null;
  private applyingRemote = false;
  private silent = false;
  private stopped = false;
  private discovering = false;
  private discoverTimer: ReturnType<typeof setInterval> | null = null;
  private emitTimer: ReturnType<typeof setTimeout> | null = null;
  private cleanTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanToSave = new Map<string, number>();
  private readonly cleanAtStart: Map<string, number>;
  /** Listed documents whose content does not match their name: not opened again this run. */
  private readonly unadoptable = new Set<string>();
  private readonly log: (line: string) => void;
  private presence: PresenceSettings;
  /** Documents open in a window here, with this computer's cursor in each (null: none yet). */
  private readonly here = new Map<string, PresenceCursor | null>();
  private readonly presenceDirty = new Set<DocLink>();
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SyncClientOptions) {
    this.log = options.log ?? ((l) => console.error(`paragraf-sync: ${l}`));
    this.presence = options.presence ?? { enabled: false, name: null };
    this.cleanAtStart = options.host.loadClean();
    const r = options.reconnect ?? {};
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: WebSocket,
      delay: r.delay ?? 1000,
      minDelay: r.minDelay ?? 1000,
      maxDelay: r.maxDelay ?? 30_000,
      factor: 2,
      jitter: true,
      // Retry forever: the laptop will be back online eventually.
      maxAttempts: 0,
    });
    this.socket.on('status', ({ status }: { status: WebSocketStatus }) => this.onSocketStatus(status));
    this.refreshLocal();
    const every = options.discoverEveryMs ?? 30_000;
    this.discoverTimer = setInterval(() => {
      if (this.connection === 'online') void this.discover();
    }, every);
    this.discoverTimer.unref?.();
  }

  // -------------------------------------------------------------------------------------
  // Public

  status(): SyncClientStatus {
    const docs = [...this.links.values()].filter((l) => l.adopted).map((l) => this.statusOf(l));
    return { connection: this.connection, error: this.overallError, docs };
  }

  /** The Core created documents: start syncing them. */
  documentsChanged(): void {
    if (!this.stopped) this.refreshLocal();
  }

  /** Simulate losing / regaining the network (tests), or pause syncing. */
  setOnline(online: boolean): void {
    if (this.stopped) return;
    if (online) {
      // If the socket has not yet seen its own close, connect() returns at once; wanting a
      // connection makes the close handler reconnect instead of staying down.
      this.socket.shouldConnect = true;
      void this.socket.connect();
    } else this.socket.disconnect();
  }

  /** Turns awareness on or off, or changes the name others see. */
  setPresence(settings: PresenceSettings): void {
    if (this.stopped) return;
    this.presence = { ...settings };
    for (const l of this.links.values()) {
      this.applyLocalPresence(l);
      this.markPresence(l);
    }
  }

  /**
   * A window shows this document (cursor: where this computer's selection is), or no longer
   * does (`null` for `here`). Nothing is sent unless presence is enabled.
   */
  setHere(docId: string, here: { cursor: PresenceCursor | null } | null): void {
    if (this.stopped) return;
    if (here) this.here.set(docId, here.cursor);
    else this.here.delete(docId);
    const l = this.linkOf(docId);
    if (l) {
      this.applyLocalPresence(l);
      this.markPresence(l);
    }
  }

  /** The other users in a document, [] when presence is off or it is not open here. */
  peers(docId: string): PresencePeer[] {
    const l = this.linkOf(docId);
    return l ? this.peersOf(l) : [];
  }

  /** Asks the server which documents exist, and opens new ones. Resolves when done. */
  async discover(): Promise<void> {
    if (this.stopped || this.discovering) return;
    this.discovering = true;
    try {
      const res = await fetch(discoveryUrl(this.options.url), {
        headers: { Authorization: `Bearer ${this.options.token}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (this.stopped) return;
      if (res.status === 401) {
        this.setOverallError(problem('unauthorized'));
        return;
      }
      if (!res.ok) return;
      const body = (await res.json()) as { bodies?: Array<{ bodyId: string }>; documents?: string[] };
      if (this.stopped) return;
      this.setOverallError(null);
      const granted = new Set((body.bodies ?? []).map((b) => b.bodyId));
      this.refreshLocal();
      const knownIds = new Set([...this.links.values()].map((l) => l.docId));
      for (const name of body.documents ?? []) {
        const parsed = parseDocumentName(name);
        // The server only lists granted names; checked again rather than trusted.
        if (!parsed || !granted.has(parsed.bodyId) || this.links.has(name) || knownIds.has(docIdOf(parsed)) || this.unadoptable.has(name)) continue;
        this.link(name, parsed, null);
      }
      for (const l of this.links.values()) {
        if (l.error && !l.provider && RETRYABLE.has(l.error.code) && granted.has(l.parsed.bodyId)) this.relink(l);
      }
      this.retryAdoptions();
    } catch {
      // Offline or the server is away: the socket's status says so; the next tick retries.
    } finally {
      this.discovering = false;
    }
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.discoverTimer) clearInterval(this.discoverTimer);
    if (this.emitTimer) clearTimeout(this.emitTimer);
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    for (const l of this.links.values()) {
      // Forward what the Core logged in this very tick before the provider goes.
      if (l.queue.length > 0) this.flushLocal(l);
      this.teardown(l, true);
    }
    this.links.clear();
    // Closing a `ws` socket still in its handshake emits 'error' a tick later, after the
    // provider has dropped its handlers: an uncaught exception that would take the app down.
    const ws = (this.socket as unknown as { webSocket?: { on?: (e: string, f: () => void) => void } | null }).webSocket;
    ws?.on?.('error', () => undefined);
    this.socket.destroy();
    this.saveClean();
  }

  // -------------------------------------------------------------------------------------
  // Linking documents

  private refreshLocal(): void {
    for (const { docId, name } of this.options.host.localDocuments()) {
      if (this.links.has(name)) continue;
      const parsed = parseDocumentName(name);
      if (!parsed) continue;
      this.link(name, parsed, this.options.host.doc(docId));
    }
  }

  private link(name: string, parsed: DocumentName, authDoc: Y.Doc | null): DocLink {
    const l = new DocLink(name, parsed, docIdOf(parsed));
    this.links.set(name, l);
    if (authDoc) {
      const clean = this.cleanAtStart.get(l.docId);
      l.dirtyAtStart = clean === undefined || this.options.host.savedSeq(l.docId) > clean;
      this.attachLocal(l, authDoc);
    }
    this.openProvider(l);
    this.touch(l);
    return l;
  }

  private attachLocal(l: DocLink, authDoc: Y.Doc): void {
    l.authDoc = authDoc;
    // The shadow starts as the stored state: the handshake then sends what the server lacks.
    Y.applyUpdate(l.shadow, Y.encodeStateAsUpdate(authDoc));
    const onUpdate = (update: Uint8Array) => {
      if (this.applyingRemote) return;
      l.localVersion++;
      l.queue.push(update);
      // The Core logs the update right after applying it (same tick): forward once it has.
      if (l.queue.length === 1) queueMicrotask(() => this.flushLocal(l));
    };
    authDoc.on('update', onUpdate);
    l.offAuth = () => authDoc.off('update', onUpdate);
  }

  private openProvider(l: DocLink): void {
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: l.name,
      token: this.options.token,
      document: l.shadow,
    });
    l.provider = provider;
    provider.on('authenticated', ({ scope }: { scope: 'read-write' | 'readonly' }) => {
      if (l.provider !== provider) return;
      l.scope = scope;
      if (scope === 'read-write' && l.skipped && !l.error) this.catchUp(l);
      this.touch(l);
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      if (l.provider === provider) this.fail(l, parseRefusal(reason) ?? problem('refused'));
    });
    provider.on('close', ({ event }: { event?: { reason?: string } }) => {
      // A socket close reaches every provider too; only a refusal concerns this document.
      const p = parseRefusal(event?.reason);
      if (p && l.provider === provider) this.fail(l, p);
    });
    provider.on('message', ({ event }: { event: { data: ArrayBuffer | Uint8Array } }) => {
      if (l.provider !== provider || !isRefusedUpdate(event.data)) return;
      if (!l.refused) this.log(`${l.name}: the server refused a change / servern tog inte emot en ändring`);
      l.refused = true;
      // The provider counts a refused update as still unsynced forever; the refusal is kept
      // here instead, so later changes (a rättelse) are counted and acknowledged as usual.
      provider.decrementUnsyncedChanges();
      this.touch(l);
    });
    provider.on('synced', () => {
      if (l.provider !== provider) return;
      if (l.error) {
        // A retry worked: the error stays on screen until this point, never flickering away
        // during an attempt that then fails again. What was typed meanwhile is sent now.
        l.error = null;
        if (l.skipped) this.catchUp(l);
      }
      if (!l.adopted) this.tryAdopt(l);
      this.checkAck(l);
    });
    provider.on('unsyncedChanges', () => {
      if (l.provider === provider) this.checkAck(l);
    });
    l.shadow.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === provider && !this.silent && l.provider === provider) this.receive(l, update);
    });
    provider.awareness?.on('change', () => {
      if (l.provider === provider) this.markPresence(l);
    });
    this.applyLocalPresence(l);
    provider.attach();
  }

  /** Drops the provider (and, when `all`, the local subscription too). Keeps the local copy. */
  private teardown(l: DocLink, all: boolean): void {
    const p = l.provider;
    l.provider = null;
    if (!all) this.markPresence(l);
    if (p) {
      p.destroy();
      l.shadow.destroy();
    }
    if (all) {
      l.offAuth?.();
      l.offAuth = null;
    }
  }

  /** Tries an errored document again; its error stays until the new provider has synced. */
  private relink(l: DocLink): void {
    this.teardown(l, false);
    l.scope = null;
    l.shadow = new Y.Doc();
    if (l.authDoc) {
      Y.applyUpdate(l.shadow, Y.encodeStateAsUpdate(l.authDoc));
      l.skipped = false;
      // Whatever happened while unlinked is in the shadow now; the handshake decides.
      l.dirtyAtStart = l.dirtyAtStart || l.localVersion > l.ackedVersion;
    }
    this.openProvider(l);
    this.touch(l);
  }

  private fail(l: DocLink, p: SyncProblem, fromServer = true): void {
    l.error = p;
    this.markPresence(l);
    // Not inside the provider's own event dispatch.
    const provider = l.provider;
    l.provider = null;
    l.scope = null;
    if (provider && fromServer) {
      // The server has no open connection for this document after a refusal or revocation.
      // Detaching would still send it a Close message, which the server queues for the name
      // and replays into the next (retried) connection, closing it at once: unregister first.
      const map = this.socket.configuration.providerMap;
      if (map.get(l.name) === provider) map.delete(l.name);
    }
    if (provider) {
      const shadow = l.shadow;
      setTimeout(() => {
        provider.destroy();
        shadow.destroy();
      }, 0);
    }
    if (!l.adopted) {
      // Nothing local to show: a discovered document we may not open is simply not opened.
      this.links.delete(l.name);
      if (p.code === 'name-mismatch' || p.code === 'invalid-document') this.unadoptable.add(l.name);
      if (p.code !== 'forbidden' && p.code !== 'access-revoked') this.log(`${l.name}: ${p.en}`);
    }
    this.touch(l);
  }

  // -------------------------------------------------------------------------------------
  // Updates both ways

  private receive(l: DocLink, update: Uint8Array): void {
    if (!l.adopted) return; // accumulates in the shadow until adopted
    this.applyingRemote = true;
    try {
      this.options.host.applyRemote(l.docId, update);
    } catch (err) {
      this.log(`${l.name}: ${err instanceof Error ? err.message : String(err)}`);
      // The shadow now holds an update the log does not: drop it and start again later.
      this.fail(l, problem('store-failed'), false);
      return;
    } finally {
      this.applyingRemote = false;
    }
    this.touch(l);
  }

  private flushLocal(l: DocLink): void {
    const queued = l.queue;
    l.queue = [];
    if (queued.length === 0) return;
    if (!l.provider || l.error || l.scope === 'readonly') {
      // A read-only user never sends; the changes stay in the local log.
      l.skipped = true;
      this.touch(l);
      return;
    }
    this.toShadow(l, queued.length === 1 ? queued[0]! : Y.mergeUpdates(queued));
    this.touch(l);
  }

  private toShadow(l: DocLink, update: Uint8Array): void {
    if (this.connection === 'online') {
      Y.applyUpdate(l.shadow, update, LOCAL);
      return;
    }
    // Offline: into the shadow without sending (see the file comment); the handshake sends it.
    this.silent = true;
    try {
      Y.applyUpdate(l.shadow, update, l.provider);
    } finally {
      this.silent = false;
    }
  }

  /** Sends everything the shadow lacks (after a read-only period or an unlinked spell). */
  private catchUp(l: DocLink): void {
    if (!l.authDoc) return;
    l.skipped = false;
    this.toShadow(l, Y.encodeStateAsUpdate(l.authDoc, Y.encodeStateVector(l.shadow)));
  }

  private checkAck(l: DocLink): void {
    const p = l.provider;
    if (!p || !l.adopted || l.error || l.skipped || l.refused || l.queue.length > 0) {
      this.touch(l);
      return;
    }
    if (p.isSynced && p.unsyncedChanges === 0) {
      l.ackedVersion = l.localVersion;
      l.dirtyAtStart = false;
      this.cleanToSave.set(l.docId, this.options.host.savedSeq(l.docId));
      this.scheduleSaveClean();
    }
    this.touch(l);
  }

  private tryAdopt(l: DocLink): void {
    if (l.adopted || !l.provider || l.shadow.store.clients.size === 0) return;
    const r = this.options.host.adoptRemote(l.parsed, Y.encodeStateAsUpdate(l.shadow));
    if (r.ok) {
      this.attachLocal(l, this.options.host.doc(r.docId));
      // attachLocal copied the authoritative state into the shadow: the same state, no-op.
      this.cleanToSave.set(l.docId, this.options.host.savedSeq(l.docId));
      this.scheduleSaveClean();
      this.touch(l);
      // A body arrived: its meetings may be waiting for it.
      if (l.parsed.kind === 'body') this.retryAdoptions();
    } else if (!r.wait) {
      this.fail(l, r.problem, false);
    }
  }

  private retryAdoptions(): void {
    for (const l of [...this.links.values()]) if (!l.adopted && l.provider?.isSynced) this.tryAdopt(l);
  }

  // -------------------------------------------------------------------------------------
  // Presence (Yjs awareness over the same providers)

  private linkOf(docId: string): DocLink | undefined {
    for (const l of this.links.values()) if (l.docId === docId && l.adopted) return l;
    return undefined;
  }

  /**
   * This computer's awareness state in a document: empty (`{}`) unless presence is on and a
   * window shows it. Never null: the provider renews a non-null state every 15 s, and that
   * keeps the socket alive through the server's 60 s idle timeout (server/README.md).
   */
  private applyLocalPresence(l: DocLink): void {
    const awareness = l.provider?.awareness;
    if (!awareness) return;
    const showing = this.presence.enabled && l.parsed.kind === 'meeting' && this.here.has(l.docId);
    const next: Record<string, unknown> = showing ? { user: { name: this.presence.name ?? '' }, cursor: this.here.get(l.docId) ?? null } : {};
    const current = awareness.getLocalState();
    if (current && JSON.stringify(current) === JSON.stringify(next)) return;
    awareness.setLocalState(next);
  }

  private peersOf(l: DocLink): PresencePeer[] {
    const awareness = l.provider?.awareness;
    if (!awareness || !this.presence.enabled || !this.here.has(l.docId) || l.error) return [];
    const out: PresencePeer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const peer = readPeer(clientId, state);
      if (peer) out.push(peer);
    }
    return out.sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.clientId - b.clientId);
  }

  private markPresence(l: DocLink): void {
    if (!this.options.onPresence || this.stopped) return;
    this.presenceDirty.add(l);
    // Coalesced like the status: one event for a burst of cursor moves.
    this.presenceTimer ??= setTimeout(() => {
      this.presenceTimer = null;
      if (this.stopped) return;
      const dirty = [...this.presenceDirty];
      this.presenceDirty.clear();
      for (const d of dirty) {
        if (!d.adopted) continue;
        const peers = this.peersOf(d);
        const key = JSON.stringify(peers);
        if (key === d.lastPeers) continue;
        d.lastPeers = key;
        this.options.onPresence?.(d.docId, peers);
      }
    }, 25);
    this.presenceTimer.unref?.();
  }

  // -------------------------------------------------------------------------------------
  // Status

  private onSocketStatus(status: WebSocketStatus): void {
    const next: ConnectionState = status === WebSocketStatus.Connected ? 'online' : status === WebSocketStatus.Connecting ? 'connecting' : 'offline';
    if (next !== 'online') {
      // Whatever waits in the socket's queue is in the shadows; the next handshake sends it.
      // (The queue is private in the provider's types; it is a plain array field in 4.x.)
      const queued = this.socket as unknown as { messageQueue?: unknown[] };
      if (Array.isArray(queued.messageQueue)) queued.messageQueue = [];
    }
    const wasOnline = this.connection === 'online';
    this.connection = next;
    if (next === 'online' && !wasOnline) void this.discover();
    for (const l of this.links.values()) this.touch(l);
  }

  private setOverallError(p: SyncProblem | null): void {
    if (this.overallError?.code === p?.code) return;
    this.overallError = p;
    this.scheduleEmit();
  }

  private statusOf(l: DocLink): DocSyncStatus {
    const pending = l.dirtyAtStart || l.localVersion > l.ackedVersion || l.skipped;
    const readOnly = l.scope === 'readonly';
    let state: DocSyncState;
    let error = l.error;
    if (error) state = 'error';
    else if (l.refused) {
      state = 'error';
      error = problem(l.authDoc && readLockRecord(l.authDoc) ? 'update-refused-locked' : 'update-refused');
    } else if (this.connection !== 'online' || !l.provider) state = 'offline';
    else if (readOnly && pending && l.provider.isSynced) {
      state = 'error';
      error = problem('read-only');
    } else if (l.provider.isSynced && !pending) state = 'synced';
    else state = 'saved-locally';
    return { docId: l.docId, name: l.name, state, pending, readOnly, error };
  }

  private touch(_l: DocLink): void {
    this.scheduleEmit();
  }

  private scheduleEmit(): void {
    if (this.emitTimer || this.stopped || !this.options.onChange) return;
    // Coalesced: a keystroke goes synced → saved-locally → synced within milliseconds.
    this.emitTimer = setTimeout(() => {
      this.emitTimer = null;
      if (this.stopped) return;
      const changed: DocSyncStatus[] = [];
      for (const l of this.links.values()) {
        if (!l.adopted) continue;
        const s = this.statusOf(l);
        const key = JSON.stringify(s);
        if (key !== l.lastEmitted) {
          l.lastEmitted = key;
          changed.push(s);
        }
      }
      this.options.onChange?.(changed, this.status());
    }, 25);
    this.emitTimer.unref?.();
  }

  private scheduleSaveClean(): void {
    if (this.cleanTimer) return;
    // Off the typing path, at most once a second; a later clean point only ever moves forward.
    this.cleanTimer = setTimeout(() => {
      this.cleanTimer = null;
      this.saveClean();
    }, 1000);
    this.cleanTimer.unref?.();
  }

  private saveClean(): void {
    if (this.cleanTimer) clearTimeout(this.cleanTimer);
    this.cleanTimer = null;
    if (this.cleanToSave.size === 0) return;
    const entries = [...this.cleanToSave.entries()];
    this.cleanToSave.clear();
    try {
      this.options.host.saveClean(entries);
    } catch (err) {
      // Only the "unsynced changes" indicator depends on it, and it errs on the safe side.
      this.log(`could not save sync state: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Hocuspocus' SyncStatus message with "not applied": the server refused an update from here. */
const SYNC_STATUS = 8;
function isRefusedUpdate(data: ArrayBuffer | Uint8Array): boolean {
  try {
    const d = decoding.createDecoder(data instanceof Uint8Array ? data : new Uint8Array(data));
    decoding.readVarString(d); // the document's routing key
    return decoding.readVarUint(d) === SYNC_STATUS && decoding.readVarInt(d) === 0;
  } catch {
    return false; // not ours to judge: the provider reads (and rejects) it
  }
}

/** A peer's awareness state as Paragraf writes it, checked field by field (it comes from anyone). */
function readPeer(clientId: number, state: unknown): PresencePeer | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as { user?: unknown; account?: unknown; cursor?: unknown };
  if (!s.user || typeof s.user !== 'object') return null; // {}: connected, but presence off there
  const account = typeof s.account === 'string' && s.account.length <= MAX_NAME_CHARS ? s.account : null;
  const own = (s.user as { name?: unknown }).name;
  const chosen = typeof own === 'string' ? own.trim().slice(0, MAX_NAME_CHARS) : '';
  const name = chosen || account;
  if (!name) return null;
  let cursor: PresenceCursor | null = null;
  const c = s.cursor as { anchor?: unknown; focus?: unknown } | null | undefined;
  if (c && typeof c === 'object' && isPosition(c.anchor) && isPosition(c.focus)) cursor = { anchor: c.anchor, focus: c.focus };
  return { clientId, name, account, cursor };
}

function isPosition(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_POSITION_CHARS && /^[A-Za-z0-9+/]+=*$/.test(v);
}
