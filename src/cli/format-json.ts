import type { CheckResult } from '../rules/result';

/** `--json`: the CheckResult as the engine returns it ({findings, fees}), pretty-printed. */
export function formatJson(result: CheckResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
