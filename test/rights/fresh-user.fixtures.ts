import { randomInt, randomUUID } from 'node:crypto';
import type { WithServices } from '../support/in-process.js';
import { iinCheckDigit } from '../../src/privacy/iin-checksum.js';
import { insertPerson } from '../support/persons.js';

export interface FreshUser {
  id: string;
  phone: string;
  surname: string;
  firstName: string;
  patronymic: string;
  email: string;
  iin: string;
  passport: string;
  telegram: string;
  whatsapp: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const letters = (n: number) => Array.from({ length: n }, () => LETTERS[randomInt(26)]).join('');
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');

function validIin(): string {
  for (;;) {
    const first = `9${digits(10)}`;
    const c = iinCheckDigit(first);
    if (c !== null) return `${first}${c}`;
  }
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** A traveller of the test's own, with every personal field filled with values found nowhere else in the database. */
export async function freshTraveller(gw: WithServices): Promise<FreshUser> {
  const tag = letters(8);
  const u: FreshUser = {
    id: randomUUID(),
    phone: `+779${digits(8)}`,
    surname: `Erasova${cap(letters(6))}`,
    firstName: `Zhaniya${cap(letters(6))}`,
    patronymic: `Bolatovna${cap(letters(6))}`,
    email: `z.${tag}@erase-test.kz`,
    iin: validIin(),
    passport: `N${digits(8)}`,
    telegram: `@tg_${tag}`,
    whatsapp: `+4479${digits(8)}`,
  };
  await insertPerson(gw, {
    id: u.id,
    phone: u.phone,
    surname: u.surname,
    firstName: u.firstName,
    patronymic: u.patronymic,
    gender: 'FEMALE',
    iin: u.iin,
    passport: u.passport,
    email: u.email,
    messengers: { telegram: u.telegram, whatsapp: u.whatsapp },
  });
  return u;
}

/** Consents as the app records them: state plus proof event, under the policy version in force. */
export async function grantConsents(gw: WithServices, userId: string, purposes: string[]): Promise<void> {
  await gw.services.sql.rows(
    't_fresh_consents',
    `with v as (select id from policy_versions where published_at <= now() order by published_at desc, id desc limit 1),
      c as (insert into consents (id, user_id, purpose, granted, policy_version_id) select gen_random_uuid(), $1, p, true, v.id from v, unnest($2::text[]) p returning purpose, policy_version_id)
    insert into consent_events (id, user_id, purpose, action, policy_version_id) select gen_random_uuid(), $1, purpose, 'GRANTED', policy_version_id from c`,
    [userId, purposes],
  );
}

export interface PaidBooking {
  bookingId: string;
  paymentId: string;
  tourId: string;
  partnerId: string;
  providerId: string;
}

/** A paid booking of an upcoming tour, with its confirmed payment: an obligation still owed to the user. */
export async function paidUpcomingBooking(gw: WithServices, userId: string): Promise<PaidBooking> {
  const [b] = await gw.services.sql.rows<PaidBooking>(
    't_fresh_booking',
    `with t as (select id, partner_id, price_kzt from tours where status = 'ACTIVE' and starts_on > current_date order by starts_on, id limit 1),
      pr as (select id from partners where kind = 'PAYMENT_PROVIDER' order by id limit 1),
      b as (insert into bookings (id, user_id, tour_id, seats, status, amount_kzt, idempotency_key) select gen_random_uuid(), $1, t.id, 1, 'PAID', t.price_kzt, gen_random_uuid()::text from t returning id, tour_id, amount_kzt),
      p as (insert into payments (id, booking_id, provider_id, amount_kzt, status, external_ref) select gen_random_uuid(), b.id, pr.id, b.amount_kzt, 'CONFIRMED', 'PAY-' || substr(md5(random()::text), 1, 10) from b, pr returning id, provider_id)
    select b.id as "bookingId", p.id as "paymentId", b.tour_id as "tourId", t.partner_id as "partnerId", p.provider_id as "providerId" from b, p, t`,
    [userId],
  );
  return b;
}

/** A published review by the user of a tour they have not reviewed. */
export async function publishedReview(gw: WithServices, userId: string, text: string): Promise<{ reviewId: string; tourId: string }> {
  const [r] = await gw.services.sql.rows<{ reviewId: string; tourId: string }>(
    't_fresh_review',
    `insert into reviews (id, author_id, tour_id, rating, text)
    select gen_random_uuid(), $1, t.id, 4, $2 from tours t where not exists(select 1 from reviews r where r.tour_id = t.id and r.author_id = $1)
    order by t.starts_on, t.id limit 1 returning id as "reviewId", tour_id as "tourId"`,
    [userId, text],
  );
  return r;
}
