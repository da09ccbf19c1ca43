/**
 * The one reading of a caller's role in the trust model. Editors change the shared record and
 * decide proposals; everyone else's record change becomes a proposal.
 */
import type { Caller } from '../commands/types.ts';

export function isEditor(caller: Caller): boolean {
  return caller.isModerator;
}
