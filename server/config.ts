/**
 * The sync server's settings, read from the environment and checked before anything starts,
 * so a mistyped URL fails at once with a message an IT department can act on.
 */
import { z } from 'zod';

const flag = z.stringbool({ truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off', ''] });

const schema = z.object({
  PARAGRAF_SERVER_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  PARAGRAF_SERVER_HOST: z.string().default('127.0.0.1'),
  /** Unset: an embedded SQLite file in PARAGRAF_SERVER_DATA. */
  PARAGRAF_DATABASE_URL: z.string().url().refine((u) => u.startsWith('postgres://') || u.startsWith('postgresql://'), 'postgres://…').optional(),
  /** The PostgreSQL schema holding Paragraf's tables (see server/sql/postgres-setup.sql). */
  PARAGRAF_DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier, e.g. paragraf').default('paragraf'),
  PARAGRAF_REDIS_URL: z.string().url().refine((u) => u.startsWith('redis://') || u.startsWith('rediss://'), 'redis://…').optional(),
  PARAGRAF_SERVER_DATA: z.string().default('./paragraf-server-data'),
  /** Names this node in logs and in Redis; defaults to host name + process id. */
  PARAGRAF_NODE_NAME: z.string().regex(/^[\w.-]{1,60}$/, 'letters, digits, . _ -').optional(),
  /** Largest WebSocket message accepted; a bigger one closes the connection (1009). */
  PARAGRAF_MAX_MESSAGE_BYTES: z.coerce.number().int().min(64 * 1024).max(256 * 1024 * 1024).default(16 * 1024 * 1024),
  /** Largest awareness state (presence: name and cursor) relayed, as JSON; bigger ones are emptied. */
  PARAGRAF_MAX_AWARENESS_BYTES: z.coerce.number().int().min(256).max(1024 * 1024).default(4096),
  /** New WebSocket connections per client IP: a token bucket of this size ... */
  PARAGRAF_CONNECTION_BURST: z.coerce.number().int().min(1).default(30),
  /** ... refilled at this many per minute. */
  PARAGRAF_CONNECTIONS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Documents one WebSocket may have open at once (the app multiplexes all its documents). */
  PARAGRAF_MAX_DOCUMENTS_PER_CONNECTION: z.coerce.number().int().min(1).default(2000),
  /** Behind a reverse proxy: take the client IP from the last X-Forwarded-For entry. */
  PARAGRAF_TRUST_PROXY: flag.default(false),
  /** How often open connections are checked against revoked tokens and grants. */
  PARAGRAF_ACCESS_RECHECK_MS: z.coerce.number().int().min(50).default(10_000),
  /** Quiet time before a changed document is compacted into its snapshot. */
  PARAGRAF_COMPACT_DEBOUNCE_MS: z.coerce.number().int().min(0).default(2_000),
});

export type ServerConfig = z.infer<typeof schema>;

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Felaktig serverkonfiguration: ${what}. Rätta variabeln och starta igen.\nInvalid server configuration: ${what}. Fix the variable and start again.`);
  }
  return parsed.data;
}
