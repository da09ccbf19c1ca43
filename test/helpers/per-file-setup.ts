// Runs before each test file. Files share a worker's module graph (isolate: false in
// vitest.config.ts), so state a file may leave in shared helpers is dropped here.
// The process-wide HTTP dispatcher, as adapters/main.ts installs it (see that module).
import '../../adapters/http-dispatcher.ts';
import { forgetSharedStore } from './store.ts';

forgetSharedStore();
