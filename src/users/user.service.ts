import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { PiiVault } from '../privacy/pii-vault.js';
import { openPersonalData, type PersonalData } from './personal-data.codec.js';
import type { Via } from '../privacy/privacy.edge.js';

/** A person with their personal values opened for this request; the @pii transform decides what leaves. */
export interface PersonRow extends PersonalData {
  id: string;
  gender: string | null;
  status: string;
  /** Person.fullName and Person.passportNumber as plain properties, so those fields need no resolver of their own. */
  fullName: string | null;
  passportNumber: string | null;
  /** The edge that reached this person in this response; absent means the public view. */
  via?: Via;
}

interface StoredPerson { id: string; gender: string | null; status: string; piiEnc: string | null; wrappedKey: string | null }

const PERSONS_BY_IDS = statement<StoredPerson, [ids: readonly string[]]>('persons_by_ids', `select u.id, u.gender, u.status, u.pii_enc as "piiEnc",
    k.wrapped_key as "wrappedKey"
  from users u left join keyring.user_keys k on k.user_id = u.id where u.id = any($1::uuid[])`);

export async function personsByIds(sql: Sql, vault: PiiVault, ids: readonly string[]): Promise<PersonRow[]> {
  const rows = await sql.rows(PERSONS_BY_IDS, ids);
  return rows.map((r) => {
    const data = openPersonalData(vault, r.id, r.wrappedKey, r.piiEnc);
    const fullName = [data.firstName, data.patronymic, data.surname].filter(Boolean).join(' ') || null;
    return { id: r.id, gender: r.gender, status: r.status, ...data, fullName, passportNumber: data.passport };
  });
}
