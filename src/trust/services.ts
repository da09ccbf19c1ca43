import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { NoticeBoard } from './notices.ts';
import { RateLimiter, type Limit } from './rate-limit.ts';

/** The trust model's running parts, one set per process: per-user limits and the notices it posts. */
export interface TrustServices {
  /** Commands, buttons and autocomplete, per identity. */
  commands: RateLimiter;
  /** Proposals per identity, counted from the stored proposals (so a restart does not reset it). */
  proposals: Limit;
  notices: NoticeBoard;
  /**
   * Who edits on each running platform, as the adapters found it at start: the editors' server
   * or workspace id, or null when that platform has none (nobody there edits directly).
   */
  editors: { discord?: string | null; slack?: string | null };
}

export interface TrustOptions {
  commands?: Limit;
  proposals?: Limit;
}

export const DEFAULT_COMMAND_LIMIT: Limit = { count: 10, windowMs: 30_000 };
export const DEFAULT_PROPOSAL_LIMIT: Limit = { count: 5, windowMs: 3_600_000 };

export function createTrust(clock: Clock, logger: Logger, options: TrustOptions = {}): TrustServices {
  return {
    commands: new RateLimiter(options.commands ?? DEFAULT_COMMAND_LIMIT, clock),
    proposals: options.proposals ?? DEFAULT_PROPOSAL_LIMIT,
    notices: new NoticeBoard(logger),
    editors: {},
  };
}
