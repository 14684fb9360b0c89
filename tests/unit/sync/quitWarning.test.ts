import { describe, expect, it } from 'vitest';
import type { SyncDocStatus, SyncStatus } from '../../../src/api/contract';
import { unsyncedWarning } from '../../../main/sync/quitWarning';

const doc = (pending: boolean, readOnly = false): SyncDocStatus => ({ docId: 'd', name: 'n', state: pending ? 'offline' : 'synced', pending, readOnly, error: null });
const status = (docs: SyncDocStatus[], configured = true): SyncStatus => ({
  configured,
  url: configured ? 'wss://x' : null,
  connection: 'offline',
  error: null,
  docs,
  presence: { enabled: false, name: null },
  tokenStorage: 'plain',
});

describe('warning before quitting with unsynced changes', () => {
  it('says nothing without a server or without pending changes', () => {
    expect(unsyncedWarning(status([], false))).toBeNull();
    expect(unsyncedWarning(status([doc(false), doc(false)]))).toBeNull();
  });
  it('counts documents with pending changes, in Swedish and English', () => {
    expect(unsyncedWarning(status([doc(true), doc(false)]))).toEqual({ sv: expect.stringMatching(/^Ett dokument har ändringar som inte har nått servern/), en: expect.stringMatching(/^One document has changes/) });
    expect(unsyncedWarning(status([doc(true), doc(true), doc(true)]))?.sv).toMatch(/^3 dokument/);
  });
  it('does not count a read-only document: its changes can never be sent, and it is shown as an error', () => {
    expect(unsyncedWarning(status([doc(true, true)]))).toBeNull();
  });
  it('does not count a justerat meeting whose late change the server refused, but counts other errors', () => {
    const refused = (code: string): SyncDocStatus => ({ ...doc(true), state: 'error', error: { code, sv: 's', en: 'e' } });
    expect(unsyncedWarning(status([refused('update-refused-locked')]))).toBeNull();
    expect(unsyncedWarning(status([refused('update-refused-locked'), refused('update-refused')]))?.sv).toMatch(/^Ett dokument/);
  });
});
