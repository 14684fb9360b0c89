import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/api/dispatch';
import { unwrap } from '../../src/api/client';
import { Core } from '../../main/core/Core';
import { openCore } from '../helpers/coreTransport';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

describe('API boundary', () => {
  it.each([
    ['unknown method', 'meetings.drop', {}, 'UNKNOWN_METHOD'],
    ['not a string', 42, {}, 'UNKNOWN_METHOD'],
    ['prototype key', 'toString', {}, 'UNKNOWN_METHOD'],
    ['missing param', 'meetings.create', { date: '2024-01-01' }, 'INVALID_PARAMS'],
    ['bad date', 'meetings.create', { bodyId: 'x', date: '2024-02-30' }, 'INVALID_PARAMS'],
    ['extra param', 'bodies.create', { name: 'X', admin: true }, 'INVALID_PARAMS'],
    ['empty name', 'bodies.create', { name: '   ' }, 'INVALID_PARAMS'],
    ['params not an object', 'bodies.create', 'LSVO', 'INVALID_PARAMS'],
    ['bad id characters', 'docs.open', { docId: '../../etc/passwd' }, 'INVALID_PARAMS'],
    ['not base64', 'docs.applyUpdate', { docId: 'abc', update: 'not base64!' }, 'INVALID_PARAMS'],
  ])('%s gets a clear error and changes nothing', async (_name, method, params, code) => {
    const { core } = openCore();
    cores.push(core);
    const res = await dispatch(core.handlers, method, params, { clientId: 't' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe(code);
      expect(res.error.message.sv.length).toBeGreaterThan(10);
      expect(res.error.message.en.length).toBeGreaterThan(10);
    }
    const bodies = await dispatch(core.handlers, 'bodies.list', {}, { clientId: 't' });
    expect(unwrap(bodies as never)).toEqual([]);
  });
});
