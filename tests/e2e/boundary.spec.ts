/**
 * Bad input at the harness boundary, sent from the page as a hostile or buggy client would:
 * a wrong token is refused, another origin is refused even with the right token, an unknown
 * method and params failing the contract are answered with their error codes, and none of it
 * changes anything.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Meeting } from '../../src/api/contract';
import { call, createBody, createMeeting, expect, openApp, rawCalls, test, bodyCard, backToStart } from './harness';

/** Tries to open a WebSocket from the page; 'open' or 'refused'. */
function tryConnect(page: import('@playwright/test').Page, url: string) {
  return page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onerror = () => resolve('refused');
      }),
    url,
  );
}

test('wrong tokens, unknown methods and invalid params are refused and change nothing', async ({ page, harness }) => {
  await openApp(page, harness);
  await createBody(page, 'LSVO');
  await createMeeting(page, 'LSVO', '2021-05-07', 'Sammanträde');
  await backToStart(page);
  const before = await call<Meeting[]>(page, 'meetings.list', {});
  expect(before).toHaveLength(1);

  const wsBase = `ws://127.0.0.1:${harness.port}/api`;
  expect(await tryConnect(page, `${wsBase}?token=${harness.token}`)).toBe('open'); // the control
  expect(await tryConnect(page, `${wsBase}?token=wrong-token`)).toBe('refused');
  expect(await tryConnect(page, `${wsBase}?token=${harness.token.slice(0, -1)}`)).toBe('refused');
  expect(await tryConnect(page, wsBase)).toBe('refused');
  expect(await tryConnect(page, `ws://127.0.0.1:${harness.port}/other?token=${harness.token}`)).toBe('refused');

  const bodyId = before[0]!.bodyId;
  const results = await rawCalls(page, [
    { method: 'meetings.delete', params: { id: before[0]!.id } },
    { method: '__proto__', params: {} },
    { method: 'meetings.create', params: { bodyId: '../../etc/passwd', date: '2021-05-07' } },
    { method: 'meetings.create', params: { bodyId, date: '2021-02-30' } },
    { method: 'meetings.create', params: { bodyId, date: '2021-05-07', title: 'x', admin: true } },
    { method: 'bodies.create', params: { name: 'x'.repeat(201) } },
    { method: 'docs.applyUpdate', params: { docId: before[0]!.id, update: 'not base64!' } },
    { raw: 'this is not json' },
  ]);
  expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
    'UNKNOWN_METHOD',
    'UNKNOWN_METHOD',
    'INVALID_PARAMS',
    'INVALID_PARAMS',
    'INVALID_PARAMS',
    'INVALID_PARAMS',
    'INVALID_PARAMS',
    'INVALID_PARAMS',
  ]);
  // Every refusal explains itself in Swedish.
  for (const r of results) if (!r.ok) expect(r.error.message.sv).toMatch(/[a-zåäö]{4}/);

  expect(await call<Meeting[]>(page, 'meetings.list', {})).toEqual(before);
  expect(await call<unknown[]>(page, 'bodies.list', {})).toHaveLength(1);
  await page.reload();
  await expect(bodyCard(page, 'LSVO').getByTestId('meeting')).toHaveText(['2021-05-07Sammanträde']);
});

test('a page from another origin is refused even with the right token', async ({ page, harness }) => {
  // Another web page in the same browser: a server on another loopback port.
  const evil = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>x</title>'));
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', () => resolve()));
  try {
    const { port } = evil.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    expect(await tryConnect(page, `ws://127.0.0.1:${harness.port}/api?token=${harness.token}`)).toBe('refused');

    // The control: the same call from the harness's own page is let in.
    await openApp(page, harness);
    expect(await tryConnect(page, `ws://127.0.0.1:${harness.port}/api?token=${harness.token}`)).toBe('open');
  } finally {
    await new Promise<void>((resolve) => evil.close(() => resolve()));
  }
});

test('the page’s Content Security Policy blocks injected inline scripts', async ({ page, harness }) => {
  await openApp(page, harness);
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return w.injected === true;
  });
  expect(ran).toBe(false);
});
