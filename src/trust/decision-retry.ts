// The outbox of decision notices is tried again every minute, one run at a time.
import cron from 'node-cron';
import type { App } from '../app.ts';

export interface RunningRetry {
  stop(): Promise<void>;
}

export function startDecisionRetry(app: Pick<App, 'store' | 'clock' | 'logger' | 'trust'>): RunningRetry {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => app.trust.notices.sendDecisions(app.store, app.clock)).catch((error: unknown) => app.logger.error({ err: error }, 'decision notices: retry run failed'));
    return running;
  };
  // Notices queued before a restart go out now, not a minute later.
  void run();
  const task = cron.schedule('* * * * *', () => void run(), { name: 'sheriff-watch-decision-notices', timezone: 'UTC' });
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
