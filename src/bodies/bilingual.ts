/**
 * Text shown to the secretary, Swedish first (the product's language) and English for the
 * support desk and non-Swedish colleagues. Same shape as the API contract's `localizedText`.
 */
export interface Bilingual {
  sv: string;
  en: string;
}

/** Swedish list joining: "A", "A och B", "A, B och C" (and the English equivalent). */
export function joinList(items: readonly string[], lang: 'sv' | 'en'): string {
  const and = lang === 'sv' ? 'och' : 'and';
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]!}`;
}

/** Quotes a user value for a message: ”Namn” in Swedish, "Name" in English. */
export function q(value: string, lang: 'sv' | 'en'): string {
  return lang === 'sv' ? `”${value}”` : `"${value}"`;
}
