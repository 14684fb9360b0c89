/**
 * The server's commands: run it, set up its tables, and manage accounts. Every message is
 * Swedish then English. A command returns its exit code; `serve` resolves when stopped.
 */
import { readServerConfig, type ServerConfig } from './config';
import { isBodyId } from '../src/sync/docNames';
import { AdminError } from './messages';
import { PostgresStore } from './store/PostgresStore';
import { openStore } from './store/openStore';
import type { ServerStore, UserRow } from './store/Store';
import { startSyncServer } from './syncServer';
import { generateToken, hashToken } from './tokens';

export interface Io {
  /** Results meant for scripts (the new token). */
  out(line: string): void;
  /** Everything meant for a person. */
  err(line: string): void;
}

export const usage = `Användning / Usage: tsx server/cli.ts <kommando / command>

  serve                                     starta servern / start the server
  migrate                                   skapa eller uppdatera tabellerna (PostgreSQL: som schemats ägare)
                                            create or upgrade the tables (PostgreSQL: as the schema owner)
  user add <namn/name>                      skapa en användare / create a user
  user list                                 lista användare / list users
  token create <user> [--label <text>]      skapa en token (visas en gång) / create a token (shown once)
  token list <user>                         lista tokens / list tokens
  token revoke <user> [<token-id>]          återkalla en eller alla tokens / revoke one or all tokens
  grant <user> <body-id> --read-write|--read-only
                                            ge behörighet till ett organ / grant access to a body
  revoke <user> <body-id>                   ta bort behörigheten / remove the grant
  grants [<user>]                           lista behörigheter / list grants

Inställningar via miljövariabler / settings via environment variables: se / see server/README.md.`;

const userNamePattern = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,99}$/u;

class UsageError extends AdminError {}

function need(value: string | undefined, sv: string, en: string): string {
  if (value === undefined || value === '') throw new UsageError(`Saknar ${sv}.`, `Missing ${en}.`);
  return value;
}

async function userByName(store: ServerStore, name: string): Promise<UserRow> {
  const user = await store.findUser(name);
  if (!user) throw new AdminError(`Användaren "${name}" finns inte. Skapa den med: user add ${name}`, `User "${name}" does not exist. Create it with: user add ${name}`);
  return user;
}

function bodyId(value: string | undefined): string {
  const id = need(value, 'organets id (body-id)', 'the body id');
  if (!isBodyId(id)) {
    throw new UsageError(
      `"${id}" är inget organ-id: det ska vara ett UUID med små bokstäver, som i Paragraf.`,
      `"${id}" is not a body id: it must be a lower-case UUID, as in Paragraf.`,
    );
  }
  return id;
}

async function withStore<T>(config: ServerConfig, fn: (store: ServerStore) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function serve(config: ServerConfig, io: Io, signal?: AbortSignal): Promise<number> {
  const store = await openStore(config);
  let server;
  try {
    server = await startSyncServer(config, store, (line) => io.err(`paragraf-server: ${line}`));
  } catch (err) {
    await store.close();
    throw err;
  }
  const redis = config.PARAGRAF_REDIS_URL ? `, Redis ${new URL(config.PARAGRAF_REDIS_URL).host}` : '';
  io.err(`Paragraf synkserver ${server.nodeName} lyssnar på ${server.url} (${store.kind}: ${store.where}${redis}).`);
  io.err(`Paragraf sync server ${server.nodeName} listening on ${server.url} (${store.kind}: ${store.where}${redis}).`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
  io.err('Stänger: sparar öppna dokument … / Stopping: storing open documents …');
  await server.stop();
  await store.close();
  io.err('Stoppad. / Stopped.');
  return 0;
}

export async function runCommand(argv: string[], env: Record<string, string | undefined>, io: Io, signal?: AbortSignal): Promise<number> {
  try {
    const [cmd, sub, ...rest] = argv;
    if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      io.err(usage);
      return cmd === undefined ? 2 : 0;
    }
    const config = readServerConfig(env);
    switch (cmd) {
      case 'serve':
        return await serve(config, io, signal);
      case 'migrate': {
        if (!config.PARAGRAF_DATABASE_URL) {
          await withStore(config, async (store) => io.err(`SQLite-filen är uppdaterad: ${store.where} / The SQLite file is up to date: ${store.where}`));
          return 0;
        }
        const store = await PostgresStore.open({ url: config.PARAGRAF_DATABASE_URL, schema: config.PARAGRAF_DATABASE_SCHEMA, migrate: 'if-needed' });
        try {
          io.err(`Databasen är uppdaterad (schema ${await store.schemaVersion()}): ${store.where} / The database is up to date (schema ${await store.schemaVersion()}): ${store.where}`);
        } finally {
          await store.close();
        }
        return 0;
      }
      case 'user': {
        if (sub === 'add') {
          const name = need(rest[0], 'användarnamn', 'a user name');
          if (!userNamePattern.test(name)) {
            throw new UsageError(
              `Ogiltigt användarnamn "${name}": bokstäver, siffror och . _ @ -, högst 100 tecken.`,
              `Invalid user name "${name}": letters, digits and . _ @ -, at most 100 characters.`,
            );
          }
          await withStore(config, async (store) => {
            if (await store.findUser(name)) throw new AdminError(`Användaren "${name}" finns redan.`, `User "${name}" already exists.`);
            await store.addUser(name);
          });
          io.err(`Användaren "${name}" är skapad. Skapa en token med: token create ${name} / User "${name}" created. Create a token with: token create ${name}`);
          return 0;
        }
        if (sub === 'list') {
          const users = await withStore(config, (store) => store.listUsers());
          for (const u of users) io.out(`${u.name}\t${u.createdAt}`);
          return 0;
        }
        throw new UsageError('Okänt user-kommando; använd "user add" eller "user list".', 'Unknown user command; use "user add" or "user list".');
      }
      case 'token': {
        const name = need(rest[0], 'användarnamn', 'a user name');
        if (sub === 'create') {
          const labelAt = rest.indexOf('--label');
          const label = labelAt >= 0 ? need(rest[labelAt + 1], 'text efter --label', 'text after --label') : null;
          const token = generateToken();
          const row = await withStore(config, async (store) => store.addToken((await userByName(store, name)).id, hashToken(token), label));
          io.out(token);
          io.err(
            `Token ${row.id} för "${name}" är skapad. Den visas bara nu: lämna den till användaren på ett säkert sätt; servern sparar bara ett hashvärde.\n` +
              `Token ${row.id} for "${name}" created. It is shown only now: hand it to the user securely; the server keeps only a hash.`,
          );
          return 0;
        }
        if (sub === 'list') {
          const tokens = await withStore(config, async (store) => store.listTokens((await userByName(store, name)).id));
          for (const t of tokens) io.out(`${t.id}\t${t.label ?? ''}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'active'}`);
          return 0;
        }
        if (sub === 'revoke') {
          let tokenId: number | undefined;
          if (rest[1] !== undefined) {
            tokenId = Number(rest[1]);
            if (!Number.isInteger(tokenId)) throw new UsageError(`"${rest[1]}" är inget token-id.`, `"${rest[1]}" is not a token id.`);
          }
          const n = await withStore(config, async (store) => store.revokeTokens((await userByName(store, name)).id, tokenId));
          io.err(`${n} token(s) för "${name}" återkallade; öppna anslutningar stängs inom ${config.PARAGRAF_ACCESS_RECHECK_MS / 1000} s. / ${n} token(s) of "${name}" revoked; open connections close within ${config.PARAGRAF_ACCESS_RECHECK_MS / 1000} s.`);
          return 0;
        }
        throw new UsageError('Okänt token-kommando; använd create, list eller revoke.', 'Unknown token command; use create, list or revoke.');
      }
      case 'grant': {
        const name = need(sub, 'användarnamn', 'a user name');
        const body = bodyId(rest[0]);
        const rw = rest.includes('--read-write');
        const ro = rest.includes('--read-only');
        if (rw === ro) throw new UsageError('Ange precis ett av --read-write och --read-only.', 'Give exactly one of --read-write and --read-only.');
        const mode = rw ? 'read-write' : 'read-only';
        await withStore(config, async (store) => store.setGrant((await userByName(store, name)).id, body, mode));
        io.err(
          `"${name}" har nu ${rw ? 'läs- och skrivbehörighet' : 'läsbehörighet'} till organet ${body}. / "${name}" now has ${mode} access to body ${body}.`,
        );
        return 0;
      }
      case 'revoke': {
        const name = need(sub, 'användarnamn', 'a user name');
        const body = bodyId(rest[0]);
        const removed = await withStore(config, async (store) => store.removeGrant((await userByName(store, name)).id, body));
        if (!removed) throw new AdminError(`"${name}" hade ingen behörighet till organet ${body}.`, `"${name}" had no grant for body ${body}.`);
        io.err(`Behörigheten är borttagen; öppna anslutningar stängs inom ${config.PARAGRAF_ACCESS_RECHECK_MS / 1000} s. / The grant is removed; open connections close within ${config.PARAGRAF_ACCESS_RECHECK_MS / 1000} s.`);
        return 0;
      }
      case 'grants': {
        const grants = await withStore(config, async (store) => store.listGrants(sub === undefined ? undefined : (await userByName(store, sub)).id));
        for (const g of grants) io.out(`${g.userName}\t${g.bodyId}\t${g.mode}\t${g.grantedAt}`);
        return 0;
      }
      default:
        throw new UsageError(`Okänt kommando "${cmd}".`, `Unknown command "${cmd}".`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      io.err(usage);
      return 2;
    }
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
