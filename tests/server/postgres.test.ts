/**
 * Least privilege in PostgreSQL: the server's role is no superuser and can only read and
 * write rows of Paragraf's tables; the tables are created by the schema owner (`migrate`);
 * a server whose role may not create them says exactly what to run.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../server/commands';
import { readServerConfig } from '../../server/config';
import { openStore } from '../../server/store/openStore';
import { collectIo, createTestDatabase, sql } from './helpers';

describe('PostgreSQL least privilege', () => {
  it('runs the server as a role that is no superuser and can touch rows only', async () => {
    const db = await createTestDatabase();
    const [role] = await sql<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; rolbypassrls: boolean }>(
      db.appUrl,
      'SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    // Rows: yes.
    await sql(db.appUrl, 'INSERT INTO paragraf.users (name) VALUES ($1)', ['probe']);
    await sql(db.appUrl, 'DELETE FROM paragraf.users WHERE name = $1', ['probe']);
    // Anything else: no.
    for (const ddl of [
      'CREATE TABLE paragraf.evil (a int)',
      'CREATE TABLE public.evil (a int)',
      'DROP TABLE paragraf.documents',
      'ALTER TABLE paragraf.tokens ADD COLUMN x int',
      'TRUNCATE paragraf.document_updates',
      'CREATE SCHEMA evil',
      'CREATE INDEX evil ON paragraf.documents (updated_at)',
      'ALTER ROLE paragraf_app SUPERUSER',
    ]) {
      await expect(sql(db.appUrl, ddl), ddl).rejects.toMatchObject({ code: '42501' });
    }
    // And the server really uses this role.
    const store = await openStore(readServerConfig({ PARAGRAF_DATABASE_URL: db.appUrl }), { migrate: 'never' });
    expect(store.where).toContain('paragraf_app@');
    await store.close();
  });

  it('refuses to start on missing tables with the command to run, then works after migrate as owner', async () => {
    const db = await createTestDatabase({ migrate: false });
    const serve = collectIo();
    const controller = new AbortController();
    const code = await runCommand(['serve'], { PARAGRAF_DATABASE_URL: db.appUrl, PARAGRAF_SERVER_PORT: '0' }, serve, controller.signal);
    expect(code).toBe(1);
    expect(serve.text()).toMatch(/tabeller saknas.*migrate.*\n.*tables are missing.*migrate/s);
    expect(await sql(db.superUrl, `SELECT to_regclass('paragraf.documents') AS t`)).toEqual([{ t: null }]);

    const migrate = collectIo();
    expect(await runCommand(['migrate'], { PARAGRAF_DATABASE_URL: db.ownerUrl }, migrate)).toBe(0);
    expect(migrate.text()).toMatch(/uppdaterad \(schema 1\).*up to date \(schema 1\)/);
    // Migrating again changes nothing; the tables belong to the owner, not the server.
    expect(await runCommand(['migrate'], { PARAGRAF_DATABASE_URL: db.ownerUrl }, collectIo())).toBe(0);
    const owners = await sql<{ tableowner: string }>(db.superUrl, `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'paragraf'`);
    expect(owners).toEqual([{ tableowner: 'paragraf_owner' }]);

    const started = collectIo();
    const running = runCommand(['serve'], { PARAGRAF_DATABASE_URL: db.appUrl, PARAGRAF_SERVER_PORT: '0' }, started, controller.signal);
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    expect(await running).toBe(0);
    expect(started.text()).toMatch(/lyssnar på ws:\/\/127\.0\.0\.1:\d+ \(postgres: postgres:\/\/paragraf_app@/);
  });

  it('refuses a database written by a newer server', async () => {
    const db = await createTestDatabase();
    await sql(db.superUrl, 'UPDATE paragraf.schema_version SET version = 99');
    const io = collectIo();
    expect(await runCommand(['user', 'list'], { PARAGRAF_DATABASE_URL: db.appUrl }, io)).toBe(1);
    expect(io.text()).toMatch(/nyare Paragraf-server \(schema 99.*\n.*newer Paragraf server \(schema 99/s);
  });
});
