import type { Claim } from '../rules/claim';
import type { CheckResult } from '../rules/result';
import { parseArgs } from './args';
import { formatJson } from './format-json';
import { formatText } from './format-text';
import { HELP } from './help';
import { InputError } from './input-error';
import { parseClaimInput, readInput } from './read-input';

/** Exit statuses (also in --help): scripts and CI rely on them. */
export const EXIT = { clean: 0, errorFindings: 1, badInput: 2, failure: 3 } as const;

export interface CliDeps {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Loads reference data and returns the checker; called only once the input parsed. */
  loadChecker: () => Promise<(claim: Claim) => CheckResult>;
  color: boolean;
  version: string;
  /** Print stack traces of unexpected failures (CLAIMLENS_DEBUG=1). */
  debug?: boolean;
}

/** The whole command: arguments → input → engine → report. Returns the exit status. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      deps.stdout(HELP);
      return EXIT.clean;
    }
    if (args.command === 'version') {
      deps.stdout(`claimlens ${deps.version}\n`);
      return EXIT.clean;
    }
    const raw = await readInput(args.input, args.format, deps.readStdin);
    const { claim, warnings } = parseClaimInput(raw, args.overrides);
    for (const warning of warnings) deps.stderr(`claimlens: warning: ${warning}\n`);

    const check = await deps.loadChecker();
    const result = check(claim);
    deps.stdout(args.json ? formatJson(result) : formatText(claim, result, { name: raw.name, color: deps.color }));
    return result.findings.some((f) => f.severity === 'error') ? EXIT.errorFindings : EXIT.clean;
  } catch (error) {
    if (error instanceof InputError) {
      deps.stderr(`claimlens: ${error.message}\n`);
      for (const problem of error.problems) deps.stderr(`  - ${problem}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    deps.stderr(`claimlens: could not check the claim: ${message}\n`);
    if (deps.debug && error instanceof Error && error.stack) deps.stderr(`${error.stack}\n`);
    return EXIT.failure;
  }
}
