import { createApp } from '../src/app.ts';
import { systemClock } from '../src/clock.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { SchemaError } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { runConsole } from './console/console-adapter.ts';

/** config → database → migrations → data → adapters. */
async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL ?? 'warn');
  const app = createApp({ databasePath: config.DATABASE_PATH, clock: systemClock, logger });
  const stop = () => {
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await runConsole(app, { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
  } finally {
    app.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof SchemaError) {
      process.stderr.write(`sheriff-watch: ${error.message}\n`);
    } else {
      process.stderr.write(`sheriff-watch: could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exit(1);
  },
);
