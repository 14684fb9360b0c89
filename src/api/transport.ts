/**
 * The shape every transport offers the renderer: the preload bridge in Electron
 * (`window.paragraf`), and the harness WebSocket in a browser. Both carry the same contract.
 */
import type { ApiResult } from './errors';
import type { EventName, EventPayload, MethodName, ParamsIn, ResultOf } from './contract';

export interface Transport {
  invoke(method: string, params: unknown): Promise<ApiResult<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Wire format of the harness transport (JSON over WebSocket). */
export type WireRequest = { id: number; method: string; params: unknown };
export type WireResponse = { id: number; result: ApiResult<unknown> };
export type WireEvent = { event: string; payload: unknown };

export interface TypedApi {
  invoke<M extends MethodName>(method: M, params: ParamsIn<M>): Promise<ApiResult<ResultOf<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
