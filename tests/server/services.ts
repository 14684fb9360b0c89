/**
 * Real PostgreSQL and Redis for the server tests, started from Debian's packages in temp
 * folders on free ports and torn down afterwards. A missing binary FAILS the suite with a
 * message saying what to install: these tests never skip (CI's .ci/run installs both).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function missing(what: string, pkg: string): Error {
  return new Error(
    `${what} saknas: installera Debian-paketet "${pkg}" (apt-get install ${pkg}; .ci/run gör det). Servertesterna kräver en riktig ${what} och hoppas inte över.\n` +
      `${what} is missing: install the Debian package "${pkg}" (apt-get install ${pkg}; .ci/run does it). The server tests need a real ${what} and are not skipped.`,
  );
}

export function postgresBinDir(): string {
  const fromEnv = process.env.PARAGRAF_TEST_PG_BIN;
  if (fromEnv) {
    if (!fs.existsSync(path.join(fromEnv, 'initdb'))) throw missing(`PostgreSQL (PARAGRAF_TEST_PG_BIN=${fromEnv})`, 'postgresql');
    return fromEnv;
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw missing('PostgreSQL', 'postgresql');
  return path.join(root, versions[0]!, 'bin');
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
function asPostgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) {
    throw new Error('Testerna körs som root men användaren "postgres" finns inte (Debian-paketet postgresql skapar den).\nThe tests run as root but there is no "postgres" user (the Debian postgresql package creates it).');
  }
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function run(cmd: string, args: string[], user: { uid: number; gid: number } | null): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...(user ? { uid: user.uid, gid: user.gid } : {}), cwd: '/' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export interface RunningPostgres {
  port: number;
  /** Superuser URL for a database (set-up only; the server never connects as superuser). */
  superUrl(database?: string): string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  const user = asPostgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paragraf-pg-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], user);
    // fsync off: these tests kill the *server* process, never PostgreSQL, so durability
    // against power loss is not what is being tested, and it saves seconds on slow disks.
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', '-o', opts, 'start'], user);
  } catch (err) {
    const log = fs.existsSync(path.join(dir, 'log')) ? fs.readFileSync(path.join(dir, 'log'), 'utf8') : '';
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}\n${log}`, { cause: err });
  }
  let stopped = false;
  return {
    port,
    superUrl: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], user);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface RunningRedis {
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 15_000);
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT' ? missing('Redis', 'redis-server') : err);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${out}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve();
      }
    });
  });
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
