/**
 * Every error that crosses the API boundary carries a stable code and a message in Swedish
 * and English, because the person reading it is a secretary, not a developer: the message
 * says what happened and what to do next.
 */
export const errorCodes = [
  'UNKNOWN_METHOD',
  'INVALID_PARAMS',
  'FORBIDDEN_SENDER',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'INVALID_UPDATE',
  'INVALID_INPUT',
  'CONFLICT',
  'DATABASE_CORRUPT',
  'DATABASE_TOO_NEW',
  'NO_BACKUP',
  'STORE_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiError {
  code: ErrorCode;
  /** Swedish first: the product's language. */
  message: { sv: string; en: string };
  /** Machine-readable detail for logs and tests (e.g. the failing schema paths). */
  detail?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class ParagrafError extends Error {
  readonly code: ErrorCode;
  readonly sv: string;
  readonly en: string;
  readonly detail: string | undefined;
  constructor(code: ErrorCode, sv: string, en: string, detail?: string) {
    super(en);
    this.name = 'ParagrafError';
    this.code = code;
    this.sv = sv;
    this.en = en;
    this.detail = detail;
  }
  toApiError(): ApiError {
    const e: ApiError = { code: this.code, message: { sv: this.sv, en: this.en } };
    if (this.detail !== undefined) e.detail = this.detail;
    return e;
  }
}

/** Turns anything thrown inside a handler into an ApiError without leaking a stack trace. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ParagrafError) return err.toApiError();
  const detail = err instanceof Error ? err.message : String(err);
  return {
    code: 'INTERNAL',
    message: {
      sv: 'Ett oväntat fel inträffade. Det du skrivit finns kvar; försök igen, och kontakta support om felet kvarstår.',
      en: 'An unexpected error occurred. What you typed is kept; try again, and contact support if it persists.',
    },
    detail,
  };
}
