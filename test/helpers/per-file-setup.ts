// Runs before each test file. Files share a worker's module graph (isolate: false in
// vitest.config.ts), so state a file may leave in shared helpers is dropped here.
import { forgetSharedStore } from './store.ts';

forgetSharedStore();
