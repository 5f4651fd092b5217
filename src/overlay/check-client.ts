import type { ServiceLine } from '../rules/claim';
import type { CheckResult } from '../rules/result';
import { parseCheckClaimResponseSliced } from './check-response';
import { LOADING_RETRY_DELAYS_MS } from './timing';
import { yieldToPage } from './yield-to-page';

/** Sends one runtime message to the service worker and resolves with its raw answer. */
export type SendMessage = (message: unknown) => Promise<unknown>;

export type CheckOutcome =
  | { kind: 'result'; result: CheckResult }
  | { kind: 'unavailable'; message: string }
  | { kind: 'aborted' };

/**
 * The worker answers `{ok:false}` with one of these while its reference data is not ready
 * (first run, an import in progress) or while it is starting: worth asking again.
 */
const TRANSIENT = /loading|not ready|initiali[sz]ing|importing|receiving end does not exist|could not establish connection/i;

export function isTransientError(message: string): boolean {
  return TRANSIENT.test(message);
}

function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Asks the worker to check lines. Never throws: errors become an `unavailable` outcome the
 * badge shows quietly, because a broken extension must never break the biller's page.
 */
export async function checkLines(
  send: SendMessage,
  lines: ServiceLine[],
  signal: AbortSignal,
  retryDelays: readonly number[] = LOADING_RETRY_DELAYS_MS,
): Promise<CheckOutcome> {
  for (let attempt = 0; ; attempt++) {
    if (signal.aborted) return { kind: 'aborted' };
    let error: string;
    try {
      const answer = await parseCheckClaimResponseSliced(await send({ type: 'check-claim', lines }), yieldToPage);
      if (answer.ok) return signal.aborted ? { kind: 'aborted' } : { kind: 'result', result: answer.data };
      error = answer.error;
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    const delay = retryDelays[attempt];
    if (!isTransientError(error) || delay === undefined) {
      return signal.aborted ? { kind: 'aborted' } : { kind: 'unavailable', message: error };
    }
    if (!(await wait(delay, signal))) return { kind: 'aborted' };
  }
}
