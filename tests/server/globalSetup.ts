/**
 * Starts one PostgreSQL cluster and one Redis for the whole server suite, creates the two
 * roles of the least-privilege set-up (server/README.md), and hands the URLs to the tests.
 * Each test file makes its own database (helpers.ts: createTestDatabase).
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startPostgres, startRedis, type RunningPostgres, type RunningRedis } from './services';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresPort: number;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let postgres: RunningPostgres | undefined;
  let redis: RunningRedis | undefined;
  try {
    const [pgResult, redisResult] = await Promise.allSettled([startPostgres(), startRedis()]);
    // Keep whichever started, so the catch below stops it when the other one failed.
    if (pgResult.status === 'fulfilled') postgres = pgResult.value;
    if (redisResult.status === 'fulfilled') redis = redisResult.value;
    if (pgResult.status === 'rejected') throw pgResult.reason;
    if (redisResult.status === 'rejected') throw redisResult.reason;
    const client = new pg.Client({ connectionString: pgResult.value.superUrl() });
    await client.connect();
    try {
      // Exactly as a DBA would (server/README.md): no superuser, no CREATEDB, no CREATEROLE.
      await client.query('CREATE ROLE paragraf_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE');
      await client.query('CREATE ROLE paragraf_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE');
    } finally {
      await client.end();
    }
  } catch (err) {
    await Promise.allSettled([postgres?.stop(), redis?.stop()]);
    throw err;
  }
  project.provide('postgresPort', postgres!.port);
  project.provide('redisUrl', redis!.url);
  return async () => {
    await Promise.allSettled([postgres?.stop(), redis?.stop()]);
  };
}
