/**
 * Bad input the user can fix (unknown file, JSON syntax, a field that does not parse).
 * The CLI prints the message alone — never a stack trace — and exits with status 2.
 */
export class InputError extends Error {
  /** Each entry names where (file line, service line, field) and what is wrong. */
  readonly problems: readonly string[];

  constructor(summary: string, problems: readonly string[] = []) {
    super(summary);
    this.name = 'InputError';
    this.problems = problems;
  }
}
