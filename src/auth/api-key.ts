import crypto from 'node:crypto';

/**
 * API keys: `mg_` + 32 random bytes (base64url). Only a SHA-256 hash is stored. A fast unsalted
 * hash is adequate here, unlike for passwords: the key holds 256 bits of randomness, so there is
 * no dictionary to try and brute force is hopeless however fast the hash is; a slow hash (bcrypt,
 * scrypt) would only make every request pay for it. The hash is also a stable lookup key (indexed).
 */
export const KEY_PREFIX = 'mg_';

export function generateApiKey(): string {
  return KEY_PREFIX + crypto.randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What is shown of a key to tell keys apart (`mg_AbCd…`): 4 random characters, useless to an attacker. */
export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 4);
}

/** The key in an `Authorization: Bearer <key>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
