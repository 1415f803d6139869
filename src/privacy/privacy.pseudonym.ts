import { createHmac } from 'node:crypto';

const MIN_KEY_BYTES = 32;

/** Keyed HMAC input: the kind is length-prefixed so no (kind, value) pair can collide with another. */
export function keyedDigest(key: Buffer, kind: string, value: string): Buffer {
  if (key.length < MIN_KEY_BYTES) throw new Error(`HMAC key must be at least ${MIN_KEY_BYTES} bytes`);
  return createHmac('sha256', key).update(`${kind.length}:${kind}:`).update(value, 'utf8').digest();
}

/** `ps_` + base64url HMAC-SHA256: stable per key, unlinkable across keys, useless without the key. */
export function pseudonymize(key: Buffer, kind: string, value: string): string {
  return `ps_${keyedDigest(key, kind, value).toString('base64url')}`;
}
