import type { KeyObject } from 'node:crypto';
import type { PiiVault } from '../privacy/pii-vault.js';

export interface Messengers {
  telegram?: string;
  whatsapp?: string;
}

/** A user's personal values in clear; they exist only in memory, sealed as one value under the user's data key at rest. */
export interface PersonalData {
  phone: string | null;
  surname: string | null;
  firstName: string | null;
  patronymic: string | null;
  email: string | null;
  messengers: Messengers | null;
  iin: string | null;
  passport: string | null;
}

/** The columns a user row stores for its personal data. */
export interface SealedPersonalData {
  piiEnc: string;
  phoneBidx: string | null;
  iinBidx: string | null;
  passportBidx: string | null;
}

export const NO_PERSONAL_DATA: Readonly<PersonalData> = Object.freeze({
  phone: null,
  surname: null,
  firstName: null,
  patronymic: null,
  email: null,
  messengers: null,
  iin: null,
  passport: null,
});

const SLOT = 'profile';
/** The personal values a user's sealed record holds. */
export const PERSONAL_FIELDS = Object.keys(NO_PERSONAL_DATA) as (keyof PersonalData)[];

/** Seals the values under the user's key, with blind indexes of the values looked up by equality (phone, IIN, passport). */
export function sealPersonalData(vault: PiiVault, key: KeyObject, userId: string, data: PersonalData): SealedPersonalData {
  const present = Object.fromEntries(PERSONAL_FIELDS.filter((f) => data[f] !== null).map((f) => [f, data[f]]));
  return {
    piiEnc: vault.seal(key, userId, SLOT, JSON.stringify(present)),
    phoneBidx: data.phone && vault.blindIndex('PHONE', data.phone),
    iinBidx: data.iin && vault.blindIndex('IIN', data.iin),
    passportBidx: data.passport && vault.blindIndex('PASSPORT', data.passport),
  };
}

export function openPersonalDataWith(vault: PiiVault, key: KeyObject, userId: string, piiEnc: string | null): PersonalData {
  if (!piiEnc) return { ...NO_PERSONAL_DATA };
  return { ...NO_PERSONAL_DATA, ...(JSON.parse(vault.open(key, userId, SLOT, piiEnc)) as Partial<PersonalData>) };
}

/** An erased user (no key or nothing sealed) reads as no personal data. */
export function openPersonalData(vault: PiiVault, userId: string, wrappedKey: string | null, piiEnc: string | null): PersonalData {
  if (!wrappedKey || !piiEnc) return { ...NO_PERSONAL_DATA };
  return openPersonalDataWith(vault, vault.subjectKey(userId, wrappedKey), userId, piiEnc);
}

/** A new user's key and sealed values: the rows to insert into keyring.user_keys and users, and the key for sealing more. */
export function newPersonalRecord(vault: PiiVault, userId: string, data: PersonalData): { dataKey: KeyObject; wrappedKey: string; sealed: SealedPersonalData } {
  const { key, wrapped } = vault.newSubjectKey(userId);
  return { dataKey: key, wrappedKey: wrapped, sealed: sealPersonalData(vault, key, userId, data) };
}
