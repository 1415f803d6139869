import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Config } from '../config/config.js';
import { LruCache } from '../cache/lru-cache.js';
import { blindIndex, newDataKey, openWithDataKey, sealWithDataKey, unwrapDataKey, wrapDataKey, type FieldKeys } from './field-crypto.js';

export type BlindIndexKind = 'PHONE' | 'IIN' | 'PASSPORT';

/** A subject's data key, ready to use, with the form that is stored (wrapped by the master key). */
export interface SubjectKey {
  key: KeyObject;
  wrapped: string;
}

/** Envelope encryption per subject: destroying the wrapped key makes every value sealed under it unreadable, backups included. */
export interface PiiVault {
  newSubjectKey(subjectId: string): SubjectKey;
  subjectKey(subjectId: string, wrapped: string): KeyObject;
  /** The slot (e.g. `profile`) is bound with the subject id, so a value cannot be moved to another row or column. */
  seal(key: KeyObject, subjectId: string, slot: string, plaintext: string): string;
  open(key: KeyObject, subjectId: string, slot: string, stored: string): string;
  blindIndex(kind: BlindIndexKind, normalized: string): string;
}

export function masterKeys(cfg: Config): FieldKeys {
  return { activeKeyId: cfg.piiActiveKeyId, keys: cfg.piiKeys };
}

// Unwrapping and importing a data key costs ~10 us, about half of opening a person's record.
const UNWRAPPED_KEYS_KEPT = 20_000;

/**
 * Unwrapped keys by subject and wrapped form, least recently used dropped first. Safe to keep: the process holds the master
 * key anyway, and an entry is found only through the wrapped key, which erasure deletes together with the sealed values.
 */
function unwrappedKeyCache(unwrap: (subjectId: string, wrapped: string) => KeyObject): (subjectId: string, wrapped: string) => KeyObject {
  // By subject, checked against the wrapped form: a lookup hashes a short id instead of building and hashing a long key.
  const cache = new LruCache<string, { wrapped: string; key: KeyObject }>(UNWRAPPED_KEYS_KEPT);
  return (subjectId, wrapped) => {
    const hit = cache.get(subjectId);
    if (hit && hit.wrapped === wrapped) return hit.key;
    const key = unwrap(subjectId, wrapped);
    cache.set(subjectId, { wrapped, key });
    return key;
  };
}

export function createPiiVault(cfg: Config): PiiVault {
  const keys = masterKeys(cfg);
  return {
    newSubjectKey(subjectId) {
      const raw = newDataKey();
      return { key: createSecretKey(raw), wrapped: wrapDataKey(keys, raw, subjectId) };
    },
    subjectKey: unwrappedKeyCache((subjectId, wrapped) => createSecretKey(unwrapDataKey(keys, wrapped, subjectId))),
    seal: (key, subjectId, slot, plaintext) => sealWithDataKey(key, plaintext, `${subjectId}:${slot}`),
    open: (key, subjectId, slot, stored) => openWithDataKey(key, stored, `${subjectId}:${slot}`),
    blindIndex: (kind, normalized) => blindIndex(cfg.blindIndexKey, kind, normalized),
  };
}
