/** Picks the adapter from the configuration: PostgreSQL when a URL is set, else SQLite. */
import type { ServerConfig } from '../config';
import { PostgresStore } from './PostgresStore';
import { SqliteStore } from './SqliteStore';
import type { ServerStore } from './Store';

export async function openStore(config: ServerConfig, options: { migrate: 'if-needed' | 'never' } = { migrate: 'if-needed' }): Promise<ServerStore> {
  if (config.PARAGRAF_DATABASE_URL) {
    return PostgresStore.open({ url: config.PARAGRAF_DATABASE_URL, schema: config.PARAGRAF_DATABASE_SCHEMA, migrate: options.migrate });
  }
  return SqliteStore.open(config.PARAGRAF_SERVER_DATA);
}
