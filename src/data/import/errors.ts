/** A file refused by import (or a failed write). The data in use is unchanged. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    message: string,
    /** 1-based line in the file (or zip member) where the problem is, when known. */
    readonly line?: number,
    /** Member of a zip, when the problem is inside one. */
    readonly member?: string,
  ) {
    super(message);
  }
}
