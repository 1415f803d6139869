import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PiiVault } from '../privacy/pii-vault.js';
import { newPersonalRecord, NO_PERSONAL_DATA } from './personal-data.codec.js';
import { User } from './user.entity.js';
import { UserKey } from './user-key.entity.js';

/** The account of a normalised phone number, found by its blind index. */
export function findUserByPhone(em: EntityManager, vault: PiiVault, phone: string): Promise<User | null> {
  return em.findOne(User, { phoneBidx: vault.blindIndex('PHONE', phone) });
}

/** A new account with its own data key; both rows are written on the next flush. */
export function createUserWithPhone(em: EntityManager, vault: PiiVault, phone: string): User {
  const id = randomUUID();
  const { wrappedKey, sealed } = newPersonalRecord(vault, id, { ...NO_PERSONAL_DATA, phone });
  em.create(UserKey, { userId: id, wrappedKey });
  return em.create(User, { id, ...sealed });
}
