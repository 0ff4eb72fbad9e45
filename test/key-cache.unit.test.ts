import { KeyCache } from '../src/auth/key-cache';
import { Role } from '../src/auth/roles';

/** The key-lookup cache: valid keys and failed hashes apart, both bounded. */
describe('KeyCache', () => {
  const key = (keyId: string) => ({ principal: { keyId, name: keyId, role: Role.READER }, expiresAt: null, lastUsedAt: null });

  it('keeps valid keys however many failed hashes arrive, and bounds the failures to their newest', () => {
    const cache = new KeyCache(60_000, 100, 50);
    cache.rememberKey('valid', key('k1'));
    for (let i = 0; i < 10_000; i++) cache.rememberFailure(`bad${i}`);
    expect(cache.key('valid')?.principal.keyId).toBe('k1');
    expect(cache.recentlyFailed('bad9999')).toBe(true);
    expect(cache.recentlyFailed('bad9950')).toBe(true);
    expect(cache.recentlyFailed('bad9949')).toBe(false); // evicted: 50 at most
  });

  it('evicts its oldest valid key when full, forgets a revoked key, and lets entries expire', () => {
    const cache = new KeyCache(60_000, 2);
    cache.rememberKey('a', key('ka'));
    cache.rememberKey('b', key('kb'));
    cache.rememberKey('c', key('kc'));
    expect([cache.key('a'), cache.key('b')?.principal.keyId, cache.key('c')?.principal.keyId]).toEqual([undefined, 'kb', 'kc']);
    cache.forget('kb');
    expect(cache.key('b')).toBeUndefined();
    const expired = new KeyCache(0);
    expired.rememberKey('a', key('ka'));
    expired.rememberFailure('x');
    expect([expired.key('a'), expired.recentlyFailed('x')]).toEqual([undefined, false]);
  });

  it('a hash that becomes a key is no longer a failure', () => {
    const cache = new KeyCache(60_000);
    cache.rememberFailure('h');
    cache.rememberKey('h', key('k'));
    expect(cache.recentlyFailed('h')).toBe(false);
  });
});
