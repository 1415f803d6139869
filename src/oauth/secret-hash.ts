import { createHmac, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 1 << 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
// Bounds on stored parameters so that a tampered row cannot make verification arbitrarily expensive.
const MAX_N = 1 << 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(secret: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, HASH_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash base64url. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(secret, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const valid = Number.isInteger(n) && n > 1 && n <= MAX_N && (n & (n - 1)) === 0 && Number.isInteger(r) && r >= 1 && r <= MAX_R && Number.isInteger(p) && p >= 1 && p <= MAX_P;
  const expected = Buffer.from(parts[5], 'base64url');
  if (!valid || expected.length !== HASH_BYTES) return false;
  const actual = await derive(secret, Buffer.from(parts[4], 'base64url'), n, r, p);
  return timingSafeEqual(actual, expected);
}

export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Keyed HMAC-SHA256 for high-entropy tokens (refresh tokens), where a slow hash buys nothing. */
export function hashToken(key: Buffer, token: string): string {
  return createHmac('sha256', key).update(token).digest('base64url');
}

export function newLoginCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}
