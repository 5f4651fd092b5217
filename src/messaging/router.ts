import { Request, type Response } from './messages';
import { handlers, type WorkerDeps } from './handlers';
import { refuseSender, type SelfInfo, type SenderInfo } from './sender-policy';

/**
 * The worker's one entry point for runtime messages: checks the shape and the sender,
 * runs the handler, and always answers `{ ok: true, data }` or `{ ok: false, error }`.
 */
export async function handleMessage(raw: unknown, sender: SenderInfo, self: SelfInfo, deps: WorkerDeps): Promise<Response<unknown>> {
  // The sender is checked on the bare type first: a refused sender learns nothing about the
  // schema and its payload (up to 40 MB for an import) is never parsed.
  const refused = refuseSender(messageType(raw), sender, self);
  if (refused) return { ok: false, error: refused };
  const parsed = Request.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: `bad message: ${issue?.message ?? 'invalid'}${where}` };
  }
  const request = parsed.data;
  try {
    const handler = handlers[request.type] as (r: Request, d: WorkerDeps) => Promise<unknown>;
    return { ok: true, data: await handler(request, deps) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function messageType(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const type: unknown = (raw as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}
