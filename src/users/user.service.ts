import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import type { PiiVault } from '../privacy/pii-vault.js';
import { openPersonalData, PERSONAL_FIELDS, type PersonalData } from './personal-data.codec.js';
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

/** A person as stored: the sealed record is opened by `openPerson`. */
export interface StoredPerson {
  id: string;
  gender: string | null;
  status: string;
  piiEnc: string | null;
  wrappedKey: string | null;
}

/** Joins a user row `u` to its wrapped data key `k`. */
export const USER_KEY_JOIN = 'left join keyring.user_keys k on k.user_id = u.id';

// Over `users u` with USER_KEY_JOIN.
const STORED_PERSON_FIELDS: Readonly<Record<keyof StoredPerson, string>> = {
  id: 'u.id',
  gender: 'u.gender',
  status: 'u.status',
  piiEnc: 'u.pii_enc',
  wrappedKey: 'k.wrapped_key',
};
const STORED_PERSON_COLUMNS = Object.entries(STORED_PERSON_FIELDS)
  .map(([key, expr]) => `${expr} as "${key}"`)
  .join(', ');
/** A stored person as one json object with StoredPerson's keys, for statements that return people inside other rows. */
export const STORED_PERSON_JSON = `json_build_object(${Object.entries(STORED_PERSON_FIELDS)
  .map(([key, expr]) => `'${key}', ${expr}`)
  .join(', ')})`;

const SEALED = Symbol('sealed record');

interface Sealed {
  readonly vault: PiiVault;
  readonly stored: StoredPerson;
  opened: PersonalData | null;
}

/**
 * A stored person whose sealed record is opened on the first read of a personal value, once for every edge that reached them:
 * a response that selects no personal field, or whose policy releases none, never holds the person's values in clear.
 */
class SealedPerson {
  declare via?: Via;
  readonly id: string;
  readonly gender: string | null;
  readonly status: string;
  // A symbol key: copied with the row onto each edge (reachedVia), never serialised.
  readonly [SEALED]: Sealed;

  constructor(vault: PiiVault, stored: StoredPerson) {
    this.id = stored.id;
    this.gender = stored.gender;
    this.status = stored.status;
    this[SEALED] = { vault, stored, opened: null };
  }

  get passportNumber() {
    return opened(this).passport;
  }
  get fullName() {
    const d = opened(this);
    return [d.firstName, d.patronymic, d.surname].filter(Boolean).join(' ') || null;
  }
}

function opened(p: SealedPerson): PersonalData {
  const s = p[SEALED];
  return (s.opened ??= openPersonalData(s.vault, s.stored.id, s.stored.wrappedKey, s.stored.piiEnc));
}

// Each personal value reads through the opened record.
for (const key of PERSONAL_FIELDS) {
  Object.defineProperty(SealedPerson.prototype, key, {
    get(this: SealedPerson) {
      return opened(this)[key];
    },
  });
}

export function openPerson(vault: PiiVault, r: StoredPerson): PersonRow {
  return new SealedPerson(vault, r) as SealedPerson & PersonalData;
}

const PERSONS_BY_IDS = statement<StoredPerson, [ids: readonly string[]]>(
  'persons_by_ids',
  `select ${STORED_PERSON_COLUMNS} from users u ${USER_KEY_JOIN} where u.id = any($1::uuid[])`,
);

export async function personsByIds(sql: Sql, vault: PiiVault, ids: readonly string[]): Promise<PersonRow[]> {
  const rows = await sql.rows(PERSONS_BY_IDS, ids);
  return rows.map((r) => openPerson(vault, r));
}
