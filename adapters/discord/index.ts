// STUB: replaced by the Discord adapter work.
import type { App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { RunningAdapter } from '../running-adapter.ts';

export async function startDiscord(_app: App, _config: Config): Promise<RunningAdapter> {
  throw new Error('The Discord adapter is not built yet.');
}
