/**
 * A loopback relay in front of the harness, for tests where the page must stay open while
 * the Core is killed and restarted. A restarted harness has a new port and a new token (by
 * design: a token lives for one run), so a page could never reconnect to it by itself. The
 * relay gives the page one stable address and forwards to whichever harness is current,
 * putting that harness's token and Origin on the WebSocket upgrade. Test infrastructure
 * only: it deliberately stands in for "the same Core came back".
 */
import http from 'node:http';
import net from 'node:net';
import type { HarnessProcess } from './harness';

export interface Relay {
  /** The page's URL: the relay's origin, with a dummy token the relay replaces. */
  url: string;
  setTarget(harness: HarnessProcess | null): void;
  close(): Promise<void>;
}

export async function startRelay(initial: HarnessProcess): Promise<Relay> {
  let target: HarnessProcess | null = initial;
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    if (!target) {
      res.writeHead(502).end();
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${target.port}` } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });

  server.on('upgrade', (req, client: net.Socket, head) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (!target) {
      client.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://relay');
    url.searchParams.set('token', target.token);
    const upstream = http.request({
      host: '127.0.0.1',
      port: target.port,
      path: url.pathname + url.search,
      headers: { ...req.headers, host: `127.0.0.1:${target.port}`, origin: target.origin },
    });
    upstream.on('upgrade', (res, upSocket, upHead) => {
      sockets.add(upSocket);
      upSocket.on('close', () => {
        sockets.delete(upSocket);
        client.destroy();
      });
      upSocket.on('error', () => upSocket.destroy());
      client.on('close', () => upSocket.destroy());
      const lines = [`HTTP/1.1 ${res.statusCode} ${res.statusMessage}`];
      for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
      client.write(lines.join('\r\n') + '\r\n\r\n');
      if (upHead.length) client.write(upHead);
      if (head.length) upSocket.write(head);
      upSocket.pipe(client);
      client.pipe(upSocket);
    });
    upstream.on('response', (res) => {
      client.end(`HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    });
    upstream.on('error', () => client.destroy());
    upstream.end();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}/#token=relay`,
    setTarget(harness) {
      target = harness;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
