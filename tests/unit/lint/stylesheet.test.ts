/**
 * The renderer's stylesheet is flat CSS: no rule inside another. Browsers now read a rule
 * inside a rule as CSS nesting, so one missing "}" does not break the file visibly: it turns
 * every rule after it into a descendant rule that matches nothing (that once hid the presence
 * carets' and the political lines' styles). Only at-rules (@media …) may hold rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/** The selectors of rules found inside another rule, and the depth left open at the end. */
function nestingProblems(css: string): { nested: string[]; openAtEnd: number } {
  const text = css.replace(/\/\*[\s\S]*?\*\//gu, (c) => c.replace(/[^\n]/gu, ' ')).replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/gu, (s) => ' '.repeat(s.length));
  const stack: Array<'rule' | 'at'> = [];
  const nested: string[] = [];
  let prelude = '';
  for (const c of text) {
    if (c === '{') {
      const head = prelude.trim();
      if (stack.at(-1) === 'rule') nested.push(head);
      stack.push(head.startsWith('@') ? 'at' : 'rule');
      prelude = '';
    } else if (c === '}') {
      stack.pop();
      prelude = '';
    } else if (c === ';') prelude = '';
    else prelude += c;
  }
  return { nested, openAtEnd: stack.length };
}

describe('renderer/styles.css', () => {
  test('has no rule inside a rule, and every block is closed', () => {
    const css = fs.readFileSync(path.join(import.meta.dirname, '../../../renderer/styles.css'), 'utf8');
    expect(nestingProblems(css)).toEqual({ nested: [], openAtEnd: 0 });
  });

  test('the check finds a missing brace', () => {
    expect(nestingProblems('.a { width: 5em;\n.b { color: red; }\n').nested).toEqual(['.b']);
    expect(nestingProblems('@media (width <= 860px) { .a { color: red; } }')).toEqual({ nested: [], openAtEnd: 0 });
  });
});
