import type { Sql } from '../db/sql.js';

/** What the database holds for a person; IIN and passport stay encrypted until a field needs them. */
export interface PersonRow {
  id: string;
  firstName: string | null;
  surname: string | null;
  patronymic: string | null;
  phone: string | null;
  email: string | null;
  gender: string | null;
  iinEnc: string | null;
  passportEnc: string | null;
  messengers: Record<string, string> | null;
  status: string;
}

export function personsByIds(sql: Sql, ids: readonly string[]): Promise<PersonRow[]> {
  return sql.rows<PersonRow>('persons_by_ids', `select id, first_name as "firstName", surname, patronymic, phone, email,
    gender, iin_enc as "iinEnc", passport_enc as "passportEnc", messengers, status from users where id = any($1::uuid[])`, [ids]);
}
