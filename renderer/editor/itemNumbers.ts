/**
 * The displayed number of each § item, computed from the document order: the n-th item
 * title is § n. The numbering engine (src/numbering) will later replace this with the body's
 * scheme (yearly counter, "§ 81/24", frozen numbers); the editor only needs id → number.
 */
import type { Descendant } from 'slate';

export function itemNumbers(children: readonly Descendant[]): Map<string, number> {
  const numbers = new Map<string, number>();
  let n = 0;
  for (const node of children) {
    if ('type' in node && node.type === 'item-title') numbers.set(node.id, ++n);
  }
  return numbers;
}

/**
 * A key that changes exactly when some item's number can change (items added, removed or
 * reordered), so React can keep the same numbers object while the user types in a paragraph.
 */
export function itemOrderKey(children: readonly Descendant[]): string {
  let key = '';
  for (const node of children) {
    if ('type' in node && node.type === 'item-title') key += `${node.id},`;
  }
  return key;
}
