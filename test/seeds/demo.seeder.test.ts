import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';
import { createPiiVault } from '../../src/privacy/pii-vault.js';
import { openPersonalData } from '../../src/users/personal-data.codec.js';
import { isValidIin } from '../../src/privacy/iin-checksum.js';
import { AS_OF, isoDay } from '../../seeds/calendar.js';
import { demoTourCount, generateDemo, validateDemoOptions } from '../../seeds/demo.generator.js';
import { toDatabaseRows } from '../../seeds/demo-rows.mapper.js';
import type { DemoData } from '../../seeds/demo.types.js';
import { DEMO_CLIENTS } from '../../seeds/partners.data.js';
import { DEMO_STAFF } from '../../seeds/staff.data.js';
import { DEMO_TICKETS } from '../../seeds/tickets.data.js';
import { DEMO_TRAVELERS } from '../../seeds/travelers.data.js';

const data = generateDemo({ users: 600 });
const travelers = data.users.filter((u) => u.role === 'TRAVELER');
const asOfDay = isoDay(AS_OF);

function secretHashes(d: DemoData): Map<string, string> {
  return new Map(d.apiClients.map((c) => [c.client_id, `scrypt$test$${c.client_id}`]));
}

describe('demo data generation', () => {
  it('gives every traveller a checksum-valid IIN whose prefix is a birth date with the matching century and sex digit', () => {
    expect(travelers).toHaveLength(600);
    for (const u of travelers) {
      expect(isValidIin(u.iin!)).toBe(true);
      const [yy, mm, dd, cs] = [u.iin!.slice(0, 2), Number(u.iin!.slice(2, 4)), Number(u.iin!.slice(4, 6)), Number(u.iin![6])];
      const century = cs <= 4 ? 1900 : 2000;
      const born = new Date(Date.UTC(century + Number(yy), mm - 1, dd));
      expect(born.getUTCMonth()).toBe(mm - 1);
      expect(AS_OF.getUTCFullYear() - born.getUTCFullYear()).toBeGreaterThanOrEqual(18);
      expect(cs % 2 === 1 ? 'MALE' : 'FEMALE').toBe(u.gender);
      expect([3, 4, 5, 6]).toContain(cs);
    }
  });

  it('is deterministic: the same seed gives identical rows, ids included, and another seed does not', () => {
    const again = generateDemo({ users: 600 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateDemo({ users: 600, seed: 7 });
    expect(other.users[DEMO_TRAVELERS.length + 7].id).not.toBe(data.users[DEMO_TRAVELERS.length + 7].id);
    expect(JSON.stringify(generateDemo({ users: 600, seed: 7 }))).toBe(JSON.stringify(other));
  });

  it('keeps phones, IINs, passports and e-mails unique and well-formed', () => {
    for (const key of ['phone', 'iin', 'passport', 'email'] as const) {
      const values = data.users.map((u) => u[key]).filter((v) => v !== null);
      expect(new Set(values).size).toBe(values.length);
    }
    for (const u of data.users) expect(u.phone).toMatch(/^\+77(0[012578]|47|7[15678])\d{7}$/);
    for (const u of travelers) expect(u.passport).toMatch(/^N\d{8}$/);
    for (const u of travelers) expect(u.email).toMatch(/^[a-z0-9._]+@(mail\.kz|gmail\.com|yandex\.kz)$/);
  });

  it('stores no personal value or client secret in any row destined for the database', () => {
    const rows = toDatabaseRows(data, createPiiVault(loadConfig({ NODE_ENV: 'test' })), secretHashes(data));
    const serialized = JSON.stringify(rows);
    for (const u of travelers) {
      for (const v of [u.iin!, u.passport!, u.phone, u.email!, `"${u.surname}"`, `"${u.first_name}"`]) expect(serialized).not.toContain(v);
    }
    for (const c of DEMO_CLIENTS) expect(serialized).not.toContain(c.clientSecret);
    for (const u of rows.users) {
      expect(Object.keys(u).sort()).toEqual(['created_at', 'gender', 'id', 'iin_bidx', 'passport_bidx', 'phone_bidx', 'pii_enc', 'role', 'status']);
    }
    for (const c of rows.apiClients) expect(c).not.toHaveProperty('client_secret');
    const traveler = rows.users.find((u) => u.role === 'TRAVELER')!;
    expect(traveler.pii_enc).toMatch(/^v1\.dk\./);
    expect(traveler.iin_bidx).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('seals the values of each user under a key of their own, and indexes phone, IIN and passport for exact lookup', () => {
    const vault = createPiiVault(loadConfig({ NODE_ENV: 'test' }));
    const rows = toDatabaseRows(data, vault, secretHashes(data));
    const [first, second] = DEMO_TRAVELERS;
    const row = rows.users.find((u) => u.id === first.id)!;
    const key = rows.userKeys.find((k) => k.user_id === first.id)!;
    expect(new Set(rows.userKeys.map((k) => k.wrapped_key)).size).toBe(rows.users.length);
    expect(openPersonalData(vault, first.id, key.wrapped_key, row.pii_enc)).toMatchObject({ iin: first.iin, passport: first.passport, phone: first.phone, surname: first.surname });
    expect(row.iin_bidx).toBe(vault.blindIndex('IIN', first.iin));
    expect(row.phone_bidx).toBe(vault.blindIndex('PHONE', first.phone));
    expect(() => openPersonalData(vault, second.id, key.wrapped_key, row.pii_enc)).toThrow();
  });

  it('books consistently: seats within capacity, amounts, statuses by tour dates, payments for paid ones', () => {
    const tours = new Map(data.tours.map((t) => [t.id, t]));
    const paid = new Set(data.payments.filter((p) => p.status === 'CONFIRMED').map((p) => p.booking_id));
    const seats = new Map<string, number>();
    for (const b of data.bookings) {
      const t = tours.get(b.tour_id)!;
      expect(b.amount_kzt).toBe(b.seats * t.price_kzt);
      expect(b.created_at < `${t.starts_on}T00:00:00.000Z`).toBe(true);
      if (b.status !== 'CANCELLED') seats.set(t.id, (seats.get(t.id) ?? 0) + b.seats);
      if (b.status === 'COMPLETED') expect(t.ends_on < asOfDay).toBe(true);
      if (b.status === 'PAID' || b.status === 'PENDING_PAYMENT') expect(t.ends_on >= asOfDay).toBe(true);
      expect(paid.has(b.id)).toBe(b.status === 'PAID' || b.status === 'COMPLETED');
    }
    for (const t of data.tours) {
      expect(t.seats_booked).toBe(seats.get(t.id) ?? 0);
      expect(t.seats_booked).toBeLessThanOrEqual(t.capacity);
      expect(t.price_kzt).toBeGreaterThanOrEqual(15_000);
      expect(t.price_kzt).toBeLessThanOrEqual(450_000);
    }
    const keys = data.bookings.map((b) => `${b.user_id}/${b.idempotency_key}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(data.bookings.length / travelers.length).toBeGreaterThan(1.7);
    expect(data.tours).toHaveLength(demoTourCount(600));
  });

  it('records every status step of a booking as an event, in order', () => {
    const steps = new Map<string, string[]>();
    for (const e of data.bookingEvents) steps.set(e.booking_id, [...(steps.get(e.booking_id) ?? []), e.status]);
    const expected: Record<string, string[]> = {
      PENDING_PAYMENT: ['PENDING_PAYMENT'],
      PAID: ['PENDING_PAYMENT', 'PAID'],
      COMPLETED: ['PENDING_PAYMENT', 'PAID', 'COMPLETED'],
      CANCELLED: ['PENDING_PAYMENT', 'CANCELLED'],
    };
    for (const b of data.bookings) expect(steps.get(b.id)).toEqual(expected[b.status]);
  });

  it('has past, running and future tours, up to 2027', () => {
    expect(data.tours.some((t) => t.ends_on < asOfDay)).toBe(true);
    expect(data.tours.some((t) => t.starts_on <= asOfDay && t.ends_on >= asOfDay)).toBe(true);
    expect(data.tours.some((t) => t.starts_on > asOfDay && t.starts_on.startsWith('2027'))).toBe(true);
    for (const t of data.tours) expect(t.created_at <= AS_OF.toISOString()).toBe(true);
  });

  it('dates nothing after AS_OF', () => {
    const last = AS_OF.toISOString();
    const stamps = [
      ...data.bookings.map((b) => b.created_at),
      ...data.bookingEvents.map((e) => e.at),
      ...data.payments.map((p) => p.created_at),
      ...data.consentEvents.map((e) => e.at),
      ...data.reviews.map((r) => r.created_at),
      ...data.users.map((u) => u.created_at),
    ];
    for (const s of stamps) expect(s <= last).toBe(true);
  });

  it('keeps consents equal to the last consent event, with TOUR_BOOKING held by everyone who booked', () => {
    const last = new Map<string, string>();
    for (const e of data.consentEvents) if (e.purpose) last.set(`${e.user_id}/${e.purpose}`, e.action);
    expect(data.consents).toHaveLength(last.size);
    for (const c of data.consents) expect(last.get(`${c.user_id}/${c.purpose}`)).toBe(c.granted ? 'GRANTED' : 'WITHDRAWN');
    const granted = new Set(data.consents.filter((c) => c.purpose === 'TOUR_BOOKING' && c.granted).map((c) => c.user_id));
    for (const b of data.bookings) expect(granted.has(b.user_id)).toBe(true);
    const analytics = data.consents.filter((c) => c.purpose === 'ANALYTICS');
    const withdrawn = analytics.filter((c) => !c.granted).length / analytics.length;
    expect(withdrawn).toBeGreaterThan(0.04);
    expect(withdrawn).toBeLessThan(0.2);
  });

  it('writes at most one review per author and tour, only after a completed booking', () => {
    const completed = new Set(data.bookings.filter((b) => b.status === 'COMPLETED').map((b) => `${b.user_id}/${b.tour_id}`));
    const pairs = data.reviews.map((r) => `${r.author_id}/${r.tour_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const p of pairs) expect(completed.has(p)).toBe(true);
    expect(data.reviews.length).toBeGreaterThan(0);
    for (const r of data.reviews) expect(r.text).not.toMatch(/\d{6,}|@|\+7/);
  });

  it('seeds the well-known staff, travellers, clients and tickets', () => {
    const users = new Map(data.users.map((u) => [u.id, u]));
    for (const s of Object.values(DEMO_STAFF)) expect(users.get(s.id)).toMatchObject({ role: s.role, phone: s.phone, iin: null });
    expect(data.users.filter((u) => u.role === 'ADMIN')).toHaveLength(2);
    for (const t of DEMO_TRAVELERS) {
      expect(users.get(t.id)).toMatchObject({ phone: t.phone, iin: t.iin, role: 'TRAVELER', status: 'ACTIVE' });
      expect(isValidIin(t.iin)).toBe(true);
      const mine = data.bookings
        .filter((b) => b.user_id === t.id)
        .map((b) => b.status)
        .sort();
      expect(mine).toEqual(['COMPLETED', 'PAID']);
    }
    for (const ticket of DEMO_TICKETS) expect(data.supportTickets).toContainEqual(expect.objectContaining({ id: ticket.id, reference: ticket.reference, user_id: ticket.userId }));
    expect(data.apiClients.map((c) => c.client_id)).toEqual(DEMO_CLIENTS.map((c) => c.clientId));
    expect(data.partners.filter((p) => p.kind === 'TOUR_OPERATOR')).toHaveLength(9);
    // One operator abroad, with travellers who did and did not consent to cross-border transfer.
    const abroad = data.partners.filter((p) => p.country !== 'KZ').map((p) => p.id);
    expect(abroad).toHaveLength(1);
    const abroadTours = new Set(data.tours.filter((t) => abroad.includes(t.partner_id)).map((t) => t.id));
    const abroadTravellers = new Set(data.bookings.filter((b) => abroadTours.has(b.tour_id)).map((b) => b.user_id));
    const crossBorder = new Set(data.consents.filter((c) => c.purpose === 'CROSS_BORDER_TRANSFER' && c.granted).map((c) => c.user_id));
    expect([...abroadTravellers].some((u) => crossBorder.has(u))).toBe(true);
    expect([...abroadTravellers].some((u) => !crossBorder.has(u))).toBe(true);
  });

  it('rejects sizes and seeds that are not whole numbers in range', () => {
    for (const users of [0, 2, 1.5, Number.NaN, 2_000_000]) expect(() => validateDemoOptions({ users })).toThrow(RangeError);
    for (const seed of [-1, 0.5, 2 ** 32]) expect(() => validateDemoOptions({ users: 10, seed })).toThrow(RangeError);
    expect(() => validateDemoOptions({ users: 3, seed: 0 })).not.toThrow();
  });
});
