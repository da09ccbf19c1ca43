import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs go to stderr so the console adapter's stdout holds only replies. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
