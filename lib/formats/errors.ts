// The one error every format reader throws for a file that is not readable input at all (the
// converter prints its message and exits 2; the import UI shows it). Bad single entries are not
// errors of this kind: readers report them and keep the good ones.

/** A file that cannot be read as the format at all; `line`/`column` (1-based) when known. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, position?: { line: number; column: number }) {
    super(message);
    this.line = position?.line;
    this.column = position?.column;
  }
}
