/**
 * One generic handler for every transport: checks the method exists, validates the params
 * against the contract, calls the Core, and turns any failure into a bilingual ApiError.
 * Transports (IPC, harness WebSocket) only add their own sender check in front of it.
 */
import { methods, isMethodName, type ApiHandlers, type CallContext } from './contract';
import { ParagrafError, toApiError, type ApiResult } from './errors';

export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  params: unknown,
  ctx: CallContext,
): Promise<ApiResult<unknown>> {
  if (!isMethodName(method)) {
    const name = typeof method === 'string' ? method.slice(0, 100) : typeof method;
    return {
      ok: false,
      error: new ParagrafError(
        'UNKNOWN_METHOD',
        `Okänd funktion "${name}". Paragraf och dess fönster kan ha olika versioner: starta om programmet.`,
        `Unknown method "${name}". Paragraf and its window may be of different versions: restart the app.`,
      ).toApiError(),
    };
  }
  const spec = methods[method];
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
    return {
      ok: false,
      error: new ParagrafError(
        'INVALID_PARAMS',
        `Ogiltiga uppgifter till "${method}": ${detail}. Inget har ändrats.`,
        `Invalid parameters for "${method}": ${detail}. Nothing was changed.`,
        detail,
      ).toApiError(),
    };
  }
  try {
    const handler = handlers[method] as (p: unknown, c: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}
