import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKey, TokenBox } from '../../src/secrets/token-box.ts';

const key = randomBytes(32);
const TOKEN = 'xoxb-1234-5678-abcdefghijkl';

describe('token box (AES-256-GCM)', () => {
  it('GIVEN a sealed token THEN it opens with the same key and context, and its bytes never show it', () => {
    const box = new TokenBox(key);
    const sealed = box.seal(TOKEN, 'slack:T1');
    expect(box.open(sealed, 'slack:T1')).toBe(TOKEN);
    for (const encoding of ['utf8', 'latin1', 'base64', 'hex'] as const) expect(sealed.toString(encoding)).not.toContain(TOKEN);
    // A fresh IV each time: the same token never seals to the same bytes.
    expect(box.seal(TOKEN, 'slack:T1').equals(sealed)).toBe(false);
  });

  it('GIVEN another key, another context or one altered byte THEN it does not open', () => {
    const sealed = new TokenBox(key).seal(TOKEN, 'slack:T1');
    expect(() => new TokenBox(randomBytes(32)).open(sealed, 'slack:T1')).toThrow();
    expect(() => new TokenBox(key).open(sealed, 'slack:T2')).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = altered[altered.length - 1]! ^ 1;
    expect(() => new TokenBox(key).open(altered, 'slack:T1')).toThrow();
  });

  it('GIVEN the key as written in the environment THEN 64 hex digits or base64 of 32 bytes are taken, anything else refused', () => {
    expect(parseKey(key.toString('hex'))?.equals(key)).toBe(true);
    expect(parseKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseKey(` ${key.toString('base64')}\n`)?.equals(key)).toBe(true);
    expect(parseKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseKey('correct horse battery staple')).toBeUndefined();
    expect(parseKey(undefined)).toBeUndefined();
    expect(() => new TokenBox(randomBytes(16))).toThrow('32 bytes');
  });
});
