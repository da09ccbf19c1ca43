// STUB: replaced by the Slack adapter work.
import type { App } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { RunningAdapter } from '../running-adapter.ts';

export async function startSlack(_app: App, _config: Config): Promise<RunningAdapter> {
  throw new Error('The Slack adapter is not built yet.');
}
