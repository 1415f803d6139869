import { AS_OF, addDays, addMinutes } from './calendar.js';
import type { PlainUserRow } from './demo.types.js';
import { emptyTaken, generatePerson, type Person } from './person.generator.js';
import type { Random } from './random.js';
import { DEMO_STAFF } from './staff.data.js';
import { transliterate } from './translit.js';
import { DEMO_TRAVELERS } from './travelers.data.js';

const APP_LAUNCH = new Date('2024-06-01T04:00:00Z');
// Sign-ups stop a few weeks before AS_OF so that every traveller has had time to book.
const SIGN_UP_DAYS = Math.floor((addDays(AS_OF, -24).getTime() - APP_LAUNCH.getTime()) / 86_400_000);

export function staffRows(): PlainUserRow[] {
  return Object.values(DEMO_STAFF).map((s, i) => ({
    id: s.id,
    phone: s.phone,
    surname: s.surname,
    first_name: s.firstName,
    patronymic: null,
    gender: s.gender,
    iin: null,
    passport: null,
    email: `${transliterate(s.firstName)[0]}.${transliterate(s.surname)}@qaztracker.kz`,
    messengers: null,
    role: s.role,
    status: 'ACTIVE',
    created_at: addDays(APP_LAUNCH, -14 + i).toISOString(),
  }));
}

function row(id: string, p: Person, createdAt: Date, blocked: boolean): PlainUserRow {
  return {
    id,
    phone: p.phone,
    surname: p.surname,
    first_name: p.firstName,
    patronymic: p.patronymic,
    gender: p.gender,
    iin: p.iin,
    passport: p.passport,
    email: p.email,
    messengers: p.messengers,
    role: 'TRAVELER',
    status: blocked ? 'BLOCKED' : 'ACTIVE',
    created_at: createdAt.toISOString(),
  };
}

/** `count` travellers: the DEMO_TRAVELERS first, then generated ones with unique phones, IINs, passports and e-mails. */
export function travelerRows(rnd: Random, count: number): PlainUserRow[] {
  const taken = emptyTaken([...Object.values(DEMO_STAFF).map((s) => s.phone), ...DEMO_TRAVELERS.map((t) => t.phone)]);
  for (const t of DEMO_TRAVELERS) {
    taken.iins.add(t.iin);
    taken.passports.add(t.passport);
    taken.emails.add(t.email);
  }
  const out = DEMO_TRAVELERS.map((t, i) => row(t.id, t, addDays(APP_LAUNCH, 9 + i), false));
  while (out.length < count) {
    const createdAt = addMinutes(addDays(APP_LAUNCH, rnd.int(0, SIGN_UP_DAYS)), rnd.int(0, 16 * 60));
    out.push(row(rnd.uuid(), generatePerson(rnd, taken), createdAt, rnd.chance(0.01)));
  }
  return out;
}
