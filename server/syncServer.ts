/**
 * Builds and starts the sync server: Hocuspocus v4 (Yjs' sync protocol over WebSocket) with
 * Paragraf's limits, access control and persistence, and the Redis extension when several
 * nodes share documents. The store is opened by the caller (cli.ts, or a test) and closed
 * by it after `stop()`.
 */
import type { Socket } from 'node:net';
import os from 'node:os';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import type { ServerConfig } from './config';
import { AccessControl } from './extensions/AccessControl';
import { Discovery } from './extensions/Discovery';
import { Limits } from './extensions/Limits';
import { LockGuard } from './extensions/LockGuard';
import { Persistence } from './extensions/Persistence';
import { Presence } from './extensions/Presence';
import { AdminError } from './messages';
import type { ServerStore } from './store/Store';

export interface SyncServer {
  /** ws://host:port */
  url: string;
  port: number;
  nodeName: string;
  server: Server;
  access: AccessControl;
  /** Stores every open document, closes all connections, leaves the store open. */
  stop(): Promise<void>;
}

export function redisConnection(url: string): { host: string; port: number; options: Record<string, unknown> } {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    options: {
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(Number.isInteger(db) ? { db } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
      // Fail a command rather than queue it forever while Redis is away.
      maxRetriesPerRequest: 3,
    },
  };
}

const defaultLog = (line: string) => console.error(`paragraf-server: ${line}`);

export async function startSyncServer(config: ServerConfig, store: ServerStore, log: (line: string) => void = defaultLog): Promise<SyncServer> {
  const nodeName = config.PARAGRAF_NODE_NAME ?? `${os.hostname()}-${process.pid}`;
  const access = new AccessControl(store, config.PARAGRAF_ACCESS_RECHECK_MS, log);
  const extensions: Extension[] = [
    new Limits({
      burst: config.PARAGRAF_CONNECTION_BURST,
      perMinute: config.PARAGRAF_CONNECTIONS_PER_MINUTE,
      maxDocumentsPerConnection: config.PARAGRAF_MAX_DOCUMENTS_PER_CONNECTION,
      trustProxy: config.PARAGRAF_TRUST_PROXY,
      nodeName,
    }),
    access,
    new Discovery(store, { burst: config.PARAGRAF_CONNECTION_BURST, perMinute: config.PARAGRAF_CONNECTIONS_PER_MINUTE, trustProxy: config.PARAGRAF_TRUST_PROXY }, log),
    new LockGuard(log),
    new Persistence(store, log),
    new Presence(config.PARAGRAF_MAX_AWARENESS_BYTES),
  ];

  let redis: Redis | undefined;
  if (config.PARAGRAF_REDIS_URL) {
    const { host, port, options } = redisConnection(config.PARAGRAF_REDIS_URL);
    redis = new Redis({ host, port, options, prefix: 'paragraf', identifier: `${nodeName}-${Math.random().toString(36).slice(2, 8)}` });
    let lastError = '';
    for (const client of [redis.pub, redis.sub]) {
      client.on('error', (err: Error) => {
        if (err.message !== lastError) log(`Redis: ${err.message}`);
        lastError = err.message;
      });
    }
    try {
      await Promise.race([redis.pub.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000))]);
    } catch (err) {
      redis.pub.disconnect();
      redis.sub.disconnect();
      throw new AdminError(
        `Kunde inte nå Redis (${host}:${port}): ${err instanceof Error ? err.message : String(err)}. Kontrollera PARAGRAF_REDIS_URL.`,
        `Could not reach Redis (${host}:${port}): ${err instanceof Error ? err.message : String(err)}. Check PARAGRAF_REDIS_URL.`,
      );
    }
    extensions.push(redis);
  }

  const server = new Server({
    name: nodeName,
    port: config.PARAGRAF_SERVER_PORT,
    address: config.PARAGRAF_SERVER_HOST,
    quiet: true,
    // cli.ts handles signals: it stores every document, then closes the store.
    stopOnSignals: false,
    debounce: config.PARAGRAF_COMPACT_DEBOUNCE_MS,
    maxDebounce: Math.max(10_000, config.PARAGRAF_COMPACT_DEBOUNCE_MS * 5),
    // ws refuses a bigger frame and closes the socket with 1009 (Message Too Big).
    websocketOptions: { maxPayload: config.PARAGRAF_MAX_MESSAGE_BYTES },
    // What an unauthenticated socket may queue: the app sends its auth message first.
    maxUnauthenticatedQueueSize: Math.min(5 * 1024 * 1024, config.PARAGRAF_MAX_MESSAGE_BYTES),
    maxPendingDocuments: Math.min(100, config.PARAGRAF_MAX_DOCUMENTS_PER_CONNECTION),
    extensions,
  });
  try {
    // listen() never rejects on EADDRINUSE & co.: the http server emits 'error' instead.
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.listen().then(() => {
        server.httpServer.off('error', reject);
        resolve();
      }, reject);
    });
  } catch (err) {
    await redis?.onDestroy().catch(() => undefined);
    const what = err instanceof Error ? err.message : String(err);
    throw new AdminError(
      `Kunde inte lyssna på ${config.PARAGRAF_SERVER_HOST}:${config.PARAGRAF_SERVER_PORT}: ${what}. Välj en annan PARAGRAF_SERVER_PORT eller stoppa det som använder porten.`,
      `Could not listen on ${config.PARAGRAF_SERVER_HOST}:${config.PARAGRAF_SERVER_PORT}: ${what}. Choose another PARAGRAF_SERVER_PORT or stop whatever uses the port.`,
    );
  }
  // Hocuspocus' destroy() ends every document connection but leaves the WebSockets (and
  // their TCP sockets) open; track them so stop() can really close them.
  const sockets = new Set<Socket>();
  server.httpServer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = server.address.port;
  const host = config.PARAGRAF_SERVER_HOST.includes(':') ? `[${config.PARAGRAF_SERVER_HOST}]` : config.PARAGRAF_SERVER_HOST;
  return {
    url: `ws://${host}:${port}`,
    port,
    nodeName,
    server,
    access,
    stop: async () => {
      await server.destroy();
      for (const socket of sockets) socket.destroy();
    },
  };
}
