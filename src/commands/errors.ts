import { userError, type Choice, type Reply } from '../reply.ts';

/**
 * An error meant for the user: a stable code and a message that says what to do.
 * Handlers may throw it; the runner turns it into a private reply.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    readonly code: string,
    readonly title: string,
    readonly lines: string[],
    readonly choices?: Choice[],
  ) {
    super(`${code}: ${title}`);
  }

  toReply(): Reply {
    return userError(this.code, this.title, this.lines, this.choices);
  }
}
