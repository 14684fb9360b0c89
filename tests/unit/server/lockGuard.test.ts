/**
 * LockGuard makes a connection read-only for one refused message (a change to a justerat
 * meeting) and writable again afterwards; a grant downgraded to read-only meanwhile (by
 * AccessControl's re-check, which records it in the connection's context) must stay so.
 * The Connection is a plain stand-in with the two fields LockGuard touches; the document,
 * the lock and the update are real Yjs.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { beforeSyncPayload, afterHandleMessagePayload } from '@hocuspocus/server';
import { LockGuard } from '../../../server/extensions/LockGuard';
import { writeLock, type LockRecord } from '../../../src/export/lock';

const hex = (c: string) => c.repeat(64);
const record: LockRecord = { lockedAt: '2026-12-02T02:00:00.000Z', pdfSha256: hex('a'), exportedPdfSha256: hex('b'), snapshotSha256: hex('c'), by: ['Åsa Justerare'], signers: [] };
const name = 'meeting/3f2b8a2e-6c1d-4c55-9d7e-0d9a1c2b3e4f/7a1e2d3c-4b5a-4f6e-8d9c-0b1a2c3d4e5f';

function lockedMeeting(): { document: Y.Doc; update: Uint8Array } {
  const document = new Y.Doc();
  document.getText('content').insert(0, 'Justerad text.');
  writeLock(document, record, Y.encodeStateAsUpdate(document));
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(document));
  const before = Y.encodeStateVector(other);
  other.getText('content').insert(0, 'Efteråt: ');
  return { document, update: Y.encodeStateAsUpdate(other, before) };
}

async function refuseOne(downgradeMeanwhile: boolean): Promise<boolean> {
  const guard = new LockGuard(() => {});
  const { document, update } = lockedMeeting();
  const connection = { readOnly: false, context: { mode: 'read-write' as string } };
  await guard.beforeSync({ type: 2, payload: update, connection, document, documentName: name } as unknown as beforeSyncPayload);
  expect(connection.readOnly).toBe(true);
  if (downgradeMeanwhile) connection.context.mode = 'read-only';
  await guard.afterHandleMessage({ connection } as unknown as afterHandleMessagePayload);
  return connection.readOnly;
}

describe('LockGuard', () => {
  it('makes the connection writable again after the refused message', async () => {
    expect(await refuseOne(false)).toBe(false);
  });
  it('leaves a connection whose grant was downgraded meanwhile read-only', async () => {
    expect(await refuseOne(true)).toBe(true);
  });
});
