/**
 * Errors of the storage ports. TODO(lead): add `PORTCULLIS_ERR_STORAGE` to the catalogue in
 * `src/errors.ts` (wire: InternalError) if these should reach `toWireError` with their own code.
 */

/** A storage failure with a message meant for an operator (file path, what is wrong, what to do). */
export class StorageError extends Error {
  /** Stable code. */
  readonly code = 'PORTCULLIS_ERR_STORAGE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
  }
}
