/** Every UI string exists in both languages, and no translation was left empty. */
import { expect, test } from 'vitest';
import sv from '../../../renderer/i18n/sv.json';
import en from '../../../renderer/i18n/en.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function values(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (typeof v === 'object' && v !== null ? values(v as object) : [String(v)]));
}

test('Swedish and English have the same keys', () => {
  expect(keys(en).sort()).toEqual(keys(sv).sort());
});

test('no empty strings', () => {
  expect(values(sv).filter((v) => v.trim() === '')).toEqual([]);
  expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
});
