import { randomUUID } from 'node:crypto';
import type { WithServices } from './in-process.js';
import { newPersonalRecord, NO_PERSONAL_DATA, type PersonalData } from '../../src/users/personal-data.codec.js';
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

// Every value a person row answers with; the row's personal values are accessors (opened on first read), so equality needs them read.
const PERSON_KEYS: Record<keyof Omit<PersonRow, 'via'>, true> = {
  id: true,
  gender: true,
  status: true,
  phone: true,
  surname: true,
  firstName: true,
  patronymic: true,
  email: true,
  messengers: true,
  iin: true,
  passport: true,
  fullName: true,
  passportNumber: true,
};

/** A person row's values as a plain object, for deep equality. */
export function personValues(p: PersonRow): Omit<PersonRow, 'via'> {
  return Object.fromEntries(Object.keys(PERSON_KEYS).map((k) => [k, p[k as keyof PersonRow]])) as Omit<PersonRow, 'via'>;
}
