/**
 * The account commands, in both stores: users, tokens shown once and stored only hashed,
 * grants and revocations, and errors that say what to do in Swedish and English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../server/commands';
import { hashToken, looksLikeToken } from '../../server/tokens';
import { collectIo, makeBackend, modes, newId, sql, type Backend } from './helpers';

describe.each(modes)('server commands: %s', (mode) => {
  let backend: Backend | undefined;
  afterEach(async () => {
    await backend?.cleanup();
  });
  async function cli(...argv: string[]): Promise<{ code: number; out: string; text: string }> {
    const io = collectIo();
    const code = await runCommand(argv, backend!.env, io);
    return { code, out: io.outLines.join('\n'), text: io.text() };
  }

  it('manages users, tokens and grants', async () => {
    backend = await makeBackend(mode);
    const body = newId();
    expect(await cli('user', 'add', 'anna.sekreterare')).toMatchObject({ code: 0, text: expect.stringMatching(/skapad.*created/) });
    expect(await cli('user', 'add', 'anna.sekreterare')).toMatchObject({ code: 1, text: expect.stringMatching(/finns redan\.\nUser .* already exists/) });
    expect((await cli('user', 'add', 'ann a')).code).toBe(2);
    expect((await cli('user', 'list')).out).toMatch(/^anna\.sekreterare\t/);

    const created = await cli('token', 'create', 'anna.sekreterare', '--label', 'bärbar dator');
    expect(created.code).toBe(0);
    const token = created.out;
    expect(looksLikeToken(token)).toBe(true);
    expect(created.text).toMatch(/visas bara nu.*\n.*shown only now/s);
    // Only the hash is stored: the token itself is nowhere in the database.
    if (mode === 'sqlite') {
      const dir = backend.env.PARAGRAF_SERVER_DATA!;
      for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f)).includes(Buffer.from(token)), f).toBe(false);
    } else {
      const db = backend.env.PARAGRAF_DATABASE_URL!;
      const rows = await sql<{ hash: Buffer; label: string }>(db, 'SELECT hash, label FROM paragraf.tokens');
      expect(rows).toEqual([{ hash: hashToken(token), label: 'bärbar dator' }]);
    }
    expect((await cli('token', 'list', 'anna.sekreterare')).out).toMatch(/^1\tbärbar dator\t.*\tactive$/);
    expect(await cli('token', 'create', 'nobody')).toMatchObject({ code: 1, text: expect.stringMatching(/finns inte.*\n.*does not exist/) });

    expect(await cli('grant', 'anna.sekreterare', body, '--read-only')).toMatchObject({ code: 0, text: expect.stringMatching(/läsbehörighet.*read-only/) });
    expect(await cli('grant', 'anna.sekreterare', body, '--read-write')).toMatchObject({ code: 0 });
    expect((await cli('grants')).out).toMatch(new RegExp(`^anna\\.sekreterare\t${body}\tread-write\t\\d{4}-`));
    expect((await cli('grant', 'anna.sekreterare', body)).code).toBe(2);
    expect((await cli('grant', 'anna.sekreterare', body, '--read-only', '--read-write')).code).toBe(2);
    expect(await cli('grant', 'anna.sekreterare', 'Kommunstyrelsen', '--read-write')).toMatchObject({ code: 2, text: expect.stringMatching(/inget organ-id.*\n.*not a body id/) });
    expect((await cli('revoke', 'anna.sekreterare', body)).code).toBe(0);
    expect(await cli('revoke', 'anna.sekreterare', body)).toMatchObject({ code: 1, text: expect.stringMatching(/hade ingen behörighet.*\n.*had no grant/) });
    expect((await cli('grants', 'anna.sekreterare')).out).toBe('');

    expect(await cli('token', 'revoke', 'anna.sekreterare')).toMatchObject({ code: 0, text: expect.stringMatching(/^1 token/) });
    expect((await cli('token', 'list', 'anna.sekreterare')).out).toMatch(/\trevoked /);
  });

  it('explains usage and bad settings', async () => {
    backend = await makeBackend(mode);
    expect(await cli()).toMatchObject({ code: 2, text: expect.stringMatching(/Användning \/ Usage/) });
    expect(await cli('frobnicate')).toMatchObject({ code: 2, text: expect.stringMatching(/Okänt kommando.*\n.*Unknown command/) });
    const io = collectIo();
    expect(await runCommand(['user', 'list'], { ...backend.env, PARAGRAF_SERVER_PORT: 'x' }, io)).toBe(1);
    expect(io.text()).toMatch(/Felaktig serverkonfiguration.*\n.*Invalid server configuration/);
  });
});
