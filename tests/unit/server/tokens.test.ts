import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, looksLikeToken } from '../../../server/tokens';

describe('access tokens', () => {
  it('are 256-bit random strings stored as SHA-256', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).not.toBe(b);
    expect(looksLikeToken(a)).toBe(true);
    expect(Buffer.from(a.slice(4), 'base64url')).toHaveLength(32);
    expect(hashToken(a)).toHaveLength(32);
    expect(hashToken(a).equals(hashToken(a))).toBe(true);
    expect(hashToken(a).toString('hex')).not.toContain(a);
  });
  it.each(['', 'pgf_', 'x'.repeat(47), `pgf_${'a'.repeat(42)}`, `pgf_${'a'.repeat(42)}!`, `pgf_${'a'.repeat(10_000)}`])('refuses the shape %j before any lookup', (t) => {
    expect(looksLikeToken(t)).toBe(false);
  });
});
