import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.js';
import { transactionStatements } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { decryptField } from '../privacy/field-crypto.js';
import { createPiiVault, masterKeys } from '../privacy/pii-vault.js';
import { newPersonalRecord, type Messengers, type PersonalData } from './personal-data.codec.js';
import { insertUserKeys } from './user-key.service.js';

interface LegacyRow {
  id: string;
  phone: string | null;
  surname: string | null;
  first_name: string | null;
  patronymic: string | null;
  email: string | null;
  messengers: Messengers | null;
  iin_enc: string | null;
  passport_enc: string | null;
}

const LEGACY = statement<LegacyRow>(
  'backfill_legacy_personal_data',
  `select id, phone, surname, first_name, patronymic, email, messengers, iin_enc, passport_enc from users
  where pii_enc is null and status <> 'DELETED'
    and coalesce(phone, surname, first_name, patronymic, email, iin_enc, passport_enc, messengers::text) is not null for update`,
);
// One JSON parameter: the driver would spread a JS array into a list of parameters.
const SEAL = statement<never, [sealed: string]>(
  'backfill_seal_personal_data',
  `update users u
  set pii_enc = s."piiEnc", phone_bidx = s."phoneBidx", iin_bidx = s."iinBidx", passport_bidx = s."passportBidx"
  from jsonb_to_recordset($1::jsonb) as s(id uuid, "piiEnc" text, "phoneBidx" text, "iinBidx" text, "passportBidx" text) where u.id = s.id`,
);

/** Seals the values of users written before per-user keys (plain columns, IIN and passport under the master key); returns how many. */
export async function sealLegacyPersonalData(orm: MikroORM, cfg: Config): Promise<number> {
  const vault = createPiiVault(cfg);
  const master = masterKeys(cfg);
  return orm.em.fork().transactional(async (tem) => {
    const tx = transactionStatements(tem);
    const rows = await tx.rows(LEGACY);
    if (rows.length === 0) return 0;
    const records = rows.map((r) => {
      const data: PersonalData = {
        phone: r.phone,
        surname: r.surname,
        firstName: r.first_name,
        patronymic: r.patronymic,
        email: r.email,
        messengers: r.messengers,
        iin: r.iin_enc && decryptField(master, r.iin_enc, r.id),
        passport: r.passport_enc && decryptField(master, r.passport_enc, r.id),
      };
      return { id: r.id, ...newPersonalRecord(vault, r.id, data) };
    });
    await insertUserKeys(
      tem,
      records.map((r) => ({ id: r.id, key: r.wrappedKey })),
    );
    await tx.count(SEAL, JSON.stringify(records.map((r) => ({ id: r.id, ...r.sealed }))));
    return records.length;
  });
}
