import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Worker threads that keep their module graph between files: each file no longer re-imports
    // the whole bot (about half the suite's CPU time). A file's own state is its stores, which
    // it opens itself; the shared loaded store is reset per file (per-file-setup.ts).
    pool: 'threads',
    // Two workers on this 2-core machine (vitest's default is cores - 1): many files wait on a
    // child process or a local server, so the second worker fills that time.
    maxWorkers: 2,
    isolate: false,
    globalSetup: ['test/helpers/global-setup.ts'],
    setupFiles: ['test/helpers/per-file-setup.ts'],
  },
});
