// The sync server suite: real PostgreSQL and Redis (started by globalSetup.ts), real
// WebSockets, server processes killed with SIGKILL. Run with `npm run test:server`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/server/**/*.test.ts'],
    globalSetup: ['tests/server/globalSetup.ts'],
    environment: 'node',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Hocuspocus logs every refused hook ("[onAuthenticate] …", and "[onStoreDocument] Another
    // instance is already storing" when nodes take turns); the tests provoke them on purpose.
    // A too-big message is logged by Hocuspocus' Server as a WebSocket error.
    onConsoleLog: (log) => !/^(\[(onAuthenticate|onConnect|onLoadDocument|onStoreDocument)\]|WebSocket error for peer|WSError: RangeError: Max payload)/.test(log),
  },
});
