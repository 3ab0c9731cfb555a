// Test runner configuration: unit tests live beside the code (src/**/*.test.ts),
// cross-module tests under test/ (e2e against a real Portico on a loopback port).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
