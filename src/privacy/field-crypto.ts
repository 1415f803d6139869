import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { keyedDigest } from './privacy.pseudonym.js';

export interface FieldKeys {
  readonly activeKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

// Importing a raw key costs ~25 us per cipher; a KeyObject made once per key costs ~5 us. Keys are process config, not caller data.
const keyObjects = new WeakMap<Buffer, KeyObject>();

function keyFor(keys: FieldKeys, keyId: string): KeyObject {
  const key = keys.keys.get(keyId);
  if (!key || key.length !== KEY_BYTES) throw new Error(`no usable field key with id ${JSON.stringify(keyId)}`);
  let obj = keyObjects.get(key);
  if (!obj) {
    obj = createSecretKey(key);
    keyObjects.set(key, obj);
  }
  return obj;
}

// The version, key id and what is sealed are bound as associated data so none can be swapped.
function associatedData(keyId: string, domain: string, aad: string | undefined): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${domain}.${aad ?? ''}`, 'utf8');
}

function sealWith(key: KeyObject, keyId: string, plain: Buffer, domain: string, aad: string | undefined): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, domain, aad));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [VERSION, keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

function openWith(keyOf: (keyId: string) => KeyObject, stored: string, domain: string, aad: string | undefined): Buffer {
  const parts = stored.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('not an encrypted field value');
  const [, keyId, ivB64, tagB64, ctB64] = parts;
  const iv = Buffer.from(ivB64, 'base64url');
  const tag = Buffer.from(tagB64, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('not an encrypted field value');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(keyId), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(keyId, domain, aad));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64url')), decipher.final()]);
  } catch {
    throw new Error(`encrypted field failed authentication (key id ${keyId})`);
  }
}

function seal(keys: FieldKeys, plain: Buffer, domain: string, aad: string | undefined): string {
  const keyId = keys.activeKeyId;
  if (!/^[A-Za-z0-9_-]+$/.test(keyId)) throw new Error('field key ids must be [A-Za-z0-9_-]+');
  return sealWith(keyFor(keys, keyId), keyId, plain, domain, aad);
}

function open(keys: FieldKeys, stored: string, domain: string, aad: string | undefined): Buffer {
  return openWith((keyId) => keyFor(keys, keyId), stored, domain, aad);
}

/** AES-256-GCM under the active key: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url); aad binds the value to e.g. its owner's id. */
export function encryptField(keys: FieldKeys, plaintext: string, aad?: string): string {
  return seal(keys, Buffer.from(plaintext, 'utf8'), 'field', aad);
}

/** Decrypts with whichever key id the value names, so older keys keep working after rotation. */
export function decryptField(keys: FieldKeys, stored: string, aad?: string): string {
  return open(keys, stored, 'field', aad).toString('utf8');
}

/** Keyed index for exact-match lookups of encrypted values; the caller normalises the value first. */
export function blindIndex(key: Buffer, kind: string, normalizedValue: string): string {
  return keyedDigest(key, `bidx:${kind}`, normalizedValue).toString('base64url');
}

/** A fresh per-user data key; destroying its wrapped form shreds everything encrypted under it. */
export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

// A data key belongs to one subject, so its id in the envelope is fixed; the subject is bound through aad.
const DATA_KEY_ID = 'dk';

/** Seals a value under a subject's data key (same envelope as encryptField, key id `dk`). */
export function sealWithDataKey(dataKey: KeyObject, plaintext: string, aad: string): string {
  return sealWith(dataKey, DATA_KEY_ID, Buffer.from(plaintext, 'utf8'), 'subject', aad);
}

export function openWithDataKey(dataKey: KeyObject, stored: string, aad: string): string {
  return openWith(
    (keyId) => {
      if (keyId !== DATA_KEY_ID) throw new Error('not sealed under a data key');
      return dataKey;
    },
    stored,
    'subject',
    aad,
  ).toString('utf8');
}

/** The data key sealed under the active master key, optionally bound to its owner. */
export function wrapDataKey(keys: FieldKeys, dataKey: Buffer, aad?: string): string {
  if (dataKey.length !== KEY_BYTES) throw new Error(`data keys are ${KEY_BYTES} bytes`);
  return seal(keys, dataKey, 'data-key', aad);
}

export function unwrapDataKey(keys: FieldKeys, wrapped: string, aad?: string): Buffer {
  const dataKey = open(keys, wrapped, 'data-key', aad);
  if (dataKey.length !== KEY_BYTES) throw new Error(`data keys are ${KEY_BYTES} bytes`);
  return dataKey;
}
