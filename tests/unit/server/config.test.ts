import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../server/config';

describe('server configuration', () => {
  it('defaults to an embedded store on loopback', () => {
    expect(readServerConfig({})).toMatchObject({ PARAGRAF_SERVER_PORT: 8787, PARAGRAF_SERVER_HOST: '127.0.0.1', PARAGRAF_TRUST_PROXY: false, PARAGRAF_DATABASE_SCHEMA: 'paragraf' });
    expect(readServerConfig({}).PARAGRAF_DATABASE_URL).toBeUndefined();
  });
  it('reads limits and flags', () => {
    const c = readServerConfig({ PARAGRAF_MAX_MESSAGE_BYTES: '1048576', PARAGRAF_TRUST_PROXY: '1', PARAGRAF_CONNECTIONS_PER_MINUTE: '10' });
    expect(c).toMatchObject({ PARAGRAF_MAX_MESSAGE_BYTES: 1048576, PARAGRAF_TRUST_PROXY: true, PARAGRAF_CONNECTIONS_PER_MINUTE: 10 });
  });
  it.each([
    [{ PARAGRAF_SERVER_PORT: '70000' }, /PARAGRAF_SERVER_PORT/],
    [{ PARAGRAF_DATABASE_URL: 'mysql://x' }, /PARAGRAF_DATABASE_URL/],
    [{ PARAGRAF_REDIS_URL: 'not a url' }, /PARAGRAF_REDIS_URL/],
    [{ PARAGRAF_DATABASE_SCHEMA: 'x; DROP TABLE y' }, /PARAGRAF_DATABASE_SCHEMA/],
    [{ PARAGRAF_MAX_MESSAGE_BYTES: '10' }, /PARAGRAF_MAX_MESSAGE_BYTES/],
    [{ PARAGRAF_TRUST_PROXY: 'maybe' }, /PARAGRAF_TRUST_PROXY/],
  ])('refuses %o in Swedish and English', (env, what) => {
    expect(() => readServerConfig(env)).toThrow(what);
    expect(() => readServerConfig(env)).toThrow(/Felaktig serverkonfiguration.*\n.*Invalid server configuration/s);
  });
});
