import type { Gender } from '../src/users/user.entity.js';
import { iinCheckDigit } from '../src/privacy/iin-checksum.js';
import { AS_OF } from './calendar.js';
import {
  INVARIANT_SURNAMES,
  KAZAKH_FATHER_NAMES,
  KAZAKH_FATHER_NAMES_KK,
  KAZAKH_FEMALE_NAMES,
  KAZAKH_MALE_NAMES,
  KAZAKH_SURNAMES,
  RUSSIAN_FATHER_NAMES,
  RUSSIAN_FEMALE_NAMES,
  RUSSIAN_MALE_NAMES,
  RUSSIAN_SURNAMES,
} from './names.data.js';
import type { Random } from './random.js';
import { transliterate } from './translit.js';

export interface Messengers {
  telegram?: string;
  whatsapp?: string;
}

/** A traveller's identity in plain text; only the seeder's row mapping turns IIN and passport into ciphertext. */
export interface Person {
  surname: string;
  firstName: string;
  patronymic: string | null;
  gender: Gender;
  phone: string;
  iin: string;
  passport: string;
  email: string;
  messengers: Messengers | null;
}

/** Values already handed out, so that generated phones, IINs, passports and e-mails stay unique. */
export interface Taken {
  phones: Set<string>;
  iins: Set<string>;
  passports: Set<string>;
  emails: Set<string>;
}

export function emptyTaken(phones: Iterable<string> = []): Taken {
  return { phones: new Set(phones), iins: new Set(), passports: new Set(), emails: new Set() };
}

const MOBILE_CODES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'] as const;
const MAIL_DOMAINS = [
  ['gmail.com', 45],
  ['mail.kz', 35],
  ['yandex.kz', 20],
] as const;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function female(surname: string): string {
  return /(ов|ев|ин)$/.test(surname) ? `${surname}а` : surname;
}

function patronymic(father: string, gender: Gender): string {
  const [stem, suffix] = father.endsWith('ий') ? [father.slice(0, -2), 'ьев'] : /[йь]$/.test(father) ? [father.slice(0, -1), 'ев'] : [father, 'ов'];
  return `${stem}${suffix}${gender === 'MALE' ? 'ич' : 'на'}`;
}

// Sons are rarely named after their father, so a father's name equal to the child's is skipped.
function father(rnd: Random, fathers: readonly string[], child: string): string {
  const i = rnd.int(0, fathers.length - 1);
  return fathers[i] === child ? fathers[(i + 1) % fathers.length] : fathers[i];
}

function names(rnd: Random, gender: Gender): Pick<Person, 'surname' | 'firstName' | 'patronymic'> {
  const male = gender === 'MALE';
  const origin = rnd.weighted([
    ['kazakh', 68],
    ['kazakh-uly', 8],
    ['russian', 18],
    ['other', 6],
  ] as const);
  if (origin === 'kazakh' || origin === 'kazakh-uly') {
    const firstName = rnd.pick(male ? KAZAKH_MALE_NAMES : KAZAKH_FEMALE_NAMES);
    if (origin === 'kazakh-uly') return { firstName, surname: `${father(rnd, KAZAKH_FATHER_NAMES_KK, firstName)}${male ? 'ұлы' : 'қызы'}`, patronymic: null };
    const surname = rnd.pick(KAZAKH_SURNAMES);
    const patr = rnd.chance(0.9) ? patronymic(father(rnd, KAZAKH_FATHER_NAMES, firstName), gender) : null;
    return { firstName, surname: male ? surname : female(surname), patronymic: patr };
  }
  const firstName = rnd.pick(male ? RUSSIAN_MALE_NAMES : RUSSIAN_FEMALE_NAMES);
  const surname = origin === 'russian' ? rnd.pick(RUSSIAN_SURNAMES) : rnd.pick(INVARIANT_SURNAMES);
  return { firstName, surname: male ? surname : female(surname), patronymic: patronymic(father(rnd, RUSSIAN_FATHER_NAMES, firstName), gender) };
}

function unique(set: Set<string>, make: () => string): string {
  for (;;) {
    const value = make();
    if (!set.has(value)) {
      set.add(value);
      return value;
    }
  }
}

/** YYMMDD of an adult's birth date, the century-and-sex digit, a serial, and the check digit; serials without one are never issued. */
function iin(rnd: Random, gender: Gender): string {
  const year = rnd.int(AS_OF.getUTCFullYear() - 75, AS_OF.getUTCFullYear() - 18);
  const month = rnd.int(1, 12);
  const day = rnd.int(1, DAYS_IN_MONTH[month - 1]);
  const centurySex = (year < 2000 ? 3 : 5) + (gender === 'MALE' ? 0 : 1);
  const prefix = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${centurySex}`;
  for (;;) {
    const first11 = `${prefix}${String(rnd.int(1, 9999)).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

function email(rnd: Random, p: Pick<Person, 'firstName' | 'surname'>, taken: Set<string>): string {
  const first = transliterate(p.firstName);
  const last = transliterate(p.surname);
  const local = rnd.weighted([
    [`${first}.${last}`, 4],
    [`${last}_${first}`, 2],
    [`${first[0]}.${last}`, 2],
    [`${first}${rnd.int(70, 99)}`, 1],
    [`${last}${rnd.int(1, 999)}`, 1],
  ] as const);
  const domain = rnd.weighted(MAIL_DOMAINS);
  const base = `${local}@${domain}`;
  if (!taken.has(base)) {
    taken.add(base);
    return base;
  }
  return unique(taken, () => `${local}${rnd.int(2, 9999)}@${domain}`);
}

function messengers(rnd: Random, p: Pick<Person, 'firstName' | 'surname' | 'phone'>): Messengers | null {
  if (!rnd.chance(0.55)) return null;
  const m: Messengers = {};
  if (rnd.chance(0.6)) m.telegram = `@${transliterate(p.firstName)}_${transliterate(p.surname).slice(0, 4)}${rnd.int(1, 99)}`;
  if (!m.telegram || rnd.chance(0.5)) m.whatsapp = p.phone;
  return m;
}

export function generatePerson(rnd: Random, taken: Taken): Person {
  const gender: Gender = rnd.chance(0.52) ? 'FEMALE' : 'MALE';
  const n = names(rnd, gender);
  const phone = unique(taken.phones, () => `+7${rnd.pick(MOBILE_CODES)}${rnd.digits(7)}`);
  return {
    ...n,
    gender,
    phone,
    iin: unique(taken.iins, () => iin(rnd, gender)),
    passport: unique(taken.passports, () => `N${rnd.digits(8)}`),
    email: email(rnd, n, taken.emails),
    messengers: messengers(rnd, { ...n, phone }),
  };
}
