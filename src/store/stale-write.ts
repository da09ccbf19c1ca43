/** A write based on an out-of-date view: someone changed the record first. Nothing was written. */
export class StaleWriteError extends Error {
  override name = 'StaleWriteError';
  constructor(
    readonly entity: string,
    readonly id: number,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${entity} #${id} is at revision ${actual}, not ${expected}`);
  }
}

/** The record does not exist, or is no longer live. */
export class RecordNotFoundError extends Error {
  override name = 'RecordNotFoundError';
  constructor(
    readonly entity: string,
    readonly id: number,
  ) {
    super(`${entity} #${id} not found`);
  }
}
