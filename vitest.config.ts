import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Two cores: keep integration tests (real SQLite files, child processes) from starving each other.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
