import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

/**
 * Bolt's logger interface over the app's pino logger, so Slack's own messages land in the
 * same JSON log with `component: "slack"`. The level is the app's (LOG_LEVEL).
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' });
  let level = LogLevel.INFO;
  const write = (method: 'debug' | 'info' | 'warn' | 'error') => (...parts: unknown[]) => {
    // Bolt logs at debug on every request; formatting what nobody reads costs latency.
    if (!log.isLevelEnabled(method)) return;
    const err = parts.find((part) => part instanceof Error);
    const message = format(...parts.filter((part) => part !== err));
    if (err) log[method]({ err }, message || err.message);
    else log[method](message);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
