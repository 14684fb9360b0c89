/**
 * The one interface both storage adapters implement (STYLE.md §7): SqliteStore for a single
 * small server, PostgresStore for a real deployment. Documents and accounts live together,
 * so one backup holds everything and a grant can never point into another database.
 *
 * Documents are kept as a snapshot plus an append-only log of updates:
 * - `appendUpdate` runs before the server acknowledges a client's update, so an
 *   acknowledged update is on disk even if the process is killed a moment later;
 * - `storeDocument` (debounced, after changes) *merges* the live state into the snapshot and
 *   deletes only the log rows the merged snapshot provably contains. Merging, never
 *   replacing, is what makes it safe for several nodes to compact the same document, and
 *   means an empty document can never overwrite a stored one;
 * - `loadDocument` verifies every stored piece against its SHA-256 and throws if anything
 *   is damaged, so a document that failed to load is never opened, edited or stored.
 */

import { parseDocumentName } from '../../src/sync/docNames';

export type AccessMode = 'read-write' | 'read-only';

export interface UserRow {
  id: number;
  name: string;
  createdAt: string;
}

export interface TokenRow {
  id: number;
  userId: number;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface GrantRow {
  userName: string;
  bodyId: string;
  mode: AccessMode;
  grantedAt: string;
}

/** Who a token belongs to, and their grant for one body (null: no grant). */
export interface TokenAccess {
  tokenId: number;
  userId: number;
  userName: string;
  mode: AccessMode | null;
}

/** What one token's user may discover (GET /v1/documents): grants and their stored documents. */
export interface DocumentListing {
  userName: string;
  bodies: Array<{ bodyId: string; mode: AccessMode }>;
  /** Names of stored documents of granted bodies only, sorted. */
  documents: string[];
}

export interface CompactionResult {
  /** Log rows folded into the snapshot and deleted. */
  folded: number;
  /** Log rows left (not yet contained in the snapshot, e.g. written by another node). */
  kept: number;
}

export interface ServerStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for the start-up line (file path or database without password). */
  readonly where: string;

  /** The document's full state, or null when nothing is stored. Throws if damaged. */
  loadDocument(name: string): Promise<Uint8Array | null>;
  /** Appends one client update to the log; resolves once it is durable. */
  appendUpdate(name: string, update: Uint8Array): Promise<void>;
  /** Merges `state` into the snapshot and folds the log rows it contains. */
  storeDocument(name: string, state: Uint8Array): Promise<CompactionResult>;

  addUser(name: string): Promise<UserRow>;
  findUser(name: string): Promise<UserRow | null>;
  listUsers(): Promise<UserRow[]>;
  addToken(userId: number, hash: Buffer, label: string | null): Promise<TokenRow>;
  listTokens(userId: number): Promise<TokenRow[]>;
  /** Revokes one token of the user, or all of them when tokenId is omitted. Returns how many. */
  revokeTokens(userId: number, tokenId?: number): Promise<number>;
  setGrant(userId: number, bodyId: string, mode: AccessMode): Promise<void>;
  /** Returns whether there was a grant to remove. */
  removeGrant(userId: number, bodyId: string): Promise<boolean>;
  listGrants(userId?: number): Promise<GrantRow[]>;

  /** One indexed lookup per connection: the live token's owner and grant for the body. */
  authenticate(tokenHash: Buffer, bodyId: string): Promise<TokenAccess | null>;
  /** The current grant for an open connection (null: token revoked or grant removed). */
  accessFor(tokenId: number, bodyId: string): Promise<AccessMode | null>;
  /**
   * The documents a live token's user may open (null: unknown or revoked token). Only names
   * in granted bodies, checked again in code with `grantedOnly` whatever the SQL returned.
   */
  listDocuments(tokenHash: Buffer): Promise<DocumentListing | null>;

  close(): Promise<void>;
}

/**
 * The last word on what a listing may contain: names that follow the naming contract and
 * whose body (read from the name, as access control does) is granted. Sorted, no duplicates.
 */
export function grantedOnly(names: Iterable<string>, granted: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const parsed = parseDocumentName(name);
    if (parsed && granted.has(parsed.bodyId)) out.add(name);
  }
  return [...out].sort();
}

export const accessModes: readonly AccessMode[] = ['read-write', 'read-only'];

export function isAccessMode(s: string): s is AccessMode {
  return (accessModes as readonly string[]).includes(s);
}
