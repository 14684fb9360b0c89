/**
 * Puts an API error next to the field it is about. The Core answers invalid params with
 * INVALID_PARAMS and a `detail` of "path: message; path: message" (src/api/dispatch.ts),
 * where the contract's own messages are written "svenska / English". A form shows those
 * messages beside their inputs (and links them with aria-describedby); anything it cannot
 * place stays a general error, so nothing the Core said is ever hidden.
 */
import type { ApiError } from '../../src/api/errors';
import type { Bilingual } from '../app/ErrorMessage';

export interface FormErrors {
  /** Field name (the contract's param name, e.g. "endTime") → its message. */
  fields: Record<string, Bilingual>;
  /** What could not be tied to one of `knownFields`. */
  general: Bilingual | null;
}

/** "Sluttiden måste vara efter starttiden / The end time must be after the start time" → both halves. */
export function splitBilingual(message: string): Bilingual {
  const at = message.indexOf(' / ');
  if (at < 0) return { sv: message, en: message };
  return { sv: message.slice(0, at).trim(), en: message.slice(at + 3).trim() };
}

export function formErrors(error: ApiError, knownFields: readonly string[]): FormErrors {
  if (error.code !== 'INVALID_PARAMS' || !error.detail) return { fields: {}, general: error.message };
  const fields: Record<string, Bilingual> = {};
  let unplaced = false;
  for (const part of error.detail.split('; ')) {
    const m = /^([A-Za-z0-9_.]+): (.+)$/su.exec(part);
    const field = m?.[1]?.split('.')[0];
    if (m && field && knownFields.includes(field) && !(field in fields)) fields[field] = splitBilingual(m[2]!);
    else unplaced = true;
  }
  // If even one issue could not be placed, the Core's whole message stays visible as well.
  return { fields, general: unplaced || Object.keys(fields).length === 0 ? error.message : null };
}
