import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../server/rateLimit';

describe('connection rate limiter (token bucket per IP)', () => {
  it('allows a burst, then refills at the rate per minute', () => {
    let now = 0;
    const rl = new RateLimiter(3, 60, () => now);
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, true, false]);
    expect(rl.retryAfterSeconds('a')).toBe(1);
    expect(rl.take('b')).toBe(true); // buckets are per key
    now += 1000;
    expect(rl.take('a')).toBe(true);
    expect(rl.take('a')).toBe(false);
    now += 60_000;
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, true, false]);
  });

  it('forgets full buckets when it tracks too many keys', () => {
    let now = 0;
    const rl = new RateLimiter(2, 60, () => now, 10);
    for (let i = 0; i < 10; i++) rl.take(`ip${i}`);
    now += 10_000;
    rl.take('one-more');
    expect(rl.size).toBeLessThanOrEqual(2);
  });
});
