/**
 * The sync server's settings, read from the environment and checked before anything starts,
 * so a mistyped URL fails at once with a message an IT department can act on.
 */
import { z } from 'zod';

const schema = z.object({
  PARAGRAF_SERVER_PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  PARAGRAF_SERVER_HOST: z.string().default('127.0.0.1'),
  /** Unset: an embedded SQLite file in PARAGRAF_SERVER_DATA. */
  PARAGRAF_DATABASE_URL: z.string().url().refine((u) => u.startsWith('postgres://') || u.startsWith('postgresql://'), 'postgres://…').optional(),
  PARAGRAF_REDIS_URL: z.string().url().refine((u) => u.startsWith('redis://') || u.startsWith('rediss://'), 'redis://…').optional(),
  PARAGRAF_SERVER_DATA: z.string().default('./paragraf-server-data'),
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
