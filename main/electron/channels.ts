/**
 * The two IPC channel names, shared by ipc.ts (main) and preload.ts so they cannot drift.
 * There is deliberately one channel per direction: every method of the API contract goes
 * through `invoke`, and every event through `event`; names of methods and events live only
 * in src/api/contract.ts.
 */
export const INVOKE_CHANNEL = 'paragraf:invoke';
export const EVENT_CHANNEL = 'paragraf:event';

/** What main sends on EVENT_CHANNEL. */
export interface EventMessage {
  event: string;
  payload: unknown;
}
