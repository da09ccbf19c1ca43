/** Why a change cannot be reverted: not found, reverted already, changed again since, or not a record revert undoes. */
export class RevertRefused extends Error {
  override name = 'RevertRefused';
  constructor(
    readonly reason: 'not_found' | 'already' | 'conflict' | 'unsupported',
    readonly ref: string,
    readonly detail: { by?: string; entity?: string } = {},
  ) {
    super(`${reason}: ${ref}`);
  }
}
