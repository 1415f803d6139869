import type { Sql } from '../db/sql.js';
import { statement } from '../db/statement.js';
import { LockMode } from '@mikro-orm/core';
import type { GatewayContext } from '../graphql/context.js';
import { BadInputError, TooManyRequestsError } from '../graphql/errors.js';
import { isValidIin } from '../privacy/iin-checksum.js';
import { isValidPassport, normalizePassport } from './passport.js';
import { normalizeKzPhone } from '../privacy/phone.js';
import type { Gender, MessengersInput, ProfileInput } from './profile.input.js';
import { openPersonalDataWith, sealPersonalData, type Messengers, type PersonalData } from './personal-data.codec.js';
import { User } from './user.entity.js';
import { UserKey } from './user-key.entity.js';
import { personsByIds, type PersonRow } from './user.service.js';

type Edit<T> = T | null | undefined;

/** A validated change set: undefined leaves a field as it is, null clears it. */
export interface ProfileChanges {
  surname: Edit<string>;
  firstName: Edit<string>;
  patronymic: Edit<string>;
  gender: Edit<Gender>;
  iin: Edit<string>;
  passport: Edit<string>;
  email: Edit<string>;
  messengers: Edit<{ telegram: Edit<string>; whatsapp: Edit<string> }>;
}

const MAX_LENGTH = 254;
const NAME = /^\p{L}[\p{L}\p{M}' .’-]{0,79}$/u;
const EMAIL = /^[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/;
const TELEGRAM = /^[A-Za-z][A-Za-z0-9_]{4,31}$/;
const INTERNATIONAL_PHONE = /^\+[1-9]\d{7,14}$/;

// Messages name the field only: the rejected value is personal data and must not come back in errors or logs.
function field(value: string | null | undefined, name: string, normalize: (s: string) => string | null, what: string): Edit<string> {
  if (value == null) return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const normal = trimmed.length <= MAX_LENGTH ? normalize(trimmed) : null;
  if (normal === null) throw new BadInputError(`${name} is not ${what}`, name);
  return normal;
}

const name = (s: string) => {
  const n = s.normalize('NFC').replace(/\s+/g, ' ');
  return NAME.test(n) ? n : null;
};
const iin = (s: string) => {
  const n = s.replace(/\s+/g, '');
  return isValidIin(n) ? n : null;
};
const passport = (s: string) => {
  const n = normalizePassport(s);
  return isValidPassport(n) ? n : null;
};
const email = (s: string) => {
  const n = s.toLowerCase();
  return EMAIL.test(n) ? n : null;
};
const telegram = (s: string) => {
  const n = s.replace(/^@/, '');
  return TELEGRAM.test(n) ? `@${n}` : null;
};
const whatsapp = (s: string) => {
  const n = s.replace(/[\s()-]/g, '');
  return normalizeKzPhone(n) ?? (INTERNATIONAL_PHONE.test(n) ? n : null);
};

function messengerChanges(m: MessengersInput | null | undefined): ProfileChanges['messengers'] {
  if (m == null) return m;
  return {
    telegram: field(m.telegram, 'messengers.telegram', telegram, 'a Telegram username'),
    whatsapp: field(m.whatsapp, 'messengers.whatsapp', whatsapp, 'a phone number in international format'),
  };
}

/** Checks and normalises the input; the first invalid field fails with BAD_USER_INPUT naming it. */
export function validateProfile(input: ProfileInput): ProfileChanges {
  return {
    surname: field(input.surname, 'surname', name, 'a name'),
    firstName: field(input.firstName, 'firstName', name, 'a name'),
    patronymic: field(input.patronymic, 'patronymic', name, 'a name'),
    gender: input.gender,
    iin: field(input.iin, 'iin', iin, 'a valid IIN'),
    passport: field(input.passportNumber, 'passportNumber', passport, 'a valid passport or identity card number'),
    email: field(input.email, 'email', email, 'a valid e-mail address'),
    messengers: messengerChanges(input.messengers),
  };
}

function mergeMessengers(current: Messengers | null, change: ProfileChanges['messengers']): Messengers | null {
  if (change === null) return null;
  const next: Messengers = { ...current };
  for (const key of ['telegram', 'whatsapp'] as const) {
    const v = change?.[key];
    if (v === null) delete next[key];
    else if (v !== undefined) next[key] = v;
  }
  return Object.keys(next).length ? next : null;
}

function applyChanges(data: PersonalData, c: ProfileChanges): PersonalData {
  const next = { ...data };
  if (c.surname !== undefined) next.surname = c.surname;
  if (c.firstName !== undefined) next.firstName = c.firstName;
  if (c.patronymic !== undefined) next.patronymic = c.patronymic;
  if (c.email !== undefined) next.email = c.email;
  if (c.iin !== undefined) next.iin = c.iin;
  if (c.passport !== undefined) next.passport = c.passport;
  if (c.messengers !== undefined) next.messengers = mergeMessengers(data.messengers, c.messengers);
  return next;
}

const HOLDS_IIN = statement<{ same: boolean }, [userId: string, iinBidx: string]>('user_holds_iin', 'select iin_bidx is not distinct from $2 as same from users where id = $1');
const LOCK_IIN = statement<never, [key: string]>('user_iin_claim_lock', 'select pg_advisory_xact_lock(hashtextextended($1, 0))');

async function holdsIin(sql: Sql, userId: string, iinBidx: string): Promise<boolean> {
  const [row] = await sql.rows(HOLDS_IIN, userId, iinBidx);
  return row?.same ?? false;
}

/** Saves the changes unless another account holds the IIN; returns the saved row, or null when refused. */
export async function saveProfile(ctx: GatewayContext, userId: string, changes: ProfileChanges): Promise<PersonRow | null> {
  const { vault, sql } = ctx.services;
  const iinBidx = changes.iin ? vault.blindIndex('IIN', changes.iin) : null;
  // Re-saving the IIN the account already holds probes nothing, so only a different IIN costs an attempt.
  if (iinBidx && !(await holdsIin(sql, userId, iinBidx))) {
    const attempt = await ctx.services.auth.throttles.iinAttempts.consume(userId);
    if (!attempt.allowed) throw new TooManyRequestsError(attempt.resetSeconds);
  }
  const saved = await ctx.em().transactional(async (tem) => {
    if (iinBidx) {
      // Serialises concurrent claims of one IIN, so two accounts cannot both pass the check below.
      await sql.within(tem).rows(LOCK_IIN, `iin:${iinBidx}`);
      if ((await tem.count(User, { iinBidx, id: { $ne: userId } })) > 0) return false;
    }
    const user = await tem.findOneOrFail(User, { id: userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const key = vault.subjectKey(userId, (await tem.findOneOrFail(UserKey, { userId })).wrappedKey);
    // Every change re-seals the whole record under the same key, with a fresh IV.
    Object.assign(user, sealPersonalData(vault, key, userId, applyChanges(openPersonalDataWith(vault, key, userId, user.piiEnc), changes)));
    if (changes.gender !== undefined) user.gender = changes.gender;
    return true;
  });
  if (!saved) return null;
  const [row] = await personsByIds(sql, vault, [userId]);
  return row;
}
