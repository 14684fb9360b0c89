/**
 * Access tokens. A token is 32 random bytes (256 bits) shown once by `token create`; the
 * store keeps only its SHA-256.
 *
 * Why a plain SHA-256 and not bcrypt/scrypt/argon2: those slow hashes exist to make guessing
 * low-entropy *passwords* expensive. A 256-bit random token cannot be guessed whatever the
 * hash speed, so a fast hash loses nothing, and it lets the server find the token with one
 * indexed lookup (no per-user salt, no scan) on every connection. Someone who reads the
 * database gets hashes that cannot be turned back into tokens.
 */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'pgf_';

export function generateToken(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A cheap shape check before any lookup: refuses empty and absurdly long strings. */
export function looksLikeToken(token: string): boolean {
  return token.startsWith(PREFIX) && token.length === PREFIX.length + 43 && /^[\w-]+$/.test(token.slice(PREFIX.length));
}
