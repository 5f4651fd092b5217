import type { RequestInput, Response } from './messages';
import type { ResponseData } from './responses';

type Sender = (message: unknown) => Promise<unknown>;

/**
 * Typed runtime messaging for the popup, options page and content scripts:
 * `await send({ type: 'lookup-code', query: '97530' })` → Response<CodeView>.
 * A missing or dead worker becomes `{ ok: false, error }`, never a rejection.
 */
export function createClient(sendMessage: Sender) {
  return async function send<M extends RequestInput>(message: M): Promise<Response<ResponseData[M['type']]>> {
    try {
      const reply = (await sendMessage(message)) as Response<ResponseData[M['type']]> | undefined;
      if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
        return { ok: false, error: 'ClaimLens background did not answer; reload the extension.' };
      }
      return reply;
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
export type Send = ReturnType<typeof createClient>;
