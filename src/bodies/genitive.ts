/**
 * The Swedish genitive of a body's name, for decision phrases like "LSVO:s ledningsgrupp
 * beslutar". The rule (Språkrådet, Svenska skrivregler) looks at the last word of the name —
 * after the last space or hyphen, since Swedish puts the genitive at the end of the whole
 * phrase ("Ledningsgrupp för samordnings", "IT-rådets"):
 *
 *  1. An abbreviation or a number takes colon + s: "LSVO:s", "SKR:s", "FoU:s", "Grupp A:s",
 *     "H22:s", "2021:s". A word counts as an abbreviation when all its letters are capitals,
 *     when it ends in a digit, or when it is short (at most 4 characters) with two or more
 *     capitals ("FoU", "SoS"). A long word with two capitals ("McDonald") is a name. A name
 *     that ends in anything but a letter or digit ("Grupp (LSVO)") also takes ":s", since a
 *     bare "s" after punctuation is unreadable.
 *  2. A word ending in s, x or z takes nothing: "Samordningsförbundet Consensus" →
 *     "Samordningsförbundet Consensus", "Kalix" → "Kalix", "Fritz" → "Fritz" (no apostrophe,
 *     as Språkrådet recommends).
 *  3. Any other word takes s: "Socialnämnden" → "Socialnämndens", "Region Skåne" → "Region
 *     Skånes", "Nordväst" → "Nordvästs".
 *
 * A name written entirely in capitals is read as an abbreviation ("SOCIALNÄMNDEN:s"): write
 * body names in normal case.
 */
export function genitive(name: string): string {
  const trimmed = name.trim().replace(/\s+/gu, ' ');
  if (trimmed === '') throw new RangeError('genitive: the name is empty');
  const lastWord = trimmed.split(/[\s\-‐‑–—]/u).pop()!;
  if (lastWord === '' || !/[\p{L}\p{N}]$/u.test(lastWord)) return `${trimmed}:s`;
  if (isAbbreviation(lastWord)) return `${trimmed}:s`;
  if (/[sxz]$/iu.test(lastWord)) return trimmed;
  return `${trimmed}s`;
}

function isAbbreviation(word: string): boolean {
  if (/\p{N}$/u.test(word)) return true;
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  const capitals = letters.filter((c) => /\p{Lu}/u.test(c)).length;
  if (letters.length > 0 && capitals === letters.length) return true;
  return [...word].length <= 4 && capitals >= 2;
}

/**
 * Fills a phrase template with a body's name: "{namn}" is the name as written,
 * "{namn:genitiv}" its genitive (see genitive). Unknown placeholders are left alone so a typo
 * stays visible in the preview instead of vanishing.
 */
export function fillBodyName(template: string, name: string): string {
  const tidy = name.trim().replace(/\s+/gu, ' ');
  return template.replace(/\{namn(:genitiv)?\}/gu, (_m, gen: string | undefined) => (gen === undefined ? tidy : genitive(tidy)));
}
