import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../server/config';

describe('server configuration', () => {
  it('defaults to an embedded store on loopback', () => {
    expect(readServerConfig({})).toMatchObject({ PARAGRAF_SERVER_PORT: 8787, PARAGRAF_SERVER_HOST: '127.0.0.1' });
    expect(readServerConfig({}).PARAGRAF_DATABASE_URL).toBeUndefined();
  });
  it.each([
    [{ PARAGRAF_SERVER_PORT: '70000' }, /PARAGRAF_SERVER_PORT/],
    [{ PARAGRAF_DATABASE_URL: 'mysql://x' }, /PARAGRAF_DATABASE_URL/],
    [{ PARAGRAF_REDIS_URL: 'not a url' }, /PARAGRAF_REDIS_URL/],
  ])('refuses %o in Swedish and English', (env, what) => {
    expect(() => readServerConfig(env)).toThrow(what);
    expect(() => readServerConfig(env)).toThrow(/Felaktig serverkonfiguration.*\n.*Invalid server configuration/s);
  });
});
