import { randomUUID } from 'node:crypto';
import type { WithServices } from './in-process.js';
import { newPersonalRecord, NO_PERSONAL_DATA, PERSONAL_FIELDS, type PersonalData } from '../../src/users/personal-data.codec.js';
import { personsByIds, type PersonRow } from '../../src/users/user.service.js';

export interface PersonInit extends Partial<PersonalData> {
  id?: string;
  role?: string;
  status?: string;
  gender?: 'MALE' | 'FEMALE' | null;
}

/** Inserts a user as the gateway stores one: a fresh data key and the values sealed under it. */
export async function insertPerson(gw: WithServices, init: PersonInit): Promise<string> {
  const { id = randomUUID(), role = 'TRAVELER', status = 'ACTIVE', gender = null, ...values } = init;
  const { wrappedKey, sealed } = newPersonalRecord(gw.services.vault, id, { ...NO_PERSONAL_DATA, ...values });
  await gw.services.sql.rows(
    't_insert_person',
    `with k as (insert into keyring.user_keys (user_id, wrapped_key) values ($1, $2))
    insert into users (id, pii_enc, phone_bidx, iin_bidx, passport_bidx, gender, role, status) values ($1, $3, $4, $5, $6, $7, $8, $9)`,
    [id, wrappedKey, sealed.piiEnc, sealed.phoneBidx, sealed.iinBidx, sealed.passportBidx, gender, role, status],
  );
  return id;
}

/** What the database holds for a user, opened with the gateway's own vault. */
export async function storedPerson(gw: WithServices, id: string): Promise<PersonRow> {
  const [row] = await personsByIds(gw.services.sql, gw.services.vault, [id]);
  if (!row) throw new Error(`no user ${id}`);
  return row;
}

/** A person row's values as a plain object, for deep equality: its personal values are accessors (opened on first read). */
export function personValues(p: PersonRow): Omit<PersonRow, 'via'> {
  const personal = Object.fromEntries(PERSONAL_FIELDS.map((k) => [k, p[k]])) as unknown as PersonalData;
  return { id: p.id, gender: p.gender, status: p.status, ...personal, fullName: p.fullName, passportNumber: p.passportNumber };
}
