import type { WithServices } from '../support/in-process.js';
import { storedPerson } from '../support/persons.js';
import { maskValue, type FullNameParts } from '../../src/privacy/privacy.masks.js';
import type { PiiKind } from '../../src/privacy/privacy.vocabulary.js';

export type Shown = 'FULL' | 'PARTIAL' | 'PSEUDONYM' | 'NONE';
export const FIELDS = {
  fullName: 'FULL_NAME',
  phone: 'PHONE',
  email: 'EMAIL',
  iin: 'IIN',
  passportNumber: 'PASSPORT',
  gender: 'GENDER',
  messengers: 'MESSENGER',
} as const satisfies Record<string, PiiKind>;
export type Field = keyof typeof FIELDS;
// The name parts too: a name is masked from its parts, as the gateway does.
export type RawPerson = Record<Field, string | null> & { name: FullNameParts };

/** The stored values, opened with the gateway's vault, to compare what the API sends against. */
export async function rawPerson(gw: WithServices, id: string): Promise<RawPerson> {
  const u = await storedPerson(gw, id);
  return {
    fullName: [u.firstName, u.patronymic, u.surname].filter(Boolean).join(' ') || null,
    phone: u.phone,
    email: u.email,
    iin: u.iin,
    passportNumber: u.passport,
    gender: u.gender,
    messengers: u.messengers ? JSON.stringify(u.messengers) : null,
    name: { firstName: u.firstName, patronymic: u.patronymic, surname: u.surname },
  };
}

/** Builds an expectation from the DESIGN.md table: fields listed as FULL/PARTIAL/PSEUDONYM, the rest NONE. */
export function expectation(full: Field[], partial: Field[] = [], pseudonym: Field[] = []): Record<Field, Shown> {
  const out = {} as Record<Field, Shown>;
  for (const f of Object.keys(FIELDS) as Field[]) out[f] = full.includes(f) ? 'FULL' : partial.includes(f) ? 'PARTIAL' : pseudonym.includes(f) ? 'PSEUDONYM' : 'NONE';
  return out;
}

/** Checks every personal field of one API person against the raw record and the expected exposure. */
export function checkPerson(got: Record<string, unknown>, raw: RawPerson, want: Record<Field, Shown>): string[] {
  const problems: string[] = [];
  for (const f of Object.keys(FIELDS) as Field[]) {
    const v = got[f] ?? null;
    const r = raw[f];
    const ok =
      r === null
        ? v === null
        : want[f] === 'FULL'
          ? v === r
          : want[f] === 'PARTIAL'
            ? v === maskValue(FIELDS[f], f === 'fullName' ? raw.name : r) && v !== r
            : want[f] === 'PSEUDONYM'
              ? typeof v === 'string' && /^ps_[A-Za-z0-9_-]{43}$/.test(v)
              : v === null;
    if (!ok) problems.push(`${f}: expected ${want[f]}, got ${v === null ? 'null' : v === r ? 'the raw value' : 'another value'}`);
  }
  return problems;
}
