/**
 * The typed client: the renderer calls `api.invoke('meetings.create', {...})` and gets the
 * result type of that method. Call sites name the method as a string literal on purpose, so
 * a grep for a method finds every caller (no Proxy-generated functions).
 */
import type { ApiResult } from './errors';
import { ParagrafError } from './errors';
import type { EventName, EventPayload, MethodName, ParamsIn, ResultOf } from './contract';
import type { Transport, TypedApi } from './transport';

export function createTypedApi(transport: Transport): TypedApi {
  return {
    invoke<M extends MethodName>(method: M, params: ParamsIn<M>) {
      return transport.invoke(method, params) as Promise<ApiResult<ResultOf<M>>>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return transport.on(event, listener as (p: unknown) => void);
    },
  };
}

/** For callers that prefer exceptions: unwraps a result or throws a ParagrafError. */
export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  const { code, message, detail } = result.error;
  throw new ParagrafError(code, message.sv, message.en, detail);
}
